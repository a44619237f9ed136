//! The application domain of SWR Console, shared by the desktop shell and `swrctl`.
//!
//! Nothing here knows about Tauri: the desktop commands and the CLI are thin layers over these
//! services, so a behaviour is written (and tested) once.
//!
//! One room per domain, each with a `mod.rs` that says what it owns:
//!
//! | room | owns |
//! |---|---|
//! | [`profiles`] | the profile file, its rules, the profile from the environment |
//! | [`credentials`] | secret keys and proxy passwords in the keyring, login commands and files, the login check |
//! | [`sessions`] | one API and registry client per profile, their configuration, one pacer per account |
//! | [`uploads`] | validation, the target planner, the queue and its journal, the app's upload manager |
//! | [`browse`] | organizations, the image and tag indexes, inspection, deleting and copying tags |
//! | [`access`] | attributes, permissions and sharing |
//! | [`automation`] | retention (with its preview), triggers, region sync |
//! | [`journal`] | the record of every change made to SWR |
//!
//! Beside them: [`settings`], [`recovery`] (unreadable files moved aside) and [`csv_import`].
//! Files are written atomically with `swr_registry::files`.

pub mod access;
pub mod automation;
pub mod browse;
pub mod credentials;
pub mod csv_import;
pub mod journal;
pub mod profiles;
pub mod recovery;
pub mod sessions;
pub mod settings;
pub mod uploads;
