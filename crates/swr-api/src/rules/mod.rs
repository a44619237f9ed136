//! SWR's naming and value rules, in one place.
//!
//! The console's forms, `swrctl` and the sandbox all call these functions, so a name the UI
//! accepts is exactly a name the emulator accepts. Every rule returns a [`RuleViolation`] that
//! names the field, a stable rule id (e.g. `namespace.length`) the UI can branch on, the
//! offending value (cut short) and an actionable message in English and Simplified Chinese.
//!
//! Limits come from the SWR user guide and API reference (`reference/swr-api.md` §9). Where the
//! published regular expression and the prose disagree (runs of `-`), the stricter prose wins:
//! a name the console creates must be accepted by every SWR front end.

mod names;
mod retention;
mod values;
mod violation;

pub use names::{
    validate_namespace, validate_repository, validate_tag, validate_trigger_name, TAG_MAX_CHARS,
};
pub use retention::{validate_retention_rule, SELECTOR_PATTERN_MAX_CHARS};
pub use values::{
    validate_access_domain, validate_category, validate_permission_level,
    validate_repo_description, validate_retention_days, validate_retention_days_text,
    validate_retention_tag_count, validate_retention_tag_count_text, validate_share_deadline,
    validate_share_description, ACCESS_DOMAIN_MAX_CHARS, REPO_DESCRIPTION_MAX_CHARS,
    RETENTION_DAYS, RETENTION_TAG_COUNT, SHARE_DESCRIPTION_MAX_CHARS,
};
pub use violation::{LocalizedText, RuleViolation, MAX_ECHOED_CHARS};
