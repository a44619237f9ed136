//! Forwarding authorised registry calls to the real registry, streaming both ways.
//!
//! Request and response bodies are passed through as streams, so a blob is never held in
//! memory. The one exception is a manifest PUT (at most 4 MiB, the registry's own limit): its
//! bytes are kept to record the tag for the management API once the registry accepted it.

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderName, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use futures::StreamExt;

use super::{bearer_claims, challenge, registry_error, ConnKill};
use crate::app::SharedApp;
use crate::engine::push::{self, PushedManifest};

const MANIFEST_LIMIT: usize = 4 * 1024 * 1024;

/// What a distribution path addresses.
#[derive(Debug, PartialEq, Eq)]
pub enum Target {
    Manifest { name: String, reference: String },
    Blob { name: String },
    Upload { name: String },
    TagList { name: String },
}

pub fn parse_target(path: &str) -> Option<Target> {
    let rest = path.strip_prefix("/v2/")?;
    let segs: Vec<&str> = rest.split('/').collect();
    let n = segs.len();
    let name_until = |k: usize| segs[..n - k].join("/");
    if n >= 3 && segs[n - 2] == "manifests" {
        return Some(Target::Manifest {
            name: name_until(2),
            reference: segs[n - 1].to_string(),
        });
    }
    if n >= 3 && segs[n - 2] == "tags" && segs[n - 1] == "list" {
        return Some(Target::TagList {
            name: name_until(2),
        });
    }
    if n >= 4 && segs[n - 3] == "blobs" && segs[n - 2] == "uploads" {
        return Some(Target::Upload {
            name: name_until(3),
        });
    }
    if n >= 3 && segs[n - 2] == "blobs" {
        return Some(Target::Blob {
            name: name_until(2),
        });
    }
    None
}

impl Target {
    fn name(&self) -> &str {
        match self {
            Target::Manifest { name, .. }
            | Target::Blob { name }
            | Target::Upload { name }
            | Target::TagList { name } => name,
        }
    }
}

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

    let query = req
        .uri()
        .query()
        .map(|q| format!("?{}", mountable_query(q, &claims)))
        .unwrap_or_default();
    let url = format!("{}{path}{query}", app.upstream.base);
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
    }
    relay(&app, upstream)
}

/// A cross-repository mount (`?mount=<digest>&from=<repo>`) is only passed on when the token
/// also allows pulling from the source repository; otherwise the mount parameters are dropped
/// and the registry starts an ordinary upload, as it does for any mount it cannot serve.
fn mountable_query(query: &str, claims: &super::token::Claims) -> String {
    let from = url::form_urlencoded::parse(query.as_bytes())
        .find(|(k, _)| k == "from")
        .map(|(_, v)| v.into_owned());
    match from {
        Some(source) if !claims.allows(&source, "pull") => {
            url::form_urlencoded::Serializer::new(String::new())
                .extend_pairs(
                    url::form_urlencoded::parse(query.as_bytes())
                        .filter(|(k, _)| k != "mount" && k != "from"),
                )
                .finish()
        }
        _ => query.to_string(),
    }
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

fn relay(app: &SharedApp, upstream: reqwest::Response) -> Response {
    let status = upstream.status();
    let mut builder = Response::builder().status(status);
    for (k, v) in upstream.headers() {
        if HOP_BY_HOP.contains(&k.as_str()) {
            continue;
        }
        if k == header::LOCATION {
            if let Ok(loc) = v.to_str() {
                let rewritten = loc.replacen(
                    &app.upstream.base,
                    &format!("http://{}", app.settings.registry_host),
                    1,
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
        .body(Body::from_stream(upstream.bytes_stream()))
        .unwrap_or_else(|_| StatusCode::BAD_GATEWAY.into_response())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gateway::token::{Access, Claims};

    #[test]
    fn mounts_from_unreadable_repositories_become_plain_uploads() {
        let claims = Claims {
            sub: "u".into(),
            exp: 0,
            access: vec![Access {
                kind: "repository".into(),
                name: "mine/app".into(),
                actions: vec!["pull".into()],
            }],
        };
        assert_eq!(
            mountable_query("mount=sha256:1&from=mine/app", &claims),
            "mount=sha256:1&from=mine/app"
        );
        assert_eq!(
            mountable_query("mount=sha256:1&from=theirs/app", &claims),
            ""
        );
        assert_eq!(
            mountable_query("digest=sha256:1", &claims),
            "digest=sha256:1"
        );
    }

    #[test]
    fn distribution_paths_name_their_repository() {
        assert_eq!(
            parse_target("/v2/org/group/app/manifests/v1"),
            Some(Target::Manifest {
                name: "org/group/app".into(),
                reference: "v1".into()
            })
        );
        assert_eq!(
            parse_target("/v2/org/app/blobs/uploads/"),
            Some(Target::Upload {
                name: "org/app".into()
            })
        );
        assert_eq!(
            parse_target("/v2/org/app/blobs/uploads/abc"),
            Some(Target::Upload {
                name: "org/app".into()
            })
        );
        assert_eq!(
            parse_target("/v2/org/app/blobs/sha256:00"),
            Some(Target::Blob {
                name: "org/app".into()
            })
        );
        assert_eq!(
            parse_target("/v2/org/app/tags/list"),
            Some(Target::TagList {
                name: "org/app".into()
            })
        );
        assert_eq!(parse_target("/v2/_catalog"), None);
    }
}
