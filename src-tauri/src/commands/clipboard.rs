//! Copying secrets to the clipboard from the backend, so a login key need not pass through the
//! webview, and wiping them 60 s later from a timer that does not depend on the page staying
//! open. The clipboard is left alone if the user has copied something else in between.

use std::time::Duration;

use swr_core::credentials::logins::{LoginFormat, LoginMaterial};
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_clipboard_manager::ClipboardExt;

use crate::commands::profiles::with_secret;
use crate::error::{ErrorCode, IpcError};
use crate::state::AppState;

/// How long a copied secret stays on the clipboard.
pub const CLEAR_AFTER: Duration = Duration::from_secs(60);

/// Environment variable that shortens [`CLEAR_AFTER`] (never lengthens it), so the end-to-end
/// suite can watch the wipe happen without waiting a minute.
pub const CLEAR_AFTER_ENV: &str = "SWR_CONSOLE_CLIPBOARD_CLEAR_SECS";

fn clear_after() -> Duration {
    std::env::var(CLEAR_AFTER_ENV)
        .ok()
        .and_then(|v| v.trim().parse::<u64>().ok())
        .map(Duration::from_secs)
        .filter(|d| *d < CLEAR_AFTER)
        .unwrap_or(CLEAR_AFTER)
}

/// Copies `text` and schedules the wipe; returns the delay in seconds, for the page to show.
fn copy_and_clear_later<R: Runtime>(app: &AppHandle<R>, text: String) -> Result<u32, IpcError> {
    let delay = clear_after();
    app.clipboard()
        .write_text(text.clone())
        .map_err(|e| IpcError::new(ErrorCode::Internal, format!("could not copy: {e}")))?;
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        tokio::time::sleep(delay).await;
        let still_ours = app.clipboard().read_text().is_ok_and(|now| now == text);
        if still_ours {
            if let Err(err) = app.clipboard().clear() {
                tracing::warn!(%err, "could not clear the clipboard");
            }
        }
    });
    Ok(u32::try_from(delay.as_secs()).unwrap_or(u32::MAX))
}

/// Copies one login output with the real key; returns how many seconds until it is cleared.
#[tauri::command]
#[specta::specta]
pub fn copy_login(
    app: AppHandle,
    state: State<'_, AppState>,
    id: String,
    format: LoginFormat,
) -> Result<u32, IpcError> {
    let (profile, sk) = with_secret(&state, &id)?;
    let text = LoginMaterial::new(&profile, &sk)
        .revealed(format)
        .into_exposed();
    copy_and_clear_later(&app, text)
}

/// Copies text the user already sees (a temporary login) and clears it after a minute.
#[tauri::command]
#[specta::specta]
pub fn copy_secret_text(app: AppHandle, text: String) -> Result<u32, IpcError> {
    copy_and_clear_later(&app, text)
}

/// Copies text that is not secret (a pull command, a reference); it stays on the clipboard.
#[tauri::command]
#[specta::specta]
pub fn copy_text(app: AppHandle, text: String) -> Result<(), IpcError> {
    app.clipboard()
        .write_text(text)
        .map_err(|e| IpcError::new(ErrorCode::Internal, format!("could not copy: {e}")))
}
