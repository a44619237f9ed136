//! The Uploads screen: the list of files, their reports and targets, and the queue controls.
//!
//! Paths never come from the webview: files arrive by a drop on the window, the native file
//! dialog or the command line, all handled here in Rust ([`add_paths`]), so a script in the
//! page cannot ask the app to read and upload an arbitrary file.

use std::path::PathBuf;

use serde::Serialize;
use specta::Type;
use swr_core::uploads::{ManagerError, TargetInput, UploadItemView, UploadsView};
use tauri::{AppHandle, Manager, Runtime, State};
use tauri_plugin_dialog::DialogExt;
use tauri_specta::Event;

use crate::error::{ErrorCode, IpcError};
use crate::state::AppState;

impl From<ManagerError> for IpcError {
    fn from(err: ManagerError) -> Self {
        let code = match &err {
            ManagerError::NotFound(_) => ErrorCode::NotFound,
            ManagerError::NotNow(_) => ErrorCode::InvalidInput,
            ManagerError::Journal(_) => ErrorCode::Io,
        };
        Self::new(code, err.to_string())
    }
}

/// Files were handed to the app (drop, dialog, command line): the UI switches to Uploads.
#[derive(Debug, Clone, Serialize, Type, Event)]
#[serde(rename_all = "camelCase")]
pub struct FilesOpened {
    /// The items for these files (existing ones when a file was already in the list).
    pub ids: Vec<u64>,
    /// What was not added and why (folders, missing files).
    pub ignored: Vec<IgnoredFile>,
}

/// A file that was handed to the app and not added.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct IgnoredFile {
    /// The path as given; empty when the reason concerns the whole batch.
    pub path: String,
    /// Why, as a code the UI words in the user's language.
    pub reason: IgnoredReason,
    /// The system's own words (a missing file, a refused permission), shown as details.
    pub detail: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub enum IgnoredReason {
    /// A folder: the archives inside it can be added.
    Folder,
    /// Nothing is at that path (any more).
    Missing,
    /// It exists but cannot be read.
    Unreadable,
    /// The upload list refused the batch.
    NotAdded,
}

/// The files among `paths`, and what is not a file and why.
fn sort_paths(paths: Vec<PathBuf>) -> (Vec<PathBuf>, Vec<IgnoredFile>) {
    let mut files = Vec::new();
    let mut ignored = Vec::new();
    for path in paths {
        let shown = path.display().to_string();
        match std::fs::metadata(&path) {
            Ok(m) if m.is_file() => files.push(path),
            Ok(_) => ignored.push(IgnoredFile {
                path: shown,
                reason: IgnoredReason::Folder,
                detail: String::new(),
            }),
            Err(e) => ignored.push(IgnoredFile {
                path: shown,
                reason: if e.kind() == std::io::ErrorKind::NotFound {
                    IgnoredReason::Missing
                } else {
                    IgnoredReason::Unreadable
                },
                detail: e.to_string(),
            }),
        }
    }
    (files, ignored)
}

/// Files are being dragged over the window (`active`) or no longer are.
#[derive(Debug, Clone, Serialize, Type, Event)]
#[serde(rename_all = "camelCase")]
pub struct DropHover {
    pub active: bool,
}

/// Adds files from any source; folders and missing files are reported, not added.
pub fn add_paths<R: Runtime>(app: &AppHandle<R>, paths: Vec<PathBuf>) {
    let Some(state) = app.try_state::<AppState>() else {
        return;
    };
    let (files, mut ignored) = sort_paths(paths);
    let ids = if files.is_empty() {
        Vec::new()
    } else {
        match state.uploads.add_files(files) {
            Ok(ids) => ids,
            Err(e) => {
                ignored.push(IgnoredFile {
                    path: String::new(),
                    reason: IgnoredReason::NotAdded,
                    detail: e.to_string(),
                });
                Vec::new()
            }
        }
    };
    if ids.is_empty() && ignored.is_empty() {
        return;
    }
    if let Err(err) = (FilesOpened { ids, ignored }).emit(app) {
        tracing::warn!(%err, "cannot tell the window about opened files");
    }
}

/// The files on a command line (`swr-console FILE...`), relative to `cwd`.
pub fn paths_from_args<A: AsRef<std::ffi::OsStr>>(
    args: &[A],
    cwd: &std::path::Path,
) -> Vec<PathBuf> {
    args.iter()
        .skip(1)
        .map(AsRef::as_ref)
        // File names need not be UTF-8; they are taken as the system gave them.
        .filter(|a| a.as_encoded_bytes().first() != Some(&b'-'))
        .map(|a| {
            let p = PathBuf::from(a);
            if p.is_absolute() {
                p
            } else {
                cwd.join(p)
            }
        })
        .collect()
}

#[tauri::command]
#[specta::specta]
pub fn uploads_view(state: State<'_, AppState>) -> UploadsView {
    state.uploads.view()
}

/// Opens the native file dialog (image archives only) and adds what the user picks.
#[tauri::command]
#[specta::specta]
pub async fn pick_upload_files(app: AppHandle) -> Result<(), IpcError> {
    let picker = app.clone();
    let picked = tauri::async_runtime::spawn_blocking(move || {
        picker
            .dialog()
            .file()
            .set_title("Add image archives")
            .add_filter("Image archives", &["tar", "gz", "tgz", "zst"])
            .add_filter("All files", &["*"])
            .blocking_pick_files()
    })
    .await
    .map_err(|e| IpcError::new(ErrorCode::Internal, e.to_string()))?;
    let paths: Vec<PathBuf> = picked
        .unwrap_or_default()
        .into_iter()
        .filter_map(|f| f.into_path().ok())
        .collect();
    add_paths(&app, paths);
    Ok(())
}

/// Sets where an item's images go; returns the item with its preview and problems.
#[tauri::command]
#[specta::specta]
pub fn set_upload_target(
    state: State<'_, AppState>,
    id: u64,
    target: TargetInput,
) -> Result<UploadItemView, IpcError> {
    state.uploads.set_target(id, target)?;
    Ok(state.uploads.view_of(id)?)
}

#[tauri::command]
#[specta::specta]
pub fn queue_uploads(state: State<'_, AppState>, ids: Vec<u64>) -> Result<(), IpcError> {
    Ok(state.uploads.enqueue(&ids)?)
}

#[tauri::command]
#[specta::specta]
pub fn start_uploads(state: State<'_, AppState>) -> Result<(), IpcError> {
    Ok(state.uploads.start()?)
}

#[tauri::command]
#[specta::specta]
pub fn pause_uploads(state: State<'_, AppState>) -> Result<(), IpcError> {
    Ok(state.uploads.pause()?)
}

#[tauri::command]
#[specta::specta]
pub fn cancel_upload(state: State<'_, AppState>, id: u64) -> Result<(), IpcError> {
    Ok(state.uploads.cancel(id)?)
}

#[tauri::command]
#[specta::specta]
pub fn retry_upload(state: State<'_, AppState>, id: u64) -> Result<(), IpcError> {
    Ok(state.uploads.retry(id)?)
}

#[tauri::command]
#[specta::specta]
pub fn remove_upload(state: State<'_, AppState>, id: u64) -> Result<(), IpcError> {
    Ok(state.uploads.remove(id)?)
}

#[tauri::command]
#[specta::specta]
pub fn move_upload(state: State<'_, AppState>, id: u64, position: u32) -> Result<(), IpcError> {
    Ok(state.uploads.move_to(id, position)?)
}

#[tauri::command]
#[specta::specta]
pub fn clear_finished_uploads(state: State<'_, AppState>) -> Result<(), IpcError> {
    Ok(state.uploads.clear_finished()?)
}

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};

    use super::{paths_from_args, sort_paths, IgnoredReason};

    #[test]
    fn folders_and_missing_paths_are_set_aside_with_a_reason_code() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("web.tar");
        std::fs::write(&file, b"x").unwrap();
        let missing = dir.path().join("gone.tar");
        let (files, ignored) = sort_paths(vec![file.clone(), dir.path().into(), missing.clone()]);
        assert_eq!(files, [file]);
        let reasons: Vec<_> = ignored.iter().map(|i| (i.path.clone(), i.reason)).collect();
        assert_eq!(
            reasons,
            [
                (dir.path().display().to_string(), IgnoredReason::Folder),
                (missing.display().to_string(), IgnoredReason::Missing),
            ]
        );
        assert!(!ignored[1].detail.is_empty(), "the system's words are kept");
    }

    #[test]
    fn arguments_become_absolute_paths_and_options_are_skipped() {
        let args = ["swr-console", "--verbose", "a.tar", "/abs/b.tgz"];
        assert_eq!(
            paths_from_args(&args, Path::new("/home/u")),
            [PathBuf::from("/home/u/a.tar"), PathBuf::from("/abs/b.tgz")]
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_file_name_that_is_not_utf8_is_kept_as_it_is() {
        use std::ffi::OsString;
        use std::os::unix::ffi::OsStringExt;
        let name = OsString::from_vec(b"caf\xe9.tar".to_vec());
        let args = [OsString::from("swr-console"), name.clone()];
        assert_eq!(
            paths_from_args(&args, Path::new("/d")),
            [Path::new("/d").join(name)]
        );
    }
}
