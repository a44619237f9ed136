//! The queue's journal on disk: one JSON file rewritten atomically on every state change.
//!
//! It holds what is needed to pick up after a crash: each item's file, options and state, and
//! the blobs each item already confirmed in the registry. An item found `Running` on load was
//! interrupted and goes back to `Queued`; when it runs again the confirmed blobs are not sent.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::targets::ImageOverride;
use swr_registry::files::write_atomic;

/// One process at a time per journal file. Two runs over one journal would each re-queue and
/// then cancel the other's items, since each takes the other's `Running` items for ones a
/// crash left behind. The lock is an advisory lock on `<journal>.lock`, held until it is
/// dropped; the operating system lets go of it when the process ends, however it ends.
#[derive(Debug)]
pub struct JournalLock {
    _file: std::fs::File,
}

impl JournalLock {
    /// The lock of the journal at `journal`, or `None` while another process holds it.
    pub fn try_acquire(journal: &Path) -> std::io::Result<Option<Self>> {
        let mut name = journal.as_os_str().to_owned();
        name.push(".lock");
        if let Some(dir) = journal.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let file = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(PathBuf::from(name))?;
        match file.try_lock() {
            Ok(()) => Ok(Some(Self { _file: file })),
            Err(std::fs::TryLockError::WouldBlock) => Ok(None),
            Err(std::fs::TryLockError::Error(e)) => Err(e),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "state", rename_all = "camelCase")]
pub enum ItemState {
    /// Added but not queued yet: the user is still choosing where it goes (the app only).
    Draft,
    Queued,
    Running,
    Done {
        pushed: Vec<String>,
    },
    Failed {
        message: String,
        /// What kind of failure, so the UI can say what to do about it.
        #[serde(default)]
        kind: FailureKind,
        /// Worth trying again later (network, registry busy).
        #[serde(default)]
        transient: bool,
    },
    Cancelled,
}

/// Why an item failed, in the categories a user acts on differently.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub enum FailureKind {
    /// The file is not a valid image archive (see its report).
    InvalidArchive,
    /// The target (organization, name, tag) is missing or not valid.
    Target,
    /// The organization does not exist in the region.
    OrganizationMissing,
    /// The account may not push there: it needs write permission on the organization.
    PermissionDenied,
    /// The AK/SK or login key was refused.
    Unauthorized,
    /// A quota of the account or organization is used up.
    Quota,
    /// The registry kept answering 429.
    RateLimited,
    /// The registry could not be reached or kept failing.
    Network,
    /// The pushed manifest did not read back as expected.
    Verification,
    /// No usable profile or secret key.
    Credentials,
    #[default]
    Other,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct JournalItem {
    pub id: u64,
    pub file: PathBuf,
    /// The profile to push with (the app); `None` uses the queue's own registry (`swrctl`).
    #[serde(default)]
    pub profile: Option<String>,
    pub organization: Option<String>,
    pub name: Option<String>,
    /// Tags for every image, replacing the archive's; empty keeps the archive's. Read from a
    /// single `tag` in journals written before.
    #[serde(
        default,
        alias = "tag",
        deserialize_with = "super::targets::one_or_many"
    )]
    pub tags: Vec<String>,
    pub compress: bool,
    pub state: ItemState,
    /// Digests confirmed in the registry by this item (`repository@digest`).
    #[serde(default)]
    pub confirmed: BTreeSet<String>,
    /// Name and tag per image index, for archives holding several images.
    #[serde(default)]
    pub images: BTreeMap<usize, ImageOverride>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct Stored {
    next_id: u64,
    items: Vec<JournalItem>,
    /// The user started the queue and did not pause it: it resumes after a restart.
    #[serde(default)]
    running: bool,
}

/// The journal; `path: None` keeps it in memory (tests, one-shot CLI runs without a home).
#[derive(Debug, Default)]
pub struct Journal {
    path: Option<PathBuf>,
    data: Stored,
    /// Items found `Running` on load (interrupted by a crash or the app closing).
    interrupted: Vec<u64>,
    /// The unreadable file this journal started from, moved aside (see [`crate::recovery`]).
    recovered: Option<crate::recovery::Recovered>,
}

#[derive(Debug, thiserror::Error)]
#[error("upload journal {path}: {message}")]
pub struct JournalError {
    pub path: String,
    pub message: String,
}

impl Journal {
    pub fn in_memory() -> Self {
        Self::default()
    }

    /// Loads the journal (a missing file is an empty one) and re-queues interrupted items. A
    /// file that does not read as a whole is moved aside, with the items that read on their own
    /// kept and written again.
    pub fn open(path: &Path) -> Result<Self, JournalError> {
        let err = |message: String| JournalError {
            path: path.display().to_string(),
            message,
        };
        let mut recovered = None;
        let mut data: Stored = match std::fs::read(path) {
            Ok(bytes) => match serde_json::from_slice(&bytes) {
                Ok(data) => data,
                Err(e) => {
                    let salvage = crate::recovery::salvage::<JournalItem>(
                        &bytes,
                        "items",
                        format!("not valid: {e}"),
                    );
                    let data = Stored {
                        // The last id given out; the next item gets the one after it.
                        next_id: salvage.entries.iter().map(|i| i.id).max().unwrap_or(0),
                        items: salvage.entries,
                        running: false,
                    };
                    recovered = Some(crate::recovery::report(
                        crate::recovery::ConfigFile::Uploads,
                        path,
                        salvage.reason,
                        data.items.len(),
                        salvage.lost,
                    ));
                    data
                }
            },
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Stored::default(),
            Err(e) => return Err(err(e.to_string())),
        };
        let mut interrupted = Vec::new();
        for item in &mut data.items {
            if item.state == ItemState::Running {
                item.state = ItemState::Queued;
                interrupted.push(item.id);
            }
        }
        let journal = Self {
            path: Some(path.to_owned()),
            data,
            interrupted,
            recovered,
        };
        if journal
            .recovered
            .as_ref()
            .is_some_and(|r| r.moved_to.is_some())
        {
            journal.save()?;
        }
        Ok(journal)
    }

    /// The unreadable file this journal started from, if it did.
    pub fn recovered(&self) -> Option<&crate::recovery::Recovered> {
        self.recovered.as_ref()
    }

    fn save(&self) -> Result<(), JournalError> {
        let Some(path) = &self.path else {
            return Ok(());
        };
        let err = |message: String| JournalError {
            path: path.display().to_string(),
            message,
        };
        let bytes = serde_json::to_vec_pretty(&self.data).map_err(|e| err(e.to_string()))?;
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| err(e.to_string()))?;
        }
        write_atomic(path, &bytes).map_err(|e| err(e.to_string()))
    }

    /// The items that were running when the journal was last written, now queued again.
    pub fn interrupted(&self) -> &[u64] {
        &self.interrupted
    }

    pub fn items(&self) -> &[JournalItem] {
        &self.data.items
    }

    pub fn item(&self, id: u64) -> Option<&JournalItem> {
        self.data.items.iter().find(|i| i.id == id)
    }

    /// Adds an item in `Queued` state; returns its id.
    pub fn add(
        &mut self,
        file: PathBuf,
        organization: Option<String>,
        name: Option<String>,
        tags: Vec<String>,
        compress: bool,
    ) -> Result<u64, JournalError> {
        self.add_with(file, compress, |item| {
            item.organization = organization;
            item.name = name;
            item.tags = tags;
        })
    }

    /// Adds an item, `Queued` unless `fill` says otherwise, written once; returns its id.
    pub fn add_with(
        &mut self,
        file: PathBuf,
        compress: bool,
        fill: impl FnOnce(&mut JournalItem),
    ) -> Result<u64, JournalError> {
        self.data.next_id += 1;
        let mut item = JournalItem {
            id: self.data.next_id,
            file,
            profile: None,
            organization: None,
            name: None,
            tags: Vec::new(),
            compress,
            state: ItemState::Queued,
            confirmed: BTreeSet::new(),
            images: BTreeMap::new(),
        };
        fill(&mut item);
        let id = item.id;
        self.data.items.push(item);
        self.save()?;
        Ok(id)
    }

    pub fn set_state(&mut self, id: u64, state: ItemState) -> Result<(), JournalError> {
        if let Some(item) = self.data.items.iter_mut().find(|i| i.id == id) {
            item.state = state;
        }
        self.save()
    }

    /// Records a blob confirmed in a repository.
    pub fn confirm(&mut self, id: u64, repository: &str, digest: &str) -> Result<(), JournalError> {
        if let Some(item) = self.data.items.iter_mut().find(|i| i.id == id) {
            if !item.confirmed.insert(format!("{repository}@{digest}")) {
                return Ok(());
            }
        }
        self.save()
    }

    /// Changes one item; false when there is no such item.
    pub fn update(
        &mut self,
        id: u64,
        change: impl FnOnce(&mut JournalItem),
    ) -> Result<bool, JournalError> {
        let Some(item) = self.data.items.iter_mut().find(|i| i.id == id) else {
            return Ok(false);
        };
        change(item);
        self.save()?;
        Ok(true)
    }

    /// Removes one item; false when there is no such item.
    pub fn remove(&mut self, id: u64) -> Result<bool, JournalError> {
        let before = self.data.items.len();
        self.data.items.retain(|i| i.id != id);
        if self.data.items.len() == before {
            return Ok(false);
        }
        self.save()?;
        Ok(true)
    }

    /// Moves an item to `position` (clamped to the list); the queue runs items in list order.
    pub fn move_to(&mut self, id: u64, position: usize) -> Result<bool, JournalError> {
        let Some(from) = self.data.items.iter().position(|i| i.id == id) else {
            return Ok(false);
        };
        let item = self.data.items.remove(from);
        let to = position.min(self.data.items.len());
        self.data.items.insert(to, item);
        self.save()?;
        Ok(true)
    }

    /// Whether the queue was left running (see [`Journal::set_running`]).
    pub fn running(&self) -> bool {
        self.data.running
    }

    /// Records that the user started (true) or paused (false) the queue.
    pub fn set_running(&mut self, running: bool) -> Result<(), JournalError> {
        if self.data.running != running {
            self.data.running = running;
            self.save()?;
        }
        Ok(())
    }

    /// Removes finished items (done, failed, cancelled).
    pub fn clear_finished(&mut self) -> Result<(), JournalError> {
        self.data.items.retain(|i| {
            matches!(
                i.state,
                ItemState::Draft | ItemState::Queued | ItemState::Running
            )
        });
        self.save()
    }

    /// Removes the items that were pushed and verified, keeping the others (a failed or
    /// cancelled item can still be resumed with the blobs it confirmed).
    pub fn clear_done(&mut self) -> Result<(), JournalError> {
        self.data
            .items
            .retain(|i| !matches!(i.state, ItemState::Done { .. }));
        self.save()
    }

    /// The first item not done yet that pushes `file` the same way: run it again rather than
    /// adding a duplicate, so the blobs it confirmed are not sent again.
    pub fn find_unfinished(
        &self,
        file: &Path,
        organization: Option<&str>,
        name: Option<&str>,
        tags: &[String],
        compress: bool,
    ) -> Option<u64> {
        self.data
            .items
            .iter()
            .find(|i| {
                !matches!(i.state, ItemState::Done { .. })
                    && i.file == file
                    && i.organization.as_deref() == organization
                    && i.name.as_deref() == name
                    && i.tags == tags
                    && i.compress == compress
                    && i.images.is_empty()
            })
            .map(|i| i.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unfinished_item_is_found_again_and_only_done_items_are_cleared() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("uploads.json");
        let mut j = Journal::open(&path).unwrap();
        let file = PathBuf::from("/img/a.tar");
        let org = Some("team-a".to_owned());
        let a = j
            .add(file.clone(), org.clone(), None, vec![], true)
            .unwrap();
        let b = j
            .add(file.clone(), org.clone(), None, vec!["v2".into()], true)
            .unwrap();
        j.set_state(a, ItemState::Running).unwrap();
        j.confirm(a, "team-a/a", "sha256:1").unwrap();
        j.set_state(b, ItemState::Done { pushed: Vec::new() })
            .unwrap();
        let mut j = Journal::open(&path).unwrap();
        assert_eq!(
            j.find_unfinished(&file, Some("team-a"), None, &[], true),
            Some(a)
        );
        // Another target, compression or file is another item; a done one is not resumed.
        assert_eq!(
            j.find_unfinished(&file, Some("team-a"), None, &[], false),
            None
        );
        assert_eq!(j.find_unfinished(&file, None, None, &[], true), None);
        assert_eq!(
            j.find_unfinished(&file, Some("team-a"), None, &["v2".to_owned()], true),
            None
        );
        j.clear_done().unwrap();
        let j = Journal::open(&path).unwrap();
        assert_eq!(j.items().len(), 1);
        assert_eq!(j.items()[0].id, a);
        assert!(j.items()[0].confirmed.contains("team-a/a@sha256:1"));
    }

    #[test]
    fn a_crash_leaves_running_items_queued_with_their_confirmed_blobs() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("uploads.json");
        let mut j = Journal::open(&path).unwrap();
        let a = j
            .add("a.tar".into(), Some("org".into()), None, vec![], true)
            .unwrap();
        let b = j
            .add(
                "b.tar".into(),
                None,
                Some("n".into()),
                vec!["t".into()],
                false,
            )
            .unwrap();
        j.set_state(
            a,
            ItemState::Done {
                pushed: vec!["r/org/a:1".into()],
            },
        )
        .unwrap();
        j.set_state(b, ItemState::Running).unwrap();
        j.confirm(b, "org/n", "sha256:aa").unwrap();
        drop(j);
        let j = Journal::open(&path).unwrap();
        assert_eq!(
            j.item(a).unwrap().state,
            ItemState::Done {
                pushed: vec!["r/org/a:1".into()]
            }
        );
        let item = j.item(b).unwrap();
        assert_eq!(item.state, ItemState::Queued);
        assert_eq!(j.interrupted(), &[b]);
        assert!(item.confirmed.contains("org/n@sha256:aa"));
        assert!(!item.compress);
    }

    #[test]
    fn order_removal_and_the_running_flag_survive_a_reload() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("uploads.json");
        let mut j = Journal::open(&path).unwrap();
        let a = j.add("a.tar".into(), None, None, vec![], true).unwrap();
        let b = j.add("b.tar".into(), None, None, vec![], true).unwrap();
        let c = j.add("c.tar".into(), None, None, vec![], true).unwrap();
        assert!(j.move_to(c, 0).unwrap());
        assert!(j.remove(a).unwrap());
        assert!(!j.remove(a).unwrap());
        assert!(j
            .update(b, |i| {
                i.profile = Some("sandbox".into());
                i.state = ItemState::Draft;
            })
            .unwrap());
        j.set_running(true).unwrap();
        drop(j);
        let j = Journal::open(&path).unwrap();
        let ids: Vec<u64> = j.items().iter().map(|i| i.id).collect();
        assert_eq!(ids, vec![c, b]);
        assert_eq!(j.item(b).unwrap().profile.as_deref(), Some("sandbox"));
        assert_eq!(j.item(b).unwrap().state, ItemState::Draft);
        assert!(j.running());
    }

    #[test]
    fn a_journal_written_before_failure_kinds_still_loads() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("uploads.json");
        std::fs::write(
            &path,
            r#"{"next_id":1,"items":[{"id":1,"file":"a.tar","organization":null,"name":null,"tag":null,"compress":true,"state":{"state":"failed","message":"boom"}}]}"#,
        )
        .unwrap();
        let j = Journal::open(&path).unwrap();
        assert_eq!(
            j.item(1).unwrap().state,
            ItemState::Failed {
                message: "boom".into(),
                kind: FailureKind::Other,
                transient: false
            }
        );
        assert!(!j.running());
    }

    #[test]
    fn one_holder_of_a_journal_at_a_time() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("uploads.json");
        let first = JournalLock::try_acquire(&path)
            .unwrap()
            .expect("a free journal is locked");
        assert!(
            JournalLock::try_acquire(&path).unwrap().is_none(),
            "a held journal is refused"
        );
        drop(first);
        assert!(
            JournalLock::try_acquire(&path).unwrap().is_some(),
            "a released journal is free"
        );
    }

    #[test]
    fn an_unreadable_journal_is_moved_aside_with_its_whole_items_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("uploads.json");
        // One whole item, one from a future version, then the file is cut short.
        let item = r#"{"id":4,"file":"/d/a.tar","organization":"team","name":null,"tag":null,"compress":true,"state":{"state":"queued"}}"#;
        std::fs::write(
            &path,
            format!(
                r#"{{"next_id":9,"items":[{item},{{"id":5,"state":{{"state":"teleported"}}}}]"#
            ),
        )
        .unwrap();

        let mut journal =
            Journal::open(&path).expect("an unreadable journal does not stop the start");
        let recovered = journal.recovered().cloned().expect("reported");
        assert_eq!(
            (recovered.kept, recovered.lost),
            (0, 0),
            "a cut file yields no list"
        );

        // A file that is whole JSON but has one bad item keeps the good ones.
        std::fs::write(
            &path,
            format!(
                r#"{{"next_id":9,"items":[{item},{{"id":5,"state":{{"state":"teleported"}}}}]}}"#
            ),
        )
        .unwrap();
        journal = Journal::open(&path).unwrap();
        let recovered = journal.recovered().cloned().unwrap();
        assert_eq!((recovered.kept, recovered.lost), (1, 1));
        assert_eq!(journal.items().len(), 1);
        let moved = recovered.moved_to.unwrap();
        assert!(std::fs::read_to_string(&moved)
            .unwrap()
            .contains("teleported"));
        // What was kept is on disk again, and new items get fresh ids.
        let again = Journal::open(&path).unwrap();
        assert!(again.recovered().is_none());
        assert_eq!(again.items().len(), 1);
        let id = journal
            .add("/d/b.tar".into(), None, None, vec![], true)
            .unwrap();
        assert_eq!(id, 5);
    }
}
