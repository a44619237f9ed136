//! Organization and repository permissions (`…/access`): bare JSON arrays of `UserAuth` in,
//! revocation by a bare array of user ids. Granting needs manage (7); grantees must be IAM
//! users of the caller's own account.

use std::collections::BTreeMap;

use axum::extract::{Extension, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use bytes::Bytes;
use serde::Deserialize;
use serde_json::json;

use super::error::{ApiError, ApiResult};
use super::repo_name;
use crate::app::SharedApp;
use crate::state::access::{self, Caller, MANAGE, READ};
use crate::state::model::{Db, Grant};

#[derive(Deserialize)]
struct UserAuth {
    user_id: String,
    user_name: String,
    auth: i64,
}

fn grants_from(db: &Db, caller: &Caller, body: &Bytes) -> ApiResult<Vec<Grant>> {
    let entries: Vec<UserAuth> = super::json(body)?;
    if entries.is_empty() {
        return Err(ApiError::invalid("the permission list is empty"));
    }
    entries
        .into_iter()
        .map(|e| {
            swr_api::rules::validate_permission_level(e.auth).map_err(ApiError::rule)?;
            match db.user_by_id(&e.user_id) {
                Some((account, _)) if account.domain_id == caller.domain_id => {}
                _ => {
                    return Err(ApiError::invalid(format!(
                        "user {} is not a user of this account",
                        e.user_id
                    )))
                }
            }
            let auth = u8::try_from(e.auth).unwrap_or(0);
            Ok(Grant {
                user_id: e.user_id,
                user_name: e.user_name,
                auth,
            })
        })
        .collect()
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Change {
    Create,
    Update,
}

fn apply(grants: &mut BTreeMap<String, Grant>, new: Vec<Grant>, change: Change) -> ApiResult<()> {
    for g in &new {
        let exists = grants.contains_key(&g.user_id);
        if change == Change::Create && exists {
            return Err(ApiError::conflict(format!(
                "user {} already has a permission",
                g.user_name
            )));
        }
        if change == Change::Update && !exists {
            return Err(ApiError::not_found(format!(
                "user {} has no permission to update",
                g.user_name
            )));
        }
    }
    for g in new {
        grants.insert(g.user_id.clone(), g);
    }
    Ok(())
}

fn self_and_others<'a>(
    caller: &Caller,
    level: u8,
    grants: &'a BTreeMap<String, Grant>,
) -> (serde_json::Value, Vec<&'a Grant>) {
    let me = json!({"user_id": caller.user_id, "user_name": caller.user_name, "auth": level});
    (
        me,
        grants
            .values()
            .filter(|g| g.user_id != caller.user_id)
            .collect(),
    )
}

pub async fn show_namespace(
    State(app): State<SharedApp>,
    Extension(caller): Extension<Caller>,
    Path(namespace): Path<String>,
) -> ApiResult<Response> {
    let db = app.store.lock();
    let ns = super::namespaces::require(&db, &caller, &namespace, READ)?;
    let (me, others) = self_and_others(
        &caller,
        access::namespace_auth(&db, &caller, &namespace),
        &ns.grants,
    );
    Ok(Json(json!({"id": ns.id, "name": ns.name, "creator_name": ns.creator_name, "self_auth": me, "others_auths": others})).into_response())
}

async fn change_namespace(
    app: SharedApp,
    caller: Caller,
    namespace: String,
    body: Bytes,
    change: Change,
) -> ApiResult<Response> {
    {
        let mut db = app.store.lock();
        super::namespaces::require(&db, &caller, &namespace, MANAGE)?;
        let new = grants_from(&db, &caller, &body)?;
        let ns = db
            .namespaces
            .get_mut(&namespace)
            .ok_or_else(|| ApiError::namespace_not_found(&namespace))?;
        apply(&mut ns.grants, new, change)?;
    }
    app.store.persist_soon();
    let status = if change == Change::Create {
        StatusCode::OK
    } else {
        StatusCode::CREATED
    };
    Ok(status.into_response())
}

pub async fn create_namespace(
    State(app): State<SharedApp>,
    Extension(caller): Extension<Caller>,
    Path(namespace): Path<String>,
    body: Bytes,
) -> ApiResult<Response> {
    change_namespace(app, caller, namespace, body, Change::Create).await
}

pub async fn update_namespace(
    State(app): State<SharedApp>,
    Extension(caller): Extension<Caller>,
    Path(namespace): Path<String>,
    body: Bytes,
) -> ApiResult<Response> {
    change_namespace(app, caller, namespace, body, Change::Update).await
}

pub async fn delete_namespace(
    State(app): State<SharedApp>,
    Extension(caller): Extension<Caller>,
    Path(namespace): Path<String>,
    body: Bytes,
) -> ApiResult<Response> {
    let ids: Vec<String> = super::json(&body)?;
    {
        let mut db = app.store.lock();
        super::namespaces::require(&db, &caller, &namespace, MANAGE)?;
        if let Some(ns) = db.namespaces.get_mut(&namespace) {
            ids.iter().for_each(|id| {
                ns.grants.remove(id);
            });
        }
    }
    app.store.persist_soon();
    Ok(StatusCode::NO_CONTENT.into_response())
}

pub async fn show_repo(
    State(app): State<SharedApp>,
    Extension(caller): Extension<Caller>,
    Path((namespace, repository)): Path<(String, String)>,
) -> ApiResult<Response> {
    let repository = repo_name(&repository);
    let db = app.store.lock();
    let repo = super::repos::require(&db, &caller, &namespace, &repository, READ)?;
    let (me, others) =
        self_and_others(&caller, access::repo_auth(&db, &caller, repo), &repo.grants);
    Ok(
        Json(json!({"id": repo.id, "name": repo.name, "self_auth": me, "others_auths": others}))
            .into_response(),
    )
}

async fn change_repo(
    app: SharedApp,
    caller: Caller,
    namespace: String,
    repository: String,
    body: Bytes,
    change: Change,
) -> ApiResult<Response> {
    let repository = repo_name(&repository);
    {
        let mut db = app.store.lock();
        super::repos::require(&db, &caller, &namespace, &repository, MANAGE)?;
        let new = grants_from(&db, &caller, &body)?;
        let repo = db
            .repo_mut(&namespace, &repository)
            .ok_or_else(|| ApiError::repo_not_found(&repository))?;
        apply(&mut repo.grants, new, change)?;
    }
    app.store.persist_soon();
    Ok(StatusCode::CREATED.into_response())
}

pub async fn create_repo(
    State(app): State<SharedApp>,
    Extension(caller): Extension<Caller>,
    Path((namespace, repository)): Path<(String, String)>,
    body: Bytes,
) -> ApiResult<Response> {
    change_repo(app, caller, namespace, repository, body, Change::Create).await
}

pub async fn update_repo(
    State(app): State<SharedApp>,
    Extension(caller): Extension<Caller>,
    Path((namespace, repository)): Path<(String, String)>,
    body: Bytes,
) -> ApiResult<Response> {
    change_repo(app, caller, namespace, repository, body, Change::Update).await
}

pub async fn delete_repo(
    State(app): State<SharedApp>,
    Extension(caller): Extension<Caller>,
    Path((namespace, repository)): Path<(String, String)>,
    body: Bytes,
) -> ApiResult<Response> {
    let repository = repo_name(&repository);
    let ids: Vec<String> = super::json(&body)?;
    {
        let mut db = app.store.lock();
        super::repos::require(&db, &caller, &namespace, &repository, MANAGE)?;
        if let Some(repo) = db.repo_mut(&namespace, &repository) {
            ids.iter().for_each(|id| {
                repo.grants.remove(id);
            });
        }
    }
    app.store.persist_soon();
    Ok(StatusCode::NO_CONTENT.into_response())
}
