//! What the user learns about an archive: its images, their configuration, layers, efficiency
//! and best-practice hints. These types go to JSON (`swrctl validate --json`) and to the UI.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::stream::Compression;

/// The producer family of an archive, from its layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "kebab-case")]
pub enum ArchiveFormat {
    /// `manifest.json` with `<id>/layer.tar` (Docker before 25, podman, skopeo docker-archive).
    DockerArchive,
    /// `manifest.json` next to an OCI layout (Docker 25 and later, classic or containerd store).
    DockerOciLayout,
    /// `oci-layout` + `index.json` only (skopeo/buildah oci-archive).
    OciArchive,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ArchiveReport {
    pub format: Option<ArchiveFormat>,
    /// Compression of the file itself.
    pub compression: Compression,
    pub file_size: u64,
    pub images: Vec<ImageReport>,
}

#[derive(Debug, Clone, Default, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Platform {
    pub os: String,
    pub architecture: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub variant: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ImageReport {
    /// Tagged names (`org/name:tag`); empty for an untagged image.
    pub references: Vec<String>,
    /// `sha256:<hex>` of the image config (the image id).
    pub config_digest: String,
    pub platform: Platform,
    pub created: Option<String>,
    pub entrypoint: Option<Vec<String>>,
    pub cmd: Option<Vec<String>>,
    pub user: Option<String>,
    pub working_dir: Option<String>,
    pub exposed_ports: Vec<String>,
    pub labels: BTreeMap<String, String>,
    /// Names only: values often hold secrets and are never reported.
    pub env_names: Vec<String>,
    pub healthcheck: bool,
    pub layers: Vec<LayerReport>,
    /// Sum of the layers' sizes as stored in the archive.
    pub stored_size: u64,
    /// Sum of the layers' uncompressed sizes.
    pub uncompressed_size: u64,
    pub efficiency: Option<Efficiency>,
    pub hints: Vec<Hint>,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct LayerReport {
    /// `sha256:<hex>` of the uncompressed tar.
    pub diff_id: String,
    /// Archive entry holding the layer.
    pub entry: String,
    /// How the layer is stored in the archive.
    pub compression: Compression,
    /// Bytes in the archive (compressed size when the layer is compressed).
    pub stored_size: u64,
    pub uncompressed_size: u64,
    /// Entries in the layer's tar (files, directories, links, whiteouts).
    pub entries: u64,
}

/// Space lost to files that later layers overwrite or delete (they still ship in the image).
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Efficiency {
    /// 1.0 when no byte is wasted; the share of file bytes still visible in the final image.
    pub score: f64,
    pub wasted_bytes: u64,
    /// File bytes added over all layers.
    pub total_file_bytes: u64,
    /// Paths costing the most wasted bytes.
    pub wasted_files: Vec<FileSize>,
    /// Largest files visible in the final filesystem.
    pub largest_files: Vec<FileSize>,
    /// The file lists were capped; figures are lower bounds.
    pub capped: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct FileSize {
    pub path: String,
    pub bytes: u64,
    /// Index of the layer the file comes from (the last one that wrote it).
    pub layer: usize,
}

/// A best-practice suggestion (never makes an archive invalid).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Hint {
    /// Stable id, e.g. `hint.runs_as_root`.
    pub id: &'static str,
    pub message: String,
    pub advice: &'static str,
}
