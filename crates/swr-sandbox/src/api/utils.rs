//! Account-wide operations: temporary docker logins, quotas, overview, reports, feature gates,
//! the SWR agency, and the API version documents.

use axum::extract::{Extension, Path, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use rand::distributions::Alphanumeric;
use rand::Rng;
use serde_json::{json, Value};

use super::error::{ApiError, ApiResult};
use super::namespaces::NAMESPACE_QUOTA;
use crate::app::SharedApp;
use crate::clock;
use crate::state::access::Caller;
use crate::state::model::TempSecret;

fn issue_login(app: &SharedApp, caller: &Caller, user_prefix: &str) -> Response {
    let now = clock::now();
    let expires = now
        + time::Duration::seconds(
            i64::try_from(app.settings.secret_ttl.as_secs()).unwrap_or(i64::MAX / 2),
        );
    let id: String = rand::thread_rng()
        .sample_iter(&Alphanumeric)
        .take(20)
        .map(char::from)
        .collect();
    let username = format!("{user_prefix}@{}", id.to_ascii_uppercase());
    let password = crate::state::accounts::random_id() + &crate::state::accounts::random_id();
    {
        let mut db = app.store.lock();
        let now_unix = now.unix_timestamp();
        db.secrets.retain(|s| s.expires_at > now_unix);
        db.secrets.push(TempSecret {
            username: username.clone(),
            password: password.clone(),
            user_id: caller.user_id.clone(),
            expires_at: expires.unix_timestamp(),
        });
    }
    app.store.persist_soon();
    let host = &app.settings.registry_host;
    let auth = STANDARD.encode(format!("{username}:{password}"));
    let mut resp = Json(json!({"auths": {host.as_str(): {"auth": auth}}})).into_response();
    let login = format!("docker login -u {username} -p {password} {host}");
    if let (Ok(l), Ok(e)) = (
        HeaderValue::from_str(&login),
        HeaderValue::from_str(&clock::millis(expires)),
    ) {
        resp.headers_mut().insert("X-Swr-Dockerlogin", l);
        resp.headers_mut().insert("X-Swr-Expireat", e);
    }
    resp
}

pub async fn secret(
    State(app): State<SharedApp>,
    Extension(caller): Extension<Caller>,
) -> Response {
    let region = app.settings.region.clone();
    issue_login(&app, &caller, &region)
}

pub async fn authorization_token(
    State(app): State<SharedApp>,
    Extension(caller): Extension<Caller>,
) -> Response {
    issue_login(&app, &caller, "bearertoken")
}

fn check_project(app: &SharedApp, project_id: &str) -> ApiResult<()> {
    if app.store.lock().project_id == project_id {
        Ok(())
    } else {
        Err(ApiError::not_found(format!(
            "project {project_id} not found"
        )))
    }
}

pub async fn quotas(
    State(app): State<SharedApp>,
    Extension(caller): Extension<Caller>,
    Path(project_id): Path<String>,
) -> ApiResult<Response> {
    check_project(&app, &project_id)?;
    let used = app
        .store
        .lock()
        .namespaces
        .values()
        .filter(|n| n.domain_id == caller.domain_id)
        .count();
    Ok(Json(json!({"quotas": [{"quota_limit": NAMESPACE_QUOTA, "quota_key": "namespace", "unit": "", "used": used}]})).into_response())
}

pub async fn feature_gates(
    State(app): State<SharedApp>,
    Path(project_id): Path<String>,
) -> ApiResult<Response> {
    check_project(&app, &project_id)?;
    Ok(Json(json!({
        "enable_experience": false, "enable_hss_service": false, "enable_image_scan": false,
        "enable_sm3": false, "enable_image_sync": true, "enable_cci_service": false,
        "enable_image_label": false, "enable_pipeline": false, "enable_authorization_token": true,
        "enable_resource": false, "enable_list_v3": true, "enable_image_quota": false,
    }))
    .into_response())
}

pub async fn overview(
    State(app): State<SharedApp>,
    Extension(caller): Extension<Caller>,
) -> Response {
    let db = app.store.lock();
    let repos: Vec<_> = db
        .repos
        .values()
        .filter(|r| r.domain_id == caller.domain_id)
        .collect();
    let images: usize = repos.iter().map(|r| r.tags.len()).sum();
    let store: u64 = repos.iter().map(|r| r.size()).sum();
    let downloads: u64 = repos.iter().map(|r| r.num_download).sum();
    Json(json!({
        "domain_id": caller.domain_id,
        "domain_name": caller.domain_name,
        "namspace_num": db.namespaces.values().filter(|n| n.domain_id == caller.domain_id).count(),
        "repo_num": repos.len(),
        "image_num": images,
        "store_space": store,
        "downflow_size": downloads,
    }))
    .into_response()
}

/// SWR documents neither the resource types nor the frequencies; the series holds the
/// account's current value for the last seven days (storage in bytes for resource types
/// naming storage, downloads for traffic, otherwise the number of images).
pub async fn reports(
    State(app): State<SharedApp>,
    Extension(caller): Extension<Caller>,
    Path((resource_type, _frequency)): Path<(String, String)>,
) -> Response {
    let db = app.store.lock();
    let repos: Vec<_> = db
        .repos
        .values()
        .filter(|r| r.domain_id == caller.domain_id)
        .collect();
    let value: u64 = if resource_type.contains("stor") || resource_type.contains("space") {
        repos.iter().map(|r| r.size()).sum()
    } else if resource_type.contains("down") || resource_type.contains("flow") {
        repos.iter().map(|r| r.num_download).sum()
    } else {
        repos.iter().map(|r| r.tags.len() as u64).sum()
    };
    let today = clock::now().date();
    let series: Vec<Value> = (0..7i64)
        .rev()
        .map(|d| json!({"date": (today - time::Duration::days(d)).to_string(), "value": value}))
        .collect();
    Json(series).into_response()
}

pub async fn check_agency(
    State(app): State<SharedApp>,
    Extension(caller): Extension<Caller>,
) -> Response {
    let is_agency = app.store.lock().agencies.contains(&caller.domain_id);
    Json(json!({"domain_id": caller.domain_id, "is_agency": is_agency})).into_response()
}

pub async fn create_agency(
    State(app): State<SharedApp>,
    Extension(caller): Extension<Caller>,
) -> Response {
    {
        let mut db = app.store.lock();
        if !db.agencies.contains(&caller.domain_id) {
            db.agencies.push(caller.domain_id.clone());
        }
    }
    app.store.persist_soon();
    StatusCode::OK.into_response()
}

fn version_doc(headers: &HeaderMap, id: &str) -> Option<Value> {
    let status = match id {
        "v2" => "CURRENT",
        "v3" => "SUPPORTED",
        _ => return None,
    };
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("127.0.0.1");
    Some(json!({
        "id": id,
        "links": {"href": format!("http://{host}/{id}/"), "rel": "self"},
        "version": "",
        "status": status,
        "updated": "2018-06-28T12:20:21Z",
        "min_version": "",
    }))
}

pub async fn versions(headers: HeaderMap) -> Response {
    let list: Vec<Value> = ["v2", "v3"]
        .iter()
        .filter_map(|v| version_doc(&headers, v))
        .collect();
    Json(json!({ "versions": list })).into_response()
}

pub async fn version(headers: HeaderMap, Path(api_version): Path<String>) -> ApiResult<Response> {
    let doc = version_doc(&headers, &api_version)
        .ok_or_else(|| ApiError::not_found(format!("API version {api_version} not found")))?;
    Ok(Json(json!({ "version": doc })).into_response())
}
