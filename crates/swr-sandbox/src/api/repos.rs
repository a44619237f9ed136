//! Repositories (images): create, show, update attributes, delete, and the v2/v3 lists.

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
use crate::app::SharedApp;
use crate::clock;
use crate::state::access::{self, Caller, MANAGE, READ, WRITE};
use crate::state::model::{repo_key, Db, Repo};

/// The repository, if the caller may act on it at `level`. Reading is also allowed through a
/// share or public visibility. Repositories of other accounts the caller cannot see are 404.
pub fn require<'a>(
    db: &'a Db,
    caller: &Caller,
    namespace: &str,
    repository: &str,
    level: u8,
) -> ApiResult<&'a Repo> {
    let full = format!("{namespace}/{repository}");
    let repo = db
        .repo(namespace, repository)
        .ok_or_else(|| ApiError::repo_not_found(&full))?;
    if level == READ && access::can_pull(db, caller, repo) {
        return Ok(repo);
    }
    if repo.domain_id != caller.domain_id {
        return Err(ApiError::repo_not_found(&full));
    }
    if access::repo_auth(db, caller, repo) < level {
        return Err(ApiError::forbidden(format!(
            "no permission on repository {full}"
        )));
    }
    Ok(repo)
}

/// [`require`], then the repository itself for changing it (under the same lock).
pub fn require_mut<'a>(
    db: &'a mut Db,
    caller: &Caller,
    namespace: &str,
    repository: &str,
    level: u8,
) -> ApiResult<&'a mut Repo> {
    require(db, caller, namespace, repository, level)?;
    db.repo_mut(namespace, repository)
        .ok_or_else(|| ApiError::repo_not_found(repository))
}

pub fn v2_view(db: &Db, repo: &Repo, total: usize, status: bool, registry: &str) -> Value {
    let domain_name = db
        .account_by_id(&repo.domain_id)
        .map(|a| a.domain_name.clone())
        .unwrap_or_default();
    json!({
        "name": repo.name,
        "category": repo.category,
        "description": repo.description,
        "size": repo.size(),
        "is_public": repo.is_public,
        "num_images": repo.tags.len(),
        "num_download": repo.num_download,
        "created_at": repo.created,
        "updated_at": repo.updated,
        "logo": "",
        "url": "",
        "path": format!("{registry}/{}/{}", repo.namespace, repo.name),
        "internal_path": format!("{registry}/{}/{}", repo.namespace, repo.name),
        "domain_name": domain_name,
        "namespace": repo.namespace,
        "tags": repo.tags.keys().collect::<Vec<_>>(),
        "status": status,
        "total_range": total,
    })
}

pub fn v3_view(db: &Db, repo: &Repo, status: bool) -> Value {
    let domain_name = db
        .account_by_id(&repo.domain_id)
        .map(|a| a.domain_name.clone())
        .unwrap_or_default();
    json!({
        "id": repo.id,
        "name": repo.name,
        "category": repo.category,
        "description": repo.description,
        "size": repo.size(),
        "is_public": repo.is_public,
        "num_images": repo.tags.len(),
        "num_download": repo.num_download,
        "created_at": repo.created,
        "updated_at": repo.updated,
        "domain_name": domain_name,
        "namespace_name": repo.namespace,
        "status": status,
    })
}

/// Applies the `namespace` (exact), `name` (substring) and `category` filters.
pub fn filtered<'a>(repos: impl Iterator<Item = &'a Repo>, params: &Params) -> Vec<&'a Repo> {
    let ns = params.get("namespace").filter(|v| !v.is_empty());
    let name = params
        .get("name")
        .filter(|v| !v.is_empty())
        .map(|n| repo_name(n));
    let category = params.get("category").filter(|v| !v.is_empty());
    repos
        .filter(|r| ns.is_none_or(|n| &r.namespace == n))
        .filter(|r| name.as_ref().is_none_or(|n| r.name.contains(n.as_str())))
        .filter(|r| category.is_none_or(|c| &r.category == c))
        .collect()
}

/// Sorts per `order_column`/`order_type` (both spellings of the update column are accepted).
pub fn sort(list: &mut [&Repo], params: &Params) -> ApiResult<()> {
    if let Some((column, desc)) = paging::order(params)? {
        match column.as_str() {
            "updated_at" | "updated_time" => {
                list.sort_by(|a, b| a.updated.cmp(&b.updated).then(a.id.cmp(&b.id)))
            }
            "name" => list.sort_by(|a, b| a.name.cmp(&b.name)),
            "tag_count" => list.sort_by_key(|r| r.tags.len()),
            other => return Err(ApiError::invalid(format!("unknown order_column '{other}'"))),
        }
        if desc {
            list.reverse();
        }
    }
    Ok(())
}

#[derive(Deserialize)]
struct CreateBody {
    repository: String,
    is_public: Option<bool>,
    category: Option<String>,
    description: Option<String>,
}

#[derive(Deserialize)]
struct UpdateBody {
    is_public: Option<bool>,
    category: Option<String>,
    description: Option<String>,
}

fn check_attributes(category: Option<&String>, description: Option<&String>) -> ApiResult<()> {
    if let Some(c) = category {
        swr_api::rules::validate_category(c).map_err(ApiError::rule)?;
    }
    if let Some(d) = description {
        swr_api::rules::validate_repo_description(d).map_err(ApiError::rule)?;
    }
    Ok(())
}

pub async fn create(
    State(app): State<SharedApp>,
    Extension(caller): Extension<Caller>,
    Path(namespace): Path<String>,
    body: Bytes,
) -> ApiResult<Response> {
    let body: CreateBody = super::json(&body)?;
    let repository = repo_name(&body.repository);
    swr_api::rules::validate_repository(&repository).map_err(ApiError::rule)?;
    let is_public = body
        .is_public
        .ok_or_else(|| ApiError::invalid("is_public is required"))?;
    check_attributes(body.category.as_ref(), body.description.as_ref())?;
    {
        let mut db = app.store.lock();
        super::namespaces::require(&db, &caller, &namespace, WRITE)?;
        let key = repo_key(&namespace, &repository);
        if db.repos.contains_key(&key) {
            return Err(ApiError::image_exists(format!(
                "repository {key} already exists"
            )));
        }
        let id = db.next_id();
        let now = clock::now_seconds();
        db.repos.insert(
            key,
            Repo {
                id,
                namespace: namespace.clone(),
                name: repository,
                domain_id: caller.domain_id.clone(),
                category: body.category.unwrap_or_else(|| "other".into()),
                description: body.description.unwrap_or_default(),
                is_public,
                creator_id: caller.user_id.clone(),
                creator_name: caller.user_name.clone(),
                created: now.clone(),
                updated: now,
                num_download: 0,
                grants: Default::default(),
                tags: Default::default(),
                retention: None,
                retention_log: Vec::new(),
                triggers: Vec::new(),
                shares: Default::default(),
                sync_rules: Vec::new(),
                sync_jobs: Vec::new(),
            },
        );
    }
    app.store.persist_soon();
    Ok(StatusCode::CREATED.into_response())
}

pub async fn show(
    State(app): State<SharedApp>,
    Extension(caller): Extension<Caller>,
    Path((namespace, repository)): Path<(String, String)>,
) -> ApiResult<Response> {
    let repository = repo_name(&repository);
    let db = app.store.lock();
    let repo = require(&db, &caller, &namespace, &repository, READ)?;
    let ns_id = db.namespaces.get(&namespace).map_or(0, |n| n.id);
    let registry = &app.settings.registry_host;
    Ok(Json(json!({
        "id": repo.id,
        "ns_id": ns_id,
        "name": repo.name,
        "category": repo.category,
        "description": repo.description,
        "creator_id": repo.creator_id,
        "creator_name": repo.creator_name,
        "size": repo.size(),
        "is_public": repo.is_public,
        "num_images": repo.tags.len(),
        "num_download": repo.num_download,
        "url": "",
        "path": format!("{registry}/{namespace}/{}", repo.name),
        "internal_path": format!("{registry}/{namespace}/{}", repo.name),
        "created": repo.created,
        "updated": repo.updated,
        "domain_id": repo.domain_id,
        "priority": 0,
    }))
    .into_response())
}

pub async fn update(
    State(app): State<SharedApp>,
    Extension(caller): Extension<Caller>,
    Path((namespace, repository)): Path<(String, String)>,
    body: Bytes,
) -> ApiResult<Response> {
    let repository = repo_name(&repository);
    let body: UpdateBody = super::json(&body)?;
    let is_public = body
        .is_public
        .ok_or_else(|| ApiError::invalid("is_public is required"))?;
    check_attributes(body.category.as_ref(), body.description.as_ref())?;
    {
        let mut db = app.store.lock();
        require(&db, &caller, &namespace, &repository, WRITE)?;
        if let Some(repo) = db.repo_mut(&namespace, &repository) {
            repo.is_public = is_public;
            if let Some(c) = body.category {
                repo.category = c;
            }
            if let Some(d) = body.description {
                repo.description = d;
            }
            repo.updated = clock::now_seconds();
        }
    }
    app.store.persist_soon();
    Ok(StatusCode::CREATED.into_response())
}

pub async fn delete(
    State(app): State<SharedApp>,
    Extension(caller): Extension<Caller>,
    Path((namespace, repository)): Path<(String, String)>,
) -> ApiResult<Response> {
    let repository = repo_name(&repository);
    {
        let mut db = app.store.lock();
        let repo = require(&db, &caller, &namespace, &repository, MANAGE)?;
        if !repo.tags.is_empty() {
            return Err(ApiError::repo_not_empty(&format!(
                "{namespace}/{repository}"
            )));
        }
        db.repos.remove(&repo_key(&namespace, &repository));
    }
    app.store.persist_soon();
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// Repositories of the caller's account the caller holds a level on.
fn own_visible<'a>(db: &'a Db, caller: &'a Caller) -> impl Iterator<Item = &'a Repo> {
    db.repos.values().filter(move |r| {
        r.domain_id == caller.domain_id && access::repo_auth(db, caller, r) >= READ
    })
}

pub async fn list_v2(
    State(app): State<SharedApp>,
    Extension(caller): Extension<Caller>,
    Query(query): Query<Params>,
) -> ApiResult<Response> {
    let params = paging::effective(&query);
    let (offset, limit) = paging::offset_page(&params)?;
    let db = app.store.lock();
    let mut list = filtered(own_visible(&db, &caller), &params);
    sort(&mut list, &params)?;
    let total = list.len();
    let (page, range) = paging::page(&list, offset, limit);
    let body: Vec<Value> = page
        .iter()
        .map(|r| v2_view(&db, r, total, false, &app.settings.registry_host))
        .collect();
    Ok(([range], Json(body)).into_response())
}

/// One v3 page: items after `marker` (an id) in id order, and the next marker if more remain.
pub fn marker_page<'a>(
    mut list: Vec<&'a Repo>,
    params: &Params,
) -> ApiResult<(Vec<&'a Repo>, Option<u64>)> {
    let limit = paging::limit(params, paging::DEFAULT_LIMIT, paging::MAX_LIMIT)?;
    let marker = match params.get("marker").filter(|m| !m.is_empty()) {
        Some(m) => m
            .parse::<u64>()
            .map_err(|_| ApiError::invalid("marker must be an integer"))?,
        None => 0,
    };
    list.sort_by_key(|r| r.id);
    let rest: Vec<&Repo> = list.into_iter().filter(|r| r.id > marker).collect();
    let more = rest.len() > limit;
    let page: Vec<&Repo> = rest.into_iter().take(limit).collect();
    let next = if more {
        page.last().map(|r| r.id)
    } else {
        None
    };
    Ok((page, next))
}

pub async fn list_v3(
    State(app): State<SharedApp>,
    Extension(caller): Extension<Caller>,
    Query(params): Query<Params>,
) -> ApiResult<Response> {
    let is_public = match params.get("is_public").map(String::as_str) {
        None | Some("") => None,
        Some("true") => Some(true),
        Some("false") => Some(false),
        Some(other) => {
            return Err(ApiError::invalid(format!(
                "is_public must be true or false, got '{other}'"
            )))
        }
    };
    let db = app.store.lock();
    let list: Vec<&Repo> = filtered(own_visible(&db, &caller), &params)
        .into_iter()
        .filter(|r| is_public.is_none_or(|p| r.is_public == p))
        .collect();
    let (page, next) = marker_page(list, &params)?;
    let repos: Vec<Value> = page.iter().map(|r| v3_view(&db, r, false)).collect();
    let mut body = json!({ "repos": repos });
    if let Some(n) = next {
        body["nextMarker"] = json!(n);
    }
    Ok(Json(body).into_response())
}
