//! Forwarding authorised registry calls to the real registry, streaming both ways.
//!
//! Request and response bodies are passed through as streams, so a blob is never held in
//! memory. The one exception is a manifest PUT (at most 4 MiB, the registry's own limit): its
//! bytes are kept to record the tag for the management API once the registry accepted it.
//! Repository names are translated to and from the region's part of the registry by `paths`;
//! for that a tag list of a region other than the first is read whole (it is small).

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderName, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use futures::StreamExt;

use super::paths::{self, parse_target, Target};
use super::{bearer_claims, challenge, registry_error, ConnKill};
use crate::app::SharedApp;
use crate::engine::push::{self, PushedManifest};

const MANIFEST_LIMIT: usize = 4 * 1024 * 1024;
/// A tag list read whole to give it the client's repository name (other regions only).
const TAG_LIST_LIMIT: usize = 16 * 1024 * 1024;

const HOP_BY_HOP: [&str; 7] = [
    "connection",
    "keep-alive",
    "transfer-encoding",
    "te",
    "trailer",
    "upgrade",
    "proxy-connection",
];

pub async fn forward(State(app): State<SharedApp>, req: Request) -> Response {
    app.faults.delay().await;
    let path = req.uri().path().to_string();
    let Some(target) = parse_target(&path) else {
        if paths::names_a_repository(&path) {
            return registry_error(
                StatusCode::BAD_REQUEST,
                "NAME_INVALID",
                "invalid repository name",
            );
        }
        return registry_error(
            StatusCode::NOT_FOUND,
            "UNSUPPORTED",
            "the operation is unsupported",
        );
    };
    let method = req.method().clone();
    let action = match method {
        Method::GET | Method::HEAD => "pull",
        Method::DELETE => "delete",
        _ => "push",
    };
    let name = target.name().to_string();
    let scope = format!("repository:{name}:{action}");
    let Some(claims) = bearer_claims(&app, req.headers()) else {
        return challenge(&app, Some(&scope));
    };
    if !claims.allows(&name, action) {
        return registry_error(
            StatusCode::FORBIDDEN,
            "DENIED",
            "requested access to the resource is denied",
        );
    }
    if app.faults.random_503() {
        return registry_error(
            StatusCode::SERVICE_UNAVAILABLE,
            "UNAVAILABLE",
            "service unavailable (injected)",
        );
    }
    let domain = app
        .store
        .lock()
        .user_by_id(&claims.sub)
        .map(|(a, _)| a.domain_id.clone());
    if action == "push" && !app.faults.admit_push(domain.as_deref().unwrap_or("")) {
        return registry_error(
            StatusCode::SERVICE_UNAVAILABLE,
            "TOOMANYREQUESTS",
            "push rate limit exceeded",
        );
    }

    let prefix = app.upstream.prefix();
    let query = req
        .uri()
        .query()
        .map(|q| format!("?{}", paths::upstream_query(q, &claims, prefix)))
        .unwrap_or_default();
    let url = format!(
        "{}{}{query}",
        app.upstream.base,
        paths::upstream_path(&path, prefix)
    );
    let kill = req.extensions().get::<ConnKill>().cloned();
    let (parts, body) = req.into_parts();
    let mut out = app.upstream.client.request(method.clone(), &url);
    for (k, v) in &parts.headers {
        let lower = k.as_str();
        if HOP_BY_HOP.contains(&lower) || lower == "host" || lower == "authorization" {
            continue;
        }
        out = out.header(k, v);
    }
    out = out
        .header("X-Forwarded-Host", app.settings.registry_host.as_str())
        .header("X-Forwarded-Proto", "http");

    let manifest_put = match &target {
        Target::Manifest { reference, .. } if method == Method::PUT => Some(reference.clone()),
        _ => None,
    };
    let mut manifest_bytes = Bytes::new();
    if manifest_put.is_some() {
        match axum::body::to_bytes(body, MANIFEST_LIMIT).await {
            Ok(b) => manifest_bytes = b,
            Err(_) => {
                return registry_error(
                    StatusCode::BAD_REQUEST,
                    "SIZE_INVALID",
                    "manifest too large",
                )
            }
        }
        out = out.body(manifest_bytes.clone());
    } else if matches!(target, Target::Upload { .. })
        && matches!(method, Method::PATCH | Method::PUT)
    {
        out = out.body(reqwest::Body::wrap_stream(cut_stream(
            body,
            app.clone(),
            kill.clone(),
        )));
    } else if method != Method::GET && method != Method::HEAD {
        out = out.body(reqwest::Body::wrap_stream(body.into_data_stream()));
    }

    let upstream = match out.send().await {
        Ok(r) => r,
        Err(e) => {
            if kill.as_ref().is_some_and(ConnKill::tripped) {
                // The connection is being dropped; answering would race the drop and let the
                // client see a response instead of a cut.
                return std::future::pending().await;
            }
            tracing::warn!("registry unreachable: {e}");
            return registry_error(StatusCode::BAD_GATEWAY, "UNKNOWN", "registry unavailable");
        }
    };
    let status = upstream.status();
    if let (Some(reference), Target::Manifest { name, .. }) = (manifest_put, &target) {
        if status == StatusCode::CREATED {
            let digest = upstream
                .headers()
                .get("Docker-Content-Digest")
                .and_then(|v| v.to_str().ok())
                .unwrap_or("")
                .to_string();
            let media_type = parts
                .headers
                .get(header::CONTENT_TYPE)
                .and_then(|v| v.to_str().ok())
                .unwrap_or("")
                .to_string();
            let pushed = PushedManifest {
                name: name.clone(),
                reference,
                digest,
                media_type,
                body: manifest_bytes,
            };
            push::record(&app, &claims.sub, pushed).await;
        }
    } else if let Target::Manifest { name, reference } = &target {
        if method == Method::GET && status.is_success() {
            push::count_download(&app, name);
        }
        if method == Method::DELETE && status.is_success() {
            push::record_manifest_delete(&app, name, reference);
        }
    } else if let Target::TagList { name } = &target {
        if method == Method::GET && status.is_success() && !prefix.is_empty() {
            return relay_tag_list(&app, upstream, name).await;
        }
    }
    relay(&app, upstream)
}

/// The client's upload body, cut (and the client connection with it) after `cut` bytes.
fn cut_stream(
    body: Body,
    app: SharedApp,
    kill: Option<ConnKill>,
) -> impl futures::Stream<Item = Result<Bytes, std::io::Error>> + Send {
    let mut seen: u64 = 0;
    let armed = app.faults.cuts_uploads();
    body.into_data_stream().map(move |chunk| {
        let chunk = chunk.map_err(std::io::Error::other)?;
        seen += chunk.len() as u64;
        if armed && app.faults.cut_upload_at(seen) {
            if let Some(k) = &kill {
                k.trip();
            }
            return Err(std::io::Error::new(
                std::io::ErrorKind::ConnectionAborted,
                "injected upload drop",
            ));
        }
        Ok(chunk)
    })
}

/// The registry's status and headers for the client (`skip`: headers the body replaces).
fn response_head(
    app: &SharedApp,
    upstream: &reqwest::Response,
    skip: &[HeaderName],
) -> axum::http::response::Builder {
    let mut builder = Response::builder().status(upstream.status());
    for (k, v) in upstream.headers() {
        if HOP_BY_HOP.contains(&k.as_str()) || skip.contains(k) {
            continue;
        }
        if k == header::LOCATION || k == header::LINK {
            if let Ok(text) = v.to_str() {
                let rewritten = paths::client_reference(
                    text,
                    &app.upstream.base,
                    &app.settings.registry_host,
                    app.upstream.prefix(),
                );
                if let Ok(value) = HeaderValue::from_str(&rewritten) {
                    builder = builder.header(k, value);
                    continue;
                }
            }
        }
        builder = builder.header(HeaderName::from(k), v);
    }
    builder
}

fn relay(app: &SharedApp, upstream: reqwest::Response) -> Response {
    response_head(app, &upstream, &[])
        .body(Body::from_stream(upstream.bytes_stream()))
        .unwrap_or_else(|_| StatusCode::BAD_GATEWAY.into_response())
}

/// A tag list of a region other than the first, named as the client named the repository.
async fn relay_tag_list(app: &SharedApp, upstream: reqwest::Response, name: &str) -> Response {
    let builder = response_head(app, &upstream, &[header::CONTENT_LENGTH]);
    let mut body = Vec::new();
    let mut chunks = upstream.bytes_stream();
    while let Some(chunk) = chunks.next().await {
        match chunk {
            Ok(c) if body.len() + c.len() <= TAG_LIST_LIMIT => body.extend_from_slice(&c),
            _ => return registry_error(StatusCode::BAD_GATEWAY, "UNKNOWN", "registry unavailable"),
        }
    }
    let body = paths::client_tag_list(&body, name).unwrap_or(body);
    builder
        .body(Body::from(body))
        .unwrap_or_else(|_| StatusCode::BAD_GATEWAY.into_response())
}
