//! The application domain of SWR Console, shared by the desktop shell and `swrctl`.
//!
//! Nothing here knows about Tauri: the desktop commands and the CLI are thin layers over these
//! services, so a behaviour is written (and tested) once.

pub mod fsio;
pub mod profiles;
pub mod settings;
