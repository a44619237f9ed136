//! What the queue tells its listeners. One tagged enum so the UI and `swrctl --json` share a
//! format; `Progress` is throttled by the queue (≈10 Hz), never per chunk.

use serde::Serialize;

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

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(
    tag = "event",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum UploadEvent {
    Started {
        item: u64,
        file: String,
    },
    Step {
        item: u64,
        step: Step,
        /// The image reference concerned, when there is one.
        reference: Option<String>,
    },
    Progress {
        item: u64,
        done: u64,
        total: u64,
        bytes_per_sec: f64,
        eta_secs: Option<f64>,
        current_layer: Option<String>,
        /// Bytes not sent because the registry already had them.
        skipped: u64,
    },
    Finished {
        item: u64,
        /// `registry/org/name:tag@digest` of every reference pushed and verified.
        pushed: Vec<String>,
    },
    Failed {
        item: u64,
        message: String,
        /// Worth trying again later (network, registry busy).
        transient: bool,
    },
}
