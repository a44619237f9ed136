//! The connection profiles the header shows.

use swr_core::profiles::ProfileSummary;
use tauri::State;

use crate::state::AppState;

#[tauri::command]
#[specta::specta]
pub fn active_profile(state: State<'_, AppState>) -> Option<ProfileSummary> {
    state.profiles.active().map(|p| p.summary())
}
