//! Tags: v2 (offset) and v3 (marker) lists, show, delete, retag, accessories and references.

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
use super::repos::require;
use crate::app::SharedApp;
use crate::clock;
use crate::engine;
use crate::state::access::{Caller, MANAGE, READ, WRITE};
use crate::state::model::{Repo, Tag};

fn view(repo: &Repo, tag: &Tag, registry: &str, key: &str) -> Value {
    let schema = if tag.media_type.contains("v1") { 1 } else { 2 };
    let is_list = tag.media_type.contains("list") || tag.media_type.contains("index");
    json!({
        "id": tag.id,
        "repo_id": repo.id,
        key: tag.name,
        "image_id": tag.image_id,
        "manifest": tag.manifest,
        "digest": tag.digest,
        "schema": schema,
        "path": format!("{registry}/{}/{}:{}", repo.namespace, repo.name, tag.name),
        "internal_path": format!("{registry}/{}/{}:{}", repo.namespace, repo.name, tag.name),
        "size": tag.size,
        "is_trusted": false,
        "created": tag.created,
        "updated": tag.updated,
        "domain_id": repo.domain_id,
        "tag_type": i32::from(is_list),
    })
}

/// Tags filtered by `tag` (substring) and ordered; newest push first by default.
fn ordered<'a>(repo: &'a Repo, params: &Params) -> ApiResult<Vec<&'a Tag>> {
    let filter = params.get("tag").filter(|t| !t.is_empty());
    let mut list: Vec<&Tag> = repo
        .tags
        .values()
        .filter(|t| filter.is_none_or(|f| t.name.contains(f.as_str())))
        .collect();
    let (column, desc) = paging::order(params)?.unwrap_or(("updated_at".into(), true));
    match column.as_str() {
        "updated_at" | "updated_time" => {
            list.sort_by(|a, b| a.updated.cmp(&b.updated).then(a.name.cmp(&b.name)))
        }
        "tag" | "name" => list.sort_by(|a, b| a.name.cmp(&b.name)),
        other => return Err(ApiError::invalid(format!("unknown order_column '{other}'"))),
    }
    if desc {
        list.reverse();
    }
    Ok(list)
}

pub async fn list_v2(
    State(app): State<SharedApp>,
    Extension(caller): Extension<Caller>,
    Path((namespace, repository)): Path<(String, String)>,
    Query(query): Query<Params>,
) -> ApiResult<Response> {
    let repository = repo_name(&repository);
    let params = paging::effective(&query);
    let (offset, limit) = paging::offset_page(&params)?;
    let db = app.store.lock();
    let repo = require(&db, &caller, &namespace, &repository, READ)?;
    let list = ordered(repo, &params)?;
    let (page, range) = paging::page(&list, offset, limit);
    let mut body: Vec<Value> = Vec::with_capacity(page.len());
    for t in page {
        let mut v = view(repo, t, &app.settings.registry_host, "Tag");
        v["deleted"] = Value::Null;
        v["scanned"] = json!(false);
        body.push(v);
    }
    Ok(([range], Json(body)).into_response())
}

pub async fn list_v3(
    State(app): State<SharedApp>,
    Extension(caller): Extension<Caller>,
    Path((namespace, repository)): Path<(String, String)>,
    Query(params): Query<Params>,
) -> ApiResult<Response> {
    let repository = repo_name(&repository);
    let limit = paging::limit(&params, paging::DEFAULT_LIMIT, paging::MAX_LIMIT)?;
    let with_manifest = params.get("with_manifest").is_some_and(|v| v == "true");
    let db = app.store.lock();
    let repo = require(&db, &caller, &namespace, &repository, READ)?;
    let list = ordered(repo, &params)?;
    let start = match params.get("marker").filter(|m| !m.is_empty()) {
        Some(m) => list
            .iter()
            .position(|t| &t.name == m)
            .map(|p| p + 1)
            .ok_or_else(|| ApiError::invalid("unknown marker"))?,
        None => 0,
    };
    let page: Vec<&Tag> = list.iter().skip(start).take(limit).copied().collect();
    let has_more = start + page.len() < list.len();
    let tags: Vec<Value> = page
        .iter()
        .map(|t| {
            let mut v = view(repo, t, &app.settings.registry_host, "tag");
            if !with_manifest {
                v["manifest"] = json!("");
            }
            v
        })
        .collect();
    let mut body = json!({"tags": tags, "has_more": has_more});
    if has_more {
        if let Some(last) = page.last() {
            body["nextMarker"] = json!(last.name);
        }
    }
    Ok(Json(body).into_response())
}

pub async fn show(
    State(app): State<SharedApp>,
    Extension(caller): Extension<Caller>,
    Path((namespace, repository, tag)): Path<(String, String, String)>,
) -> ApiResult<Response> {
    let repository = repo_name(&repository);
    let db = app.store.lock();
    let repo = require(&db, &caller, &namespace, &repository, READ)?;
    let t = repo
        .tags
        .get(&tag)
        .ok_or_else(|| ApiError::tag_not_found(&tag))?;
    Ok(Json(view(repo, t, &app.settings.registry_host, "tag")).into_response())
}

pub async fn delete(
    State(app): State<SharedApp>,
    Extension(caller): Extension<Caller>,
    Path((namespace, repository, tag)): Path<(String, String, String)>,
) -> ApiResult<Response> {
    let repository = repo_name(&repository);
    {
        let db = app.store.lock();
        let repo = require(&db, &caller, &namespace, &repository, MANAGE)?;
        repo.tags
            .get(&tag)
            .ok_or_else(|| ApiError::tag_not_found(&tag))?;
    }
    engine::tags::delete(&app, &namespace, &repository, &tag)
        .await
        .map_err(|e| match e {
            engine::tags::DeleteTagError::NotFound => ApiError::tag_not_found(&tag),
            engine::tags::DeleteTagError::Registry(e) => ApiError::internal(e.to_string()),
        })?;
    app.store.persist_soon();
    Ok(StatusCode::NO_CONTENT.into_response())
}

#[derive(Deserialize)]
struct RetagBody {
    source_tag: String,
    destination_tag: String,
    #[serde(default)]
    r#override: bool,
}

pub async fn retag(
    State(app): State<SharedApp>,
    Extension(caller): Extension<Caller>,
    Path((namespace, repository)): Path<(String, String)>,
    body: Bytes,
) -> ApiResult<Response> {
    let repository = repo_name(&repository);
    let body: RetagBody = super::json(&body)?;
    swr_api::rules::validate_tag(&body.destination_tag).map_err(ApiError::rule)?;
    let source = {
        let db = app.store.lock();
        let repo = require(&db, &caller, &namespace, &repository, WRITE)?;
        let source = repo
            .tags
            .get(&body.source_tag)
            .ok_or_else(|| ApiError::tag_not_found(&body.source_tag))?;
        if repo.tags.contains_key(&body.destination_tag) && !body.r#override {
            return Err(ApiError::image_exists(format!(
                "tag {} already exists",
                body.destination_tag
            )));
        }
        source.clone()
    };
    if !source.synthetic {
        app.upstream
            .put_manifest(
                &format!("{namespace}/{repository}"),
                &body.destination_tag,
                &source.media_type,
                Bytes::from(source.manifest.clone()),
            )
            .await
            .map_err(|e| ApiError::internal(e.to_string()))?;
    }
    {
        let mut db = app.store.lock();
        let id = db.next_id();
        if let Some(repo) = db.repo_mut(&namespace, &repository) {
            let now = clock::now_seconds();
            let tag = Tag {
                id,
                name: body.destination_tag.clone(),
                created: now.clone(),
                updated: now.clone(),
                pushed_by: caller.user_name.clone(),
                ..source
            };
            repo.tags.insert(body.destination_tag.clone(), tag);
            repo.updated = now;
        }
    }
    app.store.persist_soon();
    engine::retention::run(&app, &namespace, &repository).await;
    Ok(StatusCode::CREATED.into_response())
}

/// Signatures and other accessories are not produced by anything the sandbox accepts, so the
/// lists are empty — but the tag must exist and the paging values must be in range.
pub async fn accessories(
    State(app): State<SharedApp>,
    Extension(caller): Extension<Caller>,
    Path((namespace, repository, tag)): Path<(String, String, String)>,
    Query(params): Query<Params>,
) -> ApiResult<Response> {
    paging::limit(&params, 10, 100)?;
    existing_tag(&app, &caller, &namespace, &repository, &tag)?;
    Ok(Json(json!({"total": 0, "accessories": []})).into_response())
}

pub async fn references(
    State(app): State<SharedApp>,
    Extension(caller): Extension<Caller>,
    Path((namespace, repository, tag)): Path<(String, String, String)>,
    Query(params): Query<Params>,
) -> ApiResult<Response> {
    paging::limit(&params, 10, 10)?;
    existing_tag(&app, &caller, &namespace, &repository, &tag)?;
    Ok(Json(json!({"tags": [], "has_more": false})).into_response())
}

fn existing_tag(
    app: &SharedApp,
    caller: &Caller,
    namespace: &str,
    repository: &str,
    tag: &str,
) -> ApiResult<()> {
    let repository = repo_name(repository);
    let db = app.store.lock();
    let repo = require(&db, caller, namespace, &repository, READ)?;
    repo.tags
        .get(tag)
        .map(|_| ())
        .ok_or_else(|| ApiError::tag_not_found(tag))
}
