//! Re-reading a validated archive to push it.
//!
//! swr-archive validates in one streaming pass but hands out reports, not readers. Pushing
//! needs the raw bytes of the config, the manifests and each layer, so this module indexes the
//! archive's tar entries once (keeping only small JSON documents in memory), works out what
//! to push ([`plan`]), and opens any entry again as a reader ([`source`]). An uncompressed
//! `.tar` is seeked into, so layers can be read in parallel; a compressed one is read by a
//! single forward cursor, so layers must be asked for in archive order.
//!
//! This overlaps with swr-archive's scanner; the two can be merged once swr-archive exposes
//! entry offsets and readers.

pub mod index;
pub mod plan;
pub mod source;

pub use index::{ArchiveIndex, EntryLocation};
pub use plan::{plan_images, BlobRef, ImagePlan, ManifestKind};
pub use source::ArchiveSource;
