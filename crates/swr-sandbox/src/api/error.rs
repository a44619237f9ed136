//! Error answers of the management API, in the shapes SWR uses.
//!
//! Service errors are a JSON array `[{"errorCode", "errorMessage", "detail"}]` (reference §3.2,
//! shape 1); authentication failures come from the API gateway as an object with
//! `error_code`/`error_msg`/`request_id` (shape 3) — see `api::auth`. Codes listed in the
//! reference are used as documented; the others follow SWR's `SVCSTG.SWR.<status><n>` pattern
//! and are marked below.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    pub status: StatusCode,
    pub code: &'static str,
    pub message: String,
}

pub type ApiResult<T> = Result<T, ApiError>;

impl ApiError {
    fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        Self {
            status,
            code,
            message: message.into(),
        }
    }

    /// Documented: invalid parameter.
    pub fn invalid(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, "SVCSTG.SWR.4000014", message)
    }

    /// Pattern-conformant choice: organization quota exhausted.
    pub fn quota(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, "SVCSTG.SWR.4000045", message)
    }

    /// Pattern-conformant choice: the caller lacks the permission.
    pub fn forbidden(message: impl Into<String>) -> Self {
        Self::new(StatusCode::FORBIDDEN, "SVCSTG.SWR.4030001", message)
    }

    /// Pattern-conformant choice: organization not found.
    pub fn namespace_not_found(name: &str) -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            "SVCSTG.SWR.4040002",
            format!("namespace {name} not found"),
        )
    }

    /// Documented: image (repository) not found.
    pub fn repo_not_found(name: &str) -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            "SVCSTG.SWR.4040010",
            format!("repository {name} not found"),
        )
    }

    /// Documented: tag not found.
    pub fn tag_not_found(tag: &str) -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            "SVCSTG.SWR.4040048",
            format!("tag {tag} not found"),
        )
    }

    /// Pattern-conformant choice: any other missing resource.
    pub fn not_found(message: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_FOUND, "SVCSTG.SWR.4040001", message)
    }

    /// Pattern-conformant choice: the path exists, the method does not.
    pub fn method_not_allowed() -> Self {
        Self::new(
            StatusCode::METHOD_NOT_ALLOWED,
            "SVCSTG.SWR.4050001",
            "the method is not allowed on this resource",
        )
    }

    /// Pattern-conformant choice (documented 409 for organizations, code not given).
    pub fn conflict(message: impl Into<String>) -> Self {
        Self::new(StatusCode::CONFLICT, "SVCSTG.SWR.4090001", message)
    }

    /// Documented: image already exists.
    pub fn image_exists(message: impl Into<String>) -> Self {
        Self::new(StatusCode::CONFLICT, "SVCSTG.SWR.4090006", message)
    }

    /// Documented: repository still contains images.
    pub fn repo_not_empty(name: &str) -> Self {
        Self::new(
            StatusCode::NOT_ACCEPTABLE,
            "SVCSTG.SWR.4060012",
            format!("repository {name} is not empty"),
        )
    }

    /// Documented: organization still contains images.
    pub fn namespace_not_empty(name: &str) -> Self {
        Self::new(
            StatusCode::NOT_ACCEPTABLE,
            "SVCSTG.SWR.4060074",
            format!("namespace {name} is not empty"),
        )
    }

    /// Documented family: internal errors.
    pub fn internal(message: impl Into<String>) -> Self {
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "SVCSTG.SWR.5000001",
            message,
        )
    }

    pub fn rule(v: impl std::fmt::Display) -> Self {
        Self::invalid(v.to_string())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = serde_json::json!([{
            "errorCode": self.code,
            "errorMessage": self.message,
            "detail": "",
        }]);
        (self.status, axum::Json(body)).into_response()
    }
}
