//! Organizations for the upload target picker: the list, and creating one from the form.

use serde::Serialize;
use specta::Type;
use tauri::State;

use crate::commands::profiles::with_secret;
use crate::error::{ErrorCode, IpcError};
use crate::state::AppState;

impl From<swr_api::Error> for IpcError {
    fn from(err: swr_api::Error) -> Self {
        let code = match &err {
            swr_api::Error::InvalidInput(_) => ErrorCode::InvalidInput,
            _ => ErrorCode::Service,
        };
        Self {
            code,
            message: match &err {
                swr_api::Error::InvalidInput(v) => v.message.en.clone(),
                other => other.to_string(),
            },
            request_id: err.request_id().map(str::to_owned),
            retryable: err.is_retryable(),
        }
    }
}

/// One organization the profile can see.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct OrganizationOption {
    pub name: String,
    /// The account's permission: 7 manage, 3 write, 1 read.
    pub permission: i32,
    /// Write (or manage) permission: images can be pushed into it.
    pub can_push: bool,
}

async fn client(state: &AppState, profile_id: &str) -> Result<swr_api::Client, IpcError> {
    let (profile, sk) = with_secret(state, profile_id)?;
    Ok(swr_api::Client::new(swr_core::verify::client_config(
        &profile, &sk,
    ))?)
}

#[tauri::command]
#[specta::specta]
pub async fn list_organizations(
    state: State<'_, AppState>,
    profile_id: String,
) -> Result<Vec<OrganizationOption>, IpcError> {
    let client = client(&state, &profile_id).await?;
    let mut list: Vec<OrganizationOption> = client
        .list_namespaces(false)
        .await?
        .into_iter()
        .map(|ns| OrganizationOption {
            can_push: ns.auth >= 3,
            permission: i32::try_from(ns.auth).unwrap_or(0),
            name: ns.name,
        })
        .collect();
    list.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(list)
}

/// Creates an organization after checking its name against SWR's rules.
#[tauri::command]
#[specta::specta]
pub async fn create_organization(
    state: State<'_, AppState>,
    profile_id: String,
    name: String,
) -> Result<(), IpcError> {
    let name = name.trim().to_owned();
    swr_api::rules::validate_namespace(&name).map_err(swr_api::Error::from)?;
    let client = client(&state, &profile_id).await?;
    client.create_namespace(&name).await?;
    Ok(())
}
