//! Pushing one image of an archive: blobs first (skipped, mounted or streamed), the manifest
//! last, then a HEAD to check the registry serves exactly what we sent.
//!
//! Invariant: no tag is written before every blob its manifest names is confirmed in the
//! target repository, so a failed or cancelled push leaves no half-visible image.

pub mod cache;
pub mod compress;
mod image;
pub mod producers;
pub mod progress;

pub use cache::BlobCache;
pub use image::{push_image, PushContext, PushOptions, PushedImage, Target};
pub use progress::{LayerSnapshot, ProgressSnapshot, PushPhase, PushProgress};
