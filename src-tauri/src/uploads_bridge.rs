//! Carries what the upload queue does to the window (typed events) and, while the window is in
//! the background, to the desktop (notifications when the queue finishes or an item fails).

use std::sync::Arc;

use serde::Serialize;
use specta::Type;
use swr_core::settings::LanguagePreference;
use swr_core::uploads::{UploadEvent, UploadsSignal};
use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_notification::NotificationExt;
use tauri_specta::Event;

use crate::state::AppState;

/// The list of uploads changed: read it again.
#[derive(Debug, Clone, Serialize, Type, Event)]
pub struct UploadsChanged {}

/// A file's validation advanced.
#[derive(Debug, Clone, Serialize, Type, Event)]
#[serde(rename_all = "camelCase")]
pub struct ValidationProgress {
    pub item: u64,
    pub done: u64,
    pub total: u64,
}

/// What the item being pushed is doing (progress about ten times a second).
#[derive(Debug, Clone, Serialize, Type, Event)]
pub struct UploadProgress(pub UploadEvent);

/// The image index of a profile took in a change made outside the browsing screens (a push):
/// lists and counts read from it are out of date.
#[derive(Debug, Clone, Serialize, Type, Event)]
#[serde(rename_all = "camelCase")]
pub struct ImagesChanged {
    pub profile_id: String,
}

/// The listener the upload manager is opened with.
pub fn signal_sink<R: Runtime>(app: AppHandle<R>) -> Arc<dyn Fn(UploadsSignal) + Send + Sync> {
    Arc::new(move |signal| forward(&app, signal))
}

fn forward<R: Runtime>(app: &AppHandle<R>, signal: UploadsSignal) {
    // Progress passes here ten times a second: the language is read only for a notification.
    let chinese = || {
        app.try_state::<AppState>().is_some_and(|s| {
            matches!(
                s.settings.get().language,
                LanguagePreference::SimplifiedChinese
            )
        })
    };
    if let Some((title, body)) = notification(&signal, chinese) {
        let focused = app
            .get_webview_window(crate::MAIN_WINDOW)
            .and_then(|w| w.is_focused().ok())
            .unwrap_or(false);
        if !focused {
            if let Err(err) = app.notification().builder().title(title).body(body).show() {
                tracing::debug!(%err, "cannot show a notification");
            }
        }
    }
    if let UploadsSignal::Queue(UploadEvent::Finished { item, pushed }) = &signal {
        index_pushed(app, *item, pushed.clone());
    }
    let sent = match signal {
        UploadsSignal::Changed | UploadsSignal::Drained { .. } => UploadsChanged {}.emit(app),
        UploadsSignal::Validating { item, done, total } => {
            ValidationProgress { item, done, total }.emit(app)
        }
        UploadsSignal::Queue(event) => UploadProgress(event).emit(app),
    };
    if let Err(err) = sent {
        tracing::warn!(%err, "cannot send an upload event to the window");
    }
}

/// A push changes what the image list shows: the browser's index takes in the images pushed
/// to, then the window is told to read it again. Off the queue's thread, as it asks SWR.
fn index_pushed<R: Runtime>(app: &AppHandle<R>, item: u64, pushed: Vec<String>) {
    let Some(state) = app.try_state::<AppState>() else {
        return;
    };
    let Some(profile_id) = state
        .uploads
        .view_of(item)
        .ok()
        .and_then(|view| view.profile_id)
    else {
        return;
    };
    let browser = state.browser.clone();
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        browser.pushed(&profile_id, &pushed).await;
        if let Err(err) = (ImagesChanged { profile_id }).emit(&app) {
            tracing::warn!(%err, "cannot tell the window that the image list changed");
        }
    });
}

/// The notification a signal deserves, if any: the queue finished, or an item failed.
/// `chinese` is asked only for those.
pub fn notification(
    signal: &UploadsSignal,
    chinese: impl FnOnce() -> bool,
) -> Option<(String, String)> {
    match signal {
        UploadsSignal::Drained { done, failed } => Some(if chinese() {
            (
                "上传队列已完成".to_owned(),
                format!("{done} 个文件已推送，{failed} 个失败。"),
            )
        } else {
            (
                "Uploads finished".to_owned(),
                format!("{done} pushed, {failed} failed."),
            )
        }),
        UploadsSignal::Queue(UploadEvent::Failed { message, .. }) => Some(if chinese() {
            ("上传失败".to_owned(), message.clone())
        } else {
            ("An upload failed".to_owned(), message.clone())
        }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use swr_core::uploads::FailureKind;

    use super::*;

    #[test]
    fn the_end_of_the_queue_and_failures_are_notified_progress_is_not() {
        let (title, body) =
            notification(&UploadsSignal::Drained { done: 2, failed: 1 }, || false).unwrap();
        assert_eq!(title, "Uploads finished");
        assert_eq!(body, "2 pushed, 1 failed.");
        let failed = UploadsSignal::Queue(UploadEvent::Failed {
            item: 3,
            message: "access denied to team/app".into(),
            kind: FailureKind::PermissionDenied,
            transient: false,
        });
        let (title, body) = notification(&failed, || true).unwrap();
        assert_eq!(title, "上传失败");
        assert_eq!(body, "access denied to team/app");
        assert!(notification(&UploadsSignal::Changed, || false).is_none());
        assert!(notification(
            &UploadsSignal::Validating {
                item: 1,
                done: 1,
                total: 2
            },
            || false
        )
        .is_none());
    }
}
