//! The sandbox's single source of truth and its persistence.
//!
//! All state sits behind one mutex; handlers take it for short, non-async critical sections
//! (never across an `.await`). After a mutation the caller asks [`Store::persist`] to write
//! `state.json`: the snapshot is serialised under the lock, written outside it to a temporary
//! file and renamed over the old one, so a crash leaves either the old or the new file.
//! A generation counter keeps a slow, older snapshot from overwriting a newer one.

pub mod access;
pub mod accounts;
pub mod model;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard};

use model::Db;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot read {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path} is not a sandbox state file: {source}")]
    Parse {
        path: PathBuf,
        source: serde_json::Error,
    },
    #[error("cannot write {path}: {source}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot serialise the state: {0}")]
    Serialise(#[from] serde_json::Error),
}

pub struct Store {
    db: Mutex<Db>,
    path: PathBuf,
    generation: AtomicU64,
    written: Mutex<u64>,
}

impl Store {
    /// Loads `state.json` from `dir`, or returns `None` when the directory has none yet.
    pub fn load(dir: &Path) -> Result<Option<Db>, StoreError> {
        let path = dir.join("state.json");
        match std::fs::read(&path) {
            Ok(bytes) => serde_json::from_slice(&bytes)
                .map(Some)
                .map_err(|source| StoreError::Parse { path, source }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(source) => Err(StoreError::Read { path, source }),
        }
    }

    pub fn new(dir: &Path, db: Db) -> Self {
        Self {
            db: Mutex::new(db),
            path: dir.join("state.json"),
            generation: AtomicU64::new(0),
            written: Mutex::new(0),
        }
    }

    /// The state, locked. A poisoned lock is recovered: every mutation leaves `Db` consistent
    /// before it can panic-free return, so the data is still usable.
    pub fn lock(&self) -> MutexGuard<'_, Db> {
        self.db.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Writes the current state to disk (atomically).
    pub fn persist(&self) -> Result<(), StoreError> {
        let (bytes, generation) = {
            let db = self.lock();
            let generation = self.generation.fetch_add(1, Ordering::SeqCst) + 1;
            (serde_json::to_vec(&*db)?, generation)
        };
        let mut written = self.written.lock().unwrap_or_else(|e| e.into_inner());
        if *written >= generation {
            return Ok(());
        }
        let tmp = self.path.with_extension("json.tmp");
        std::fs::write(&tmp, &bytes)
            .and_then(|()| std::fs::rename(&tmp, &self.path))
            .map_err(|source| StoreError::Write {
                path: self.path.clone(),
                source,
            })?;
        *written = generation;
        Ok(())
    }

    /// Persists, logging instead of failing: the in-memory state is already changed and the
    /// client must get its answer; a failed write is retried by the next mutation.
    pub fn persist_or_log(&self) {
        if let Err(e) = self.persist() {
            tracing::error!("state not saved: {e}");
        }
    }
}
