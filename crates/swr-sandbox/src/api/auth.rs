//! Signature check in front of every management operation.
//!
//! The body is read once (bounded) to hash it, then handed on unchanged. A refused request
//! gets the API gateway's shape `{"error_code","error_msg","request_id"}` with 401 — the
//! message never echoes keys or signatures.

use std::time::{Duration, SystemTime};

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use swr_api::signing::{verify_request, VerifyInput};

use crate::app::SharedApp;
use crate::request_id::RequestId;
use crate::state::access::Caller;

const BODY_LIMIT: usize = 8 * 1024 * 1024;
const MAX_SKEW: Duration = Duration::from_secs(15 * 60);

fn gateway_error(request_id: &str, status: StatusCode, code: &str, message: &str) -> Response {
    let body =
        serde_json::json!({"error_code": code, "error_msg": message, "request_id": request_id});
    (status, axum::Json(body)).into_response()
}

pub async fn authenticate(State(app): State<SharedApp>, req: Request, next: Next) -> Response {
    app.faults.delay().await;
    let request_id = req
        .extensions()
        .get::<RequestId>()
        .map(|r| r.0.clone())
        .unwrap_or_default();
    let (parts, body) = req.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, BODY_LIMIT).await else {
        return gateway_error(
            &request_id,
            StatusCode::PAYLOAD_TOO_LARGE,
            "APIGW.0201",
            "Request body too large",
        );
    };
    let headers: Vec<(String, String)> = parts
        .headers
        .iter()
        .map(|(k, v)| {
            (
                k.as_str().to_string(),
                String::from_utf8_lossy(v.as_bytes()).into_owned(),
            )
        })
        .collect();
    let input = VerifyInput {
        method: parts.method.as_str(),
        raw_path: parts.uri.path(),
        raw_query: parts.uri.query(),
        headers: &headers,
        body: &bytes,
    };
    let caller = {
        let db = app.store.lock();
        let verified = verify_request(
            &input,
            |ak| db.user_by_ak(ak).map(|(_, u)| u.sk.clone()),
            SystemTime::now(),
            Some(MAX_SKEW),
        );
        match verified {
            Ok(v) => db.user_by_ak(&v.access_key).map(|(a, u)| Caller::new(a, u)),
            Err(e) => {
                tracing::info!(method = %parts.method, path = %parts.uri.path(), "signature refused: {e}");
                None
            }
        }
    };
    let Some(caller) = caller else {
        return gateway_error(
            &request_id,
            StatusCode::UNAUTHORIZED,
            "APIGW.0301",
            "Incorrect IAM authentication information: verify aksk signature fail",
        );
    };
    if !app.faults.admit_api(&caller.domain_id) {
        let mut busy = gateway_error(
            &request_id,
            StatusCode::TOO_MANY_REQUESTS,
            "APIGW.0308",
            "The throttling threshold has been reached",
        );
        busy.headers_mut()
            .insert("retry-after", axum::http::HeaderValue::from_static("1"));
        return busy;
    }
    let mut req = Request::from_parts(parts, Body::from(bytes));
    req.extensions_mut().insert(caller);
    next.run(req).await
}
