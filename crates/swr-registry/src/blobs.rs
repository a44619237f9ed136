//! Blob operations: existence checks, cross-repository mounts and verified streaming uploads.
//!
//! An upload goes as `docker push` does it: POST opens a session, one PATCH streams the whole
//! blob (no `Content-Length`, so nothing is buffered), PUT `?digest=` commits it. The digest
//! is computed by the producer while the bytes flow, and the registry checks it on PUT; the
//! PUT is only sent once the producer says the content is what it should be (a layer whose
//! diff_id does not match is never committed). SWR cannot resume a blob, so any failure
//! after the POST abandons the session (DELETE) and starts again from the first byte.

use std::io;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;

use bytes::Bytes;
use futures::StreamExt;
use reqwest::header::{CONTENT_LENGTH, CONTENT_TYPE};
use reqwest::StatusCode;
use tokio_util::sync::CancellationToken;

use crate::client::{pull_scope, push_scope, Registry, Retry};
use crate::error::{Error, Result};
use crate::response::{is_retryable, status_error, url_without_query};

/// What a producer sent: the digest and length of exactly the bytes that went out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Produced {
    pub digest: String,
    pub size: u64,
}

/// Writes a blob's bytes, front to back, through `emit`; blocking; called again from the
/// start for every attempt. It must fail (rather than return) if the content is wrong.
pub type Producer =
    Arc<dyn Fn(&mut dyn FnMut(Bytes) -> io::Result<()>) -> Result<Produced> + Send + Sync>;

/// Bytes of a blob sent so far in the current attempt (it drops to 0 on a restart).
pub type BlobProgress<'a> = &'a (dyn Fn(u64) + Sync);

/// How many chunks may wait between the producer and the socket.
const CHANNEL_DEPTH: usize = 4;

impl Registry {
    /// The blob's size if `repository` has it.
    pub async fn blob_size(&self, repository: &str, digest: &str) -> Result<Option<u64>> {
        let url = self.url(&format!("v2/{repository}/blobs/{digest}"))?;
        let scopes = [push_scope(repository)];
        let resp = self
            .send(&scopes, repository, Retry::Yes, &|| {
                Ok(self.http.head(url.clone()))
            })
            .await?;
        match resp.status() {
            s if s.is_success() => Ok(Some(
                resp.headers()
                    .get(CONTENT_LENGTH)
                    .and_then(|v| v.to_str().ok())
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(0),
            )),
            StatusCode::NOT_FOUND => Ok(None),
            _ => Err(status_error("HEAD", &url, resp).await),
        }
    }

    /// Asks the registry to link a blob from another repository; true when it did.
    pub async fn mount_blob(&self, repository: &str, digest: &str, from: &str) -> Result<bool> {
        let mut url = self.url(&format!("v2/{repository}/blobs/uploads/"))?;
        url.query_pairs_mut()
            .append_pair("mount", digest)
            .append_pair("from", from);
        let scopes = [push_scope(repository), pull_scope(from)];
        let resp = self
            .send(&scopes, repository, Retry::Yes, &|| {
                Ok(self.http.post(url.clone()).header(CONTENT_LENGTH, "0"))
            })
            .await?;
        match resp.status() {
            StatusCode::CREATED => Ok(true),
            // The registry opened an ordinary session instead; abandon it.
            StatusCode::ACCEPTED => {
                if let Ok(session) = self.location(&resp) {
                    self.abandon(repository, session).await;
                }
                Ok(false)
            }
            _ => Ok(false),
        }
    }

    async fn open_session(&self, repository: &str) -> Result<url::Url> {
        let url = self.url(&format!("v2/{repository}/blobs/uploads/"))?;
        let scopes = [push_scope(repository)];
        let resp = self
            .send(&scopes, repository, Retry::Yes, &|| {
                Ok(self.http.post(url.clone()).header(CONTENT_LENGTH, "0"))
            })
            .await?;
        if resp.status() != StatusCode::ACCEPTED {
            return Err(status_error("POST", &url, resp).await);
        }
        self.location(&resp)
    }

    /// Best-effort DELETE of an upload session, so the registry frees it now.
    async fn abandon(&self, repository: &str, session: url::Url) {
        let scopes = [push_scope(repository)];
        let result = self
            .send(&scopes, repository, Retry::No, &|| {
                Ok(self.http.delete(session.clone()))
            })
            .await;
        if let Err(e) = result {
            tracing::debug!(error = %e, "could not delete an abandoned upload session");
        }
    }

    /// Uploads a blob, restarting from its first byte on transient failures.
    pub async fn upload_blob(
        &self,
        repository: &str,
        producer: Producer,
        progress: BlobProgress<'_>,
        cancel: &CancellationToken,
    ) -> Result<Produced> {
        let mut attempt = 0;
        loop {
            progress(0);
            let session = tokio::select! {
                () = cancel.cancelled() => return Err(Error::Cancelled),
                s = self.open_session(repository) => s?,
            };
            let outcome = tokio::select! {
                () = cancel.cancelled() => Err(Error::Cancelled),
                r = self.stream_once(repository, session.clone(), producer.clone(), progress) => r,
            };
            match outcome {
                Ok(produced) => return Ok(produced),
                Err(e) => {
                    self.abandon(repository, session).await;
                    if !e.is_transient() {
                        return Err(e);
                    }
                    tracing::info!(error = %e, "blob upload failed; starting it again from its first byte");
                    self.wait_before_retry(&mut attempt, e.to_string(), None)
                        .await?;
                }
            }
        }
    }

    async fn stream_once(
        &self,
        repository: &str,
        session: url::Url,
        producer: Producer,
        progress: BlobProgress<'_>,
    ) -> Result<Produced> {
        let (tx, rx) = tokio::sync::mpsc::channel::<io::Result<Bytes>>(CHANNEL_DEPTH);
        // Set when the request stopped taking bytes: the producer's error is then a
        // consequence, and the request's failure is the one to report.
        let receiver_gone = Arc::new(AtomicBool::new(false));
        let gone = receiver_gone.clone();
        // Reading, hashing and compressing the layer: below the window and the network.
        let worker = crate::background::run("swr-layer", move || {
            let mut emit = |chunk: Bytes| {
                tx.blocking_send(Ok(chunk)).map_err(|_| {
                    gone.store(true, Ordering::Relaxed);
                    io::Error::new(io::ErrorKind::BrokenPipe, "upload stopped")
                })
            };
            let result = producer(&mut emit);
            if let Err(e) = &result {
                // Make the request fail rather than end cleanly with a truncated blob.
                let _ = tx.blocking_send(Err(io::Error::other(e.to_string())));
            }
            result
        });
        let sent = Arc::new(AtomicU64::new(0));
        let counter = sent.clone();
        let stream = futures::stream::unfold(rx, |mut rx| async move {
            rx.recv().await.map(|item| (item, rx))
        })
        .map(move |item| {
            if let Ok(chunk) = &item {
                counter.fetch_add(chunk.len() as u64, Ordering::Relaxed);
            }
            item
        });
        let body = std::sync::Mutex::new(Some(reqwest::Body::wrap_stream(stream)));
        let scopes = [push_scope(repository)];
        let make =
            || {
                let body = body.lock().ok().and_then(|mut b| b.take()).ok_or_else(|| {
                    Error::Transport {
                        url: url_without_query(&session),
                        message: "the token was refused mid-upload".into(),
                    }
                })?;
                Ok(self
                    .http
                    .patch(session.clone())
                    .header(CONTENT_TYPE, "application/octet-stream")
                    .body(body))
            };
        let patch = self.send(&scopes, repository, Retry::No, &make);
        tokio::pin!(patch);
        let mut ticker = tokio::time::interval(std::time::Duration::from_millis(50));
        let resp = loop {
            tokio::select! {
                r = &mut patch => break r,
                _ = ticker.tick() => progress(sent.load(Ordering::Relaxed)),
            }
        };
        progress(sent.load(Ordering::Relaxed));
        let produced = match worker.await {
            Ok(r) => r,
            Err(e) => Err(Error::archive(format!("layer reader stopped: {e}"))),
        };
        let stopped = receiver_gone.load(Ordering::Relaxed);
        let resp = match (resp, &produced) {
            (Err(e), Err(_)) if stopped => return Err(e),
            (Err(e), Ok(_)) => return Err(e),
            (Ok(resp), Err(_)) if stopped => {
                let status = resp.status();
                let err = status_error("PATCH", &session, resp).await;
                return Err(Error::Transport {
                    url: url_without_query(&session),
                    message: format!("the registry stopped the upload ({status}): {err}"),
                });
            }
            (resp, _) => resp,
        };
        let produced = produced?;
        let resp = resp?;
        let status = resp.status();
        if status != StatusCode::ACCEPTED
            && status != StatusCode::NO_CONTENT
            && status != StatusCode::CREATED
        {
            let err = status_error("PATCH", &session, resp).await;
            return Err(if is_retryable(status) {
                Error::Transport {
                    url: url_without_query(&session),
                    message: err.to_string(),
                }
            } else {
                err
            });
        }
        let mut commit = self.location(&resp)?;
        commit
            .query_pairs_mut()
            .append_pair("digest", &produced.digest);
        let put = self
            .send(&[push_scope(repository)], repository, Retry::Yes, &|| {
                Ok(self.http.put(commit.clone()).header(CONTENT_LENGTH, "0"))
            })
            .await;
        match put {
            Ok(resp) if resp.status() == StatusCode::CREATED => {}
            Ok(resp) => {
                // A retried PUT may find its session already committed; the blob decides.
                let err = status_error("PUT", &commit, resp).await;
                if self.blob_size(repository, &produced.digest).await? != Some(produced.size) {
                    return Err(err);
                }
            }
            Err(e) => return Err(e),
        }
        match self.blob_size(repository, &produced.digest).await? {
            Some(size) if size == produced.size => Ok(produced),
            other => Err(Error::Protocol {
                what: format!("the commit of {}", produced.digest),
                message: format!("registry reports size {other:?}, sent {}", produced.size),
            }),
        }
    }
}
