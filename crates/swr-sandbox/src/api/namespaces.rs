//! Organizations (`/v2/manage/namespaces`): list, create, show, delete.
//!
//! Names follow SWR's rule and are unique across all accounts; an account may own at most
//! five (the published quota); an organization with repositories cannot be deleted.

use axum::extract::{Extension, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use bytes::Bytes;
use serde::Deserialize;
use serde_json::json;

use super::error::{ApiError, ApiResult};
use super::paging::{self, Query as Params};
use crate::app::SharedApp;
use crate::clock;
use crate::state::access::{self, Caller, MANAGE};
use crate::state::model::{Db, Namespace};

/// Organizations per account (SWR user guide: "5 per user").
pub const NAMESPACE_QUOTA: usize = 5;

/// The organization, if the caller holds at least `level` on it: 404 when it does not exist
/// for the caller's account, 403 when it does but the level is missing.
pub fn require<'a>(db: &'a Db, caller: &Caller, name: &str, level: u8) -> ApiResult<&'a Namespace> {
    let ns = db
        .namespaces
        .get(name)
        .filter(|ns| ns.domain_id == caller.domain_id)
        .ok_or_else(|| ApiError::namespace_not_found(name))?;
    if access::namespace_auth(db, caller, name) < level {
        return Err(ApiError::forbidden(format!(
            "no permission on namespace {name}"
        )));
    }
    Ok(ns)
}

fn entry(ns: &Namespace, auth: u8) -> serde_json::Value {
    json!({"id": ns.id, "name": ns.name, "creator_name": ns.creator_name, "auth": auth})
}

pub async fn list(
    State(app): State<SharedApp>,
    Extension(caller): Extension<Caller>,
    Query(query): Query<Params>,
) -> ApiResult<Response> {
    let params = paging::effective(&query);
    let visible = params.get("mode").is_some_and(|m| m == "visible");
    let db = app.store.lock();
    let namespaces: Vec<serde_json::Value> = access::visible_namespaces(&db, &caller, visible)
        .into_iter()
        .filter(|(name, _)| {
            params
                .get("namespace")
                .is_none_or(|n| n.is_empty() || n == name)
        })
        .filter_map(|(name, auth)| db.namespaces.get(&name).map(|ns| entry(ns, auth)))
        .collect();
    Ok(Json(json!({ "namespaces": namespaces })).into_response())
}

#[derive(Deserialize)]
struct CreateBody {
    namespace: String,
}

pub async fn create(
    State(app): State<SharedApp>,
    Extension(caller): Extension<Caller>,
    body: Bytes,
) -> ApiResult<Response> {
    let body: CreateBody = super::json(&body)?;
    swr_api::rules::validate_namespace(&body.namespace).map_err(ApiError::rule)?;
    {
        let mut db = app.store.lock();
        if !caller.admin {
            return Err(ApiError::forbidden(
                "the user has no SWR permission to create organizations",
            ));
        }
        if db.namespaces.contains_key(&body.namespace) {
            return Err(ApiError::conflict(format!(
                "namespace {} already exists",
                body.namespace
            )));
        }
        let owned = db
            .namespaces
            .values()
            .filter(|n| n.domain_id == caller.domain_id)
            .count();
        if owned >= NAMESPACE_QUOTA {
            return Err(ApiError::quota(format!(
                "namespace quota of {NAMESPACE_QUOTA} reached"
            )));
        }
        let id = db.next_id();
        db.namespaces.insert(
            body.namespace.clone(),
            Namespace {
                id,
                name: body.namespace.clone(),
                domain_id: caller.domain_id.clone(),
                creator_id: caller.user_id.clone(),
                creator_name: caller.user_name.clone(),
                created: clock::now_seconds(),
                grants: Default::default(),
            },
        );
    }
    app.store.persist_soon();
    Ok(StatusCode::CREATED.into_response())
}

pub async fn show(
    State(app): State<SharedApp>,
    Extension(caller): Extension<Caller>,
    Path(namespace): Path<String>,
) -> ApiResult<Response> {
    let db = app.store.lock();
    let ns = require(&db, &caller, &namespace, access::READ)?;
    let auth = access::namespace_auth(&db, &caller, &namespace);
    Ok(Json(entry(ns, auth)).into_response())
}

pub async fn delete(
    State(app): State<SharedApp>,
    Extension(caller): Extension<Caller>,
    Path(namespace): Path<String>,
) -> ApiResult<Response> {
    {
        let mut db = app.store.lock();
        require(&db, &caller, &namespace, MANAGE)?;
        if db.repos_in(&namespace).next().is_some() {
            return Err(ApiError::namespace_not_empty(&namespace));
        }
        db.namespaces.remove(&namespace);
    }
    app.store.persist_soon();
    Ok(StatusCode::NO_CONTENT.into_response())
}
