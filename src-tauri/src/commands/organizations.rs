//! Organizations for the upload target picker: the list, and creating one from the form.

use serde::Serialize;
use specta::Type;
use tauri::State;

use crate::commands::profiles::api_client;
use crate::error::IpcError;
use crate::state::AppState;

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

#[tauri::command]
#[specta::specta]
pub async fn list_organizations(
    state: State<'_, AppState>,
    profile_id: String,
) -> Result<Vec<OrganizationOption>, IpcError> {
    let client = api_client(&state, &profile_id)?;
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
    let session = state.sessions.get(&profile_id)?;
    swr_core::browse::organizations::create(&session, &name).await?;
    Ok(())
}
