//! Remembers archives that passed validation, so pushing the same unchanged file again does
//! not read it all once more before sending (a re-push then costs a few requests).
//!
//! A file is recognised by its canonical path, size, modification time and (on Unix) device
//! and inode; any change to the file changes one of them and it is validated again. Layers
//! that are actually sent are still checked against their diff_ids as they stream.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use swr_registry::files::HintFile;

/// Entries kept; the oldest are dropped beyond this.
const MAX_ENTRIES: usize = 512;

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
struct Identity {
    path: PathBuf,
    size: u64,
    modified_ns: u128,
    device: u64,
    inode: u64,
}

impl Identity {
    fn of(path: &Path) -> Option<Self> {
        let path = std::fs::canonicalize(path).ok()?;
        let meta = std::fs::metadata(&path).ok()?;
        let modified_ns = meta
            .modified()
            .ok()?
            .duration_since(std::time::UNIX_EPOCH)
            .ok()?
            .as_nanos();
        #[cfg(unix)]
        let (device, inode) = {
            use std::os::unix::fs::MetadataExt;
            (meta.dev(), meta.ino())
        };
        #[cfg(not(unix))]
        let (device, inode) = (0, 0);
        Some(Self {
            path,
            size: meta.len(),
            modified_ns,
            device,
            inode,
        })
    }
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct Stored {
    /// Identity → sequence number (for dropping the oldest).
    entries: BTreeMap<String, u64>,
    next: u64,
}

/// The set of archives known valid, in a file or in memory only.
#[derive(Debug, Default)]
pub struct ValidatedFiles {
    file: HintFile<Stored>,
}

fn key(id: &Identity) -> Option<String> {
    serde_json::to_string(id).ok()
}

impl ValidatedFiles {
    pub fn in_memory() -> Self {
        Self::default()
    }

    /// Loads the list; an unreadable file is an empty list (it only saves work).
    pub fn load(path: &Path) -> Self {
        Self {
            file: HintFile::load(path),
        }
    }

    /// True when this very file (unchanged) passed validation before.
    pub fn contains(&self, file: &Path) -> bool {
        let Some(k) = Identity::of(file).as_ref().and_then(key) else {
            return false;
        };
        self.file.with(|d| d.entries.contains_key(&k)) == Some(true)
    }

    /// Records a file that just passed validation.
    pub fn insert(&self, file: &Path) {
        let Some(k) = Identity::of(file).as_ref().and_then(key) else {
            return;
        };
        self.file.with(|d| {
            d.next += 1;
            let seq = d.next;
            d.entries.insert(k, seq);
            while d.entries.len() > MAX_ENTRIES {
                let oldest = d
                    .entries
                    .iter()
                    .min_by_key(|(_, s)| **s)
                    .map(|(k, _)| k.clone());
                match oldest {
                    Some(k) => d.entries.remove(&k),
                    None => break,
                };
            }
        });
        self.file.save();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_changed_file_is_no_longer_known_valid() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.tar");
        std::fs::write(&file, b"one").unwrap();
        let list = ValidatedFiles::load(&dir.path().join("validated.json"));
        assert!(!list.contains(&file));
        list.insert(&file);
        assert!(list.contains(&file));
        let again = ValidatedFiles::load(&dir.path().join("validated.json"));
        assert!(again.contains(&file), "not persisted");
        std::fs::write(&file, b"two, longer").unwrap();
        assert!(!again.contains(&file));
    }
}
