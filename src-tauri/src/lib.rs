//! The SWR Console desktop shell.
//!
//! This crate is glue: it builds the Tauri app, registers one [`state::AppState`], and exposes
//! thin commands (one module per screen domain under [`commands`]) that call `swr-core` and map
//! its errors to [`error::IpcError`]. Behaviour lives in the crates under `crates/`.

pub mod bindings;
pub mod commands;
pub mod error;
pub mod state;

use tauri::Manager;

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

    let builder = bindings::builder();
    let result = tauri::Builder::default()
        .plugin(tauri_plugin_single_instance::init(|app, _argv, _cwd| {
            // A second launch brings the running window forward instead of opening another.
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.unminimize();
                let _ = window.set_focus();
            }
        }))
        .plugin(tauri_plugin_clipboard_manager::init())
        .invoke_handler(builder.invoke_handler())
        .setup(move |app| {
            builder.mount_events(app);
            let config_dir = match std::env::var_os(CONFIG_DIR_ENV) {
                Some(dir) => std::path::PathBuf::from(dir),
                None => app.path().app_config_dir()?,
            };
            tracing::info!(config_dir = %config_dir.display(), "starting SWR Console");
            app.manage(state::AppState::new(&config_dir));
            Ok(())
        })
        .run(tauri::generate_context!());
    if let Err(err) = result {
        tracing::error!(%err, "SWR Console stopped with an error");
        std::process::exit(1);
    }
}
