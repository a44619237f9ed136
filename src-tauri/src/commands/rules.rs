//! SWR's rules on single values, for the fields that check as the user types.

use swr_api::rules::{self, RuleViolation, ValueKind};
use swr_core::access::sharing;

/// The rule `value` breaks as a `kind` (an organization, a tag, …), with its message in both
/// languages, or null when SWR would take it.
#[tauri::command]
#[specta::specta]
pub fn check_value(kind: ValueKind, value: String) -> Option<RuleViolation> {
    rules::check_value(kind, &value)
}

/// The rule a share's deadline (`forever` or a day `YYYY-MM-DD`, which lasts through its end in
/// UTC) breaks as of now, or null.
#[tauri::command]
#[specta::specta]
pub fn check_share_until(until: String) -> Option<RuleViolation> {
    sharing::check_until(&until)
}
