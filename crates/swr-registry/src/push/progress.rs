//! Push progress as shared counters the pipeline bumps and a caller samples when it likes
//! (the queue at ~10 Hz), so fast layers never flood a UI with events.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU64, AtomicU8, Ordering};
use std::sync::{Arc, Mutex};

/// What an image push is doing: sending blobs, writing its manifest (tags), or reading the
/// tags back to check the registry serves what was sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PushPhase {
    #[default]
    Blobs,
    Manifest,
    Verifying,
}

impl PushPhase {
    fn from_u8(v: u8) -> Self {
        match v {
            1 => Self::Manifest,
            2 => Self::Verifying,
            _ => Self::Blobs,
        }
    }

    fn as_u8(self) -> u8 {
        match self {
            Self::Blobs => 0,
            Self::Manifest => 1,
            Self::Verifying => 2,
        }
    }
}

/// A blob being sent.
struct Active {
    label: String,
    total: u64,
    read: Arc<AtomicU64>,
}

/// Counters of one image push. "Bytes" are bytes of the archive read for a layer.
#[derive(Default)]
pub struct PushProgress {
    total: AtomicU64,
    finished: AtomicU64,
    skipped: AtomicU64,
    uploaded: AtomicU64,
    phase: AtomicU8,
    active: Mutex<BTreeMap<usize, Active>>,
}

impl std::fmt::Debug for PushProgress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PushProgress")
            .field("phase", &self.phase())
            .field("snapshot", &self.snapshot())
            .finish()
    }
}

/// One blob in flight: its slot in the image (the layer's index in the manifest; the config
/// comes after the layers), its archive entry, and archive bytes read of it so far.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LayerSnapshot {
    pub index: usize,
    pub name: String,
    pub done: u64,
    pub total: u64,
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
    /// The same layers with their own progress, by index.
    pub layers: Vec<LayerSnapshot>,
}

impl PushProgress {
    pub fn add_total(&self, bytes: u64) {
        self.total.fetch_add(bytes, Ordering::Relaxed);
    }

    pub fn skip(&self, bytes: u64) {
        self.skipped.fetch_add(bytes, Ordering::Relaxed);
        self.finished.fetch_add(bytes, Ordering::Relaxed);
    }

    pub fn phase(&self) -> PushPhase {
        PushPhase::from_u8(self.phase.load(Ordering::Relaxed))
    }

    pub(crate) fn set_phase(&self, phase: PushPhase) {
        self.phase.store(phase.as_u8(), Ordering::Relaxed);
    }

    /// Registers a layer being sent (`total` archive bytes); its counter is reset by each
    /// attempt.
    pub(crate) fn start(&self, slot: usize, label: String, total: u64) -> Arc<AtomicU64> {
        let read = Arc::new(AtomicU64::new(0));
        if let Ok(mut a) = self.active.lock() {
            a.insert(
                slot,
                Active {
                    label,
                    total,
                    read: read.clone(),
                },
            );
        }
        read
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
        let layers: Vec<LayerSnapshot> = match self.active.lock() {
            Ok(a) => a
                .iter()
                .map(|(&index, l)| LayerSnapshot {
                    index,
                    name: l.label.clone(),
                    done: l.read.load(Ordering::Relaxed).min(l.total),
                    total: l.total,
                })
                .collect(),
            Err(_) => Vec::new(),
        };
        let in_flight: u64 = layers.iter().map(|l| l.done).sum();
        let current = layers.iter().map(|l| l.name.clone()).collect();
        let total = self.total.load(Ordering::Relaxed);
        ProgressSnapshot {
            done: (self.finished.load(Ordering::Relaxed) + in_flight).min(total),
            total,
            skipped: self.skipped.load(Ordering::Relaxed),
            uploaded: self.uploaded.load(Ordering::Relaxed),
            current,
            layers,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layers_in_flight_show_their_own_progress_and_leave_when_done() {
        let p = PushProgress::default();
        assert_eq!(p.phase(), PushPhase::Blobs);
        p.add_total(300);
        let a = p.start(1, "b/layer.tar".into(), 200);
        let c = p.start(0, "a/layer.tar".into(), 100);
        a.store(50, Ordering::Relaxed);
        c.store(150, Ordering::Relaxed);
        let snap = p.snapshot();
        assert_eq!(
            snap.layers,
            vec![
                LayerSnapshot {
                    index: 0,
                    name: "a/layer.tar".into(),
                    done: 100,
                    total: 100
                },
                LayerSnapshot {
                    index: 1,
                    name: "b/layer.tar".into(),
                    done: 50,
                    total: 200
                },
            ]
        );
        assert_eq!(snap.current, vec!["a/layer.tar", "b/layer.tar"]);
        assert_eq!(snap.done, 150);
        p.finish(0, 100, 80);
        p.abandon(1);
        let snap = p.snapshot();
        assert!(snap.layers.is_empty() && snap.current.is_empty());
        assert_eq!((snap.done, snap.uploaded), (100, 80));
    }

    #[test]
    fn the_phase_follows_the_push() {
        let p = PushProgress::default();
        for phase in [PushPhase::Manifest, PushPhase::Verifying, PushPhase::Blobs] {
            p.set_phase(phase);
            assert_eq!(p.phase(), phase);
        }
    }
}
