//! Building blocks of the canonical request (reference §2.2–§2.3).
//!
//! Both the signer and the verifier go through these functions, so a request signed here and
//! checked by the sandbox can only disagree if the bytes on the wire changed.

use percent_encoding::{percent_decode, percent_encode, AsciiSet, NON_ALPHANUMERIC};

/// Everything except the RFC 3986 unreserved characters `A–Z a–z 0–9 - _ . ~` is encoded.
pub(crate) const UNRESERVED_ONLY: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// Percent-encodes bytes with upper-case hex, leaving only unreserved characters alone.
pub fn encode_component(bytes: &[u8]) -> String {
    percent_encode(bytes, UNRESERVED_ONLY).to_string()
}

/// The canonical URI of a wire path: decode, split on `/`, re-encode each segment, and make
/// sure the result ends in `/`.
///
/// Decoding works on bytes, so a path with escaped non-UTF-8 bytes still canonicalises the same
/// way on both sides.
pub fn canonical_uri(wire_path: &str) -> String {
    let decoded: Vec<u8> = percent_decode(wire_path.as_bytes()).collect();
    let mut out = decoded
        .split(|b| *b == b'/')
        .map(encode_component)
        .collect::<Vec<_>>()
        .join("/");
    if !out.ends_with('/') {
        out.push('/');
    }
    out
}

/// The canonical query of raw (unencoded) pairs: sorted by key then value in code-point order,
/// each part encoded, joined with `&`. This is also the exact query string the client sends.
pub fn canonical_query<K: AsRef<[u8]>, V: AsRef<[u8]>>(pairs: &[(K, V)]) -> String {
    let mut sorted: Vec<(&[u8], &[u8])> = pairs
        .iter()
        .map(|(k, v)| (k.as_ref(), v.as_ref()))
        .collect();
    // UTF-8 byte order equals Unicode code-point order, which is what the SDK sorts by.
    sorted.sort();
    sorted
        .into_iter()
        .map(|(k, v)| format!("{}={}", encode_component(k), encode_component(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// Splits a received query string into decoded pairs: `&`-separated, key and value split at the
/// first `=`, percent-decoded, and `+` left as a literal plus (the SDK never encodes a space as
/// `+`).
pub fn parse_raw_query(raw: &str) -> Vec<(Vec<u8>, Vec<u8>)> {
    raw.split('&')
        .filter(|part| !part.is_empty())
        .map(|part| {
            let (k, v) = part.split_once('=').unwrap_or((part, ""));
            (
                percent_decode(k.as_bytes()).collect(),
                percent_decode(v.as_bytes()).collect(),
            )
        })
        .collect()
}

/// Whether a header takes part in the signature: the SDK skips names containing `_`.
pub fn is_signable_header(name: &str) -> bool {
    !name.contains('_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uri_gets_trailing_slash_once() {
        assert_eq!(
            canonical_uri("/v2/manage/namespaces"),
            "/v2/manage/namespaces/"
        );
        assert_eq!(
            canonical_uri("/v2/manage/namespaces/"),
            "/v2/manage/namespaces/"
        );
        assert_eq!(canonical_uri("/"), "/");
        assert_eq!(canonical_uri(""), "/");
    }

    #[test]
    fn uri_reencodes_each_segment() {
        assert_eq!(
            canonical_uri("/a/grp%24sub%20dir~x/1.0%2Bbuild%3A%C3%BC"),
            "/a/grp%24sub%20dir~x/1.0%2Bbuild%3A%C3%BC/"
        );
        // A literal `$` or unescaped space on the wire canonicalises like its escaped form.
        assert_eq!(canonical_uri("/a/b$c d"), "/a/b%24c%20d/");
        // An encoded slash is decoded first and therefore splits the segment (why `$` exists).
        assert_eq!(canonical_uri("/a/b%2Fc"), "/a/b/c/");
    }

    #[test]
    fn query_sorted_by_key_then_value_and_encoded() {
        let q = [
            ("tag", "b"),
            ("limit", "5"),
            ("tag", "a"),
            ("x", "a b|c:d/e+f"),
        ];
        assert_eq!(
            canonical_query(&q),
            "limit=5&tag=a&tag=b&x=a%20b%7Cc%3Ad%2Fe%2Bf"
        );
        assert_eq!(canonical_query::<&str, &str>(&[]), "");
        assert_eq!(canonical_query(&[("empty", "")]), "empty=");
    }

    #[test]
    fn raw_query_parsing_keeps_plus_and_handles_bare_keys() {
        let parsed = parse_raw_query("b=1+2&a&c=%24x&&d=e=f");
        let as_text: Vec<(String, String)> = parsed
            .iter()
            .map(|(k, v)| {
                (
                    String::from_utf8_lossy(k).into_owned(),
                    String::from_utf8_lossy(v).into_owned(),
                )
            })
            .collect();
        assert_eq!(
            as_text,
            vec![
                ("b".into(), "1+2".into()),
                ("a".into(), "".into()),
                ("c".into(), "$x".into()),
                ("d".into(), "e=f".into()),
            ]
        );
        assert_eq!(canonical_query(&parsed), "a=&b=1%2B2&c=%24x&d=e%3Df");
    }
}
