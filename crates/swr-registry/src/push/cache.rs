//! What we know about blobs in each registry, kept on disk between runs.
//!
//! Two facts make a re-push cheap. A layer's compressed digest depends on how it was
//! compressed, so we remember diff_id → (digest, size) per registry: the next push of the same
//! layer can ask the registry about that digest without compressing anything. And we remember
//! which repositories hold each digest, so a push into a new repository can mount the blob
//! instead of uploading it. Both facts are hints: the registry is always asked (HEAD, mount)
//! before anything is skipped.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::files::HintFile;

/// Repositories remembered per blob, newest last; older ones are dropped beyond this.
const MAX_REPOS_PER_BLOB: usize = 8;

#[derive(Debug, Default, Serialize, Deserialize)]
struct RegistryBlobs {
    /// diff_id → compressed blob (`sha256:…` keys).
    #[serde(default)]
    gzip: BTreeMap<String, (String, u64)>,
    /// digest → repositories known to hold it.
    #[serde(default)]
    locations: BTreeMap<String, Vec<String>>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct Data {
    #[serde(default)]
    registries: BTreeMap<String, RegistryBlobs>,
}

/// The blob-info cache, in a file or in memory only.
#[derive(Debug, Default)]
pub struct BlobCache {
    file: HintFile<Data>,
}

impl BlobCache {
    pub fn in_memory() -> Self {
        Self::default()
    }

    /// Loads the cache file; a missing or unreadable file starts an empty cache (it is only
    /// a hint).
    pub fn load(path: &Path) -> Self {
        Self {
            file: HintFile::load(path),
        }
    }

    fn with<T>(&self, f: impl FnOnce(&mut Data) -> T) -> Option<T> {
        self.file.with(f)
    }

    /// The gzip blob last made from this diff_id for this registry.
    pub fn gzip_for(&self, registry: &str, diff_id: &str) -> Option<(String, u64)> {
        self.with(|d| d.registries.get(registry)?.gzip.get(diff_id).cloned())
            .flatten()
    }

    pub fn record_gzip(&self, registry: &str, diff_id: &str, digest: &str, size: u64) {
        self.with(|d| {
            d.registries
                .entry(registry.to_owned())
                .or_default()
                .gzip
                .insert(diff_id.to_owned(), (digest.to_owned(), size));
        });
    }

    /// Repositories of `registry` believed to hold `digest`, most recent first.
    pub fn repositories_with(&self, registry: &str, digest: &str) -> Vec<String> {
        self.with(|d| {
            d.registries
                .get(registry)
                .and_then(|r| r.locations.get(digest))
                .map(|v| v.iter().rev().cloned().collect())
                .unwrap_or_default()
        })
        .unwrap_or_default()
    }

    pub fn record_location(&self, registry: &str, digest: &str, repository: &str) {
        self.with(|d| {
            let repos = d
                .registries
                .entry(registry.to_owned())
                .or_default()
                .locations
                .entry(digest.to_owned())
                .or_default();
            repos.retain(|r| r != repository);
            repos.push(repository.to_owned());
            if repos.len() > MAX_REPOS_PER_BLOB {
                repos.remove(0);
            }
        });
    }

    /// Writes the cache (atomically). Errors are logged, not fatal.
    pub fn save(&self) {
        self.file.save();
    }
}

/// The set of digests a caller already confirmed in the target repository (from a journal).
pub type Confirmed = BTreeSet<String>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn survives_a_save_and_load_and_keeps_registries_apart() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("blobs.json");
        let cache = BlobCache::load(&path);
        cache.record_gzip("r1", "sha256:d", "sha256:c", 10);
        cache.record_location("r1", "sha256:c", "org/a");
        cache.record_location("r1", "sha256:c", "org/b");
        cache.save();
        let again = BlobCache::load(&path);
        assert_eq!(
            again.gzip_for("r1", "sha256:d"),
            Some(("sha256:c".into(), 10))
        );
        assert_eq!(again.gzip_for("r2", "sha256:d"), None);
        assert_eq!(
            again.repositories_with("r1", "sha256:c"),
            vec!["org/b", "org/a"]
        );
    }

    #[test]
    fn a_corrupt_file_is_an_empty_cache() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("blobs.json");
        std::fs::write(&path, b"{not json").unwrap();
        assert_eq!(BlobCache::load(&path).gzip_for("r", "d"), None);
    }
}
