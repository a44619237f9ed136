//! What to push for each image of an archive.
//!
//! A Docker archive (`manifest.json`, also written next to an OCI layout by Docker 25+) is
//! converted: its layers are re-sent in the form the manifest we write declares, so only the
//! config bytes are kept as they are. An OCI archive is pushed unchanged: its manifest and
//! index bytes, and every blob, byte for byte, so the digests the producer computed hold.

use serde::Deserialize;

use super::index::{ArchiveIndex, EntryLocation};
use crate::error::{Error, Result};

pub const OCI_MANIFEST: &str = "application/vnd.oci.image.manifest.v1+json";
pub const OCI_INDEX: &str = "application/vnd.oci.image.index.v1+json";
pub const DOCKER_MANIFEST: &str = "application/vnd.docker.distribution.manifest.v2+json";
pub const DOCKER_LIST: &str = "application/vnd.docker.distribution.manifest.list.v2+json";

/// A blob to push unchanged.
#[derive(Debug, Clone)]
pub struct BlobRef {
    pub entry: String,
    pub location: EntryLocation,
    pub digest: String,
    pub size: u64,
}

/// A Docker layer: where its (possibly compressed) tar is, and the diff_id it must have.
#[derive(Debug, Clone)]
pub struct DockerLayer {
    pub entry: String,
    pub location: EntryLocation,
    pub diff_id: String,
}

#[derive(Debug, Clone)]
pub enum ManifestKind {
    Docker {
        config: Vec<u8>,
        layers: Vec<DockerLayer>,
    },
    Oci(OciManifest),
    OciIndex {
        bytes: Vec<u8>,
        media_type: String,
        children: Vec<OciManifest>,
    },
}

#[derive(Debug, Clone)]
pub struct OciManifest {
    pub bytes: Vec<u8>,
    pub media_type: String,
    pub config: BlobRef,
    pub layers: Vec<BlobRef>,
}

/// One image of the archive and the references it carries (`name:tag` or a bare tag).
#[derive(Debug, Clone)]
pub struct ImagePlan {
    pub tags: Vec<String>,
    pub kind: ManifestKind,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct DockerEntry {
    config: String,
    #[serde(default)]
    repo_tags: Option<Vec<String>>,
    layers: Vec<String>,
}

#[derive(Deserialize)]
struct RootFs {
    #[serde(default)]
    diff_ids: Vec<String>,
}

#[derive(Deserialize)]
struct ConfigDoc {
    rootfs: RootFs,
}

#[derive(Deserialize)]
struct Descriptor {
    #[serde(rename = "mediaType", default)]
    media_type: String,
    digest: String,
    size: u64,
    #[serde(default)]
    annotations: std::collections::BTreeMap<String, String>,
}

#[derive(Deserialize)]
struct Index {
    #[serde(rename = "mediaType", default)]
    media_type: Option<String>,
    manifests: Vec<Descriptor>,
}

#[derive(Deserialize)]
struct Manifest {
    #[serde(rename = "mediaType", default)]
    media_type: Option<String>,
    config: Descriptor,
    layers: Vec<Descriptor>,
}

fn bad(message: impl Into<String>) -> Error {
    Error::archive(message)
}

/// Works out the images of an indexed archive.
pub fn plan_images(index: &ArchiveIndex) -> Result<Vec<ImagePlan>> {
    if let Some(doc) = index.doc("manifest.json") {
        return plan_docker(index, doc);
    }
    if let Some(doc) = index.doc("index.json") {
        return plan_oci(index, doc);
    }
    Err(bad("no manifest.json or index.json: not an image archive"))
}

fn plan_docker(index: &ArchiveIndex, doc: &[u8]) -> Result<Vec<ImagePlan>> {
    let entries: Vec<DockerEntry> =
        serde_json::from_slice(doc).map_err(|e| bad(format!("manifest.json is not valid: {e}")))?;
    let mut plans = Vec::new();
    for entry in entries {
        let config = index
            .doc(&entry.config)
            .ok_or_else(|| bad(format!("config `{}` is missing", entry.config)))?
            .to_vec();
        let parsed: ConfigDoc = serde_json::from_slice(&config)
            .map_err(|e| bad(format!("config `{}` is not valid: {e}", entry.config)))?;
        if parsed.rootfs.diff_ids.len() != entry.layers.len() {
            return Err(bad(format!(
                "config `{}` lists {} diff_ids for {} layers",
                entry.config,
                parsed.rootfs.diff_ids.len(),
                entry.layers.len()
            )));
        }
        let layers = entry
            .layers
            .iter()
            .zip(parsed.rootfs.diff_ids)
            .map(|(path, diff_id)| {
                let location = index
                    .locate(path)
                    .ok_or_else(|| bad(format!("layer `{path}` is missing")))?;
                Ok(DockerLayer {
                    entry: path.clone(),
                    location,
                    diff_id,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        plans.push(ImagePlan {
            tags: entry.repo_tags.unwrap_or_default(),
            kind: ManifestKind::Docker { config, layers },
        });
    }
    Ok(plans)
}

fn blob_path(digest: &str) -> Result<String> {
    let (alg, hex) = digest
        .split_once(':')
        .ok_or_else(|| bad(format!("`{digest}` is not a digest")))?;
    if alg != "sha256" || hex.len() != 64 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(bad(format!("unsupported digest `{digest}`")));
    }
    Ok(format!("blobs/{alg}/{hex}"))
}

fn blob_ref(index: &ArchiveIndex, d: &Descriptor) -> Result<BlobRef> {
    let entry = blob_path(&d.digest)?;
    let location = index
        .locate(&entry)
        .ok_or_else(|| bad(format!("blob {} is missing", d.digest)))?;
    if location.size != d.size {
        return Err(bad(format!(
            "blob {} has {} bytes, its descriptor says {}",
            d.digest, location.size, d.size
        )));
    }
    Ok(BlobRef {
        entry,
        location,
        digest: d.digest.clone(),
        size: d.size,
    })
}

fn load_manifest(index: &ArchiveIndex, d: &Descriptor) -> Result<OciManifest> {
    let bytes = index
        .doc(&blob_path(&d.digest)?)
        .ok_or_else(|| bad(format!("manifest {} is missing", d.digest)))?
        .to_vec();
    let m: Manifest = serde_json::from_slice(&bytes)
        .map_err(|e| bad(format!("manifest {} is not valid: {e}", d.digest)))?;
    let media_type = m
        .media_type
        .or_else(|| (!d.media_type.is_empty()).then(|| d.media_type.clone()))
        .unwrap_or_else(|| OCI_MANIFEST.to_owned());
    Ok(OciManifest {
        bytes,
        media_type,
        config: blob_ref(index, &m.config)?,
        layers: m
            .layers
            .iter()
            .map(|l| blob_ref(index, l))
            .collect::<Result<_>>()?,
    })
}

fn plan_oci(index: &ArchiveIndex, doc: &[u8]) -> Result<Vec<ImagePlan>> {
    let top: Index =
        serde_json::from_slice(doc).map_err(|e| bad(format!("index.json is not valid: {e}")))?;
    let mut plans = Vec::new();
    for d in &top.manifests {
        let tags = swr_archive::reference::of_annotations(&d.annotations)
            .map(str::to_owned)
            .into_iter()
            .collect();
        let kind = if d.media_type == OCI_INDEX || d.media_type == DOCKER_LIST {
            let bytes = index
                .doc(&blob_path(&d.digest)?)
                .ok_or_else(|| bad(format!("index {} is missing", d.digest)))?
                .to_vec();
            let inner: Index = serde_json::from_slice(&bytes)
                .map_err(|e| bad(format!("index {} is not valid: {e}", d.digest)))?;
            let children = inner
                .manifests
                .iter()
                .map(|c| load_manifest(index, c))
                .collect::<Result<_>>()?;
            ManifestKind::OciIndex {
                bytes,
                media_type: inner.media_type.unwrap_or_else(|| d.media_type.clone()),
                children,
            }
        } else {
            ManifestKind::Oci(load_manifest(index, d)?)
        };
        plans.push(ImagePlan { tags, kind });
    }
    Ok(plans)
}
