//! Region sync: target regions, rules, manual syncs, jobs and the gap view.

use swr_api::model::{SyncJob, SyncRule};
use swr_core::automation::sync::{self, RegionGap, RuleInput, SyncNow};
use swr_core::sessions::ProfileRegions;
use tauri::State;

use crate::error::IpcError;
use crate::state::AppState;

#[tauri::command]
#[specta::specta]
pub async fn sync_regions(
    state: State<'_, AppState>,
    profile_id: String,
) -> Result<Vec<String>, IpcError> {
    let session = state.sessions.get(&profile_id)?;
    Ok(sync::regions(&session).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn sync_rules(
    state: State<'_, AppState>,
    profile_id: String,
    organization: String,
    image: String,
) -> Result<Vec<SyncRule>, IpcError> {
    let session = state.sessions.get(&profile_id)?;
    Ok(sync::rules(&session, &organization, &image).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn add_sync_rule(
    state: State<'_, AppState>,
    profile_id: String,
    organization: String,
    image: String,
    rule: RuleInput,
) -> Result<(), IpcError> {
    let session = state.sessions.get(&profile_id)?;
    Ok(sync::add_rule(&session, &organization, &image, &rule).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn delete_sync_rule(
    state: State<'_, AppState>,
    profile_id: String,
    organization: String,
    image: String,
    region: String,
    namespace: String,
) -> Result<(), IpcError> {
    let session = state.sessions.get(&profile_id)?;
    Ok(sync::delete_rule(&session, &organization, &image, &region, &namespace).await?)
}

/// Starts copying the chosen tags to a region now.
#[tauri::command]
#[specta::specta]
pub async fn sync_tags(
    state: State<'_, AppState>,
    profile_id: String,
    organization: String,
    image: String,
    request: SyncNow,
) -> Result<(), IpcError> {
    let session = state.sessions.get(&profile_id)?;
    Ok(sync::sync_now(&session, &organization, &image, &request).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn sync_jobs(
    state: State<'_, AppState>,
    profile_id: String,
    organization: String,
    image: String,
) -> Result<Vec<SyncJob>, IpcError> {
    let session = state.sessions.get(&profile_id)?;
    Ok(sync::jobs(&session, &organization, &image).await?)
}

/// For each rule, the image's tags compared by digest with the target region's.
#[tauri::command]
#[specta::specta]
pub async fn sync_gaps(
    state: State<'_, AppState>,
    profile_id: String,
    organization: String,
    image: String,
) -> Result<Vec<RegionGap>, IpcError> {
    let session = state.sessions.get(&profile_id)?;
    let regions = ProfileRegions {
        sessions: &state.sessions,
        profile_id: &profile_id,
    };
    Ok(sync::gaps(&session, &regions, &organization, &image).await?)
}
