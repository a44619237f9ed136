//! `ORG/IMAGE:TAG` and `ORG/IMAGE@sha256:…`: the image references users type and copy.
//!
//! SWR image names may contain `/` (`team/api/v2`), so the organization is the first segment,
//! the image everything up to the tag; a `:` only starts a tag after the last `/`. Each part is
//! checked with SWR's own naming rules, so a typo is refused with the rule it breaks before any
//! request is sent.

use swr_api::rules::{validate_namespace, validate_repository, validate_tag};

use super::BrowseError;

/// A tag or a manifest digest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TagOrDigest {
    Tag(String),
    Digest(String),
}

impl TagOrDigest {
    /// Reads a bare tag or `sha256:<64 hex>`.
    pub fn parse(text: &str) -> Result<Self, BrowseError> {
        if text.starts_with("sha256:") {
            return Self::digest(text).map(Self::Digest);
        }
        validate_tag(text).map_err(|v| BrowseError::Invalid(format!("tag `{text}`: {v}")))?;
        Ok(Self::Tag(text.to_owned()))
    }

    /// Reads `sha256:<64 hex>` where only a digest will do, in lower case.
    pub fn digest(text: &str) -> Result<String, BrowseError> {
        match text.strip_prefix("sha256:") {
            Some(hex) if hex.len() == 64 && hex.bytes().all(|b| b.is_ascii_hexdigit()) => {
                Ok(text.to_ascii_lowercase())
            }
            _ => Err(BrowseError::Invalid(format!(
                "`{text}` is not a digest: expected sha256: followed by 64 hexadecimal digits"
            ))),
        }
    }

    /// The text the registry takes in a manifest URL.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Tag(t) | Self::Digest(t) => t,
        }
    }
}

/// A parsed image reference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImageRef {
    pub organization: String,
    pub image: String,
    /// `None` when only `ORG/IMAGE` was given.
    pub reference: Option<TagOrDigest>,
}

impl ImageRef {
    /// Reads `ORG/IMAGE`, `ORG/IMAGE:TAG` or `ORG/IMAGE@sha256:…`. A registry host in front
    /// (`swr.cn-north-4.myhuaweicloud.com/org/image:tag`) is accepted and dropped.
    pub fn parse(text: &str) -> Result<Self, BrowseError> {
        let text = text.trim();
        let (path, reference) = match text.split_once('@') {
            Some((path, digest)) => (path, Some(TagOrDigest::parse(digest)?)),
            None => {
                let last_slash = text.rfind('/').unwrap_or(0);
                match text[last_slash..].rfind(':') {
                    Some(i) => {
                        let at = last_slash + i;
                        (&text[..at], Some(TagOrDigest::parse(&text[at + 1..])?))
                    }
                    None => (text, None),
                }
            }
        };
        let mut segments: Vec<&str> = path.split('/').collect();
        // A first segment with a dot or a port is a registry host, as in a pull command.
        if segments.len() > 2 && segments[0].contains(['.', ':']) {
            segments.remove(0);
        }
        let Some((organization, image)) =
            segments.split_first().filter(|(_, rest)| !rest.is_empty())
        else {
            return Err(BrowseError::Invalid(format!(
                "`{text}` names no image: write ORGANIZATION/IMAGE, optionally with :TAG or @sha256:…"
            )));
        };
        let image = image.join("/");
        validate_namespace(organization)
            .map_err(|v| BrowseError::Invalid(format!("organization `{organization}`: {v}")))?;
        validate_repository(&image)
            .map_err(|v| BrowseError::Invalid(format!("image `{image}`: {v}")))?;
        Ok(Self {
            organization: (*organization).to_owned(),
            image,
            reference,
        })
    }

    /// `ORG/IMAGE`.
    pub fn repository(&self) -> String {
        format!("{}/{}", self.organization, self.image)
    }

    /// The reference, or an error naming what is missing (`what` says what it is for).
    pub fn require_reference(&self, what: &str) -> Result<&TagOrDigest, BrowseError> {
        self.reference.as_ref().ok_or_else(|| {
            BrowseError::Invalid(format!(
                "{what} needs a tag or digest: write {}:TAG or {}@sha256:…",
                self.repository(),
                self.repository()
            ))
        })
    }
}

impl std::fmt::Display for ImageRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.repository())?;
        match &self.reference {
            Some(TagOrDigest::Tag(t)) => write!(f, ":{t}"),
            Some(TagOrDigest::Digest(d)) => write!(f, "@{d}"),
            None => Ok(()),
        }
    }
}

/// The images `references` name, each once, in order: `(organization, image)`. A reference
/// that names none is left out.
pub fn images_of(references: &[String]) -> Vec<(String, String)> {
    let mut images: Vec<(String, String)> = Vec::new();
    for reference in references {
        // A pushed reference carries both its tag and its digest; the image is before either.
        let named = reference
            .split_once('@')
            .map_or(reference.as_str(), |(name, _)| name);
        if let Ok(parsed) = ImageRef::parse(named) {
            let image = (parsed.organization, parsed.image);
            if !images.contains(&image) {
                images.push(image);
            }
        }
    }
    images
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_push_names_each_image_it_went_to_once() {
        let digest = format!("sha256:{}", "d".repeat(64));
        let pushed = [
            format!("127.0.0.1:5000/demo-apps/web:1.4@{digest}"),
            format!("127.0.0.1:5000/demo-apps/web:latest@{digest}"),
            format!("swr.cn-north-4.myhuaweicloud.com/team/api/v2:1@{digest}"),
            "not a reference".to_owned(),
        ];
        assert_eq!(
            images_of(&pushed),
            [
                ("demo-apps".to_owned(), "web".to_owned()),
                ("team".to_owned(), "api/v2".to_owned()),
            ]
        );
    }

    const DIGEST: &str = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    #[test]
    fn reads_tags_digests_nested_names_and_pull_addresses() {
        let r = ImageRef::parse("team/api/v2:1.0").unwrap();
        assert_eq!(
            (r.organization.as_str(), r.image.as_str()),
            ("team", "api/v2")
        );
        assert_eq!(r.reference, Some(TagOrDigest::Tag("1.0".into())));
        let r = ImageRef::parse(&format!("team/web@{DIGEST}")).unwrap();
        assert_eq!(r.reference, Some(TagOrDigest::Digest(DIGEST.into())));
        assert_eq!(r.to_string(), format!("team/web@{DIGEST}"));
        let r = ImageRef::parse("127.0.0.1:5000/team/web:v1").unwrap();
        assert_eq!(r.to_string(), "team/web:v1");
        let r = ImageRef::parse("team/web").unwrap();
        assert!(r.reference.is_none());
        assert!(r.require_reference("inspect").is_err());
    }

    #[test]
    fn refuses_what_swr_would_with_the_rule() {
        for bad in [
            "web",
            "team/",
            "team/web:",
            "team/web@sha256:12",
            "Team/web:v1",
        ] {
            let e = ImageRef::parse(bad).unwrap_err().to_string();
            assert!(!e.is_empty(), "{bad}");
        }
        let e = ImageRef::parse("team/web:bad tag").unwrap_err().to_string();
        assert!(e.starts_with("tag `bad tag`"), "{e}");
    }
}
