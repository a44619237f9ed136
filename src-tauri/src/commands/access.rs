//! Attributes, permissions and sharing of organizations and images.

use swr_core::access::attributes::{self, Attributes, AttributesChange, AttributesOutcome};
use swr_core::access::matrix::{self, Matrix};
use swr_core::access::permissions::{self, BulkOutcome, BulkPlan, PermissionList, Scope, Wanted};
use swr_core::access::sharing::{self, ShareInput, ShareRow};
use tauri::State;

use crate::error::IpcError;
use crate::state::AppState;

#[tauri::command]
#[specta::specta]
pub async fn image_attributes(
    state: State<'_, AppState>,
    profile_id: String,
    organization: String,
    image: String,
) -> Result<Attributes, IpcError> {
    let session = state.sessions.get(&profile_id)?;
    Ok(attributes::read(&session, &organization, &image).await?)
}

/// Changes an image's attributes; the image list shows the new values at once.
#[tauri::command]
#[specta::specta]
pub async fn set_image_attributes(
    state: State<'_, AppState>,
    profile_id: String,
    organization: String,
    image: String,
    change: AttributesChange,
) -> Result<AttributesOutcome, IpcError> {
    let session = state.sessions.get(&profile_id)?;
    let outcome = attributes::set(&session, &organization, &image, &change).await?;
    state
        .browser
        .image_changed(&profile_id, &organization, &image)
        .await;
    Ok(outcome)
}

#[tauri::command]
#[specta::specta]
pub async fn list_permissions(
    state: State<'_, AppState>,
    profile_id: String,
    scope: Scope,
) -> Result<PermissionList, IpcError> {
    let session = state.sessions.get(&profile_id)?;
    Ok(permissions::list(&session, &scope).await?)
}

/// The diff of a permission change against what SWR holds now.
#[tauri::command]
#[specta::specta]
pub async fn plan_permissions(
    state: State<'_, AppState>,
    profile_id: String,
    wanted: Vec<Wanted>,
) -> Result<BulkPlan, IpcError> {
    let session = state.sessions.get(&profile_id)?;
    Ok(permissions::plan(&session, &wanted).await?)
}

/// Applies a planned permission change, one request per item.
#[tauri::command]
#[specta::specta]
pub async fn apply_permissions(
    state: State<'_, AppState>,
    profile_id: String,
    plan: BulkPlan,
) -> Result<BulkOutcome, IpcError> {
    let session = state.sessions.get(&profile_id)?;
    Ok(permissions::apply(&session, &plan).await)
}

/// Users × organizations; every organization the profile sees when `organizations` is empty.
/// Its users are also the picker's list of known IAM users.
#[tauri::command]
#[specta::specta]
pub async fn organization_matrix(
    state: State<'_, AppState>,
    profile_id: String,
    organizations: Vec<String>,
) -> Result<Matrix, IpcError> {
    let session = state.sessions.get(&profile_id)?;
    Ok(if organizations.is_empty() {
        matrix::all_organizations(&session).await?
    } else {
        matrix::organizations(&session, &organizations).await?
    })
}

#[tauri::command]
#[specta::specta]
pub async fn image_matrix(
    state: State<'_, AppState>,
    profile_id: String,
    organization: String,
    images: Vec<String>,
) -> Result<Matrix, IpcError> {
    let session = state.sessions.get(&profile_id)?;
    Ok(matrix::images(&session, &organization, &images).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn list_shares(
    state: State<'_, AppState>,
    profile_id: String,
    organization: String,
    image: String,
) -> Result<Vec<ShareRow>, IpcError> {
    let session = state.sessions.get(&profile_id)?;
    Ok(sharing::list(&session, &organization, &image).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn add_share(
    state: State<'_, AppState>,
    profile_id: String,
    organization: String,
    image: String,
    share: ShareInput,
) -> Result<(), IpcError> {
    let session = state.sessions.get(&profile_id)?;
    Ok(sharing::add(&session, &organization, &image, &share).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn update_share(
    state: State<'_, AppState>,
    profile_id: String,
    organization: String,
    image: String,
    share: ShareInput,
) -> Result<(), IpcError> {
    let session = state.sessions.get(&profile_id)?;
    Ok(sharing::update(&session, &organization, &image, &share).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn remove_share(
    state: State<'_, AppState>,
    profile_id: String,
    organization: String,
    image: String,
    account: String,
) -> Result<(), IpcError> {
    let session = state.sessions.get(&profile_id)?;
    Ok(sharing::remove(&session, &organization, &image, &account).await?)
}
