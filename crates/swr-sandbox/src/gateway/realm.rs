//! The token realm `GET /swr/auth/v2/registry/auth/`, as docker and skopeo call it.
//!
//! Basic credentials are either the long-term login `<region>@<AK>` / login key (hex
//! HMAC-SHA256 of the AK keyed by the SK) or a temporary secret from `utils/secret`. Each
//! requested scope is cut to what the caller may do; a scope naming an organization that does
//! not exist is refused with 401 DENIED, as SWR does.

use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use subtle::ConstantTimeEq;

use super::registry_error;
use super::token::{self, Access, Claims};
use crate::app::SharedApp;
use crate::state::access::{self, Caller, MANAGE};
use crate::state::model::Db;

/// Resolves Basic credentials to a caller.
pub fn identify(db: &Db, region: &str, headers: &HeaderMap, now_unix: i64) -> Option<Caller> {
    let value = headers
        .get(axum::http::header::AUTHORIZATION)?
        .to_str()
        .ok()?;
    let encoded = value
        .strip_prefix("Basic ")
        .or_else(|| value.strip_prefix("basic "))?;
    let decoded = String::from_utf8(STANDARD.decode(encoded.trim()).ok()?).ok()?;
    let (user, password) = decoded.split_once(':')?;
    if let Some(ak) = user.strip_prefix(&format!("{region}@")) {
        if let Some((account, u)) = db.user_by_ak(ak) {
            let expected = swr_api::login::login_key(&u.ak, &u.sk);
            if bool::from(expected.as_bytes().ct_eq(password.as_bytes())) {
                return Some(Caller::new(account, u));
            }
        }
    }
    let secret = db.secrets.iter().find(|s| {
        s.username == user
            && bool::from(s.password.as_bytes().ct_eq(password.as_bytes()))
            && s.expires_at > now_unix
    })?;
    db.user_by_id(&secret.user_id)
        .map(|(a, u)| Caller::new(a, u))
}

/// The actions of `wanted` the caller is allowed; `Err` when the organization does not exist.
fn cut(db: &Db, caller: &Caller, name: &str, wanted: &[String]) -> Result<Vec<String>, ()> {
    let (namespace, repository) = name.split_once('/').ok_or(())?;
    if !db.namespaces.contains_key(namespace) {
        return Err(());
    }
    let repo = db.repo(namespace, repository);
    let mut granted = Vec::new();
    let expanded: Vec<&str> = wanted
        .iter()
        .flat_map(|a| {
            if a == "*" {
                vec!["pull", "push", "delete"]
            } else {
                vec![a.as_str()]
            }
        })
        .collect();
    for action in expanded {
        let ok = match (action, repo) {
            ("pull", Some(r)) => access::can_pull(db, caller, r),
            ("pull", None) => access::namespace_auth(db, caller, namespace) > 0,
            ("push", _) => access::can_push(db, caller, namespace, repository),
            ("delete", Some(r)) => access::repo_auth(db, caller, r) >= MANAGE,
            _ => false,
        };
        if ok && !granted.iter().any(|g| g == action) {
            granted.push(action.to_string());
        }
    }
    Ok(granted)
}

pub async fn issue_token(
    State(app): State<SharedApp>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Response {
    app.faults.delay().await;
    let now = crate::clock::now().unix_timestamp();
    let db = app.store.lock();
    let Some(caller) = identify(&db, &app.settings.region, &headers, now) else {
        return registry_error(
            StatusCode::UNAUTHORIZED,
            "UNAUTHORIZED",
            "authentication required",
        );
    };
    let mut access = Vec::new();
    let pairs = url::form_urlencoded::parse(query.as_deref().unwrap_or("").as_bytes());
    for (key, value) in pairs {
        if key != "scope" {
            continue;
        }
        for scope in value.split(' ') {
            let Some((kind, name, wanted)) = token::parse_scope(scope) else {
                continue;
            };
            if kind != "repository" {
                continue;
            }
            match cut(&db, &caller, &name, &wanted) {
                Ok(actions) => access.push(Access {
                    kind,
                    name,
                    actions,
                }),
                Err(()) => {
                    return registry_error(
                        StatusCode::UNAUTHORIZED,
                        "DENIED",
                        "requested access to the resource is denied",
                    )
                }
            }
        }
    }
    let ttl = app.settings.token_ttl.as_secs();
    let claims = Claims {
        sub: caller.user_id.clone(),
        exp: now + ttl as i64,
        access,
    };
    let token = token::issue(&db.token_key, &claims);
    drop(db);
    tracing::debug!(user = %caller.user_name, "registry token issued");
    Json(serde_json::json!({
        "token": token,
        "access_token": token,
        "expires_in": ttl,
        "issued_at": crate::clock::seconds(crate::clock::now()),
    }))
    .into_response()
}
