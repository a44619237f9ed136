//! OCI distribution client for SWR, built for pushing large images reliably.
//!
//! Generic clients hold layers in memory and give up on the first hiccup; SWR needs more:
//! tokens from its realm that expire mid-push, 503s when a tenant pushes too fast, dropped
//! connections and no resumable uploads. This crate streams every layer from the archive
//! (decompress → check the diff_id → gzip in parallel → hash → socket) in bounded memory,
//! retries with backoff, restarts a failed blob from its first byte, and writes a manifest
//! only once every blob it names is confirmed.
//!
//! * [`Registry`] — auth ([`challenge`], [`auth`]), blob and manifest operations;
//! * [`archive`] — indexing an archive and reading its entries again;
//! * reading manifests and blobs back (inspection, copies between repositories);
//! * [`push`] — the per-image pipeline, blob cache and progress counters.

pub mod archive;
pub mod auth;
pub mod background;
mod blobs;
pub mod challenge;
mod client;
pub mod error;
pub mod files;
mod manifests;
mod pull;
pub mod push;
mod response;
mod transport;

pub use auth::Credentials;
pub use blobs::{BlobProgress, Produced, Producer};
pub use client::{pull_scope, push_scope, Registry, RegistryConfig};
pub use error::Error;
pub use manifests::{sha256_digest, ACCEPT_ALL};
pub use pull::{FetchedManifest, MAX_CONFIG_BYTES, MAX_MANIFEST_BYTES};
pub use push::PushContext;
