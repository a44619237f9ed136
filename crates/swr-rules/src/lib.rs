//! SWR's naming rules: organizations, images (repositories), tags and triggers, and the
//! [`RuleViolation`] every rule returns.
//!
//! This crate has no network, file or async dependency, so the archive reader (which is fuzzed)
//! checks the names it finds with the very rules the API client, the forms, `swrctl` and the
//! sandbox use. Rules on values of the management API (categories, permission levels, share
//! deadlines, retention) live with their types in `swr_api::rules`, which re-exports this crate.
//!
//! A violation names the field, a stable rule id (e.g. `namespace.length`) the UI can branch on,
//! the offending value (cut short) and an actionable message in English and Simplified Chinese.
//!
//! Limits come from the SWR user guide and API reference. Where the published regular
//! expression and the prose disagree (runs of `-`), the stricter prose wins: a name the console
//! creates must be accepted by every SWR front end.

mod names;
mod violation;

pub use names::{
    validate_namespace, validate_repository, validate_tag, validate_trigger_name, TAG_MAX_CHARS,
};
pub use violation::{LocalizedText, RuleViolation, MAX_ECHOED_CHARS};
