//! Direct calls from the sandbox to the real registry behind the gateway.
//!
//! The gateway proxies clients' traffic; this module is for what SWR itself does to stored
//! images: deleting tags (management API, retention), retagging, copying images to another
//! region (synchronisation), and pushing the demo seed. The registry (distribution 2.8) can
//! only delete a manifest by digest, which untags every tag pointing at it;
//! [`Upstream::delete_tag`] therefore re-pushes the manifest for the tags that must survive.
//!
//! Every name given to these methods is a repository as clients see it (`org/app`); the
//! region's path prefix (see `regions`) is added here.

use bytes::Bytes;
use reqwest::StatusCode;

#[derive(Debug, thiserror::Error)]
pub enum UpstreamError {
    #[error("registry request failed: {0}")]
    Http(#[from] reqwest::Error),
    #[error("registry answered {status} to {what}")]
    Status { what: String, status: StatusCode },
}

/// Manifest media types the sandbox asks the registry for, so it answers with what was pushed.
const MANIFEST_TYPES: [&str; 5] = [
    "application/vnd.oci.image.index.v1+json",
    "application/vnd.docker.distribution.manifest.list.v2+json",
    "application/vnd.oci.image.manifest.v1+json",
    "application/vnd.docker.distribution.manifest.v2+json",
    "application/vnd.docker.distribution.manifest.v1+prettyjws",
];

#[derive(Clone)]
pub struct Upstream {
    pub base: String,
    pub client: reqwest::Client,
    /// Put in front of every repository path: empty, or `0-<region>/`.
    prefix: String,
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
            prefix: String::new(),
        }
    }

    /// The same registry (and connection pool) seen through another region's path prefix.
    pub fn with_prefix(&self, prefix: &str) -> Self {
        Self {
            prefix: prefix.to_string(),
            ..self.clone()
        }
    }

    pub fn prefix(&self) -> &str {
        &self.prefix
    }

    /// The upstream repository path of the client-visible repository `name`.
    pub fn path(&self, name: &str) -> String {
        format!("{}{name}", self.prefix)
    }

    /// `<base>/v2/<prefix><name>/<rest>`.
    pub fn url(&self, name: &str, rest: &str) -> String {
        format!("{}/v2/{}/{rest}", self.base, self.path(name))
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
        let url = self.url(name, &format!("manifests/{reference}"));
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
        let url = self.url(name, &format!("manifests/{digest}"));
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
        if self.has_blob(name, digest).await? {
            return Ok(());
        }
        // distribution 2.8 ignores a body on POST: open a session, then PUT the bytes.
        let start = self
            .client
            .post(self.url(name, "blobs/uploads/"))
            .send()
            .await?;
        Self::check(format!("POST upload {name}"), start.status())?;
        let session = self.location(&start);
        self.finish_upload(name, &session, digest, reqwest::Body::from(data), None)
            .await
    }

    pub async fn has_blob(&self, name: &str, digest: &str) -> Result<bool, UpstreamError> {
        let head = self
            .client
            .head(self.url(name, &format!("blobs/{digest}")))
            .send()
            .await?;
        Ok(head.status().is_success())
    }

    /// The absolute URL of a response's `Location` (an upload session).
    fn location(&self, resp: &reqwest::Response) -> String {
        let location = resp
            .headers()
            .get(reqwest::header::LOCATION)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default();
        if location.starts_with("http") {
            location.to_string()
        } else {
            format!("{}{location}", self.base)
        }
    }

    /// Completes the upload session at `session` with the whole blob in one PUT.
    async fn finish_upload(
        &self,
        name: &str,
        session: &str,
        digest: &str,
        body: reqwest::Body,
        length: Option<u64>,
    ) -> Result<(), UpstreamError> {
        let sep = if session.contains('?') { '&' } else { '?' };
        let mut put = self
            .client
            .put(format!("{session}{sep}digest={digest}"))
            .header(reqwest::header::CONTENT_TYPE, "application/octet-stream");
        if let Some(length) = length {
            put = put.header(reqwest::header::CONTENT_LENGTH, length);
        }
        let resp = put.body(body).send().await?;
        Self::check(format!("PUT blob {name}@{digest}"), resp.status())
    }

    /// Makes blob `digest` of `from` (a repository of `source`, possibly another region's
    /// view of the same registry) present in `name`: nothing when it is there already, a
    /// cross-repository mount when the registry can do it, else a streamed copy.
    pub async fn copy_blob(
        &self,
        source: &Upstream,
        from: &str,
        name: &str,
        digest: &str,
    ) -> Result<(), UpstreamError> {
        if self.has_blob(name, digest).await? {
            return Ok(());
        }
        let query = url::form_urlencoded::Serializer::new(String::new())
            .append_pair("mount", digest)
            .append_pair("from", &source.path(from))
            .finish();
        let start = self
            .client
            .post(format!("{}?{query}", self.url(name, "blobs/uploads/")))
            .send()
            .await?;
        if start.status() == StatusCode::CREATED {
            return Ok(());
        }
        Self::check(format!("POST upload {name}"), start.status())?;
        tracing::debug!(%digest, %from, to = %name, "mount refused; copying the blob");
        let session = self.location(&start);
        let blob = source
            .client
            .get(source.url(from, &format!("blobs/{digest}")))
            .send()
            .await?;
        Self::check(format!("GET blob {from}@{digest}"), blob.status())?;
        let length = blob.content_length();
        let body = reqwest::Body::wrap_stream(blob.bytes_stream());
        self.finish_upload(name, &session, digest, body, length)
            .await
    }

    /// A manifest's exact bytes and media type, fetched by digest or tag.
    pub async fn get_manifest(
        &self,
        name: &str,
        reference: &str,
    ) -> Result<(Bytes, String), UpstreamError> {
        let resp = self
            .client
            .get(self.url(name, &format!("manifests/{reference}")))
            .header(reqwest::header::ACCEPT, MANIFEST_TYPES.join(", "))
            .send()
            .await?;
        Self::check(format!("GET manifest {name}:{reference}"), resp.status())?;
        let media_type = resp
            .headers()
            .get(reqwest::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_string();
        Ok((resp.bytes().await?, media_type))
    }
}
