//! Retention policies (`…/retentions`) and their execution records. One policy per
//! repository; it runs as soon as it is created or updated (and after each push, see
//! `engine::push`). Policies delete images, so changing them needs manage (7).

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
use crate::engine;
use crate::state::access::{Caller, MANAGE, READ};
use crate::state::model::{Retention, RetentionRule};

#[derive(Deserialize)]
struct PolicyBody {
    algorithm: String,
    rules: Vec<RetentionRule>,
}

fn validate(body: &PolicyBody) -> ApiResult<()> {
    if body.algorithm != "or" {
        return Err(ApiError::invalid(format!(
            "algorithm must be or, got '{}'",
            body.algorithm
        )));
    }
    if body.rules.is_empty() {
        return Err(ApiError::invalid(
            "a retention policy needs at least one rule",
        ));
    }
    for rule in &body.rules {
        let value = |key: &str| {
            rule.params
                .get(key)
                .cloned()
                .ok_or_else(|| ApiError::invalid(format!("{} needs params.{key}", rule.template)))
        };
        match rule.template.as_str() {
            "date_rule" => {
                swr_api::rules::validate_retention_days_text(&value("days")?)
                    .map_err(ApiError::rule)?;
            }
            "tag_rule" => {
                swr_api::rules::validate_retention_tag_count_text(&value("num")?)
                    .map_err(ApiError::rule)?;
            }
            other => {
                return Err(ApiError::invalid(format!(
                    "template must be date_rule or tag_rule, got '{other}'"
                )))
            }
        }
        for s in &rule.tag_selectors {
            match s.kind.as_str() {
                "label" => {}
                "regexp" => {
                    regex::Regex::new(&s.pattern).map_err(|_| {
                        ApiError::invalid(format!(
                            "'{}' is not a valid regular expression",
                            s.pattern
                        ))
                    })?;
                }
                other => {
                    return Err(ApiError::invalid(format!(
                        "selector kind must be label or regexp, got '{other}'"
                    )))
                }
            }
        }
    }
    Ok(())
}

fn view(policy: &Retention) -> Value {
    json!({"algorithm": policy.algorithm, "id": policy.id, "rules": policy.rules, "scope": ""})
}

pub async fn list(
    State(app): State<SharedApp>,
    Extension(caller): Extension<Caller>,
    Path((namespace, repository)): Path<(String, String)>,
) -> ApiResult<Response> {
    let repository = repo_name(&repository);
    let db = app.store.lock();
    let repo = require(&db, &caller, &namespace, &repository, READ)?;
    let list: Vec<Value> = repo.retention.iter().map(view).collect();
    Ok(Json(list).into_response())
}

pub async fn create(
    State(app): State<SharedApp>,
    Extension(caller): Extension<Caller>,
    Path((namespace, repository)): Path<(String, String)>,
    body: Bytes,
) -> ApiResult<Response> {
    let repository = repo_name(&repository);
    let body: PolicyBody = super::json(&body)?;
    validate(&body)?;
    let id = {
        let mut db = app.store.lock();
        let repo = require(&db, &caller, &namespace, &repository, MANAGE)?;
        if repo.retention.is_some() {
            return Err(ApiError::conflict(
                "the repository already has a retention policy",
            ));
        }
        let id = db.next_id();
        if let Some(repo) = db.repo_mut(&namespace, &repository) {
            repo.retention = Some(Retention {
                id,
                algorithm: body.algorithm,
                rules: body.rules,
            });
        }
        id
    };
    app.store.persist_soon();
    engine::retention::run(&app, &namespace, &repository).await;
    Ok((StatusCode::CREATED, Json(json!({ "id": id }))).into_response())
}

fn policy_id(raw: &str) -> ApiResult<u64> {
    raw.parse()
        .map_err(|_| ApiError::invalid(format!("retention_id must be an integer, got '{raw}'")))
}

pub async fn show(
    State(app): State<SharedApp>,
    Extension(caller): Extension<Caller>,
    Path((namespace, repository, retention_id)): Path<(String, String, String)>,
) -> ApiResult<Response> {
    let repository = repo_name(&repository);
    let id = policy_id(&retention_id)?;
    let db = app.store.lock();
    let repo = require(&db, &caller, &namespace, &repository, READ)?;
    let policy = repo
        .retention
        .as_ref()
        .filter(|p| p.id == id)
        .ok_or_else(|| ApiError::not_found("retention policy not found"))?;
    Ok(Json(view(policy)).into_response())
}

pub async fn update(
    State(app): State<SharedApp>,
    Extension(caller): Extension<Caller>,
    Path((namespace, repository, retention_id)): Path<(String, String, String)>,
    body: Bytes,
) -> ApiResult<Response> {
    let repository = repo_name(&repository);
    let id = policy_id(&retention_id)?;
    let body: PolicyBody = super::json(&body)?;
    validate(&body)?;
    {
        let mut db = app.store.lock();
        let repo = require_mut(&mut db, &caller, &namespace, &repository, MANAGE)?;
        let policy = repo
            .retention
            .as_mut()
            .filter(|p| p.id == id)
            .ok_or_else(|| ApiError::not_found("retention policy not found"))?;
        policy.algorithm = body.algorithm;
        policy.rules = body.rules;
    }
    app.store.persist_soon();
    engine::retention::run(&app, &namespace, &repository).await;
    Ok(StatusCode::CREATED.into_response())
}

pub async fn delete(
    State(app): State<SharedApp>,
    Extension(caller): Extension<Caller>,
    Path((namespace, repository, retention_id)): Path<(String, String, String)>,
) -> ApiResult<Response> {
    let repository = repo_name(&repository);
    let id = policy_id(&retention_id)?;
    {
        let mut db = app.store.lock();
        let repo = require_mut(&mut db, &caller, &namespace, &repository, MANAGE)?;
        if repo.retention.as_ref().is_none_or(|p| p.id != id) {
            return Err(ApiError::not_found("retention policy not found"));
        }
        repo.retention = None;
    }
    app.store.persist_soon();
    Ok(StatusCode::OK.into_response())
}

pub async fn histories(
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
    let mut logs: Vec<Value> = repo
        .retention_log
        .iter()
        .map(|l| {
            json!({
                "created_at": l.created_at,
                "id": l.id,
                "namespace": repo.namespace,
                "repo": repo.name,
                "retention_id": l.retention_id,
                "rule_type": l.rule_type,
                "tag": l.tag,
            })
        })
        .collect();
    logs.reverse();
    let total = logs.len();
    let (page, range) = paging::page(&logs, offset, limit);
    Ok((
        [range],
        Json(json!({"retention_log": page, "total": total})),
    )
        .into_response())
}
