//! Sharing private repositories with other accounts (`…/access-domains`) and the lists of
//! shared repositories. A share gives the other account pull access until its deadline
//! (`forever` or a UTC time); the registry gateway honours it for as long as it is valid.

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
use super::repos::{filtered, marker_page, require, sort, v2_view, v3_view};
use crate::app::SharedApp;
use crate::clock;
use crate::state::access::{self, Caller, MANAGE, READ};
use crate::state::model::{Db, Repo, Share};

/// Repositories shared by the caller's account (`self`) or with it (`thirdparty`), each with
/// the share's validity for the caller.
fn shared<'a>(db: &'a Db, caller: &Caller, side: &str) -> ApiResult<Vec<(&'a Repo, bool)>> {
    match side {
        "self" => Ok(db
            .repos
            .values()
            .filter(|r| r.domain_id == caller.domain_id && !r.shares.is_empty())
            .filter(|r| access::repo_auth(db, caller, r) >= READ)
            .map(|r| (r, false))
            .collect()),
        "thirdparty" => Ok(db
            .repos
            .values()
            .filter_map(|r| {
                r.shares
                    .get(&caller.domain_name)
                    .map(|s| (r, access::share_is_valid(&s.deadline, clock::now())))
            })
            .collect()),
        other => Err(ApiError::invalid(format!(
            "center must be self or thirdparty, got '{other}'"
        ))),
    }
}

pub async fn list_v2(
    State(app): State<SharedApp>,
    Extension(caller): Extension<Caller>,
    Query(query): Query<Params>,
) -> ApiResult<Response> {
    let params = paging::effective(&query);
    let side = params
        .get("center")
        .cloned()
        .ok_or_else(|| ApiError::invalid("center is required"))?;
    let (offset, limit) = paging::offset_page(&params)?;
    let db = app.store.lock();
    let all = shared(&db, &caller, &side)?;
    let mut list = filtered(all.iter().map(|(r, _)| *r), &params);
    sort(&mut list, &params)?;
    let total = list.len();
    let (page, range) = paging::page(&list, offset, limit);
    let body: Vec<Value> = page
        .iter()
        .map(|r| {
            let status = all
                .iter()
                .find(|(x, _)| x.id == r.id)
                .is_some_and(|(_, s)| *s);
            v2_view(&db, r, total, status, &app.settings.registry_host)
        })
        .collect();
    Ok(([range], Json(body)).into_response())
}

pub async fn list_v3(
    State(app): State<SharedApp>,
    Extension(caller): Extension<Caller>,
    Query(params): Query<Params>,
) -> ApiResult<Response> {
    let side = params
        .get("shared_by")
        .cloned()
        .ok_or_else(|| ApiError::invalid("shared_by is required"))?;
    let want = match params.get("status").map(String::as_str) {
        None | Some("") => None,
        Some("true") => Some(true),
        Some("false") => Some(false),
        Some(other) => {
            return Err(ApiError::invalid(format!(
                "status must be true or false, got '{other}'"
            )))
        }
    };
    let db = app.store.lock();
    let all = shared(&db, &caller, &side)?;
    let status_of = |r: &Repo| {
        all.iter()
            .find(|(x, _)| x.id == r.id)
            .is_some_and(|(_, s)| *s)
    };
    let list: Vec<&Repo> = filtered(all.iter().map(|(r, _)| *r), &params)
        .into_iter()
        .filter(|r| want.is_none_or(|w| status_of(r) == w))
        .collect();
    let (page, next) = marker_page(list, &params)?;
    let repos: Vec<Value> = page.iter().map(|r| v3_view(&db, r, status_of(r))).collect();
    let mut body = json!({ "repos": repos });
    if let Some(n) = next {
        body["nextMarker"] = json!(n);
    }
    Ok(Json(body).into_response())
}

fn view(repo: &Repo, share: &Share) -> Value {
    json!({
        "namespace": repo.namespace,
        "repository": repo.name,
        "access_domain": share.access_domain,
        "permit": share.permit,
        "deadline": share.deadline,
        "description": share.description,
        "creator_id": share.creator_id,
        "creator_name": share.creator_name,
        "created": share.created,
        "updated": share.updated,
        "status": access::share_is_valid(&share.deadline, clock::now()),
    })
}

/// The repository, which must belong to the caller's account.
fn own<'a>(
    db: &'a Db,
    caller: &Caller,
    namespace: &str,
    repository: &str,
    level: u8,
) -> ApiResult<&'a Repo> {
    let repo = require(db, caller, namespace, repository, level)?;
    if repo.domain_id != caller.domain_id {
        return Err(ApiError::forbidden(
            "only the owning account manages its shares",
        ));
    }
    Ok(repo)
}

pub async fn list_domains(
    State(app): State<SharedApp>,
    Extension(caller): Extension<Caller>,
    Path((namespace, repository)): Path<(String, String)>,
) -> ApiResult<Response> {
    let repository = repo_name(&repository);
    let db = app.store.lock();
    let repo = own(&db, &caller, &namespace, &repository, READ)?;
    let list: Vec<Value> = repo.shares.values().map(|s| view(repo, s)).collect();
    Ok(Json(list).into_response())
}

#[derive(Deserialize)]
struct ShareBody {
    access_domain: Option<String>,
    permit: String,
    deadline: String,
    #[serde(default)]
    description: String,
}

fn check(body: &ShareBody) -> ApiResult<()> {
    if body.permit != "read" {
        return Err(ApiError::invalid(format!(
            "permit must be read, got '{}'",
            body.permit
        )));
    }
    swr_api::rules::validate_share_deadline(&body.deadline, std::time::SystemTime::now())
        .map_err(ApiError::rule)?;
    swr_api::rules::validate_share_description(&body.description).map_err(ApiError::rule)?;
    Ok(())
}

pub async fn create(
    State(app): State<SharedApp>,
    Extension(caller): Extension<Caller>,
    Path((namespace, repository)): Path<(String, String)>,
    body: Bytes,
) -> ApiResult<Response> {
    let repository = repo_name(&repository);
    let body: ShareBody = super::json(&body)?;
    let domain = body
        .access_domain
        .clone()
        .ok_or_else(|| ApiError::invalid("access_domain is required"))?;
    swr_api::rules::validate_access_domain(&domain).map_err(ApiError::rule)?;
    check(&body)?;
    {
        let mut db = app.store.lock();
        own(&db, &caller, &namespace, &repository, MANAGE)?;
        if domain == caller.domain_name {
            return Err(ApiError::invalid(
                "an image cannot be shared with its own account",
            ));
        }
        if db.account_by_name(&domain).is_none() {
            return Err(ApiError::invalid(format!(
                "account {domain} does not exist"
            )));
        }
        let repo = db
            .repo_mut(&namespace, &repository)
            .ok_or_else(|| ApiError::repo_not_found(&repository))?;
        if repo.shares.contains_key(&domain) {
            return Err(ApiError::conflict(format!("already shared with {domain}")));
        }
        let now = clock::now_seconds();
        repo.shares.insert(
            domain.clone(),
            Share {
                access_domain: domain,
                permit: body.permit,
                deadline: body.deadline,
                description: body.description,
                creator_id: caller.user_id.clone(),
                creator_name: caller.user_name.clone(),
                created: now.clone(),
                updated: now,
            },
        );
    }
    app.store.persist_soon();
    Ok(StatusCode::CREATED.into_response())
}

pub async fn show(
    State(app): State<SharedApp>,
    Extension(caller): Extension<Caller>,
    Path((namespace, repository, domain)): Path<(String, String, String)>,
) -> ApiResult<Response> {
    let repository = repo_name(&repository);
    let db = app.store.lock();
    let repo = own(&db, &caller, &namespace, &repository, READ)?;
    let body = match repo.shares.get(&domain) {
        Some(s) => {
            let mut v = view(repo, s);
            v["exist"] = json!(true);
            v
        }
        None => json!({"exist": false}),
    };
    Ok(Json(body).into_response())
}

pub async fn update(
    State(app): State<SharedApp>,
    Extension(caller): Extension<Caller>,
    Path((namespace, repository, domain)): Path<(String, String, String)>,
    body: Bytes,
) -> ApiResult<Response> {
    let repository = repo_name(&repository);
    let body: ShareBody = super::json(&body)?;
    check(&body)?;
    {
        let mut db = app.store.lock();
        own(&db, &caller, &namespace, &repository, MANAGE)?;
        let repo = db
            .repo_mut(&namespace, &repository)
            .ok_or_else(|| ApiError::repo_not_found(&repository))?;
        let share = repo
            .shares
            .get_mut(&domain)
            .ok_or_else(|| ApiError::not_found(format!("not shared with {domain}")))?;
        share.permit = body.permit;
        share.deadline = body.deadline;
        share.description = body.description;
        share.updated = clock::now_seconds();
    }
    app.store.persist_soon();
    Ok(StatusCode::CREATED.into_response())
}

pub async fn delete(
    State(app): State<SharedApp>,
    Extension(caller): Extension<Caller>,
    Path((namespace, repository, domain)): Path<(String, String, String)>,
) -> ApiResult<Response> {
    let repository = repo_name(&repository);
    {
        let mut db = app.store.lock();
        own(&db, &caller, &namespace, &repository, MANAGE)?;
        let repo = db
            .repo_mut(&namespace, &repository)
            .ok_or_else(|| ApiError::repo_not_found(&repository))?;
        repo.shares
            .remove(&domain)
            .ok_or_else(|| ApiError::not_found(format!("not shared with {domain}")))?;
    }
    app.store.persist_soon();
    Ok(StatusCode::NO_CONTENT.into_response())
}
