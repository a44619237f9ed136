//! Push progress as shared counters the pipeline bumps and a caller samples when it likes
//! (the queue at ~10 Hz), so fast layers never flood a UI with events.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

/// Counters of one image push. "Bytes" are bytes of the archive read for a layer.
#[derive(Debug, Default)]
pub struct PushProgress {
    total: AtomicU64,
    finished: AtomicU64,
    skipped: AtomicU64,
    uploaded: AtomicU64,
    active: Mutex<BTreeMap<usize, (String, Arc<AtomicU64>)>>,
}

/// A point-in-time view.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProgressSnapshot {
    pub done: u64,
    pub total: u64,
    /// Bytes not sent because the registry already had them.
    pub skipped: u64,
    /// Bytes that went on the wire (compressed) in finished blobs.
    pub uploaded: u64,
    /// The layers being sent now.
    pub current: Vec<String>,
}

impl PushProgress {
    pub fn add_total(&self, bytes: u64) {
        self.total.fetch_add(bytes, Ordering::Relaxed);
    }

    pub fn skip(&self, bytes: u64) {
        self.skipped.fetch_add(bytes, Ordering::Relaxed);
        self.finished.fetch_add(bytes, Ordering::Relaxed);
    }

    /// Registers a layer being sent; its counter is reset by each attempt.
    pub(crate) fn start(&self, slot: usize, label: String) -> Arc<AtomicU64> {
        let counter = Arc::new(AtomicU64::new(0));
        if let Ok(mut a) = self.active.lock() {
            a.insert(slot, (label, counter.clone()));
        }
        counter
    }

    pub(crate) fn finish(&self, slot: usize, read: u64, uploaded: u64) {
        if let Ok(mut a) = self.active.lock() {
            a.remove(&slot);
        }
        self.finished.fetch_add(read, Ordering::Relaxed);
        self.uploaded.fetch_add(uploaded, Ordering::Relaxed);
    }

    pub(crate) fn abandon(&self, slot: usize) {
        if let Ok(mut a) = self.active.lock() {
            a.remove(&slot);
        }
    }

    pub fn snapshot(&self) -> ProgressSnapshot {
        let (in_flight, current) = match self.active.lock() {
            Ok(a) => (
                a.values().map(|(_, c)| c.load(Ordering::Relaxed)).sum(),
                a.values().map(|(l, _)| l.clone()).collect(),
            ),
            Err(_) => (0, Vec::new()),
        };
        let total = self.total.load(Ordering::Relaxed);
        ProgressSnapshot {
            done: (self.finished.load(Ordering::Relaxed) + in_flight).min(total),
            total,
            skipped: self.skipped.load(Ordering::Relaxed),
            uploaded: self.uploaded.load(Ordering::Relaxed),
            current,
        }
    }
}
