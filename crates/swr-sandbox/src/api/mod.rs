//! The SWR management API (`api_endpoint`), shared edition, as reference §5 documents it.
//!
//! Every request but the version documents must carry a valid `SDK-HMAC-SHA256` signature by
//! one of the accounts' AK/SK pairs (checked by `swr_api::signing::verify_request`, ±15 min
//! clock skew); failures get the API gateway's 401. Handlers receive the resolved [`Caller`].

pub mod auth;
pub mod error;
pub mod namespaces;
pub mod paging;
pub mod permissions;
pub mod repos;
pub mod retention;
pub mod sharing;
pub mod sync;
pub mod tags;
pub mod triggers;
pub mod utils;

use axum::middleware;
use axum::routing::{get, post};
use axum::Router;
use bytes::Bytes;
use serde::de::DeserializeOwned;

use crate::app::SharedApp;
use error::{ApiError, ApiResult};

/// `/` in repository names travels as `$` in paths (reference §1.4); bodies and queries may
/// carry either, so everything is normalised to `/`.
pub fn repo_name(raw: &str) -> String {
    raw.replace('$', "/")
}

/// Parses a JSON request body, answering SWR's 400 when it is not what the operation expects.
pub fn json<T: DeserializeOwned>(body: &Bytes) -> ApiResult<T> {
    serde_json::from_slice(body)
        .map_err(|e| ApiError::invalid(format!("invalid request body: {e}")))
}

pub fn router(app: SharedApp) -> Router {
    const NS: &str = "/v2/manage/namespaces/{namespace}";
    const REPO: &str = "/v2/manage/namespaces/{namespace}/repos/{repository}";
    const SHARE: &str =
        "/v2/manage/namespaces/{namespace}/repositories/{repository}/access-domains";
    let signed = Router::new()
        .route(
            "/v2/manage/namespaces",
            get(namespaces::list).post(namespaces::create),
        )
        .route(NS, get(namespaces::show).delete(namespaces::delete))
        .route(
            &format!("{NS}/access"),
            get(permissions::show_namespace)
                .post(permissions::create_namespace)
                .patch(permissions::update_namespace)
                .delete(permissions::delete_namespace),
        )
        .route(&format!("{NS}/repos"), post(repos::create))
        .route(
            REPO,
            get(repos::show).patch(repos::update).delete(repos::delete),
        )
        .route("/v2/manage/repos", get(repos::list_v2))
        .route("/v3/manage/repos", get(repos::list_v3))
        .route(
            &format!("{REPO}/tags"),
            get(tags::list_v2).post(tags::retag),
        )
        .route(
            &format!("{REPO}/tags/{{tag}}"),
            get(tags::show).delete(tags::delete),
        )
        .route(
            "/v3/manage/namespaces/{namespace}/repos/{repository}/tags",
            get(tags::list_v3),
        )
        .route(
            &format!("{REPO}/{{tag}}/accessories"),
            get(tags::accessories),
        )
        .route(&format!("{REPO}/{{tag}}/references"), get(tags::references))
        .route(
            &format!("{REPO}/access"),
            get(permissions::show_repo)
                .post(permissions::create_repo)
                .patch(permissions::update_repo)
                .delete(permissions::delete_repo),
        )
        .route("/v2/manage/shared-repositories", get(sharing::list_v2))
        .route("/v3/manage/shared-repositories", get(sharing::list_v3))
        .route(SHARE, get(sharing::list_domains).post(sharing::create))
        .route(
            &format!("{SHARE}/{{access_domain}}"),
            get(sharing::show)
                .patch(sharing::update)
                .delete(sharing::delete),
        )
        .route(
            &format!("{REPO}/retentions"),
            get(retention::list).post(retention::create),
        )
        .route(
            &format!("{REPO}/retentions/histories"),
            get(retention::histories),
        )
        .route(
            &format!("{REPO}/retentions/{{retention_id}}"),
            get(retention::show)
                .patch(retention::update)
                .delete(retention::delete),
        )
        .route(
            &format!("{REPO}/triggers"),
            get(triggers::list).post(triggers::create),
        )
        .route(
            &format!("{REPO}/triggers/{{trigger}}"),
            get(triggers::show)
                .patch(triggers::update)
                .delete(triggers::delete),
        )
        .route("/v2/manage/regions", get(sync::regions))
        .route(
            &format!("{REPO}/sync_repo"),
            get(sync::list_rules)
                .post(sync::create_rule)
                .delete(sync::delete_rule),
        )
        .route(&format!("{REPO}/sync_images"), post(sync::manual))
        .route(&format!("{REPO}/sync_job"), get(sync::jobs))
        .route("/v2/manage/utils/secret", post(utils::secret))
        .route(
            "/v2/manage/utils/authorizationtoken",
            post(utils::authorization_token),
        )
        .route(
            "/v2/manage/projects/{project_id}/quotas",
            get(utils::quotas),
        )
        .route(
            "/v2/manage/projects/{project_id}/feature-gates",
            get(utils::feature_gates),
        )
        .route("/v2/manage/overview", get(utils::overview))
        .route(
            "/v2/manage/reports/{resource_type}/{frequency}",
            get(utils::reports),
        )
        .route(
            "/v2/manage/agency",
            get(utils::check_agency).post(utils::create_agency),
        )
        .method_not_allowed_fallback(unsupported_method)
        .fallback(unknown_operation)
        .layer(middleware::from_fn_with_state(
            app.clone(),
            auth::authenticate,
        ));
    Router::new()
        .route("/", get(utils::versions))
        .route("/{api_version}", get(utils::version))
        .merge(signed)
        .with_state(app)
}

async fn unsupported_method() -> ApiError {
    ApiError::method_not_allowed()
}

async fn unknown_operation() -> ApiError {
    ApiError::not_found("no such operation in the SWR shared edition")
}
