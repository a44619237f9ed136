//! Path parameters as SWR wants them on the wire (reference §1.4).
//!
//! Every parameter is percent-encoded with only the unreserved characters left alone. Repository
//! names additionally have `/` replaced by `$` first: an encoded slash would be decoded by the
//! signer's canonicalisation and split the segment, so the signature could never match.

use crate::signing::encode_component;

/// Encodes an ordinary path parameter (organization, tag, trigger, account name, ids).
pub fn param(value: &str) -> String {
    encode_component(value.as_bytes())
}

/// Encodes a repository name for a path: `group/app` → `group%24app`.
pub fn repo(name: &str) -> String {
    encode_component(name.replace('/', "$").as_bytes())
}

/// The reverse of the `$` rule, for a server reading a decoded path segment.
pub fn repo_from_path(segment: &str) -> String {
    segment.replace('$', "/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repository_slashes_become_dollars() {
        assert_eq!(repo("group/app"), "group%24app");
        assert_eq!(repo("a/b/c"), "a%24b%24c");
        assert_eq!(repo("plain"), "plain");
        assert_eq!(repo_from_path("a$b$c"), "a/b/c");
    }

    #[test]
    fn params_keep_only_unreserved_characters() {
        assert_eq!(param("1.0+build:ü"), "1.0%2Bbuild%3A%C3%BC");
        assert_eq!(param("a b~c_d-e"), "a%20b~c_d-e");
        assert_eq!(param("x/y"), "x%2Fy");
    }
}
