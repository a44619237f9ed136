//! The tag list's OS/arch column: the platforms the image behind each digest runs on.
//!
//! SWR lists a tag's digest, size and push time, never its platform. That is written in the
//! image config of a single-platform image, and in the entries of a multi-platform index. So the
//! list asks here for the digests of the rows in view, once its scrolling has paused, and never
//! for all 20,000 at once.
//!
//! What a digest names never changes, so every answer is kept on disk beside the inspections:
//! - a single-platform image's answer is its inspection, the very file [`super::inspect`] reads,
//!   so a later look at the tag costs one request fewer;
//! - an index's answer is its list of platforms, in `platforms-<digest>.json`.
//!
//! A digest costs two registry reads the first time (manifest, then config), an index one, and
//! none after that. Each read first takes a slot of the account's pacer (here, and in
//! [`super::inspect`] for the reads they share), so a screen of rows stays under SWR's request
//! rate together with whatever else the console does.

use std::path::{Path, PathBuf};

use futures::{stream, StreamExt};
use serde::{Deserialize, Serialize};
use swr_archive::config::OciIndex;

use super::inspect::{cache_file, is_attestation, is_index_type, malformed, platform};
use super::reference::TagOrDigest;
use super::BrowseError;
use crate::sessions::Session;

/// Digests read at once; the pacer decides how fast, this only lets answers overlap.
const AT_ONCE: usize = 4;

/// Digests one call may ask for: a screen of rows, with room to spare.
pub const MAX_DIGESTS: usize = 200;

/// One platform, as `docker` names it (`linux/arm64/v8`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PlatformName {
    pub os: String,
    pub architecture: String,
    pub variant: Option<String>,
}

impl PlatformName {
    /// An empty variant is no variant.
    pub fn new(os: &str, architecture: &str, variant: Option<String>) -> Self {
        Self {
            os: os.to_owned(),
            architecture: architecture.to_owned(),
            variant: variant.filter(|v| !v.is_empty()),
        }
    }
}

impl std::fmt::Display for PlatformName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.os, self.architecture)?;
        match &self.variant {
            Some(v) => write!(f, "/{v}"),
            None => Ok(()),
        }
    }
}

/// The platforms of one digest's image, or why they could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct DigestPlatforms {
    pub digest: String,
    /// One for a single-platform image, one per runnable entry of an index.
    pub platforms: Vec<PlatformName>,
    /// Why nothing could be read (the digest is gone, the registry refused, …).
    pub problem: Option<String>,
}

/// The platforms of each of `digests` (at most [`MAX_DIGESTS`]) in `organization/image`, in
/// the order asked, kept in and read from `cache` when there is one. A digest that cannot be
/// read says why in its own entry; the others are answered all the same.
pub async fn tag_platforms(
    session: &Session,
    cache: Option<&Path>,
    organization: &str,
    image: &str,
    digests: &[String],
) -> Result<Vec<DigestPlatforms>, BrowseError> {
    if digests.len() > MAX_DIGESTS {
        return Err(BrowseError::Invalid(format!(
            "{} digests asked at once; ask for at most {MAX_DIGESTS}",
            digests.len()
        )));
    }
    let repository = format!("{organization}/{image}");
    // The reads are made up front and run a few at a time (a lazy `map` over borrowed
    // arguments would not make a future the app's commands can send between threads).
    let reads: Vec<_> = digests
        .iter()
        .map(|digest| answer(session, cache, &repository, digest))
        .collect();
    Ok(stream::iter(reads).buffered(AT_ONCE).collect().await)
}

async fn answer(
    session: &Session,
    cache: Option<&Path>,
    repository: &str,
    digest: &str,
) -> DigestPlatforms {
    let read = platforms_of(session, cache, repository, digest).await;
    DigestPlatforms {
        digest: digest.to_owned(),
        problem: read.as_ref().err().map(ToString::to_string),
        platforms: read.unwrap_or_default(),
    }
}

/// The platforms of the image `digest` names in `repository`.
pub async fn platforms_of(
    session: &Session,
    cache: Option<&Path>,
    repository: &str,
    digest: &str,
) -> Result<Vec<PlatformName>, BrowseError> {
    let digest = TagOrDigest::digest(digest)?;
    if let Some(known) = cache.and_then(|dir| cached(dir, &digest)) {
        return Ok(known);
    }
    session.paced().await;
    let top = session
        .registry
        .get_manifest(repository, &digest)
        .await?
        .ok_or_else(|| BrowseError::NotFound(format!("{repository} has no manifest {digest}")))?;
    if !is_index_type(&top.media_type) {
        let found = platform(session, cache, repository, &digest, Some(&top.bytes)).await?;
        return Ok(vec![found.name()]);
    }
    let index: OciIndex =
        serde_json::from_slice(&top.bytes).map_err(|e| malformed("the image index", e))?;
    let mut names = Vec::new();
    for entry in index.manifests.iter().filter(|d| !is_attestation(d)) {
        let name = match &entry.platform {
            Some(p) => PlatformName::new(&p.os, &p.architecture, p.variant.clone()),
            // An entry that does not say is read like a single-platform image.
            None => platform(session, cache, repository, &entry.digest, None)
                .await?
                .name(),
        };
        names.push(name);
    }
    // A cache that cannot be written only costs a request next time.
    if let (Some(dir), Ok(text)) = (cache, serde_json::to_vec(&names)) {
        let _ = std::fs::create_dir_all(dir);
        let _ = swr_registry::files::write_atomic(&index_file(dir, &digest), &text);
    }
    Ok(names)
}

fn index_file(cache: &Path, digest: &str) -> PathBuf {
    cache.join(format!("platforms-{}.json", digest.replace(':', "-")))
}

/// What an earlier look left on disk: an inspection of a single-platform image, or the
/// platform list of an index.
fn cached(cache: &Path, digest: &str) -> Option<Vec<PlatformName>> {
    if let Ok(text) = std::fs::read(index_file(cache, digest)) {
        if let Ok(names) = serde_json::from_slice(&text) {
            return Some(names);
        }
    }
    let text = std::fs::read(cache_file(cache, digest)).ok()?;
    let found: super::inspect::PlatformInspection = serde_json::from_slice(&text).ok()?;
    Some(vec![found.name()])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_platform_is_named_as_docker_names_it() {
        let arm = PlatformName::new("linux", "arm64", Some("v8".into()));
        assert_eq!(arm.to_string(), "linux/arm64/v8");
        assert_eq!(
            PlatformName::new("linux", "amd64", Some(String::new())).to_string(),
            "linux/amd64"
        );
    }

    #[test]
    fn an_index_platform_list_on_disk_answers_without_a_request() {
        let dir = tempfile::tempdir().unwrap();
        let digest = format!("sha256:{}", "a".repeat(64));
        assert_eq!(cached(dir.path(), &digest), None);
        let names = vec![
            PlatformName::new("linux", "amd64", None),
            PlatformName::new("windows", "amd64", None),
        ];
        std::fs::write(
            index_file(dir.path(), &digest),
            serde_json::to_vec(&names).unwrap(),
        )
        .unwrap();
        assert_eq!(cached(dir.path(), &digest), Some(names));
    }
}
