//! Triggers (`…/triggers`): on a matching push SWR updates a CCE/CCI workload. Adding one
//! needs write (3), deleting needs manage (7). Only `enable` can change after creation.

use axum::extract::{Extension, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use bytes::Bytes;
use serde::Deserialize;
use serde_json::{json, Value};

use super::error::{ApiError, ApiResult};
use super::repo_name;
use super::repos::{require, require_mut};
use crate::app::SharedApp;
use crate::clock;
use crate::state::access::{Caller, MANAGE, READ, WRITE};
use crate::state::model::Trigger;

#[derive(Deserialize)]
struct CreateBody {
    name: String,
    action: String,
    app_type: String,
    application: String,
    #[serde(default)]
    cluster_id: String,
    #[serde(default)]
    cluster_name: String,
    cluster_ns: String,
    condition: String,
    #[serde(default)]
    container: String,
    enable: String,
    trigger_mode: Option<String>,
    trigger_type: String,
}

#[derive(Deserialize)]
struct UpdateBody {
    enable: String,
}

fn one_of(field: &str, value: &str, allowed: &[&str]) -> ApiResult<()> {
    if allowed.contains(&value) {
        Ok(())
    } else {
        Err(ApiError::invalid(format!(
            "{field} must be one of {}, got '{value}'",
            allowed.join(", ")
        )))
    }
}

fn view(t: &Trigger) -> Value {
    let history: Vec<Value> = t
        .history
        .iter()
        .map(|h| {
            json!({
                "action": t.action, "app_type": t.app_type, "application": t.application,
                "cluster_id": t.cluster_id, "cluster_name": t.cluster_name, "cluster_ns": t.cluster_ns,
                "condition": t.condition, "container": t.container, "created_at": h.created_at,
                "creator_name": t.creator_name, "detail": h.detail, "result": h.result, "tag": h.tag,
            })
        })
        .collect();
    json!({
        "action": t.action, "app_type": t.app_type, "application": t.application,
        "cluster_id": t.cluster_id, "cluster_name": t.cluster_name, "cluster_ns": t.cluster_ns,
        "condition": t.condition, "container": t.container, "created_at": t.created_at,
        "creator_name": t.creator_name, "enable": t.enable, "name": t.name,
        "trigger_history": history, "trigger_mode": t.trigger_mode, "trigger_type": t.trigger_type,
    })
}

pub async fn list(
    State(app): State<SharedApp>,
    Extension(caller): Extension<Caller>,
    Path((namespace, repository)): Path<(String, String)>,
) -> ApiResult<Response> {
    let repository = repo_name(&repository);
    let db = app.store.lock();
    let repo = require(&db, &caller, &namespace, &repository, READ)?;
    Ok(Json(repo.triggers.iter().map(view).collect::<Vec<_>>()).into_response())
}

pub async fn create(
    State(app): State<SharedApp>,
    Extension(caller): Extension<Caller>,
    Path((namespace, repository)): Path<(String, String)>,
    body: Bytes,
) -> ApiResult<Response> {
    let repository = repo_name(&repository);
    let b: CreateBody = super::json(&body)?;
    swr_api::rules::validate_trigger_name(&b.name).map_err(ApiError::rule)?;
    one_of("action", &b.action, &["update"])?;
    one_of("app_type", &b.app_type, &["deployments", "statefulsets"])?;
    one_of("trigger_type", &b.trigger_type, &["all", "tag", "regular"])?;
    one_of("enable", &b.enable, &["true", "false"])?;
    let mode = b.trigger_mode.clone().unwrap_or_else(|| "cce".into());
    one_of("trigger_mode", &mode, &["cce", "cci"])?;
    if b.application.is_empty() || b.cluster_ns.is_empty() {
        return Err(ApiError::invalid("application and cluster_ns are required"));
    }
    if b.trigger_type == "regular" && regex::Regex::new(&b.condition).is_err() {
        return Err(ApiError::invalid(format!(
            "'{}' is not a valid regular expression",
            b.condition
        )));
    }
    if b.trigger_type == "tag" && b.condition.trim().is_empty() {
        return Err(ApiError::invalid("condition must name at least one tag"));
    }
    {
        let mut db = app.store.lock();
        let repo = require_mut(&mut db, &caller, &namespace, &repository, WRITE)?;
        if repo.triggers.iter().any(|t| t.name == b.name) {
            return Err(ApiError::conflict(format!(
                "trigger {} already exists",
                b.name
            )));
        }
        let condition = if b.trigger_type == "all" {
            ".*".to_string()
        } else {
            b.condition
        };
        repo.triggers.push(Trigger {
            name: b.name,
            action: b.action,
            app_type: b.app_type,
            application: b.application,
            cluster_id: b.cluster_id,
            cluster_name: b.cluster_name,
            cluster_ns: b.cluster_ns,
            condition,
            container: b.container,
            enable: b.enable,
            trigger_mode: mode,
            trigger_type: b.trigger_type,
            created_at: clock::now_seconds(),
            creator_name: caller.user_name.clone(),
            history: Vec::new(),
        });
    }
    app.store.persist_soon();
    Ok(StatusCode::CREATED.into_response())
}

pub async fn show(
    State(app): State<SharedApp>,
    Extension(caller): Extension<Caller>,
    Path((namespace, repository, trigger)): Path<(String, String, String)>,
) -> ApiResult<Response> {
    let repository = repo_name(&repository);
    let db = app.store.lock();
    let repo = require(&db, &caller, &namespace, &repository, READ)?;
    let t = repo
        .triggers
        .iter()
        .find(|t| t.name == trigger)
        .ok_or_else(|| ApiError::not_found(format!("trigger {trigger} not found")))?;
    Ok(Json(view(t)).into_response())
}

pub async fn update(
    State(app): State<SharedApp>,
    Extension(caller): Extension<Caller>,
    Path((namespace, repository, trigger)): Path<(String, String, String)>,
    body: Bytes,
) -> ApiResult<Response> {
    let repository = repo_name(&repository);
    let b: UpdateBody = super::json(&body)?;
    one_of("enable", &b.enable, &["true", "false"])?;
    {
        let mut db = app.store.lock();
        let repo = require_mut(&mut db, &caller, &namespace, &repository, WRITE)?;
        let t = repo
            .triggers
            .iter_mut()
            .find(|t| t.name == trigger)
            .ok_or_else(|| ApiError::not_found(format!("trigger {trigger} not found")))?;
        t.enable = b.enable;
    }
    app.store.persist_soon();
    Ok(StatusCode::CREATED.into_response())
}

pub async fn delete(
    State(app): State<SharedApp>,
    Extension(caller): Extension<Caller>,
    Path((namespace, repository, trigger)): Path<(String, String, String)>,
) -> ApiResult<Response> {
    let repository = repo_name(&repository);
    {
        let mut db = app.store.lock();
        let repo = require_mut(&mut db, &caller, &namespace, &repository, MANAGE)?;
        let before = repo.triggers.len();
        repo.triggers.retain(|t| t.name != trigger);
        if repo.triggers.len() == before {
            return Err(ApiError::not_found(format!("trigger {trigger} not found")));
        }
    }
    app.store.persist_soon();
    Ok(StatusCode::NO_CONTENT.into_response())
}
