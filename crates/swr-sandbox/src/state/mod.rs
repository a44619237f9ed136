//! The sandbox's single source of truth and its persistence.
//!
//! All state sits behind one mutex; handlers take it for short, non-async critical sections
//! (never across an `.await`). After a mutation the caller calls [`Store::persist_soon`]; a
//! background flusher (`app::flush_loop`) then takes a snapshot (a clone, so the lock is held only
//! briefly even with the 100,000-tag scale seed), serialises it off the async workers, writes it
//! to a temporary file and renames it over the region's state file (`state.json` for the first
//! region, see `regions::state_file`), so a crash leaves either the old or the new file. Changes made within ~100 ms are written together; shutdown writes synchronously
//! with [`Store::persist`]. A generation counter keeps an older snapshot from overwriting a newer.

pub mod access;
pub mod accounts;
pub mod model;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard};

use tokio::sync::Notify;

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
    dirty: Notify,
}

impl Store {
    /// Loads the state file at `path`, or returns `None` when there is none yet.
    pub fn load(path: &Path) -> Result<Option<Db>, StoreError> {
        let path = path.to_path_buf();
        match std::fs::read(&path) {
            Ok(bytes) => serde_json::from_slice(&bytes)
                .map(Some)
                .map_err(|source| StoreError::Parse { path, source }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(source) => Err(StoreError::Read { path, source }),
        }
    }

    /// A store writing to the state file `path`.
    pub fn new(path: PathBuf, db: Db) -> Self {
        Self {
            db: Mutex::new(db),
            path,
            generation: AtomicU64::new(0),
            written: Mutex::new(0),
            dirty: Notify::new(),
        }
    }

    /// The state, locked. A poisoned lock is recovered: every mutation leaves `Db` consistent
    /// before it can panic-free return, so the data is still usable.
    pub fn lock(&self) -> MutexGuard<'_, Db> {
        self.db.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Writes the current state to disk now (atomically).
    pub fn persist(&self) -> Result<(), StoreError> {
        let (snapshot, generation) = {
            let db = self.lock();
            (
                db.clone(),
                self.generation.fetch_add(1, Ordering::SeqCst) + 1,
            )
        };
        let bytes = serde_json::to_vec(&snapshot)?;
        drop(snapshot);
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

    /// Asks the flusher to write the state shortly. The in-memory state is already changed and
    /// the client gets its answer at once; a failed write is logged and retried next time.
    pub fn persist_soon(&self) {
        self.dirty.notify_one();
    }

    /// Resolves when the state was marked dirty since the last call.
    pub async fn dirtied(&self) {
        self.dirty.notified().await;
    }
}
