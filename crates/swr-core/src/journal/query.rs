//! Selecting entries: the Journal screen's filters and `swrctl journal --since`.

use serde::{Deserialize, Serialize};

use super::{JournalEntry, Operation, Outcome};

/// Filters; every one that is set must match.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase", default)]
pub struct JournalQuery {
    /// Entries at or after this day (`YYYY-MM-DD`, UTC) or instant (RFC 3339).
    pub since: Option<String>,
    /// Words that must all appear in the target, profile, values, error or request id.
    pub text: Option<String>,
    pub operations: Vec<Operation>,
    pub outcome: Option<Outcome>,
    pub profile: Option<String>,
    /// At most this many entries (newest first); all when unset.
    pub limit: Option<u32>,
}

/// The selected entries, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct JournalPage {
    pub entries: Vec<JournalEntry>,
    /// How many entries matched before `limit` cut the list.
    pub matched: u32,
    /// Entries in the journal.
    pub total: u32,
    /// Lines that could not be read.
    pub unreadable: u32,
}

/// Why a `since` value was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{0}' is not a date: write YYYY-MM-DD (for example 2026-12-01) or an RFC 3339 time")]
pub struct BadSince(pub String);

impl JournalQuery {
    /// Checks `since` before the journal is read, so a typo is not an empty result.
    pub fn check(&self) -> Result<(), BadSince> {
        match &self.since {
            Some(s) if since_key(s).is_none() => Err(BadSince(s.clone())),
            _ => Ok(()),
        }
    }

    pub(super) fn select(&self, entries: Vec<JournalEntry>, unreadable: u64) -> JournalPage {
        let total = count(entries.len());
        let since = self.since.as_deref().and_then(since_key);
        let words: Vec<String> = self
            .text
            .as_deref()
            .unwrap_or_default()
            .split_whitespace()
            .map(str::to_lowercase)
            .collect();
        let mut matched: Vec<JournalEntry> = entries
            .into_iter()
            .rev()
            .filter(|e| since.as_deref().is_none_or(|s| e.time.as_str() >= s))
            .filter(|e| self.operations.is_empty() || self.operations.contains(&e.operation))
            .filter(|e| self.outcome.is_none_or(|o| e.outcome == o))
            .filter(|e| self.profile.as_deref().is_none_or(|p| e.profile == p))
            .filter(|e| words.is_empty() || has_words(e, &words))
            .collect();
        let matched_count = count(matched.len());
        if let Some(limit) = self.limit {
            matched.truncate(usize::try_from(limit).unwrap_or(usize::MAX));
        }
        JournalPage {
            entries: matched,
            matched: matched_count,
            total,
            unreadable: u32::try_from(unreadable).unwrap_or(u32::MAX),
        }
    }
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Times are stored as `YYYY-MM-DDTHH:MM:SS.mmmZ`, which sort as text; a bare day becomes the
/// start of that day.
fn since_key(since: &str) -> Option<String> {
    let since = since.trim();
    let day = time::macros::format_description!("[year]-[month]-[day]");
    if let Ok(date) = time::Date::parse(since, &day) {
        return Some(format!("{date}T00:00:00"));
    }
    let at = time::OffsetDateTime::parse(since, &time::format_description::well_known::Rfc3339)
        .ok()?
        .to_offset(time::UtcOffset::UTC);
    Some(super::timestamp(at))
}

fn has_words(entry: &JournalEntry, words: &[String]) -> bool {
    let haystack = [
        Some(entry.target.as_str()),
        Some(entry.profile.as_str()),
        Some(entry.operation.as_str()),
        entry.before.as_deref(),
        entry.after.as_deref(),
        entry.error.as_deref(),
        entry.request_id.as_deref(),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join("\n")
    .to_lowercase();
    words.iter().all(|w| haystack.contains(w.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::Source;

    fn entry(time: &str, op: Operation, target: &str, outcome: Outcome) -> JournalEntry {
        JournalEntry {
            time: time.into(),
            source: Source::App,
            profile: "dev".into(),
            region: "cn-north-4".into(),
            operation: op,
            target: target.into(),
            before: None,
            after: Some("read".into()),
            outcome,
            error: None,
            request_id: Some(format!("req-{target}")),
        }
    }

    fn sample() -> Vec<JournalEntry> {
        vec![
            entry(
                "2026-11-30T23:59:59.999Z",
                Operation::Push,
                "team/web:1",
                Outcome::Done,
            ),
            entry(
                "2026-12-01T00:00:00.000Z",
                Operation::PermissionGrant,
                "team → alice",
                Outcome::Done,
            ),
            entry(
                "2026-12-02T08:00:00.000Z",
                Operation::ShareAdd,
                "team/web → beta",
                Outcome::Failed,
            ),
        ]
    }

    #[test]
    fn since_a_day_starts_at_its_midnight_and_lists_newest_first() {
        let q = JournalQuery {
            since: Some("2026-12-01".into()),
            ..Default::default()
        };
        let page = q.select(sample(), 0);
        let targets: Vec<_> = page.entries.iter().map(|e| e.target.as_str()).collect();
        assert_eq!(targets, ["team/web → beta", "team → alice"]);
        assert_eq!((page.matched, page.total), (2, 3));
    }

    #[test]
    fn since_an_instant_in_another_zone_is_compared_in_utc() {
        let q = JournalQuery {
            since: Some("2026-12-02T15:00:00+08:00".into()),
            ..Default::default()
        };
        assert_eq!(q.select(sample(), 0).matched, 1);
    }

    #[test]
    fn filters_combine_and_the_limit_keeps_the_count() {
        let q = JournalQuery {
            text: Some("WEB".into()),
            limit: Some(1),
            ..Default::default()
        };
        let page = q.select(sample(), 2);
        assert_eq!(page.matched, 2);
        assert_eq!(page.entries.len(), 1);
        assert_eq!(page.entries[0].operation, Operation::ShareAdd);
        assert_eq!(page.unreadable, 2);

        let q = JournalQuery {
            operations: vec![Operation::ShareAdd, Operation::Push],
            outcome: Some(Outcome::Done),
            ..Default::default()
        };
        let page = q.select(sample(), 0);
        assert_eq!(page.entries.len(), 1);
        assert_eq!(page.entries[0].operation, Operation::Push);

        let q = JournalQuery {
            text: Some("req-team/web:1".into()),
            ..Default::default()
        };
        assert_eq!(q.select(sample(), 0).matched, 1);
    }

    #[test]
    fn a_bad_since_is_refused_with_the_form_to_write() {
        let q = JournalQuery {
            since: Some("yesterday".into()),
            ..Default::default()
        };
        let err = q.check().unwrap_err();
        assert!(err.to_string().contains("YYYY-MM-DD"), "{err}");
        assert!(JournalQuery::default().check().is_ok());
    }
}
