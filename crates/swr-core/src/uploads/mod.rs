//! The upload queue shared by the desktop app and `swrctl push`.
//!
//! Files are pushed one after another, never in parallel: SWR blacklists tenants that push
//! many images at once. Each file is validated before a byte is sent, its images are pushed
//! to their targets ([`targets`]), progress is sampled at about 10 Hz into [`events`], and
//! every state change is written to a [`journal`] so that after a crash the queue comes back
//! with each item's state, and a resumed item does not resend blobs it already confirmed.

pub mod events;
pub mod journal;
pub mod manager;
pub mod queue;
pub mod targets;
pub mod validated;

pub use events::{LayerProgress, Step, UploadEvent};
pub use journal::{FailureKind, ItemState, Journal, JournalItem, JournalLock};
pub use manager::{
    ImageOverrideInput, ImageTarget, ManagerError, TargetInput, TargetProblem, UploadItemView,
    UploadManager, UploadsSignal, UploadsView, ValidationState,
};
pub use queue::{ItemOutcome, RegistryResolver, UploadError, UploadQueue};
pub use targets::{resolve_targets, ImageOverride, TargetError, TargetOverrides};
pub use validated::ValidatedFiles;
