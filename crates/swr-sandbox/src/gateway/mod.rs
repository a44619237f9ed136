//! The registry host clients push to and pull from (`registry` in the readiness line), one per
//! region.
//!
//! It speaks the token-auth flavour of the distribution API exactly as SWR presents it: `GET
//! /v2/` answers 401 with a Bearer challenge pointing at the realm on this same host; the
//! realm issues tokens; calls carrying a valid token are proxied to the real registry. The
//! server runs its own accept loop instead of `axum::serve` so that a fault can cut a single
//! client connection mid-upload (see [`ConnKill`]).

pub mod paths;
pub mod proxy;
pub mod realm;
pub mod token;

use std::convert::Infallible;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use axum::body::Body;
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, Request, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use hyper_util::rt::TokioIo;
use tokio::net::TcpListener;
use tokio::sync::Notify;

use crate::app::SharedApp;

/// Cuts the client connection carrying the request when tripped.
#[derive(Clone)]
pub struct ConnKill {
    notify: Arc<Notify>,
    tripped: Arc<AtomicBool>,
}

impl ConnKill {
    fn new() -> Self {
        Self {
            notify: Arc::new(Notify::new()),
            tripped: Arc::new(AtomicBool::new(false)),
        }
    }

    pub fn trip(&self) {
        self.tripped.store(true, Ordering::SeqCst);
        self.notify.notify_one();
    }

    pub fn tripped(&self) -> bool {
        self.tripped.load(Ordering::SeqCst)
    }
}

pub fn router(app: SharedApp) -> Router {
    Router::new()
        .route("/swr/auth/v2/registry/auth/", get(realm::issue_token))
        .route("/swr/auth/v2/registry/auth", get(realm::issue_token))
        .route("/v2/", get(base).head(base))
        .route("/v2", get(base).head(base))
        .route("/v2/{*rest}", axum::routing::any(proxy::forward))
        .with_state(app)
}

/// A distribution-style error body `{"errors":[…]}`.
pub fn registry_error(status: StatusCode, code: &str, message: &str) -> Response {
    let body = serde_json::json!({"errors": [{"code": code, "message": message, "detail": null}]});
    (status, axum::Json(body)).into_response()
}

/// The 401 that sends a client to the realm, optionally naming the scope it needs.
pub fn challenge(app: &SharedApp, scope: Option<&str>) -> Response {
    let mut value = format!(
        "Bearer realm=\"http://{}/swr/auth/v2/registry/auth/\",service=\"dockyard\"",
        app.settings.registry_host
    );
    if let Some(scope) = scope {
        value.push_str(&format!(",scope=\"{scope}\""));
    }
    let mut resp = registry_error(
        StatusCode::UNAUTHORIZED,
        "UNAUTHORIZED",
        "authentication required",
    );
    if let Ok(v) = HeaderValue::from_str(&value) {
        resp.headers_mut().insert(header::WWW_AUTHENTICATE, v);
    }
    resp
}

/// The claims of the request's bearer token, if it has a valid one.
pub fn bearer_claims(app: &SharedApp, headers: &HeaderMap) -> Option<token::Claims> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let raw = value
        .strip_prefix("Bearer ")
        .or_else(|| value.strip_prefix("bearer "))?;
    let key = app.store.lock().token_key.clone();
    token::check(&key, raw.trim(), crate::clock::now().unix_timestamp())
}

async fn base(State(app): State<SharedApp>, headers: HeaderMap) -> Response {
    app.faults.delay().await;
    if bearer_claims(&app, &headers).is_none() {
        return challenge(&app, None);
    }
    let mut resp = (StatusCode::OK, axum::Json(serde_json::json!({}))).into_response();
    resp.headers_mut().insert(
        "Docker-Distribution-API-Version",
        HeaderValue::from_static("registry/2.0"),
    );
    resp
}

/// Serves `router` on `listener` until the process exits.
pub async fn serve(listener: TcpListener, router: Router) {
    loop {
        let (stream, _) = match listener.accept().await {
            Ok(pair) => pair,
            Err(e) => {
                tracing::warn!("gateway accept failed: {e}");
                tokio::time::sleep(std::time::Duration::from_millis(50)).await;
                continue;
            }
        };
        let router = router.clone();
        tokio::spawn(async move {
            let conn_kill = ConnKill::new();
            let kill = conn_kill.notify.clone();
            let service =
                hyper::service::service_fn(move |mut req: Request<hyper::body::Incoming>| {
                    req.extensions_mut().insert(conn_kill.clone());
                    let mut router = router.clone();
                    async move {
                        let resp =
                            tower_service::Service::call(&mut router, req.map(Body::new)).await;
                        Ok::<_, Infallible>(match resp {
                            Ok(r) => r,
                            Err(never) => match never {},
                        })
                    }
                });
            let conn = hyper::server::conn::http1::Builder::new()
                .serve_connection(TokioIo::new(stream), service);
            tokio::select! {
                result = conn => {
                    if let Err(e) = result {
                        tracing::debug!("gateway connection ended: {e}");
                    }
                }
                () = kill.notified() => tracing::info!("fault: connection dropped"),
            }
        });
    }
}
