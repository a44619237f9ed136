//! What the queue tells its listeners. One tagged enum so the UI and `swrctl --json` share a
//! format; `Progress` is throttled by the queue (≈10 Hz), never per chunk.

use serde::Serialize;

use super::journal::FailureKind;

/// A phase of an item, for status lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub enum Step {
    Validating,
    Indexing,
    Pushing,
    Verifying,
}

/// One layer in flight.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct LayerProgress {
    /// The layer's digest or archive entry.
    pub name: String,
    pub done: u64,
    pub total: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "event", rename_all = "camelCase")]
pub enum UploadEvent {
    #[serde(rename_all = "camelCase")]
    Started { item: u64, file: String },
    #[serde(rename_all = "camelCase")]
    Step {
        item: u64,
        step: Step,
        /// The image reference concerned, when there is one.
        reference: Option<String>,
    },
    #[serde(rename_all = "camelCase")]
    Progress {
        item: u64,
        done: u64,
        total: u64,
        bytes_per_sec: f64,
        eta_secs: Option<f64>,
        current_layer: Option<String>,
        /// Bytes not sent because the registry already had them.
        skipped: u64,
        /// The layers being sent now.
        layers: Vec<LayerProgress>,
    },
    /// A transient failure: the item waits and is tried again (blobs already sent are kept).
    #[serde(rename_all = "camelCase")]
    Waiting {
        item: u64,
        kind: FailureKind,
        message: String,
        retry_in_secs: u64,
    },
    #[serde(rename_all = "camelCase")]
    Finished {
        item: u64,
        /// `registry/org/name:tag@digest` of every reference pushed and verified.
        pushed: Vec<String>,
    },
    #[serde(rename_all = "camelCase")]
    Failed {
        item: u64,
        message: String,
        kind: FailureKind,
        /// Worth trying again later (network, registry busy).
        transient: bool,
    },
    /// Stopped by the user; nothing was tagged.
    #[serde(rename_all = "camelCase")]
    Cancelled { item: u64 },
}
