//! Tauri commands, one module per screen domain. Each command takes `State`, calls the core and
//! maps the error: behaviour belongs in `swr-core`.

pub mod access;
pub mod app;
pub mod automation;
pub mod browse;
pub mod clipboard;
pub mod journal;
pub mod logins;
pub mod organizations;
pub mod profiles;
pub mod rules;
pub mod settings;
pub mod sync;
pub mod uploads;
