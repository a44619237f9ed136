//! `X-Request-Id` on every response of both servers, as SWR sends it.
//!
//! The id is chosen before the handler runs and stored in the request's extensions, so that an
//! error body which repeats it (the API gateway's `request_id`) matches the header.

use axum::extract::Request;
use axum::http::HeaderValue;
use axum::middleware::Next;
use axum::response::Response;

#[derive(Debug, Clone)]
pub struct RequestId(pub String);

pub async fn stamp(mut req: Request, next: Next) -> Response {
    let id = crate::state::accounts::random_id();
    req.extensions_mut().insert(RequestId(id.clone()));
    let mut resp = next.run(req).await;
    if let Ok(v) = HeaderValue::from_str(&id) {
        resp.headers_mut().insert("X-Request-Id", v);
    }
    resp
}
