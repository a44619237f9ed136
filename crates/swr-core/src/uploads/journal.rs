//! The queue's journal on disk: one JSON file rewritten atomically on every state change.
//!
//! It holds what is needed to pick up after a crash: each item's file, options and state, and
//! the blobs each item already confirmed in the registry. An item found `Running` on load was
//! interrupted and goes back to `Queued`; when it runs again the confirmed blobs are not sent.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::targets::ImageOverride;
use crate::fsio::write_atomic;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "state", rename_all = "camelCase")]
pub enum ItemState {
    Queued,
    Running,
    Done { pushed: Vec<String> },
    Failed { message: String },
    Cancelled,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct JournalItem {
    pub id: u64,
    pub file: PathBuf,
    pub organization: Option<String>,
    pub name: Option<String>,
    pub tag: Option<String>,
    pub compress: bool,
    pub state: ItemState,
    /// Digests confirmed in the registry by this item (`repository@digest`).
    #[serde(default)]
    pub confirmed: BTreeSet<String>,
    /// Name and tag per image index, for archives holding several images.
    #[serde(default)]
    pub images: BTreeMap<usize, ImageOverride>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct Stored {
    next_id: u64,
    items: Vec<JournalItem>,
}

/// The journal; `path: None` keeps it in memory (tests, one-shot CLI runs without a home).
#[derive(Debug, Default)]
pub struct Journal {
    path: Option<PathBuf>,
    data: Stored,
}

#[derive(Debug, thiserror::Error)]
#[error("upload journal {path}: {message}")]
pub struct JournalError {
    pub path: String,
    pub message: String,
}

impl Journal {
    pub fn in_memory() -> Self {
        Self::default()
    }

    /// Loads the journal (a missing file is an empty one) and re-queues interrupted items.
    pub fn open(path: &Path) -> Result<Self, JournalError> {
        let err = |message: String| JournalError {
            path: path.display().to_string(),
            message,
        };
        let mut data: Stored = match std::fs::read(path) {
            Ok(bytes) => {
                serde_json::from_slice(&bytes).map_err(|e| err(format!("not valid: {e}")))?
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Stored::default(),
            Err(e) => return Err(err(e.to_string())),
        };
        for item in &mut data.items {
            if item.state == ItemState::Running {
                item.state = ItemState::Queued;
            }
        }
        Ok(Self {
            path: Some(path.to_owned()),
            data,
        })
    }

    fn save(&self) -> Result<(), JournalError> {
        let Some(path) = &self.path else {
            return Ok(());
        };
        let err = |message: String| JournalError {
            path: path.display().to_string(),
            message,
        };
        let bytes = serde_json::to_vec_pretty(&self.data).map_err(|e| err(e.to_string()))?;
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| err(e.to_string()))?;
        }
        write_atomic(path, &bytes).map_err(|e| err(e.to_string()))
    }

    pub fn items(&self) -> &[JournalItem] {
        &self.data.items
    }

    pub fn item(&self, id: u64) -> Option<&JournalItem> {
        self.data.items.iter().find(|i| i.id == id)
    }

    /// Adds an item in `Queued` state; returns its id.
    pub fn add(
        &mut self,
        file: PathBuf,
        organization: Option<String>,
        name: Option<String>,
        tag: Option<String>,
        compress: bool,
    ) -> Result<u64, JournalError> {
        self.data.next_id += 1;
        let id = self.data.next_id;
        self.data.items.push(JournalItem {
            id,
            file,
            organization,
            name,
            tag,
            compress,
            state: ItemState::Queued,
            confirmed: BTreeSet::new(),
            images: BTreeMap::new(),
        });
        self.save()?;
        Ok(id)
    }

    pub fn set_state(&mut self, id: u64, state: ItemState) -> Result<(), JournalError> {
        if let Some(item) = self.data.items.iter_mut().find(|i| i.id == id) {
            item.state = state;
        }
        self.save()
    }

    /// Sets per-image names and tags of a queued item.
    pub fn set_images(
        &mut self,
        id: u64,
        images: BTreeMap<usize, ImageOverride>,
    ) -> Result<(), JournalError> {
        if let Some(item) = self.data.items.iter_mut().find(|i| i.id == id) {
            item.images = images;
        }
        self.save()
    }

    /// Records a blob confirmed in a repository.
    pub fn confirm(&mut self, id: u64, repository: &str, digest: &str) -> Result<(), JournalError> {
        if let Some(item) = self.data.items.iter_mut().find(|i| i.id == id) {
            if !item.confirmed.insert(format!("{repository}@{digest}")) {
                return Ok(());
            }
        }
        self.save()
    }

    /// Removes finished items (done, failed, cancelled).
    pub fn clear_finished(&mut self) -> Result<(), JournalError> {
        self.data
            .items
            .retain(|i| matches!(i.state, ItemState::Queued | ItemState::Running));
        self.save()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_crash_leaves_running_items_queued_with_their_confirmed_blobs() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("uploads.json");
        let mut j = Journal::open(&path).unwrap();
        let a = j
            .add("a.tar".into(), Some("org".into()), None, None, true)
            .unwrap();
        let b = j
            .add(
                "b.tar".into(),
                None,
                Some("n".into()),
                Some("t".into()),
                false,
            )
            .unwrap();
        j.set_state(
            a,
            ItemState::Done {
                pushed: vec!["r/org/a:1".into()],
            },
        )
        .unwrap();
        j.set_state(b, ItemState::Running).unwrap();
        j.confirm(b, "org/n", "sha256:aa").unwrap();
        drop(j);
        let j = Journal::open(&path).unwrap();
        assert_eq!(
            j.item(a).unwrap().state,
            ItemState::Done {
                pushed: vec!["r/org/a:1".into()]
            }
        );
        let item = j.item(b).unwrap();
        assert_eq!(item.state, ItemState::Queued);
        assert!(item.confirmed.contains("org/n@sha256:aa"));
        assert!(!item.compress);
    }

    #[test]
    fn a_corrupt_journal_is_an_error_not_a_silent_reset() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("uploads.json");
        std::fs::write(&path, "{").unwrap();
        assert!(Journal::open(&path).is_err());
    }
}
