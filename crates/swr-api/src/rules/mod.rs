//! SWR's naming and value rules, in one place.
//!
//! The console's forms, `swrctl` and the sandbox all call these functions, so a name the UI
//! accepts is exactly a name the emulator accepts. Every rule returns a [`RuleViolation`] that
//! names the field, a stable rule id (e.g. `namespace.length`) the UI can branch on, the
//! offending value (cut short) and an actionable message in English and Simplified Chinese.
//!
//! The naming rules (organizations, images, tags, triggers) and the violation type live in the
//! `swr-rules` crate, which has no network dependency so the archive reader can use them too;
//! they are re-exported here. The rules on the API's own values (categories, permission levels,
//! share deadlines, retention) live here, beside the model types they check.
//!
//! Limits come from the SWR user guide and API reference. Where the published regular
//! expression and the prose disagree (runs of `-`), the stricter prose wins.

mod retention;
mod single;
mod values;

pub use retention::{validate_retention_rule, SELECTOR_PATTERN_MAX_CHARS};
pub use single::{check_value, ValueKind};
pub use swr_rules::{
    validate_namespace, validate_repository, validate_tag, validate_trigger_name, LocalizedText,
    RuleViolation, MAX_ECHOED_CHARS, TAG_MAX_CHARS,
};
pub use values::{
    validate_access_domain, validate_category, validate_permission_level,
    validate_repo_description, validate_retention_days, validate_retention_days_text,
    validate_retention_tag_count, validate_retention_tag_count_text, validate_share_deadline,
    validate_share_description, ACCESS_DOMAIN_MAX_CHARS, REPO_DESCRIPTION_MAX_CHARS,
    RETENTION_DAYS, RETENTION_TAG_COUNT, SHARE_DESCRIPTION_MAX_CHARS,
};
