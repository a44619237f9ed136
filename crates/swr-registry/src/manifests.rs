//! Manifest PUT and HEAD.
//!
//! Manifests are sent as the exact bytes we (or the archive) produced, since their digest is
//! the image's identity; after pushing, HEAD tells us what the registry now serves for the tag.

use reqwest::header::{ACCEPT, CONTENT_TYPE};
use reqwest::StatusCode;
use sha2::{Digest, Sha256};

use crate::client::{push_scope, Registry, Retry};
use crate::error::Result;
use crate::response::status_error;

pub const ACCEPT_ALL: &str = "application/vnd.oci.image.manifest.v1+json, application/vnd.oci.image.index.v1+json, application/vnd.docker.distribution.manifest.v2+json, application/vnd.docker.distribution.manifest.list.v2+json";

/// `sha256:<hex>` of some bytes.
pub fn sha256_digest(bytes: &[u8]) -> String {
    format!("sha256:{}", hex::encode(Sha256::digest(bytes)))
}

impl Registry {
    /// PUTs a manifest under a tag or digest; returns its digest.
    pub async fn put_manifest(
        &self,
        repository: &str,
        reference: &str,
        media_type: &str,
        bytes: &[u8],
    ) -> Result<String> {
        let url = self.url(&format!("v2/{repository}/manifests/{reference}"))?;
        let body = bytes::Bytes::copy_from_slice(bytes);
        let resp = self
            .send(&[push_scope(repository)], repository, Retry::Yes, &|| {
                Ok(self
                    .http
                    .put(url.clone())
                    .header(CONTENT_TYPE, media_type)
                    .body(body.clone()))
            })
            .await?;
        if resp.status() != StatusCode::CREATED && resp.status() != StatusCode::OK {
            return Err(status_error("PUT", &url, resp).await);
        }
        Ok(sha256_digest(bytes))
    }

    /// The digest the registry serves for `reference`, if any.
    pub async fn manifest_digest(
        &self,
        repository: &str,
        reference: &str,
    ) -> Result<Option<String>> {
        let url = self.url(&format!("v2/{repository}/manifests/{reference}"))?;
        let resp = self
            .send(&[push_scope(repository)], repository, Retry::Yes, &|| {
                Ok(self.http.head(url.clone()).header(ACCEPT, ACCEPT_ALL))
            })
            .await?;
        match resp.status() {
            s if s.is_success() => Ok(resp
                .headers()
                .get("docker-content-digest")
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned)),
            StatusCode::NOT_FOUND => Ok(None),
            _ => Err(status_error("HEAD", &url, resp).await),
        }
    }
}
