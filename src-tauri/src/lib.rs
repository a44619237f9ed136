//! The SWR Console desktop shell.
//!
//! This crate is glue: it builds the Tauri app, registers one [`state::AppState`], and exposes
//! thin commands (one module per screen domain under [`commands`]) that call `swr-core` and map
//! its errors to [`error::IpcError`]. Behaviour lives in the crates under `crates/`.

pub mod bindings;
pub mod commands;
pub mod error;
pub mod rendering;
pub mod state;
pub mod uploads_bridge;

use std::path::{Path, PathBuf};

use tauri::{DragDropEvent, Manager, WindowEvent};
use tauri_specta::Event;

/// Environment variable that points the app at another configuration directory (used by the
/// end-to-end tests and the sandbox launcher so they never touch a user's real settings).
pub const CONFIG_DIR_ENV: &str = "SWR_CONSOLE_CONFIG_DIR";

pub fn run() {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("SWR_CONSOLE_LOG")
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
        )
        .with_writer(std::io::stderr)
        .init();
    rendering::choose();

    let builder = bindings::builder();
    let result = tauri::Builder::default()
        .plugin(tauri_plugin_single_instance::init(|app, argv, cwd| {
            // A second launch brings the running window forward instead of opening another,
            // and the files it was given (`swr-console FILE...`, "Open with") join the queue.
            if let Some(window) = app.get_webview_window(MAIN_WINDOW) {
                let _ = window.unminimize();
                let _ = window.set_focus();
            }
            let paths = commands::uploads::paths_from_args(&argv, std::path::Path::new(&cwd));
            commands::uploads::add_paths(app, paths);
        }))
        .plugin(tauri_plugin_clipboard_manager::init())
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_notification::init())
        .invoke_handler(builder.invoke_handler())
        .on_window_event(|window, event| {
            if let WindowEvent::CloseRequested { api, .. } = event {
                // Closing mid-push stops the push (it resumes on the next start): the user is
                // asked first, and the UI quits through `quit_app` if they say so.
                let pushing = window
                    .try_state::<state::AppState>()
                    .and_then(|state| state.uploads.pushing());
                if let Some(item) = pushing {
                    api.prevent_close();
                    let _ = commands::app::CloseWhilePushing { item }.emit(window.app_handle());
                }
                return;
            }
            if let WindowEvent::DragDrop(drop) = event {
                let app = window.app_handle();
                let hover = |active| {
                    let _ = commands::uploads::DropHover { active }.emit(app);
                };
                match drop {
                    DragDropEvent::Enter { .. } => hover(true),
                    DragDropEvent::Leave => hover(false),
                    DragDropEvent::Drop { paths, .. } => {
                        hover(false);
                        commands::uploads::add_paths(app, paths.clone());
                    }
                    _ => {}
                }
            }
        })
        .setup(move |app| {
            rendering::settle();
            builder.mount_events(app);
            let chosen_dir = std::env::var_os(CONFIG_DIR_ENV).map(PathBuf::from);
            let config_dir = match &chosen_dir {
                Some(dir) => dir.clone(),
                None => app.path().app_config_dir()?,
            };
            tracing::info!(config_dir = %config_dir.display(), "starting SWR Console");
            let runtime = tauri::async_runtime::handle().inner().clone();
            let sink = uploads_bridge::signal_sink(app.handle().clone());
            let state = state::AppState::new(&config_dir, sink, runtime)?;
            app.manage(state);
            open_main_window(app, chosen_dir.as_deref())?;
            // Files given on the first launch (`swr-console FILE...`).
            let cwd = std::env::current_dir().unwrap_or_default();
            let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
            let paths = commands::uploads::paths_from_args(&args, &cwd);
            if !paths.is_empty() {
                let handle = app.handle().clone();
                // After the page has subscribed to events; the list itself is read on load.
                tauri::async_runtime::spawn(async move {
                    commands::uploads::add_paths(&handle, paths);
                });
            }
            Ok(())
        })
        .build(tauri::generate_context!())
        .map(|app| app.run(on_run_event));
    if let Err(err) = result {
        tracing::error!(%err, "SWR Console stopped with an error");
        std::process::exit(1);
    }
}

/// The label of the app's one window, described in `tauri.conf.json`.
pub(crate) const MAIN_WINDOW: &str = "main";

/// Opens the window `tauri.conf.json` describes, once the state its commands need is managed.
///
/// A configuration directory chosen through [`CONFIG_DIR_ENV`] also holds the webview's own
/// storage (`webview/`: the widths of the table columns in its localStorage, its caches), so a
/// run on it (the end-to-end tests, the sandbox launcher) neither sees nor changes what the
/// user's own app keeps, and one test's column widths do not reach the next. macOS keeps a
/// webview's storage by identifier rather than by folder, and is left as it is.
fn open_main_window(app: &tauri::App, chosen_config_dir: Option<&Path>) -> tauri::Result<()> {
    let config = app
        .config()
        .app
        .windows
        .iter()
        .find(|window| window.label == MAIN_WINDOW)
        .ok_or(tauri::Error::WindowNotFound)?;
    let window = tauri::WebviewWindowBuilder::from_config(app.handle(), config)?;
    #[cfg(any(target_os = "linux", windows))]
    let window = match chosen_config_dir {
        Some(dir) => window.data_directory(dir.join("webview")),
        None => window,
    };
    #[cfg(not(any(target_os = "linux", windows)))]
    let _ = chosen_config_dir;
    window.build()?;
    Ok(())
}

/// Files opened with the app from the macOS Finder arrive as an event, not on the command line.
fn on_run_event(app: &tauri::AppHandle, event: tauri::RunEvent) {
    #[cfg(any(target_os = "macos", target_os = "ios"))]
    if let tauri::RunEvent::Opened { urls } = &event {
        let paths = urls.iter().filter_map(|u| u.to_file_path().ok()).collect();
        commands::uploads::add_paths(app, paths);
    }
    let _ = (app, event);
}
