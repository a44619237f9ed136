//! Image references as they appear in `RepoTags` and OCI annotations
//! (`[registry/]path[:tag][@digest]`), parsed to the pieces SWR cares about: the organization,
//! the repository below it, and the tag.

/// The annotation containerd and `docker save` write with an image's full name.
pub const CONTAINERD_NAME: &str = "io.containerd.image.name";
/// The OCI ref name: often only a tag (`1.0`), sometimes a full reference.
pub const OCI_REF_NAME: &str = "org.opencontainers.image.ref.name";

/// The name an OCI index entry gives its image: containerd's full name, else the OCI ref name.
/// The validation report and the push plan both read names through this, so the form previews
/// the references that are pushed.
pub fn of_annotations(annotations: &std::collections::BTreeMap<String, String>) -> Option<&str> {
    annotations
        .get(CONTAINERD_NAME)
        .or_else(|| annotations.get(OCI_REF_NAME))
        .map(String::as_str)
}

/// A parsed image reference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    /// Registry host (`swr.cn-north-4.myhuaweicloud.com`, `localhost`, `docker.io`), if named.
    pub domain: Option<String>,
    /// Repository path below the registry: `org/name` or just `name`.
    pub path: String,
    pub tag: Option<String>,
    pub digest: Option<String>,
}

impl Reference {
    /// The first path component when there are two or more: an SWR organization.
    pub fn organization(&self) -> Option<&str> {
        self.path.split_once('/').map(|(org, _)| org)
    }

    /// The repository within the organization (the whole path when there is no organization).
    pub fn repository(&self) -> &str {
        self.path
            .split_once('/')
            .map_or(self.path.as_str(), |(_, repo)| repo)
    }
}

/// Parses a reference, returning a message saying what is wrong.
pub fn parse(input: &str) -> Result<Reference, String> {
    if input.is_empty() {
        return Err("the reference is empty".into());
    }
    if input.len() > 255 + 128 {
        return Err("the reference is too long".into());
    }
    let (name_tag, digest) = match input.split_once('@') {
        Some((n, d)) => {
            if !is_digest(d) {
                return Err(format!("`{d}` is not a valid digest"));
            }
            (n, Some(d.to_owned()))
        }
        None => (input, None),
    };
    let (name, tag) = match name_tag.rfind(':') {
        Some(i) if !name_tag.get(i..).unwrap_or_default().contains('/') => {
            (name_tag.get(..i).unwrap_or_default(), name_tag.get(i + 1..))
        }
        _ => (name_tag, None),
    };
    if let Some(tag) = tag {
        if !is_tag(tag) {
            return Err(format!(
                "`{tag}` is not a valid tag (letters, digits, `_`, `.`, `-`; at most 128)"
            ));
        }
    }
    let mut components: Vec<&str> = name.split('/').collect();
    let domain = match components.first() {
        Some(first)
            if components.len() > 1 && (first.contains(['.', ':']) || *first == "localhost") =>
        {
            let d = (*first).to_owned();
            components.remove(0);
            Some(d)
        }
        _ => None,
    };
    if let Some(d) = &domain {
        if !d
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'))
        {
            return Err(format!("`{d}` is not a valid registry host"));
        }
    }
    for component in &components {
        if !is_path_component(component) {
            return Err(format!(
                "`{component}` is not a valid name component (lowercase letters and digits, separated by `.`, `_`, `__` or `-`)"
            ));
        }
    }
    Ok(Reference {
        domain,
        path: components.join("/"),
        tag: tag.map(str::to_owned),
        digest,
    })
}

fn is_path_component(c: &str) -> bool {
    let bytes = c.as_bytes();
    let (Some(first), Some(last)) = (bytes.first(), bytes.last()) else {
        return false;
    };
    if !first.is_ascii_alphanumeric() || !last.is_ascii_alphanumeric() {
        return false;
    }
    if !bytes
        .iter()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'.' | b'_' | b'-'))
    {
        return false;
    }
    // Separators: `.`, `_`, `__` or a run of `-`; never mixed or doubled otherwise.
    let mut run = String::new();
    for ch in c.chars() {
        if ch.is_ascii_alphanumeric() {
            if !(run.is_empty()
                || run == "."
                || run == "_"
                || run == "__"
                || run.chars().all(|x| x == '-'))
            {
                return false;
            }
            run.clear();
        } else {
            run.push(ch);
        }
    }
    true
}

fn is_tag(t: &str) -> bool {
    let mut chars = t.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphanumeric() || c == '_')
        && t.len() <= 128
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'))
}

fn is_digest(d: &str) -> bool {
    match d.split_once(':') {
        Some(("sha256", hex)) => {
            hex.len() == 64
                && hex
                    .bytes()
                    .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_registry_org_repository_and_tag() {
        let r = parse("swr.cn-north-4.myhuaweicloud.com/team-a/web/api:1.2").unwrap();
        assert_eq!(
            r.domain.as_deref(),
            Some("swr.cn-north-4.myhuaweicloud.com")
        );
        assert_eq!(r.organization(), Some("team-a"));
        assert_eq!(r.repository(), "web/api");
        assert_eq!(r.tag.as_deref(), Some("1.2"));

        let r = parse("localhost/app:latest").unwrap();
        assert_eq!(
            (r.domain.as_deref(), r.organization(), r.repository()),
            (Some("localhost"), None, "app")
        );

        let r = parse("localhost:5000/app").unwrap();
        assert_eq!((r.domain.as_deref(), r.tag), (Some("localhost:5000"), None));

        let r = parse("nginx:1.25").unwrap();
        assert_eq!(
            (r.domain.as_deref(), r.organization(), r.repository()),
            (None, None, "nginx")
        );
    }

    #[test]
    fn rejects_malformed_references() {
        for bad in [
            "",
            "UPPER:1",
            "a//b:1",
            "app:bad tag",
            "app:-x",
            "-app:1",
            "a..b:1",
            "app@sha256:xyz",
        ] {
            assert!(parse(bad).is_err(), "{bad} should be rejected");
        }
    }
}
