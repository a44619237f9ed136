//! The wizard's last two steps: verifying a profile against SWR and the login outputs.
//!
//! Outputs come back masked; the real login key leaves the backend only through
//! [`reveal_login`] and [`create_temporary_login`], which the UI calls when the user asks to
//! see or copy one, and never stores.

use serde::Serialize;
use specta::Type;
use swr_core::credentials::docker_config::{self, DockerConfigOutcome};
use swr_core::credentials::logins::{LoginFormat, LoginMaterial};
use swr_core::credentials::verify::{self, VerifyFailure};
use tauri::State;

use crate::commands::profiles::with_secret;
use crate::error::{ErrorCode, IpcError};
use crate::state::AppState;

/// The result of the verification step: either what SWR showed, or why it failed.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase", tag = "status")]
pub enum VerifyOutcome {
    #[serde(rename_all = "camelCase")]
    Verified {
        organizations: Vec<String>,
        registry: String,
    },
    #[serde(rename_all = "camelCase")]
    Failed {
        failure: VerifyFailure,
        detail: String,
        request_id: Option<String>,
        skew_seconds: Option<i32>,
    },
}

#[tauri::command]
#[specta::specta]
pub async fn verify_profile(
    state: State<'_, AppState>,
    id: String,
) -> Result<VerifyOutcome, IpcError> {
    let (profile, sk) = with_secret(&state, &id)?;
    Ok(match verify::verify(&profile, &sk).await {
        Ok(v) => VerifyOutcome::Verified {
            organizations: v.organizations,
            registry: v.registry,
        },
        Err(e) => {
            tracing::info!(profile = %profile.id, failure = ?e.failure, "verification failed");
            VerifyOutcome::Failed {
                failure: e.failure,
                detail: e.detail,
                request_id: e.request_id,
                skew_seconds: e.skew_seconds.map(|s| i32::try_from(s).unwrap_or(i32::MAX)),
            }
        }
    })
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct LoginOutput {
    pub format: LoginFormat,
    /// The text with the login key masked.
    pub masked: String,
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct LoginOutputs {
    pub registry: String,
    pub username: String,
    pub outputs: Vec<LoginOutput>,
}

#[tauri::command]
#[specta::specta]
pub fn login_outputs(state: State<'_, AppState>, id: String) -> Result<LoginOutputs, IpcError> {
    let (profile, sk) = with_secret(&state, &id)?;
    let login = LoginMaterial::new(&profile, &sk);
    Ok(LoginOutputs {
        outputs: LoginFormat::ALL
            .into_iter()
            .map(|format| LoginOutput {
                format,
                masked: login.masked(format),
            })
            .collect(),
        registry: login.registry,
        username: login.username,
    })
}

/// One output with the real login key, because the user asked to see or copy it.
#[tauri::command]
#[specta::specta]
pub fn reveal_login(
    state: State<'_, AppState>,
    id: String,
    format: LoginFormat,
) -> Result<String, IpcError> {
    let (profile, sk) = with_secret(&state, &id)?;
    Ok(LoginMaterial::new(&profile, &sk)
        .revealed(format)
        .into_exposed())
}

#[tauri::command]
#[specta::specta]
pub fn write_docker_config(
    state: State<'_, AppState>,
    id: String,
) -> Result<DockerConfigOutcome, IpcError> {
    let (profile, sk) = with_secret(&state, &id)?;
    let path =
        docker_config::default_path().map_err(|e| IpcError::new(ErrorCode::Io, e.to_string()))?;
    docker_config::write_login(&path, &LoginMaterial::new(&profile, &sk))
        .map_err(|e| IpcError::new(ErrorCode::Io, e.to_string()))
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct TemporaryLoginView {
    pub registry: String,
    pub username: String,
    /// Expiry as SWR sent it (milliseconds since the epoch in `X-Swr-Expireat`).
    pub expires_at: Option<String>,
    /// The `docker login` command, password included.
    pub command: String,
}

/// Asks SWR for a temporary login (`utils/secret`).
#[tauri::command]
#[specta::specta]
pub async fn create_temporary_login(
    state: State<'_, AppState>,
    id: String,
) -> Result<TemporaryLoginView, IpcError> {
    let session = state.sessions.get(&id)?;
    let logins = session.api.create_temporary_login(None).await?;
    let login = logins
        .iter()
        .find(|l| l.registry == session.registry_host)
        .or_else(|| logins.first())
        .ok_or_else(|| IpcError::new(ErrorCode::Internal, "SWR returned no temporary login"))?;
    Ok(TemporaryLoginView {
        registry: login.registry.clone(),
        username: login.username.clone(),
        expires_at: login.expires_at.clone(),
        command: swr_core::credentials::logins::temporary_docker_login(login).into_exposed(),
    })
}
