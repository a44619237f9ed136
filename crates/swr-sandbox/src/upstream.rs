//! Direct calls from the sandbox to the real registry behind the gateway.
//!
//! The gateway proxies clients' traffic; this module is for what SWR itself does to stored
//! images: deleting tags (management API, retention), retagging, and pushing the demo seed.
//! The registry (distribution 2.8) can only delete a manifest by digest, which untags every tag
//! pointing at it; [`Upstream::delete_tag`] therefore re-pushes the manifest for the tags that
//! must survive.

use bytes::Bytes;
use reqwest::StatusCode;

#[derive(Debug, thiserror::Error)]
pub enum UpstreamError {
    #[error("registry request failed: {0}")]
    Http(#[from] reqwest::Error),
    #[error("registry answered {status} to {what}")]
    Status { what: String, status: StatusCode },
}

#[derive(Clone)]
pub struct Upstream {
    pub base: String,
    pub client: reqwest::Client,
}

impl Upstream {
    pub fn new(base: &str) -> Self {
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .pool_idle_timeout(std::time::Duration::from_secs(30))
            .build()
            .unwrap_or_default();
        Self {
            base: base.trim_end_matches('/').to_string(),
            client,
        }
    }

    fn check(what: String, status: StatusCode) -> Result<(), UpstreamError> {
        if status.is_success() {
            Ok(())
        } else {
            Err(UpstreamError::Status { what, status })
        }
    }

    pub async fn put_manifest(
        &self,
        name: &str,
        reference: &str,
        media_type: &str,
        body: Bytes,
    ) -> Result<(), UpstreamError> {
        let url = format!("{}/v2/{name}/manifests/{reference}", self.base);
        let resp = self
            .client
            .put(&url)
            .header(reqwest::header::CONTENT_TYPE, media_type)
            .body(body)
            .send()
            .await?;
        Self::check(format!("PUT manifest {name}:{reference}"), resp.status())
    }

    pub async fn delete_manifest(&self, name: &str, digest: &str) -> Result<(), UpstreamError> {
        let url = format!("{}/v2/{name}/manifests/{digest}", self.base);
        let resp = self.client.delete(&url).send().await?;
        // Already gone is fine: the goal is that it is not there.
        if resp.status() == StatusCode::NOT_FOUND {
            return Ok(());
        }
        Self::check(format!("DELETE manifest {name}@{digest}"), resp.status())
    }

    /// Removes `digest` from `name` and re-tags `keep` (tag, media type, manifest) afterwards.
    pub async fn delete_tag(
        &self,
        name: &str,
        digest: &str,
        keep: &[(String, String, String)],
    ) -> Result<(), UpstreamError> {
        self.delete_manifest(name, digest).await?;
        for (tag, media_type, manifest) in keep {
            self.put_manifest(name, tag, media_type, Bytes::from(manifest.clone()))
                .await?;
        }
        Ok(())
    }

    /// Uploads a blob in one request (used by the seed for its small layers).
    pub async fn put_blob(
        &self,
        name: &str,
        digest: &str,
        data: Bytes,
    ) -> Result<(), UpstreamError> {
        let head = self
            .client
            .head(format!("{}/v2/{name}/blobs/{digest}", self.base))
            .send()
            .await?;
        if head.status().is_success() {
            return Ok(());
        }
        // distribution 2.8 ignores a body on POST: open a session, then PUT the bytes.
        let start = self
            .client
            .post(format!("{}/v2/{name}/blobs/uploads/", self.base))
            .send()
            .await?;
        Self::check(format!("POST upload {name}"), start.status())?;
        let location = start
            .headers()
            .get(reqwest::header::LOCATION)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_string();
        let url = if location.starts_with("http") {
            location
        } else {
            format!("{}{location}", self.base)
        };
        let sep = if url.contains('?') { '&' } else { '?' };
        let resp = self
            .client
            .put(format!("{url}{sep}digest={digest}"))
            .header(reqwest::header::CONTENT_TYPE, "application/octet-stream")
            .body(data)
            .send()
            .await?;
        Self::check(format!("PUT blob {name}@{digest}"), resp.status())
    }
}
