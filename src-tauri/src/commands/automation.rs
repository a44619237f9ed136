//! Retention policies with their preview and log, and triggers with the condition tester.

use swr_api::model::{CreateTriggerRequest, RetentionLog, Trigger};
use swr_core::automation::retention::RetentionPreview;
use swr_core::automation::triggers::TriggerMatch;
use swr_core::automation::{self, Policy, PolicyInput, SaveOutcome};
use tauri::State;

use crate::error::IpcError;
use crate::state::AppState;

/// Every rule a new trigger breaks, one per field, for the form to show as the user types;
/// adding it checks them again.
#[tauri::command]
#[specta::specta]
pub fn check_trigger(trigger: CreateTriggerRequest) -> Vec<swr_api::rules::RuleViolation> {
    automation::trigger_violations(&trigger)
}

#[tauri::command]
#[specta::specta]
pub async fn retention_policy(
    state: State<'_, AppState>,
    profile_id: String,
    organization: String,
    image: String,
) -> Result<Option<Policy>, IpcError> {
    let session = state.sessions.get(&profile_id)?;
    Ok(automation::policy(&session, &organization, &image).await?)
}

/// What a policy would delete now, over every tag of the image; nothing is changed.
#[tauri::command]
#[specta::specta]
pub async fn preview_retention(
    state: State<'_, AppState>,
    profile_id: String,
    organization: String,
    image: String,
    policy: PolicyInput,
) -> Result<RetentionPreview, IpcError> {
    let session = state.sessions.get(&profile_id)?;
    Ok(automation::preview(&session, &organization, &image, &policy).await?)
}

/// Saves the policy; SWR applies it at once. The image's tags are read again afterwards.
#[tauri::command]
#[specta::specta]
pub async fn save_retention(
    state: State<'_, AppState>,
    profile_id: String,
    organization: String,
    image: String,
    policy: PolicyInput,
) -> Result<SaveOutcome, IpcError> {
    let session = state.sessions.get(&profile_id)?;
    let outcome = automation::save(&session, &organization, &image, &policy).await?;
    state
        .browser
        .image_changed(&profile_id, &organization, &image)
        .await;
    Ok(outcome)
}

#[tauri::command]
#[specta::specta]
pub async fn remove_retention(
    state: State<'_, AppState>,
    profile_id: String,
    organization: String,
    image: String,
) -> Result<(), IpcError> {
    let session = state.sessions.get(&profile_id)?;
    Ok(automation::remove(&session, &organization, &image).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn retention_history(
    state: State<'_, AppState>,
    profile_id: String,
    organization: String,
    image: String,
) -> Result<Vec<RetentionLog>, IpcError> {
    let session = state.sessions.get(&profile_id)?;
    Ok(automation::history(&session, &organization, &image).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn list_triggers(
    state: State<'_, AppState>,
    profile_id: String,
    organization: String,
    image: String,
) -> Result<Vec<Trigger>, IpcError> {
    let session = state.sessions.get(&profile_id)?;
    Ok(automation::list_triggers(&session, &organization, &image).await?)
}

/// Which triggers a push of `tag` would fire, and why each does or does not.
#[tauri::command]
#[specta::specta]
pub async fn test_trigger_tag(
    state: State<'_, AppState>,
    profile_id: String,
    organization: String,
    image: String,
    tag: String,
) -> Result<Vec<TriggerMatch>, IpcError> {
    let session = state.sessions.get(&profile_id)?;
    Ok(automation::test_tag(&session, &organization, &image, &tag).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn add_trigger(
    state: State<'_, AppState>,
    profile_id: String,
    organization: String,
    image: String,
    trigger: CreateTriggerRequest,
) -> Result<(), IpcError> {
    let session = state.sessions.get(&profile_id)?;
    Ok(automation::add_trigger(&session, &organization, &image, &trigger).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn set_trigger_enabled(
    state: State<'_, AppState>,
    profile_id: String,
    organization: String,
    image: String,
    name: String,
    enabled: bool,
) -> Result<(), IpcError> {
    let session = state.sessions.get(&profile_id)?;
    Ok(automation::set_trigger_enabled(&session, &organization, &image, &name, enabled).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn delete_trigger(
    state: State<'_, AppState>,
    profile_id: String,
    organization: String,
    image: String,
    name: String,
) -> Result<(), IpcError> {
    let session = state.sessions.get(&profile_id)?;
    Ok(automation::delete_trigger(&session, &organization, &image, &name).await?)
}
