//! Image synchronisation to other regions: target regions, automatic rules, manual sync and
//! the job list. Jobs run in `engine::sync`: to another region this sandbox serves they copy
//! the image for real; to any other region they end `failed`. Rules and requests are checked
//! the same way whichever the target.

use axum::extract::{Extension, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use bytes::Bytes;
use serde::Deserialize;
use serde_json::{json, Value};

use super::error::{ApiError, ApiResult};
use super::paging::{self, Query as Params};
use super::repo_name;
use super::repos::{require, require_mut};
use crate::app::SharedApp;
use crate::clock;
use crate::engine::sync::{self, Order};
use crate::state::access::{Caller, READ, WRITE};
use crate::state::model::SyncRule;

pub async fn regions(State(app): State<SharedApp>) -> Response {
    let list: Vec<Value> = sync::targets(&app)
        .into_iter()
        .map(|r| json!({"regionID": r}))
        .collect();
    Json(list).into_response()
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RuleBody {
    remote_region_id: String,
    remote_namespace: String,
    #[serde(default)]
    sync_auto: bool,
    #[serde(default)]
    r#override: bool,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ManualBody {
    image_tag: Vec<String>,
    #[serde(default)]
    r#override: bool,
    remote_namespace: String,
    remote_region_id: String,
}

fn check_target(app: &SharedApp, region: &str, namespace: &str) -> ApiResult<()> {
    if !sync::targets(app).iter().any(|r| r == region) {
        return Err(ApiError::invalid(format!(
            "{region} is not a synchronisation target of this region"
        )));
    }
    swr_api::rules::validate_namespace(namespace).map_err(ApiError::rule)
}

pub async fn create_rule(
    State(app): State<SharedApp>,
    Extension(caller): Extension<Caller>,
    Path((namespace, repository)): Path<(String, String)>,
    body: Bytes,
) -> ApiResult<Response> {
    let repository = repo_name(&repository);
    let b: RuleBody = super::json(&body)?;
    check_target(&app, &b.remote_region_id, &b.remote_namespace)?;
    {
        let mut db = app.store.lock();
        require(&db, &caller, &namespace, &repository, WRITE)?;
        let id = db.next_id();
        let repo = db
            .repo_mut(&namespace, &repository)
            .ok_or_else(|| ApiError::repo_not_found(&repository))?;
        if repo.sync_rules.iter().any(|r| {
            r.remote_region_id == b.remote_region_id && r.remote_namespace == b.remote_namespace
        }) {
            return Err(ApiError::conflict(
                "a synchronisation rule for this target already exists",
            ));
        }
        let now = clock::now_seconds();
        repo.sync_rules.push(SyncRule {
            id,
            remote_region_id: b.remote_region_id,
            remote_namespace: b.remote_namespace,
            sync_auto: b.sync_auto,
            overwrite: b.r#override,
            created_at: now.clone(),
            updated_at: now,
        });
    }
    app.store.persist_soon();
    Ok(StatusCode::OK.into_response())
}

pub async fn list_rules(
    State(app): State<SharedApp>,
    Extension(caller): Extension<Caller>,
    Path((namespace, repository)): Path<(String, String)>,
) -> ApiResult<Response> {
    let repository = repo_name(&repository);
    let db = app.store.lock();
    let repo = require(&db, &caller, &namespace, &repository, READ)?;
    let account = db.account_by_id(&repo.domain_id);
    let list: Vec<Value> = repo
        .sync_rules
        .iter()
        .map(|r| {
            json!({
                "createdAt": r.created_at, "domainID": repo.domain_id,
                "domainName": account.map(|a| a.domain_name.clone()).unwrap_or_default(),
                "id": r.id, "namespace": repo.namespace, "override": r.overwrite,
                "remoteNamespace": r.remote_namespace, "remoteRegionId": r.remote_region_id,
                "repoName": repo.name, "syncAuto": r.sync_auto, "updatedAt": r.updated_at,
            })
        })
        .collect();
    Ok(Json(list).into_response())
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct DeleteBody {
    remote_region_id: String,
    remote_namespace: String,
}

pub async fn delete_rule(
    State(app): State<SharedApp>,
    Extension(caller): Extension<Caller>,
    Path((namespace, repository)): Path<(String, String)>,
    body: Bytes,
) -> ApiResult<Response> {
    let repository = repo_name(&repository);
    let b: DeleteBody = super::json(&body)?;
    {
        let mut db = app.store.lock();
        let repo = require_mut(&mut db, &caller, &namespace, &repository, WRITE)?;
        let before = repo.sync_rules.len();
        repo.sync_rules.retain(|r| {
            !(r.remote_region_id == b.remote_region_id && r.remote_namespace == b.remote_namespace)
        });
        if repo.sync_rules.len() == before {
            return Err(ApiError::not_found(
                "no synchronisation rule for this target",
            ));
        }
    }
    app.store.persist_soon();
    Ok(StatusCode::OK.into_response())
}

pub async fn manual(
    State(app): State<SharedApp>,
    Extension(caller): Extension<Caller>,
    Path((namespace, repository)): Path<(String, String)>,
    body: Bytes,
) -> ApiResult<Response> {
    let repository = repo_name(&repository);
    let b: ManualBody = super::json(&body)?;
    check_target(&app, &b.remote_region_id, &b.remote_namespace)?;
    if b.image_tag.is_empty() {
        return Err(ApiError::invalid("imageTag must list at least one tag"));
    }
    let (rejected, jobs) = {
        let mut db = app.store.lock();
        require(&db, &caller, &namespace, &repository, WRITE)?;
        let mut rejected = Vec::new();
        let mut jobs = Vec::new();
        for tag in &b.image_tag {
            let exists = db
                .repo(&namespace, &repository)
                .is_some_and(|r| r.tags.contains_key(tag));
            if !exists {
                rejected.push(tag.clone());
                continue;
            }
            let order = Order {
                namespace: namespace.clone(),
                repository: repository.clone(),
                tag: tag.clone(),
                region: b.remote_region_id.clone(),
                remote_namespace: b.remote_namespace.clone(),
                overwrite: b.r#override,
                operator_id: caller.user_id.clone(),
                operator_name: caller.user_name.clone(),
            };
            if let Some(job) = sync::enqueue(&app, &mut db, &order) {
                jobs.push((job, order));
            }
        }
        (rejected, jobs)
    };
    for (job, order) in jobs {
        sync::start(&app, job, order);
    }
    app.store.persist_soon();
    Ok(Json(rejected).into_response())
}

pub async fn jobs(
    State(app): State<SharedApp>,
    Extension(caller): Extension<Caller>,
    Path((namespace, repository)): Path<(String, String)>,
    Query(query): Query<Params>,
) -> ApiResult<Response> {
    let repository = repo_name(&repository);
    let filter = query
        .get("filter")
        .ok_or_else(|| ApiError::invalid("filter is required"))?;
    let params = paging::parse_filter(filter);
    if !params.contains_key("limit") || !params.contains_key("offset") {
        return Err(ApiError::invalid("filter must contain limit and offset"));
    }
    let (offset, limit) = paging::offset_page(&params)?;
    let desc = match params.get("order").map(String::as_str) {
        None | Some("desc") => true,
        Some("asc") => false,
        Some(other) => {
            return Err(ApiError::invalid(format!(
                "order must be desc or asc, got '{other}'"
            )))
        }
    };
    let db = app.store.lock();
    let repo = require(&db, &caller, &namespace, &repository, READ)?;
    let account = db.account_by_id(&repo.domain_id);
    let mut list: Vec<Value> = repo
        .sync_jobs
        .iter()
        .map(|j| {
            json!({
                "createdAt": j.created_at, "domainID": repo.domain_id,
                "domainName": account.map(|a| a.domain_name.clone()).unwrap_or_default(),
                "id": j.id, "namespace": repo.namespace, "override": j.overwrite,
                "remoteNamespace": j.remote_namespace, "remoteRegionId": j.remote_region_id,
                "repoName": repo.name, "status": j.status, "syncOperatorId": j.operator_id,
                "syncOperatorName": j.operator_name, "tag": j.tag, "updatedAt": j.updated_at,
            })
        })
        .collect();
    if desc {
        list.reverse();
    }
    let (page, range) = paging::page(&list, offset, limit);
    Ok(([range], Json(page)).into_response())
}
