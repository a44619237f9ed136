//! SWR's rules on single values, for the fields that check as the user types.

use swr_api::rules::{self, RuleViolation, ValueKind};

/// The rule `value` breaks as a `kind` (an organization, a tag, …), with its message in both
/// languages, or null when SWR would take it.
#[tauri::command]
#[specta::specta]
pub fn check_value(kind: ValueKind, value: String) -> Option<RuleViolation> {
    rules::check_value(kind, &value)
}
