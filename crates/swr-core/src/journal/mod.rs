//! The journal: every change the console or `swrctl` makes to SWR, on disk.
//!
//! A change is written down in one place, [`crate::sessions::Session::change`], which every
//! mutating function of swr-core goes through; screens and commands never write entries
//! themselves. The file is `journal.jsonl` in the configuration directory, one JSON object a
//! line, appended with a single write so that the app and `swrctl` can add to it at the same
//! time. Entries hold names, values and request ids; credentials never pass through here.
//! A line that cannot be read (a torn write, a newer format) is skipped and counted, so one
//! bad line never hides the rest.

mod export;
mod query;

use std::fs::OpenOptions;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use serde::{Deserialize, Serialize};
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

pub use export::to_csv;
pub use query::{JournalPage, JournalQuery};

/// The journal's file name in the configuration directory.
pub const FILE_NAME: &str = "journal.jsonl";

/// What kind of change an entry records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub enum Operation {
    OrganizationCreate,
    OrganizationDelete,
    ImageAttributes,
    PermissionGrant,
    PermissionChange,
    PermissionRevoke,
    ShareAdd,
    ShareChange,
    ShareRemove,
    TagDelete,
    TagCopy,
    Push,
    RetentionSet,
    RetentionDelete,
    TriggerCreate,
    TriggerChange,
    TriggerDelete,
    SyncRuleCreate,
    SyncRuleDelete,
    SyncRun,
    /// Written by a newer version of the console.
    #[serde(other)]
    Other,
}

impl Operation {
    /// The wire name, as in the JSON and CSV exports.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::OrganizationCreate => "organizationCreate",
            Self::OrganizationDelete => "organizationDelete",
            Self::ImageAttributes => "imageAttributes",
            Self::PermissionGrant => "permissionGrant",
            Self::PermissionChange => "permissionChange",
            Self::PermissionRevoke => "permissionRevoke",
            Self::ShareAdd => "shareAdd",
            Self::ShareChange => "shareChange",
            Self::ShareRemove => "shareRemove",
            Self::TagDelete => "tagDelete",
            Self::TagCopy => "tagCopy",
            Self::Push => "push",
            Self::RetentionSet => "retentionSet",
            Self::RetentionDelete => "retentionDelete",
            Self::TriggerCreate => "triggerCreate",
            Self::TriggerChange => "triggerChange",
            Self::TriggerDelete => "triggerDelete",
            Self::SyncRuleCreate => "syncRuleCreate",
            Self::SyncRuleDelete => "syncRuleDelete",
            Self::SyncRun => "syncRun",
            Self::Other => "other",
        }
    }
}

/// How a change ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub enum Outcome {
    Done,
    Failed,
}

/// Which program made the change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub enum Source {
    App,
    Swrctl,
}

/// One recorded change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct JournalEntry {
    /// RFC 3339, UTC, milliseconds.
    pub time: String,
    pub source: Source,
    /// The profile's name (or `environment` for credentials from the environment).
    pub profile: String,
    pub region: String,
    pub operation: Operation,
    /// What was changed: `org`, `org/image`, `org/image:tag`, with the user or account when
    /// the change is about one.
    pub target: String,
    /// The value before the change, where it was read first.
    pub before: Option<String>,
    /// The value asked for.
    pub after: Option<String>,
    pub outcome: Outcome,
    /// Why it failed.
    pub error: Option<String>,
    /// SWR's `X-Request-Id` of the last call the change made.
    pub request_id: Option<String>,
}

/// A change about to be made: what the journal says of it whatever the outcome.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub operation: Operation,
    pub target: String,
    pub before: Option<String>,
    pub after: Option<String>,
}

impl Change {
    pub fn new(operation: Operation, target: impl Into<String>) -> Self {
        Self {
            operation,
            target: target.into(),
            before: None,
            after: None,
        }
    }

    pub fn before(mut self, value: impl Into<String>) -> Self {
        self.before = Some(value.into());
        self
    }

    pub fn after(mut self, value: impl Into<String>) -> Self {
        self.after = Some(value.into());
        self
    }
}

/// Why the journal could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum JournalError {
    #[error("cannot {what} the journal {}: {source}", path.display())]
    Io {
        what: &'static str,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot encode a journal entry: {0}")]
    Encode(#[from] serde_json::Error),
}

/// The journal file of one configuration directory. Cheap to clone.
#[derive(Debug, Clone)]
pub struct Journal {
    path: PathBuf,
    source: Source,
    write: Arc<Mutex<()>>,
}

impl Journal {
    /// The journal in `config_dir`, written as `source`. Nothing is created until a change is
    /// recorded.
    pub fn open(config_dir: &Path, source: Source) -> Self {
        Self {
            path: config_dir.join(FILE_NAME),
            source,
            write: Arc::new(Mutex::new(())),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Records the outcome of `change`, made through `profile` in `region`.
    pub fn record<E: std::fmt::Display>(
        &self,
        profile: &str,
        region: &str,
        change: Change,
        result: Result<(), &E>,
        request_id: Option<String>,
    ) -> Result<JournalEntry, JournalError> {
        let entry = JournalEntry {
            time: timestamp(OffsetDateTime::now_utc()),
            source: self.source,
            profile: profile.to_owned(),
            region: region.to_owned(),
            operation: change.operation,
            target: change.target,
            before: change.before,
            after: change.after,
            outcome: if result.is_ok() {
                Outcome::Done
            } else {
                Outcome::Failed
            },
            error: result.err().map(ToString::to_string),
            request_id,
        };
        self.append(&entry)?;
        Ok(entry)
    }

    /// Appends one entry as one line, in one write.
    pub fn append(&self, entry: &JournalEntry) -> Result<(), JournalError> {
        let mut line = serde_json::to_vec(entry)?;
        line.push(b'\n');
        let io = |what| {
            let path = self.path.clone();
            move |source| JournalError::Io { what, path, source }
        };
        let _guard = self
            .write
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(dir) = self.path.parent() {
            std::fs::create_dir_all(dir).map_err(io("create the folder of"))?;
        }
        let mut file = OpenOptions::new()
            .create(true)
            .append(true)
            .open(&self.path)
            .map_err(io("open"))?;
        file.write_all(&line).map_err(io("write"))
    }

    /// Every readable entry, oldest first, and how many lines could not be read.
    pub fn read_all(&self) -> Result<(Vec<JournalEntry>, u64), JournalError> {
        let text = match std::fs::read_to_string(&self.path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok((Vec::new(), 0)),
            Err(source) => {
                return Err(JournalError::Io {
                    what: "read",
                    path: self.path.clone(),
                    source,
                })
            }
        };
        let mut skipped = 0;
        let entries = text
            .lines()
            .filter(|l| !l.trim().is_empty())
            .filter_map(|l| match serde_json::from_str(l) {
                Ok(entry) => Some(entry),
                Err(_) => {
                    skipped += 1;
                    None
                }
            })
            .collect();
        Ok((entries, skipped))
    }

    /// The entries `query` selects, newest first.
    pub fn query(&self, query: &JournalQuery) -> Result<JournalPage, JournalError> {
        let (entries, skipped) = self.read_all()?;
        Ok(query.select(entries, skipped))
    }
}

fn timestamp(at: OffsetDateTime) -> String {
    let at = at
        .replace_nanosecond(at.millisecond() as u32 * 1_000_000)
        .unwrap_or(at);
    at.format(&Rfc3339).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_survive_a_torn_line_and_keep_their_order() {
        let dir = tempfile::tempdir().unwrap();
        let journal = Journal::open(dir.path(), Source::Swrctl);
        let ok: Result<(), &String> = Ok(());
        journal
            .record(
                "dev",
                "cn-north-4",
                Change::new(Operation::ImageAttributes, "team/web")
                    .before("private")
                    .after("public"),
                ok,
                Some("req-1".into()),
            )
            .unwrap();
        // A torn write from a process that died mid-line.
        std::fs::OpenOptions::new()
            .append(true)
            .open(journal.path())
            .unwrap()
            .write_all(b"{\"time\":\"2026-")
            .unwrap();
        std::fs::OpenOptions::new()
            .append(true)
            .open(journal.path())
            .unwrap()
            .write_all(b"\n")
            .unwrap();
        let refused = "SWR answered 403".to_owned();
        journal
            .record(
                "dev",
                "cn-north-4",
                Change::new(Operation::ShareRemove, "team/web → beta"),
                Err(&refused),
                None,
            )
            .unwrap();

        let (entries, skipped) = journal.read_all().unwrap();
        assert_eq!(skipped, 1);
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[0].operation, Operation::ImageAttributes);
        assert_eq!(entries[0].before.as_deref(), Some("private"));
        assert_eq!(entries[0].request_id.as_deref(), Some("req-1"));
        assert_eq!(entries[0].source, Source::Swrctl);
        assert_eq!(entries[1].outcome, Outcome::Failed);
        assert_eq!(entries[1].error.as_deref(), Some("SWR answered 403"));
    }

    #[test]
    fn an_operation_of_a_newer_version_is_read_as_other() {
        let line = r#"{"time":"2026-01-01T00:00:00.000Z","source":"app","profile":"p","region":"r","operation":"mirrorEverything","target":"t","before":null,"after":null,"outcome":"done","error":null,"requestId":null}"#;
        let entry: JournalEntry = serde_json::from_str(line).unwrap();
        assert_eq!(entry.operation, Operation::Other);
    }

    #[test]
    fn a_missing_journal_is_empty() {
        let dir = tempfile::tempdir().unwrap();
        let journal = Journal::open(&dir.path().join("nowhere"), Source::App);
        assert_eq!(journal.read_all().unwrap(), (Vec::new(), 0));
    }

    #[test]
    fn timestamps_are_utc_with_milliseconds() {
        let at = OffsetDateTime::from_unix_timestamp_nanos(1_764_800_000_123_456_789).unwrap();
        assert_eq!(timestamp(at), "2025-12-03T22:13:20.123Z");
    }
}
