//! What is inside a pushed tag, read from the registry: platforms, layers, config and history.
//!
//! SWR's console shows a tag's size and digest only; everything else needs `docker pull` and
//! `docker inspect`. Here the manifest (or index), each platform's manifest and its config are
//! read (a few KiB each, never a layer) and described in the shape of the pre-upload report.
//! What a digest names never changes, so each platform's description is kept on disk by its
//! manifest digest and a tag costs one manifest request after the first look.
//!
//! Every read takes a slot of the account's pacer first: a tag is two or three reads, but an
//! index of many platforms is two per platform, and they share SWR's request rate with the rest
//! of the console.
//!
//! The JSON field names are snake_case like the archive report; `swrctl inspect --json` prints
//! this same shape.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use swr_archive::config::{Descriptor, ImageConfig, OciIndex, OciManifest};

use super::platforms::PlatformName;
use super::pull::{pull_commands, PullCommand};
use super::reference::TagOrDigest;
use super::BrowseError;
use crate::sessions::Session;

/// A tag or digest, inspected.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Inspection {
    /// `org/image:tag` or `org/image@digest`.
    pub reference: String,
    /// Digest of what the reference names (the index for a multi-platform image).
    pub digest: String,
    pub media_type: String,
    pub is_index: bool,
    /// One entry per platform; one for a single-platform image.
    pub platforms: Vec<PlatformInspection>,
    pub pull: Vec<PullCommand>,
}

/// One platform's image.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PlatformInspection {
    pub os: String,
    pub architecture: String,
    pub variant: Option<String>,
    /// Digest of this platform's manifest.
    pub digest: String,
    pub config_digest: String,
    /// Compressed bytes of all layers, as pulled.
    pub size: u64,
    pub layers: Vec<LayerInfo>,
    pub config: ImageConfigView,
    pub history: Vec<HistoryStep>,
    /// Best-practice hints the configuration alone gives (those of the pre-upload report that
    /// need no layer's files): root user, no HEALTHCHECK.
    pub hints: Vec<InspectionHint>,
}

impl PlatformInspection {
    /// The platform, as `docker` names it.
    pub fn name(&self) -> PlatformName {
        PlatformName::new(&self.os, &self.architecture, self.variant.clone())
    }
}

/// A best-practice hint, with the same stable ids as the archive report's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct InspectionHint {
    /// e.g. `hint.runs_as_root`.
    pub id: String,
    pub message: String,
    pub advice: String,
}

/// One layer as stored in the registry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct LayerInfo {
    pub digest: String,
    pub size: u64,
    pub media_type: String,
    /// The build instruction that made it, from the config's history.
    pub created_by: Option<String>,
}

/// What a container started from the image gets.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ImageConfigView {
    pub entrypoint: Vec<String>,
    pub cmd: Vec<String>,
    pub env: Vec<String>,
    pub labels: Vec<Label>,
    pub exposed_ports: Vec<String>,
    pub user: String,
    pub working_dir: String,
    pub created: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Label {
    pub key: String,
    pub value: String,
}

/// One build step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct HistoryStep {
    pub created: Option<String>,
    pub created_by: String,
    pub empty_layer: bool,
    /// The layer this step made, when it made one.
    pub layer_digest: Option<String>,
}

/// Index entries that describe no runnable image (build attestations) are left out.
pub(super) fn is_attestation(d: &Descriptor) -> bool {
    d.annotations
        .get("vnd.docker.reference.type")
        .is_some_and(|t| t == "attestation-manifest")
        || d.platform
            .as_ref()
            .is_some_and(|p| p.os == "unknown" && p.architecture == "unknown")
}

pub(super) fn is_index_type(media_type: &str) -> bool {
    media_type == swr_archive::config::MEDIA_OCI_INDEX
        || media_type == swr_archive::config::MEDIA_DOCKER_LIST
}

pub(super) fn malformed(what: &str, e: impl std::fmt::Display) -> BrowseError {
    BrowseError::Registry(swr_registry::Error::Protocol {
        what: what.to_owned(),
        message: e.to_string(),
    })
}

/// Inspects `organization/image` at `reference`; `cache` is a folder for platform descriptions.
pub async fn inspect(
    session: &Session,
    cache: Option<&Path>,
    organization: &str,
    image: &str,
    reference: &TagOrDigest,
) -> Result<Inspection, BrowseError> {
    let repository = format!("{organization}/{image}");
    session.paced().await;
    let top = session
        .registry
        .get_manifest(&repository, reference.as_str())
        .await?
        .ok_or_else(|| {
            BrowseError::NotFound(format!("{repository} has no {}", reference.as_str()))
        })?;
    let is_index = is_index_type(&top.media_type);
    let mut platforms = Vec::new();
    if is_index {
        let index: OciIndex =
            serde_json::from_slice(&top.bytes).map_err(|e| malformed("the image index", e))?;
        for entry in index.manifests.iter().filter(|d| !is_attestation(d)) {
            platforms.push(platform(session, cache, &repository, &entry.digest, None).await?);
        }
    } else {
        platforms.push(platform(session, cache, &repository, &top.digest, Some(&top.bytes)).await?);
    }
    let tag = match reference {
        TagOrDigest::Tag(t) => t.as_str(),
        TagOrDigest::Digest(_) => "latest",
    };
    let shown = match reference {
        TagOrDigest::Tag(t) => format!("{repository}:{t}"),
        TagOrDigest::Digest(d) => format!("{repository}@{d}"),
    };
    let mut pull = pull_commands(&session.registry_host, &repository, tag, Some(&top.digest));
    if matches!(reference, TagOrDigest::Digest(_)) {
        // Only the digest names this image: offer no guessed tag.
        for p in &mut pull {
            if let Some(d) = p.by_digest.clone() {
                p.by_tag = d;
            }
        }
    }
    Ok(Inspection {
        reference: shown,
        digest: top.digest,
        media_type: top.media_type,
        is_index,
        platforms,
        pull,
    })
}

pub(super) fn cache_file(cache: &Path, digest: &str) -> PathBuf {
    cache.join(format!("{}.json", digest.replace(':', "-")))
}

/// One platform's description: from the disk when an earlier look kept it, otherwise from its
/// manifest (`bytes`, when the caller already holds them) and its config, each read paced.
pub(super) async fn platform(
    session: &Session,
    cache: Option<&Path>,
    repository: &str,
    digest: &str,
    bytes: Option<&[u8]>,
) -> Result<PlatformInspection, BrowseError> {
    if let Some(dir) = cache {
        if let Ok(text) = std::fs::read(cache_file(dir, digest)) {
            if let Ok(found) = serde_json::from_slice::<PlatformInspection>(&text) {
                return Ok(found);
            }
        }
    }
    let fetched;
    let bytes = match bytes {
        Some(b) => b,
        None => {
            session.paced().await;
            fetched = session
                .registry
                .get_manifest(repository, digest)
                .await?
                .ok_or_else(|| {
                    BrowseError::NotFound(format!("{repository} has no manifest {digest}"))
                })?;
            &fetched.bytes
        }
    };
    let manifest: OciManifest =
        serde_json::from_slice(bytes).map_err(|e| malformed("the image manifest", e))?;
    session.paced().await;
    let config_bytes = session
        .registry
        .get_blob_bytes(repository, &manifest.config.digest)
        .await?;
    let config: ImageConfig =
        serde_json::from_slice(&config_bytes).map_err(|e| malformed("the image config", e))?;
    let found = describe(digest, &manifest, &config);
    if let Some(dir) = cache {
        // A cache that cannot be written only costs a request next time.
        let _ = std::fs::create_dir_all(dir);
        if let Ok(text) = serde_json::to_vec(&found) {
            let _ = swr_registry::files::write_atomic(&cache_file(dir, digest), &text);
        }
    }
    Ok(found)
}

/// Puts a manifest and its config into the inspection shape: each non-empty history step is
/// paired with the layer it made, in order.
pub fn describe(digest: &str, manifest: &OciManifest, config: &ImageConfig) -> PlatformInspection {
    let mut layers: Vec<LayerInfo> = manifest
        .layers
        .iter()
        .map(|l| LayerInfo {
            digest: l.digest.clone(),
            size: l.size,
            media_type: l.media_type.clone(),
            created_by: None,
        })
        .collect();
    let mut next_layer = 0;
    let history = config
        .history
        .iter()
        .map(|h| {
            let layer_digest = if h.empty_layer {
                None
            } else {
                let layer = layers.get_mut(next_layer);
                next_layer += 1;
                layer.map(|l| {
                    l.created_by.clone_from(&h.created_by);
                    l.digest.clone()
                })
            };
            HistoryStep {
                created: h.created.clone(),
                created_by: h.created_by.clone().unwrap_or_default(),
                empty_layer: h.empty_layer,
                layer_digest,
            }
        })
        .collect();
    let c = config.config.as_ref();
    let list = |v: Option<&Vec<String>>| v.cloned().unwrap_or_default();
    let healthcheck = c
        .and_then(|c| c.healthcheck.as_ref())
        .is_some_and(|h| h.is_enabled());
    let hints = swr_archive::config_hints(c.and_then(|c| c.user.as_deref()), healthcheck, &[])
        .into_iter()
        .map(|h| InspectionHint {
            id: h.id.to_owned(),
            message: h.message,
            advice: h.advice.to_owned(),
        })
        .collect();
    PlatformInspection {
        os: config.os.clone().unwrap_or_default(),
        architecture: config.architecture.clone().unwrap_or_default(),
        variant: config.variant.clone(),
        digest: digest.to_owned(),
        config_digest: manifest.config.digest.clone(),
        size: manifest.layers.iter().map(|l| l.size).sum(),
        layers,
        config: ImageConfigView {
            entrypoint: list(c.and_then(|c| c.entrypoint.as_ref())),
            cmd: list(c.and_then(|c| c.cmd.as_ref())),
            env: list(c.and_then(|c| c.env.as_ref())),
            labels: c
                .and_then(|c| c.labels.as_ref())
                .map(|l| {
                    l.iter()
                        .map(|(k, v)| Label {
                            key: k.clone(),
                            value: v.clone(),
                        })
                        .collect()
                })
                .unwrap_or_default(),
            exposed_ports: c
                .and_then(|c| c.exposed_ports.as_ref())
                .map(|p| p.keys().cloned().collect())
                .unwrap_or_default(),
            user: c.and_then(|c| c.user.clone()).unwrap_or_default(),
            working_dir: c.and_then(|c| c.working_dir.clone()).unwrap_or_default(),
            created: config.created.clone(),
        },
        history,
        hints,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn history_steps_are_paired_with_the_layers_they_made() {
        let manifest: OciManifest = serde_json::from_str(
            r#"{"config":{"mediaType":"c","digest":"sha256:cfg","size":3},
                "layers":[{"mediaType":"l","digest":"sha256:l1","size":100},
                          {"mediaType":"l","digest":"sha256:l2","size":20}]}"#,
        )
        .unwrap();
        let config: ImageConfig = serde_json::from_str(
            r#"{"architecture":"arm64","os":"linux","variant":"v8",
                "config":{"Entrypoint":["/app"],"Env":["A=1"],"ExposedPorts":{"8080/tcp":{}},
                          "Labels":{"team":"web"},"User":"1000","WorkingDir":"/srv"},
                "rootfs":{"type":"layers","diff_ids":["sha256:d1","sha256:d2"]},
                "history":[{"created_by":"ADD rootfs /"},
                           {"created_by":"ENV A=1","empty_layer":true},
                           {"created_by":"COPY app /app"}]}"#,
        )
        .unwrap();
        let p = describe("sha256:m", &manifest, &config);
        assert_eq!((p.os.as_str(), p.architecture.as_str()), ("linux", "arm64"));
        assert_eq!(p.size, 120);
        assert_eq!(p.layers[1].created_by.as_deref(), Some("COPY app /app"));
        assert_eq!(p.history[1].layer_digest, None);
        assert_eq!(p.history[2].layer_digest.as_deref(), Some("sha256:l2"));
        assert_eq!(p.config.exposed_ports, ["8080/tcp"]);
        assert_eq!(p.config.labels[0].key, "team");
        assert_eq!(p.config_digest, "sha256:cfg");
        // User 1000 is not root; no HEALTHCHECK is defined.
        let ids: Vec<&str> = p.hints.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(ids, ["hint.no_healthcheck"]);
    }
}
