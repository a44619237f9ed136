//! The JSON documents of images (in archives, and as registries serve them), typed only as far
//! as validation, the report and inspection need.
//!
//! Unknown fields are ignored (producers add their own), but a field of the wrong type is an
//! error with serde's position, so a damaged document is reported rather than half-read.

use std::collections::BTreeMap;

use serde::Deserialize;

/// One element of Docker's `manifest.json`.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DockerManifestItem {
    pub config: String,
    #[serde(default)]
    pub repo_tags: Option<Vec<String>>,
    pub layers: Vec<String>,
}

/// An OCI image index (also Docker's manifest list).
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OciIndex {
    #[serde(default)]
    pub manifests: Vec<Descriptor>,
}

/// An OCI image manifest (also Docker's schema 2 manifest).
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OciManifest {
    pub config: Descriptor,
    #[serde(default)]
    pub layers: Vec<Descriptor>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Descriptor {
    #[serde(default)]
    pub media_type: String,
    pub digest: String,
    pub size: u64,
    #[serde(default)]
    pub annotations: BTreeMap<String, String>,
    #[serde(default)]
    pub platform: Option<DescriptorPlatform>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct DescriptorPlatform {
    #[serde(default)]
    pub architecture: String,
    #[serde(default)]
    pub os: String,
    #[serde(default)]
    pub variant: Option<String>,
}

pub const MEDIA_OCI_INDEX: &str = "application/vnd.oci.image.index.v1+json";
pub const MEDIA_DOCKER_LIST: &str = "application/vnd.docker.distribution.manifest.list.v2+json";

/// The image configuration (`application/vnd.oci.image.config.v1+json`).
#[derive(Debug, Deserialize)]
pub struct ImageConfig {
    #[serde(default)]
    pub architecture: Option<String>,
    #[serde(default)]
    pub os: Option<String>,
    #[serde(default)]
    pub variant: Option<String>,
    #[serde(default)]
    pub created: Option<String>,
    #[serde(default)]
    pub config: Option<ContainerConfig>,
    pub rootfs: RootFs,
    /// The build steps, one per instruction; those with `empty_layer` made no layer.
    #[serde(default)]
    pub history: Vec<HistoryEntry>,
}

/// One build step of an image.
#[derive(Debug, Default, Deserialize)]
pub struct HistoryEntry {
    #[serde(default)]
    pub created: Option<String>,
    #[serde(default)]
    pub created_by: Option<String>,
    #[serde(default)]
    pub empty_layer: bool,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ContainerConfig {
    #[serde(default)]
    pub user: Option<String>,
    #[serde(default)]
    pub env: Option<Vec<String>>,
    #[serde(default)]
    pub entrypoint: Option<Vec<String>>,
    #[serde(default)]
    pub cmd: Option<Vec<String>>,
    #[serde(default)]
    pub working_dir: Option<String>,
    #[serde(default)]
    pub labels: Option<BTreeMap<String, String>>,
    #[serde(default)]
    pub exposed_ports: Option<BTreeMap<String, serde_json::Value>>,
    #[serde(default)]
    pub healthcheck: Option<Healthcheck>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Healthcheck {
    #[serde(default)]
    pub test: Option<Vec<String>>,
}

impl Healthcheck {
    /// `HEALTHCHECK NONE` is stored as `["NONE"]` and disables an inherited check.
    pub fn is_enabled(&self) -> bool {
        match &self.test {
            Some(test) => test.first().is_some_and(|t| t != "NONE"),
            None => false,
        }
    }
}

#[derive(Debug, Deserialize)]
pub struct RootFs {
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(default)]
    pub diff_ids: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrong_types_are_errors_and_unknown_fields_are_not() {
        let ok = r#"{"architecture":"amd64","os":"linux","extra":1,"rootfs":{"type":"layers","diff_ids":[]},
            "config":{"Env":["A=1"],"Entrypoint":null,"Healthcheck":{"Test":["NONE"]}}}"#;
        let c: ImageConfig = serde_json::from_str(ok).unwrap();
        assert!(!c.config.unwrap().healthcheck.unwrap().is_enabled());
        let bad = r#"{"rootfs":{"type":"layers","diff_ids":"sha256:abc"}}"#;
        assert!(serde_json::from_str::<ImageConfig>(bad).is_err());
        assert!(serde_json::from_str::<Vec<DockerManifestItem>>(r#"{"Config":"x"}"#).is_err());
    }
}
