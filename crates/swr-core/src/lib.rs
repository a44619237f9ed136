//! The application domain of SWR Console, shared by the desktop shell and `swrctl`.
//!
//! Nothing here knows about Tauri: the desktop commands and the CLI are thin layers over these
//! services, so a behaviour is written (and tested) once.

pub mod access;
pub mod automation;
pub mod browse;
pub mod credentials;
mod credentials_proxy;
pub mod csv_import;
pub mod fsio;
pub mod journal;
pub mod logins;
pub mod logins_docker_config;
pub mod profiles;
mod profiles_rules;
pub mod recovery;
pub mod session_profile;
pub mod sessions;
pub mod settings;
pub mod uploads;
pub mod verify;
