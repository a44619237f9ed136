//! Organizations, images and tags: the lists (windows of the core's indexes), the overview,
//! inspection, deleting and copying tags.

use swr_core::browse::copy::CopyOutcome;
use swr_core::browse::dashboard::Dashboard;
use swr_core::browse::deletion::{DeletionOutcome, DeletionPlan};
use swr_core::browse::images::{ImageQuery, ImageRow, ImageWindow, IndexStatus};
use swr_core::browse::inspect::Inspection;
use swr_core::browse::organizations::OrganizationRow;
use swr_core::browse::platforms::DigestPlatforms;
use swr_core::browse::tags::{TagQuery, TagWindow, TagsStatus};
use swr_core::browse::ImageOverview;
use tauri::State;

use crate::error::IpcError;
use crate::state::AppState;

/// Builds (or with `refresh`, rebuilds) the index of every image of the profile.
#[tauri::command]
#[specta::specta]
pub async fn load_image_index(
    state: State<'_, AppState>,
    profile_id: String,
    refresh: bool,
) -> Result<IndexStatus, IpcError> {
    Ok(state.browser.load_images(&profile_id, refresh).await?)
}

/// A window of the image list, filtered and sorted by the core.
#[tauri::command]
#[specta::specta]
pub async fn query_images(
    state: State<'_, AppState>,
    profile_id: String,
    query: ImageQuery,
    offset: u64,
    limit: u64,
) -> Result<ImageWindow, IpcError> {
    Ok(state
        .browser
        .query_images(&profile_id, &query, offset, limit)
        .await?)
}

#[tauri::command]
#[specta::specta]
pub async fn image_overview(
    state: State<'_, AppState>,
    profile_id: String,
    organization: String,
    image: String,
) -> Result<ImageOverview, IpcError> {
    Ok(state
        .browser
        .overview(&profile_id, &organization, &image)
        .await?)
}

#[tauri::command]
#[specta::specta]
pub async fn load_tags(
    state: State<'_, AppState>,
    profile_id: String,
    organization: String,
    image: String,
    refresh: bool,
) -> Result<TagsStatus, IpcError> {
    Ok(state
        .browser
        .load_tags(&profile_id, &organization, &image, refresh)
        .await?)
}

/// A window of an image's tags; the filter box's text is read by the core.
#[tauri::command]
#[specta::specta]
pub async fn query_tags(
    state: State<'_, AppState>,
    profile_id: String,
    organization: String,
    image: String,
    query: TagQuery,
    offset: u64,
    limit: u64,
) -> Result<TagWindow, IpcError> {
    Ok(state
        .browser
        .query_tags(&profile_id, &organization, &image, &query, offset, limit)
        .await?)
}

/// Platforms, layers, config and history of a tag or digest, read from the registry.
#[tauri::command]
#[specta::specta]
pub async fn inspect_tag(
    state: State<'_, AppState>,
    profile_id: String,
    organization: String,
    image: String,
    reference: String,
) -> Result<Inspection, IpcError> {
    Ok(state
        .browser
        .inspect(&profile_id, &organization, &image, &reference)
        .await?)
}

/// The platforms of the images `digests` name (the tag list's OS/arch column), at most 200
/// at a time, each answered from the disk cache or the registry.
#[tauri::command]
#[specta::specta]
pub async fn tag_platforms(
    state: State<'_, AppState>,
    profile_id: String,
    organization: String,
    image: String,
    digests: Vec<String>,
) -> Result<Vec<DigestPlatforms>, IpcError> {
    Ok(state
        .browser
        .tag_platforms(&profile_id, &organization, &image, &digests)
        .await?)
}

/// Exactly which tags a deletion of `references` (tags or digests) removes.
#[tauri::command]
#[specta::specta]
pub async fn plan_tag_deletion(
    state: State<'_, AppState>,
    profile_id: String,
    organization: String,
    image: String,
    references: Vec<String>,
) -> Result<DeletionPlan, IpcError> {
    Ok(state
        .browser
        .plan_deletion(&profile_id, &organization, &image, &references)
        .await?)
}

/// Deletes exactly `tags` (a plan's list) and reports each result.
#[tauri::command]
#[specta::specta]
pub async fn delete_tags(
    state: State<'_, AppState>,
    profile_id: String,
    organization: String,
    image: String,
    tags: Vec<String>,
) -> Result<DeletionOutcome, IpcError> {
    Ok(state
        .browser
        .delete_tags(&profile_id, &organization, &image, &tags)
        .await?)
}

/// Copies `source` to `target` (both `org/image:tag`) on the registry.
#[tauri::command]
#[specta::specta]
pub async fn copy_tag(
    state: State<'_, AppState>,
    profile_id: String,
    source: String,
    target: String,
) -> Result<CopyOutcome, IpcError> {
    Ok(state
        .browser
        .copy_tag(&profile_id, &source, &target)
        .await?)
}

#[tauri::command]
#[specta::specta]
pub async fn list_organization_rows(
    state: State<'_, AppState>,
    profile_id: String,
) -> Result<Vec<OrganizationRow>, IpcError> {
    Ok(state.browser.organizations(&profile_id).await?)
}

/// Deletes an empty organization; one that still holds images is refused with how many.
#[tauri::command]
#[specta::specta]
pub async fn delete_organization(
    state: State<'_, AppState>,
    profile_id: String,
    name: String,
) -> Result<(), IpcError> {
    Ok(state
        .browser
        .delete_organization(&profile_id, &name)
        .await?)
}

/// Quotas, totals, storage and traffic over time, and shares that end within a week.
#[tauri::command]
#[specta::specta]
pub async fn dashboard(
    state: State<'_, AppState>,
    profile_id: String,
) -> Result<Dashboard, IpcError> {
    Ok(state.browser.dashboard(&profile_id).await?)
}

/// Images other accounts share with this one.
#[tauri::command]
#[specta::specta]
pub async fn shared_with_me(
    state: State<'_, AppState>,
    profile_id: String,
) -> Result<Vec<ImageRow>, IpcError> {
    Ok(state.browser.shared_with_me(&profile_id).await?)
}
