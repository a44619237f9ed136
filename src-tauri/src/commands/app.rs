//! Facts about the running app, for the About dialog.

use serde::Serialize;
use specta::Type;

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct AppInfo {
    pub name: String,
    pub version: String,
    pub tauri_version: String,
    pub webview: String,
    pub os: String,
    pub arch: String,
}

#[tauri::command]
#[specta::specta]
pub fn app_info(app: tauri::AppHandle) -> AppInfo {
    let package = app.package_info();
    AppInfo {
        name: package.name.clone(),
        version: package.version.to_string(),
        tauri_version: tauri::VERSION.to_string(),
        webview: tauri::webview_version().unwrap_or_else(|_| String::from("unknown")),
        os: std::env::consts::OS.to_string(),
        arch: std::env::consts::ARCH.to_string(),
    }
}

/// The configuration files found unreadable at start and moved aside, with what was kept, for
/// the notice the window shows once.
#[tauri::command]
#[specta::specta]
pub fn startup_notices(
    state: tauri::State<'_, crate::state::AppState>,
) -> Vec<swr_core::recovery::Recovered> {
    state
        .profiles
        .recovered()
        .into_iter()
        .chain(state.uploads.recovered())
        .cloned()
        .collect()
}

/// The window was asked to close while an upload is being pushed: the UI asks the user first.
#[derive(Debug, Clone, Serialize, Type, tauri_specta::Event)]
#[serde(rename_all = "camelCase")]
pub struct CloseWhilePushing {
    /// The upload item being pushed.
    pub item: u64,
}

/// Quits the app, after the user chose to stop a running upload (it resumes on the next start).
#[tauri::command]
#[specta::specta]
pub fn quit_app(app: tauri::AppHandle) {
    app.exit(0);
}
