//! The desktop app's upload queue: files added from a drop, the file dialog or the command
//! line are validated at once, wait as drafts while the user picks where each image goes, and
//! are then pushed one after another with the profile chosen for each.
//!
//! The manager owns the [`UploadQueue`] and its journal on disk, the validation reports (kept
//! in memory and redone after a restart), and the runner task. It tells its listener what
//! changed through [`UploadsSignal`]; the shell turns those into UI events and notifications.

#[cfg(test)]
mod agreement;
mod live;
mod plan;
mod runner;
mod validation;
mod view;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use swr_archive::ImageReport;
use swr_registry::push::BlobCache;
use tokio::sync::Semaphore;
use tokio_util::sync::CancellationToken;

use super::events::UploadEvent;
use super::failure::UploadError;
use super::journal::{ItemState, Journal, JournalError, JournalItem};
use super::queue::UploadQueue;
use super::targets::ImageOverride;
use super::validated::ValidatedFiles;
use crate::profiles::{Profile, ProfileStore};
use crate::sessions::Sessions;
use live::Live;
use plan::plan_targets;
use runner::{item_label, resolver};
pub use view::{
    ImageOverrideInput, ImageTarget, TargetInput, TargetProblem, UploadItemView, UploadsView,
    ValidationState,
};

/// What the manager tells its listener.
#[derive(Debug, Clone)]
pub enum UploadsSignal {
    /// Items were added, removed, reordered or changed state: read [`UploadManager::view`].
    Changed,
    /// A file's validation advanced.
    Validating { item: u64, done: u64, total: u64 },
    /// An event of the running item.
    Queue(UploadEvent),
    /// The queue ran out of work (not paused by the user).
    Drained { done: usize, failed: usize },
}

/// A request the manager refuses, in words the user can act on.
#[derive(Debug, thiserror::Error)]
pub enum ManagerError {
    #[error("no upload with id {0}")]
    NotFound(u64),
    #[error("{0}")]
    NotNow(String),
    #[error(transparent)]
    Journal(#[from] JournalError),
}

struct Control {
    /// The runner task is alive.
    active: bool,
    /// The item being pushed and its cancel token.
    current: Option<(u64, CancellationToken)>,
}

pub struct UploadManager {
    queue: UploadQueue,
    profiles: Arc<ProfileStore>,
    sessions: Arc<Sessions>,
    validations: Mutex<HashMap<u64, ValidationState>>,
    validation_cancels: Mutex<HashMap<u64, Arc<AtomicBool>>>,
    validating: Semaphore,
    resumed: Mutex<Vec<u64>>,
    /// The unreadable journal file the queue started from, moved aside.
    recovered: Option<crate::recovery::Recovered>,
    control: Mutex<Control>,
    live: Mutex<Live>,
    signal: Arc<dyn Fn(UploadsSignal) + Send + Sync>,
    runtime: tokio::runtime::Handle,
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

impl UploadManager {
    /// Opens the journal in `config_dir`, puts interrupted items back in the queue and, when
    /// the queue was left running, starts it again.
    /// The unreadable journal file the queue started from, moved aside, if it did.
    pub fn recovered(&self) -> Option<&crate::recovery::Recovered> {
        self.recovered.as_ref()
    }

    pub fn open(
        config_dir: &Path,
        profiles: Arc<ProfileStore>,
        sessions: Arc<Sessions>,
        signal: Arc<dyn Fn(UploadsSignal) + Send + Sync>,
        runtime: tokio::runtime::Handle,
    ) -> Result<Arc<Self>, JournalError> {
        let journal = Journal::open(&config_dir.join("uploads.json"))?;
        let interrupted = journal.interrupted().to_vec();
        let recovered = journal.recovered().cloned();
        let was_running = journal.running();
        let queue = UploadQueue::with_resolver(
            resolver(profiles.clone(), sessions.clone()),
            journal,
            BlobCache::load(&config_dir.join("blob-cache.json")),
        )
        .with_validated_files(ValidatedFiles::load(
            &config_dir.join("validated-archives.json"),
        ))
        .with_change_journal(
            crate::journal::Journal::open(config_dir, crate::journal::Source::App),
            item_label(profiles.clone()),
        );
        let manager = Arc::new(Self {
            queue,
            profiles,
            sessions,
            validations: Mutex::default(),
            validation_cancels: Mutex::default(),
            validating: Semaphore::new(1),
            resumed: Mutex::new(interrupted),
            recovered,
            control: Mutex::new(Control {
                active: false,
                current: None,
            }),
            live: Mutex::default(),
            signal,
            runtime,
        });
        for item in manager.queue.items() {
            if !matches!(item.state, ItemState::Done { .. }) {
                manager.validate(item.id, item.file.clone());
            }
        }
        if was_running {
            let mut resumed = lock(&manager.resumed);
            for item in manager.queue.items() {
                if item.state == ItemState::Queued && !resumed.contains(&item.id) {
                    resumed.push(item.id);
                }
            }
            drop(resumed);
            manager.ensure_runner();
        }
        Ok(manager)
    }

    fn changed(&self) {
        (self.signal)(UploadsSignal::Changed);
    }

    /// Adds files as drafts and starts validating them. A file already waiting in the list
    /// is not added twice. Returns the ids of the items for these files.
    pub fn add_files(self: &Arc<Self>, files: Vec<PathBuf>) -> Result<Vec<u64>, ManagerError> {
        let profile = self.profiles.active().map(|p| p.id);
        // New files go where the last one did (same profile), until the user says otherwise.
        let organization = self
            .queue
            .items()
            .iter()
            .rev()
            .find(|i| i.profile == profile && i.organization.is_some())
            .and_then(|i| i.organization.clone());
        let mut ids = Vec::new();
        for file in files {
            let file = std::path::absolute(&file).unwrap_or(file);
            let existing = self.queue.items().into_iter().find(|i| {
                i.file == file
                    && matches!(
                        i.state,
                        ItemState::Draft | ItemState::Queued | ItemState::Running
                    )
            });
            if let Some(item) = existing {
                ids.push(item.id);
                continue;
            }
            let id = self
                .queue
                .with_journal(|j| {
                    j.add_with(file.clone(), true, |item| {
                        item.state = ItemState::Draft;
                        item.profile = profile.clone();
                        item.organization = organization.clone();
                    })
                })
                .map_err(journal_error)?;
            self.validate(id, file);
            ids.push(id);
        }
        self.changed();
        Ok(ids)
    }

    /// Sets where a draft (or a failed or cancelled item) goes.
    pub fn set_target(&self, id: u64, input: TargetInput) -> Result<(), ManagerError> {
        let item = self.item(id)?;
        if matches!(
            item.state,
            ItemState::Queued | ItemState::Running | ItemState::Done { .. }
        ) {
            return Err(ManagerError::NotNow(
                "this upload is queued or done; cancel it before changing where it goes".into(),
            ));
        }
        let clean = |v: Option<String>| v.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty());
        let mut images = BTreeMap::new();
        for image in input.images {
            let mut tags: Vec<String> = Vec::new();
            for tag in image.tags.into_iter().filter_map(|t| clean(Some(t))) {
                if !tags.contains(&tag) {
                    tags.push(tag);
                }
            }
            let o = ImageOverride {
                name: clean(image.name),
                tags,
            };
            if o.name.is_some() || !o.tags.is_empty() {
                images.insert(image.index as usize, o);
            }
        }
        self.queue
            .with_journal(|j| {
                j.update(id, |i| {
                    i.profile = clean(input.profile_id);
                    i.organization = clean(input.organization);
                    i.images = images;
                    i.compress = input.compress;
                })
            })
            .map_err(journal_error)?;
        self.changed();
        Ok(())
    }

    fn item(&self, id: u64) -> Result<JournalItem, ManagerError> {
        self.queue
            .items()
            .into_iter()
            .find(|i| i.id == id)
            .ok_or(ManagerError::NotFound(id))
    }

    /// Puts drafts (or failed and cancelled items) in the queue and starts it. Refused for an
    /// item whose file is invalid, still being validated, or whose target is incomplete.
    pub fn enqueue(self: &Arc<Self>, ids: &[u64]) -> Result<(), ManagerError> {
        for &id in ids {
            let item = self.item(id)?;
            let view = self.view_item(&item);
            match &view.validation {
                ValidationState::Done { validation } if !validation.is_valid() => {
                    let invalid = UploadError::Invalid {
                        file: view.file_name.clone(),
                        errors: validation.errors().map(|f| f.message.clone()).collect(),
                    };
                    return Err(ManagerError::NotNow(invalid.to_string()));
                }
                ValidationState::Done { .. } => {}
                _ => {
                    return Err(ManagerError::NotNow(format!(
                        "{} is still being checked; queue it when its report is ready",
                        view.file_name
                    )))
                }
            }
            if let Some(problem) = view.problems.first() {
                return Err(ManagerError::NotNow(format!(
                    "{}: {}",
                    view.file_name, problem.violation
                )));
            }
        }
        self.queue
            .with_journal(|j| {
                for &id in ids {
                    j.update(id, |i| {
                        if matches!(
                            i.state,
                            ItemState::Draft | ItemState::Failed { .. } | ItemState::Cancelled
                        ) {
                            i.state = ItemState::Queued;
                        }
                    })?;
                }
                j.set_running(true)
            })
            .map_err(journal_error)?;
        self.changed();
        self.ensure_runner();
        Ok(())
    }

    /// Starts (or resumes) the queue.
    pub fn start(self: &Arc<Self>) -> Result<(), ManagerError> {
        self.queue
            .with_journal(|j| j.set_running(true))
            .map_err(journal_error)?;
        self.changed();
        self.ensure_runner();
        Ok(())
    }

    /// Pauses the queue after the item being pushed; queued items wait for [`Self::start`].
    pub fn pause(&self) -> Result<(), ManagerError> {
        self.queue
            .with_journal(|j| j.set_running(false))
            .map_err(journal_error)?;
        self.changed();
        Ok(())
    }

    /// Cancels an item: the one being pushed stops at once (its upload sessions are deleted
    /// and no tag is written); a waiting one leaves the queue.
    pub fn cancel(&self, id: u64) -> Result<(), ManagerError> {
        let item = self.item(id)?;
        if let Some((current, token)) = &lock(&self.control).current {
            if *current == id {
                token.cancel();
                return Ok(());
            }
        }
        if let Some(flag) = lock(&self.validation_cancels).get(&id) {
            flag.store(true, Ordering::Relaxed);
        }
        if matches!(
            item.state,
            ItemState::Draft | ItemState::Queued | ItemState::Running
        ) {
            self.queue
                .with_journal(|j| j.set_state(id, ItemState::Cancelled))
                .map_err(journal_error)?;
            self.changed();
        }
        Ok(())
    }

    /// Tries a failed or cancelled item again.
    pub fn retry(self: &Arc<Self>, id: u64) -> Result<(), ManagerError> {
        let item = self.item(id)?;
        if !matches!(item.state, ItemState::Failed { .. } | ItemState::Cancelled) {
            return Err(ManagerError::NotNow(
                "only a failed or cancelled upload can be tried again".into(),
            ));
        }
        // Checked again only when its report was never made (or the check was given up).
        if !lock(&self.validations).contains_key(&id) {
            self.validate(id, item.file.clone());
        }
        self.enqueue(&[id])
    }

    /// Removes an item from the list (not the one being pushed: cancel it first).
    pub fn remove(&self, id: u64) -> Result<(), ManagerError> {
        if lock(&self.control)
            .current
            .as_ref()
            .is_some_and(|(c, _)| *c == id)
        {
            return Err(ManagerError::NotNow(
                "this upload is being pushed; cancel it before removing it".into(),
            ));
        }
        if let Some(flag) = lock(&self.validation_cancels).remove(&id) {
            flag.store(true, Ordering::Relaxed);
        }
        let found = self
            .queue
            .with_journal(|j| j.remove(id))
            .map_err(journal_error)?;
        if !found {
            return Err(ManagerError::NotFound(id));
        }
        lock(&self.validations).remove(&id);
        lock(&self.resumed).retain(|r| *r != id);
        self.changed();
        Ok(())
    }

    /// Moves an item to a position in the list; the queue pushes in list order.
    pub fn move_to(&self, id: u64, position: u32) -> Result<(), ManagerError> {
        let found = self
            .queue
            .with_journal(|j| j.move_to(id, position as usize))
            .map_err(journal_error)?;
        if !found {
            return Err(ManagerError::NotFound(id));
        }
        self.changed();
        Ok(())
    }

    /// Removes every finished item (done, failed, cancelled).
    pub fn clear_finished(&self) -> Result<(), ManagerError> {
        self.queue
            .with_journal(Journal::clear_finished)
            .map_err(journal_error)?;
        let ids: Vec<u64> = self.queue.items().iter().map(|i| i.id).collect();
        lock(&self.validations).retain(|id, _| ids.contains(id));
        lock(&self.resumed).retain(|id| ids.contains(id));
        self.changed();
        Ok(())
    }

    /// The item being pushed now, if any: closing the app now would interrupt it.
    pub fn pushing(&self) -> Option<u64> {
        lock(&self.control).current.as_ref().map(|(id, _)| *id)
    }

    /// Everything the Uploads screen shows.
    pub fn view(&self) -> UploadsView {
        let running = self
            .queue
            .with_journal(|j| Ok(j.running()))
            .unwrap_or(false);
        UploadsView {
            items: self
                .queue
                .items()
                .iter()
                .map(|i| self.view_item(i))
                .collect(),
            running,
            current: lock(&self.control).current.as_ref().map(|(id, _)| *id),
            resumed: lock(&self.resumed).clone(),
            live: lock(&self.live).events(),
        }
    }

    /// One item as the Uploads screen shows it.
    pub fn view_of(&self, id: u64) -> Result<UploadItemView, ManagerError> {
        Ok(self.view_item(&self.item(id)?))
    }

    fn view_item(&self, item: &JournalItem) -> UploadItemView {
        let validation = lock(&self.validations)
            .get(&item.id)
            .cloned()
            .unwrap_or(ValidationState::Pending);
        let profile = item.profile.as_deref().and_then(|id| self.profiles.get(id));
        let registry = profile.as_ref().map(Profile::registry_host);
        let reports: &[ImageReport] = match &validation {
            ValidationState::Done { validation } => &validation.report.images,
            _ => &[],
        };
        let (images, problems) = plan_targets(item, profile.as_ref(), registry.as_deref(), reports);
        UploadItemView {
            id: item.id,
            file: item.file.display().to_string(),
            file_name: item
                .file
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| item.file.display().to_string()),
            file_size: std::fs::metadata(&item.file).map(|m| m.len()).unwrap_or(0),
            profile_id: item.profile.clone(),
            registry,
            organization: item.organization.clone(),
            compress: item.compress,
            state: item.state.clone(),
            validation,
            images,
            problems,
            resumed: lock(&self.resumed).contains(&item.id),
            confirmed_blobs: u32::try_from(item.confirmed.len()).unwrap_or(u32::MAX),
        }
    }
}

fn journal_error(e: UploadError) -> ManagerError {
    match e {
        UploadError::Journal(e) => ManagerError::Journal(e),
        other => ManagerError::NotNow(other.to_string()),
    }
}
