//! Reading from the registry: manifests and small blobs for inspection, whole blobs for a copy.
//!
//! Everything read is checked against its digest before it is used: a manifest's bytes (when the
//! reference is a digest, or against the registry's `Docker-Content-Digest`), a config's bytes,
//! a downloaded blob's stream. Sizes are capped where the content is held in memory, so a
//! hostile or broken registry cannot make the app allocate without bound.

use std::io::Write;

use futures::StreamExt;
use reqwest::header::{ACCEPT, CONTENT_TYPE};
use reqwest::StatusCode;
use sha2::{Digest, Sha256};

use crate::client::{pull_scope, Registry, Retry};
use crate::error::{Error, Result};
use crate::manifests::{sha256_digest, ACCEPT_ALL};
use crate::response::{status_error, url_without_query};

/// Largest manifest we accept (registries commonly refuse more than 4 MiB).
pub const MAX_MANIFEST_BYTES: usize = 4 << 20;
/// Largest blob read into memory (image configs are a few KiB; history-heavy ones ~100 KiB).
pub const MAX_CONFIG_BYTES: usize = 8 << 20;

/// A manifest or index as the registry serves it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FetchedManifest {
    pub media_type: String,
    /// `sha256:<hex>` of `bytes`.
    pub digest: String,
    pub bytes: Vec<u8>,
}

impl Registry {
    /// The manifest (or index) `reference` names in `repository`; `None` when there is none.
    pub async fn get_manifest(
        &self,
        repository: &str,
        reference: &str,
    ) -> Result<Option<FetchedManifest>> {
        let url = self.url(&format!("v2/{repository}/manifests/{reference}"))?;
        let resp = self
            .send(&[pull_scope(repository)], repository, Retry::Yes, &|| {
                Ok(self.http.get(url.clone()).header(ACCEPT, ACCEPT_ALL))
            })
            .await?;
        match resp.status() {
            StatusCode::NOT_FOUND => return Ok(None),
            s if !s.is_success() => return Err(status_error("GET", &url, resp).await),
            _ => {}
        }
        let media_type = resp
            .headers()
            .get(CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(|v| v.split(';').next().unwrap_or(v).trim().to_owned());
        let served_digest = resp
            .headers()
            .get("docker-content-digest")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let bytes = read_capped(resp, MAX_MANIFEST_BYTES, "a manifest").await?;
        let digest = sha256_digest(&bytes);
        let expected = if reference.starts_with("sha256:") {
            Some(reference.to_owned())
        } else {
            served_digest
        };
        if let Some(expected) = expected.filter(|e| *e != digest) {
            return Err(Error::DigestMismatch {
                entry: format!("{repository}:{reference}"),
                expected,
                actual: digest,
            });
        }
        let media_type = media_type
            .filter(|m| !m.is_empty() && m != "application/json")
            .or_else(|| embedded_media_type(&bytes))
            .unwrap_or_default();
        Ok(Some(FetchedManifest {
            media_type,
            digest,
            bytes,
        }))
    }

    /// A small blob (an image config), checked against its digest.
    pub async fn get_blob_bytes(&self, repository: &str, digest: &str) -> Result<Vec<u8>> {
        let resp = self.get_blob(repository, digest).await?;
        let bytes = read_capped(resp, MAX_CONFIG_BYTES, "a config blob").await?;
        check_digest(repository, digest, sha256_digest(&bytes))?;
        Ok(bytes)
    }

    /// Streams a blob into `out`, checking its digest; returns its size. Memory stays constant
    /// whatever the blob's size.
    pub async fn download_blob(
        &self,
        repository: &str,
        digest: &str,
        out: &mut (dyn Write + Send),
    ) -> Result<u64> {
        let resp = self.get_blob(repository, digest).await?;
        let mut hasher = Sha256::new();
        let mut size = 0u64;
        for_each_chunk(resp, |chunk| {
            hasher.update(chunk);
            size += chunk.len() as u64;
            out.write_all(chunk).map_err(|source| Error::Io {
                path: format!("the copy of {digest}"),
                source,
            })
        })
        .await?;
        check_digest(
            repository,
            digest,
            format!("sha256:{}", hex::encode(hasher.finalize())),
        )?;
        Ok(size)
    }
}

impl Registry {
    /// A successful `GET` of a blob, its body not read yet.
    async fn get_blob(&self, repository: &str, digest: &str) -> Result<reqwest::Response> {
        let url = self.url(&format!("v2/{repository}/blobs/{digest}"))?;
        let resp = self
            .send(&[pull_scope(repository)], repository, Retry::Yes, &|| {
                Ok(self.http.get(url.clone()))
            })
            .await?;
        if !resp.status().is_success() {
            return Err(status_error("GET", &url, resp).await);
        }
        Ok(resp)
    }
}

/// Hands each chunk of a response body to `sink` as it arrives.
async fn for_each_chunk(
    resp: reqwest::Response,
    mut sink: impl FnMut(&[u8]) -> Result<()>,
) -> Result<()> {
    let url = url_without_query(resp.url());
    let mut body = resp.bytes_stream();
    while let Some(chunk) = body.next().await {
        let chunk = chunk.map_err(|e| Error::Transport {
            url: url.clone(),
            message: e.to_string(),
        })?;
        sink(&chunk)?;
    }
    Ok(())
}

async fn read_capped(resp: reqwest::Response, cap: usize, what: &str) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    for_each_chunk(resp, |chunk| {
        if out.len() + chunk.len() > cap {
            return Err(Error::Protocol {
                what: what.to_owned(),
                message: format!("larger than {} MiB", cap >> 20),
            });
        }
        out.extend_from_slice(chunk);
        Ok(())
    })
    .await?;
    Ok(out)
}

/// A blob read back must be the one its digest names.
fn check_digest(repository: &str, digest: &str, actual: String) -> Result<()> {
    if actual == digest {
        return Ok(());
    }
    Err(Error::DigestMismatch {
        entry: format!("{repository}@{digest}"),
        expected: digest.to_owned(),
        actual,
    })
}

/// The `mediaType` a manifest names inside itself, for registries that serve a bare JSON type.
fn embedded_media_type(bytes: &[u8]) -> Option<String> {
    #[derive(serde::Deserialize)]
    struct Probe {
        #[serde(rename = "mediaType")]
        media_type: Option<String>,
    }
    serde_json::from_slice::<Probe>(bytes).ok()?.media_type
}
