//! The journal of changes: the Journal screen's list and its export.

use serde::{Deserialize, Serialize};
use specta::Type;
use swr_core::journal::{self, JournalPage, JournalQuery};
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;

use crate::error::{ErrorCode, IpcError};
use crate::state::AppState;

#[tauri::command]
#[specta::specta]
pub fn query_journal(
    state: State<'_, AppState>,
    query: JournalQuery,
) -> Result<JournalPage, IpcError> {
    query
        .check()
        .map_err(|e| IpcError::new(ErrorCode::InvalidInput, e.to_string()))?;
    Ok(state.journal.query(&query)?)
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub enum ExportFormat {
    Csv,
    Json,
}

/// Writes the entries `query` selects to a file the user picks; `None` when they cancel.
#[tauri::command]
#[specta::specta]
pub async fn export_journal(
    app: AppHandle,
    state: State<'_, AppState>,
    query: JournalQuery,
    format: ExportFormat,
) -> Result<Option<String>, IpcError> {
    let page = state.journal.query(&JournalQuery {
        limit: None,
        ..query
    })?;
    let (text, extension) = match format {
        ExportFormat::Csv => (journal::to_csv(&page.entries), "csv"),
        ExportFormat::Json => (
            serde_json::to_string_pretty(&page.entries)
                .map_err(|e| IpcError::new(ErrorCode::Internal, e.to_string()))?,
            "json",
        ),
    };
    let picked = tauri::async_runtime::spawn_blocking(move || {
        app.dialog()
            .file()
            .set_title("Export the journal")
            .set_file_name(format!("swr-journal.{extension}"))
            .add_filter(extension.to_uppercase(), &[extension])
            .blocking_save_file()
    })
    .await
    .map_err(|e| IpcError::new(ErrorCode::Internal, e.to_string()))?;
    let Some(path) = picked.and_then(|p| p.into_path().ok()) else {
        return Ok(None);
    };
    std::fs::write(&path, text).map_err(|e| {
        IpcError::new(
            ErrorCode::Io,
            format!("cannot write {}: {e}", path.display()),
        )
    })?;
    Ok(Some(path.display().to_string()))
}
