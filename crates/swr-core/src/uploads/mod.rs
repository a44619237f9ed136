//! The upload queue shared by the desktop app and `swrctl push`.
//!
//! Files are pushed one after another, never in parallel: SWR blacklists tenants that push
//! many images at once. Each file is validated before a byte is sent, its images are pushed
//! to their targets ([`targets`]), progress is sampled at about 10 Hz into [`events`], and
//! every state change is written to a [`journal`] so that after a crash the queue comes back
//! with each item's state, and a resumed item does not resend blobs it already confirmed.
//!
//! One planner ([`targets::resolve_targets`], on SWR's naming rules) and one runner
//! ([`UploadQueue`]) serve both front ends. `swrctl push` drives the queue directly and prints
//! its events; the desktop app wraps it in the [`UploadManager`] (drafts, validation reports,
//! the form's preview, retries, a live-progress cache for a screen opened mid-push). Failures
//! carry a [`journal::FailureKind`] ([`failure`]) that both word the same way.

pub mod events;
pub mod failure;
pub mod journal;
pub mod manager;
mod progress;
pub mod queue;
pub mod targets;
pub mod validated;

pub use events::{LayerProgress, Step, UploadEvent};
pub use failure::UploadError;
pub use journal::{FailureKind, ItemState, Journal, JournalItem, JournalLock};
pub use manager::{
    ImageOverrideInput, ImageTarget, ManagerError, TargetInput, TargetProblem, UploadItemView,
    UploadManager, UploadsSignal, UploadsView, ValidationState,
};
pub use queue::{ItemOutcome, RegistryResolver, UploadQueue};
pub use targets::{resolve_targets, ImageOverride, TargetError, TargetOverrides};
pub use validated::ValidatedFiles;
