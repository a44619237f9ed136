//! The desktop app's upload queue: files added from a drop, the file dialog or the command
//! line are validated at once, wait as drafts while the user picks where each image goes, and
//! are then pushed one after another with the profile chosen for each.
//!
//! The manager owns the [`UploadQueue`] and its journal on disk, the validation reports (kept
//! in memory and redone after a restart), and the runner task. It tells its listener what
//! changed through [`UploadsSignal`]; the shell turns those into UI events and notifications.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde::Serialize;
use swr_api::rules::{self, RuleViolation};
use swr_archive::{ImageReport, Validation, Watch};
use swr_registry::push::BlobCache;
use swr_registry::Registry;
use tokio::sync::Semaphore;
use tokio_util::sync::CancellationToken;

use super::events::UploadEvent;
use super::journal::{ItemState, Journal, JournalError, JournalItem};
use super::queue::{RegistryResolver, UploadError, UploadQueue};
use super::targets::{resolve_targets, ImageOverride, TargetOverrides};
use super::validated::ValidatedFiles;
use crate::credentials::CredentialStore;
use crate::profiles::{Profile, ProfileStore};

/// Validation progress is forwarded at most this often per file.
const VALIDATION_PERIOD: Duration = Duration::from_millis(100);

/// Waits before trying a transiently failed item again; after the last one it stays failed.
const RETRY_DELAYS: [Duration; 4] = [
    Duration::from_secs(5),
    Duration::from_secs(15),
    Duration::from_secs(30),
    Duration::from_secs(60),
];

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

/// Where a file's validation stands.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(
    tag = "status",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum ValidationState {
    /// Waiting for another file's validation to finish.
    Pending,
    Running {
        done: u64,
        total: u64,
    },
    /// The report; errors among its findings mean the file cannot be queued.
    Done {
        validation: Validation,
    },
}

/// Where one image of a file goes, as the form shows it.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ImageTarget {
    /// Position of the image in the archive.
    pub index: u32,
    /// What the archive calls it (`RepoTags` or the OCI ref name); empty when untagged.
    pub source_references: Vec<String>,
    /// Image name: the user's, else the archive's.
    pub name: Option<String>,
    /// Tags: the user's, else every tag the archive gives the image, else `latest`.
    pub tags: Vec<String>,
    /// True when the user changed the name or tag.
    pub overridden: bool,
    /// The references it will have, `registry/org/name:tag`, when the target is complete.
    pub references: Vec<String>,
}

/// Something that keeps an item from being queued, tied to its field.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct TargetProblem {
    /// The image the problem is about; `None` for the profile or organization.
    pub image: Option<u32>,
    pub violation: RuleViolation,
}

/// One row of the Uploads screen.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct UploadItemView {
    pub id: u64,
    pub file: String,
    pub file_name: String,
    pub file_size: u64,
    pub profile_id: Option<String>,
    /// The registry of the item's profile.
    pub registry: Option<String>,
    pub organization: Option<String>,
    pub compress: bool,
    pub state: ItemState,
    pub validation: ValidationState,
    pub images: Vec<ImageTarget>,
    pub problems: Vec<TargetProblem>,
    /// It was interrupted by the app closing and is being resumed.
    pub resumed: bool,
    /// Blobs already confirmed in the registry (not sent again).
    pub confirmed_blobs: u32,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct UploadsView {
    pub items: Vec<UploadItemView>,
    /// The queue is running (or will, as soon as an item is queued).
    pub running: bool,
    /// The item being pushed now.
    pub current: Option<u64>,
    /// Items interrupted when the app last closed that were put back in the queue.
    pub resumed: Vec<u64>,
    /// The latest step, progress and wait of the item being pushed, for a screen that opens
    /// mid-push (later ones arrive as events).
    pub live: Vec<UploadEvent>,
}

/// What the item being pushed last reported.
#[derive(Default)]
struct Live {
    step: Option<UploadEvent>,
    progress: Option<UploadEvent>,
    waiting: Option<(UploadEvent, Instant)>,
}

impl Live {
    fn record(&mut self, event: &UploadEvent) {
        match event {
            UploadEvent::Started { .. } => *self = Self::default(),
            UploadEvent::Step { .. } => {
                self.step = Some(event.clone());
                self.waiting = None;
            }
            UploadEvent::Progress { .. } => {
                self.progress = Some(event.clone());
                self.waiting = None;
            }
            UploadEvent::Waiting { retry_in_secs, .. } => {
                let until = Instant::now() + Duration::from_secs(*retry_in_secs);
                self.waiting = Some((event.clone(), until));
            }
            UploadEvent::Finished { .. }
            | UploadEvent::Failed { .. }
            | UploadEvent::Cancelled { .. } => *self = Self::default(),
        }
    }

    fn events(&self) -> Vec<UploadEvent> {
        let mut out: Vec<UploadEvent> = self.step.iter().chain(&self.progress).cloned().collect();
        if let Some((
            UploadEvent::Waiting {
                item,
                kind,
                message,
                ..
            },
            until,
        )) = &self.waiting
        {
            out.push(UploadEvent::Waiting {
                item: *item,
                kind: *kind,
                message: message.clone(),
                retry_in_secs: until.saturating_duration_since(Instant::now()).as_secs(),
            });
        }
        out
    }
}

/// A change to an item's target, from the form.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct TargetInput {
    pub profile_id: Option<String>,
    pub organization: Option<String>,
    /// Name and tag per image position; a missing or empty value keeps the archive's.
    pub images: Vec<ImageOverrideInput>,
    pub compress: bool,
}

#[derive(Debug, Clone, Default, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ImageOverrideInput {
    pub index: u32,
    pub name: Option<String>,
    /// The tags to push; empty keeps the archive's.
    pub tags: Vec<String>,
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

/// What the runner does next.
enum Next {
    Item(Box<JournalItem>),
    /// The user paused the queue.
    Paused,
    /// Nothing is left to push.
    Drained,
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
    credentials: Arc<CredentialStore>,
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

/// Registries by profile, so a profile's tokens are reused from one item to the next.
type RegistryCache = Mutex<HashMap<String, (String, Arc<Registry>)>>;

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

fn resolver(profiles: Arc<ProfileStore>, credentials: Arc<CredentialStore>) -> RegistryResolver {
    let cache: Arc<RegistryCache> = Arc::default();
    Arc::new(move |item: &JournalItem| {
        let id = item
            .profile
            .as_deref()
            .ok_or_else(|| UploadError::Credentials("choose a profile to push with".into()))?;
        let profile = profiles.get(id).ok_or_else(|| {
            UploadError::Credentials(format!(
                "the profile this upload was queued with ({id}) no longer exists: choose another"
            ))
        })?;
        let key = format!(
            "{}|{}|{}",
            profile.access_key_id,
            profile.registry_host(),
            profile.region
        );
        if let Some((k, r)) = lock(&cache).get(id) {
            if *k == key {
                return Ok(r.clone());
            }
        }
        let (profile, sk) = credentials
            .unlock(&profile)
            .map_err(|e| UploadError::Credentials(e.to_string()))?;
        let registry = Arc::new(Registry::new(crate::verify::registry_config(
            &profile, &sk,
        ))?);
        lock(&cache).insert(id.to_owned(), (key, registry.clone()));
        Ok(registry)
    })
}

/// The profile name and region of an item for the change journal.
fn item_label(profiles: Arc<ProfileStore>) -> super::queue::ItemLabel {
    Arc::new(move |item: &JournalItem| {
        let id = item.profile.clone().unwrap_or_default();
        profiles
            .get(&id)
            .map_or((id, String::new()), |p| (p.name, p.region))
    })
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
        credentials: Arc<CredentialStore>,
        signal: Arc<dyn Fn(UploadsSignal) + Send + Sync>,
        runtime: tokio::runtime::Handle,
    ) -> Result<Arc<Self>, JournalError> {
        let journal = Journal::open(&config_dir.join("uploads.json"))?;
        let interrupted = journal.interrupted().to_vec();
        let recovered = journal.recovered().cloned();
        let was_running = journal.running();
        let queue = UploadQueue::with_resolver(
            resolver(profiles.clone(), credentials.clone()),
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
            credentials,
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

    fn validate(self: &Arc<Self>, id: u64, file: PathBuf) {
        let cancel = Arc::new(AtomicBool::new(false));
        lock(&self.validation_cancels).insert(id, cancel.clone());
        lock(&self.validations).insert(id, ValidationState::Pending);
        let this = self.clone();
        self.runtime.spawn(async move {
            let Ok(_permit) = this.validating.acquire().await else {
                return;
            };
            if cancel.load(Ordering::Relaxed) {
                return;
            }
            let total = std::fs::metadata(&file).map(|m| m.len()).unwrap_or(0);
            this.set_validation(id, ValidationState::Running { done: 0, total });
            this.changed();
            let worker = this.clone();
            let path = file.clone();
            let validation = swr_registry::background::run("swr-validate", move || {
                let last = Mutex::new(Instant::now());
                let progress = |done: u64| {
                    let mut last = lock(&last);
                    if last.elapsed() >= VALIDATION_PERIOD {
                        *last = Instant::now();
                        worker.set_validation(id, ValidationState::Running { done, total });
                        (worker.signal)(UploadsSignal::Validating {
                            item: id,
                            done,
                            total,
                        });
                    }
                };
                swr_archive::validate_path_watched(
                    &path,
                    Watch {
                        progress: Some(&progress),
                        cancel: Some(&cancel),
                    },
                )
            })
            .await;
            let Ok(validation) = validation else {
                return;
            };
            lock(&this.validation_cancels).remove(&id);
            if validation.is_valid() {
                this.queue.mark_validated(&file);
            }
            if this.queue.items().iter().any(|i| i.id == id) {
                this.set_validation(id, ValidationState::Done { validation });
                this.changed();
            }
        });
    }

    fn set_validation(&self, id: u64, state: ValidationState) {
        lock(&self.validations).insert(id, state);
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

    fn ensure_runner(self: &Arc<Self>) {
        {
            let mut control = lock(&self.control);
            if control.active {
                return;
            }
            control.active = true;
        }
        let this = self.clone();
        self.runtime.spawn(async move { this.run().await });
    }

    async fn run(self: Arc<Self>) {
        let (mut done, mut failed) = (0usize, 0usize);
        let drained = loop {
            let item = match self.next_or_stop() {
                Next::Item(item) => item,
                Next::Paused => break false,
                Next::Drained => break true,
            };
            let token = CancellationToken::new();
            lock(&self.control).current = Some((item.id, token.clone()));
            self.changed();
            let ok = self.run_with_retries(&item, &token).await;
            lock(&self.control).current = None;
            lock(&self.resumed).retain(|r| *r != item.id);
            match ok {
                Some(true) => done += 1,
                Some(false) => failed += 1,
                None => {}
            }
            self.changed();
        };
        self.changed();
        if drained && done + failed > 0 {
            (self.signal)(UploadsSignal::Drained { done, failed });
        }
    }

    /// The next queued item, or why the runner stops (it then marks itself stopped, and the
    /// queue no longer running when it ran out of work). Decided under the control lock in one
    /// journal transaction, so an item queued at the same moment is either seen here or finds
    /// no runner and starts one ([`Self::ensure_runner`]).
    fn next_or_stop(&self) -> Next {
        let mut control = lock(&self.control);
        let next = self.queue.with_journal(|j| {
            if !j.running() {
                return Ok(Next::Paused);
            }
            match j.items().iter().find(|i| i.state == ItemState::Queued) {
                Some(item) => Ok(Next::Item(Box::new(item.clone()))),
                None => {
                    j.set_running(false)?;
                    Ok(Next::Drained)
                }
            }
        });
        let next = next.unwrap_or_else(|e| {
            tracing::warn!(error = %e, "cannot read the upload queue");
            Next::Paused
        });
        if !matches!(next, Next::Item(_)) {
            control.active = false;
        }
        next
    }

    /// Pushes one item, waiting and trying again after transient failures (network lost,
    /// registry busy). `Some(true)` pushed, `Some(false)` failed, `None` cancelled.
    async fn run_with_retries(
        &self,
        item: &JournalItem,
        token: &CancellationToken,
    ) -> Option<bool> {
        let events = |e: UploadEvent| {
            lock(&self.live).record(&e);
            (self.signal)(UploadsSignal::Queue(e));
        };
        let mut attempt = 0usize;
        loop {
            // A retry re-reads the item: blobs confirmed by the last attempt are not resent.
            let current = self.item(item.id).ok()?;
            let outcome = match self.preflight(&current).await {
                Ok(()) => self.queue.run_one(&current, &events, token).await,
                Err(e) => self.queue.record_failure(&current, e, &events),
            };
            let error = match outcome.result {
                Ok(_) => return Some(true),
                Err(UploadError::Registry(swr_registry::Error::Cancelled)) => return None,
                Err(e) => e,
            };
            let Some(delay) = RETRY_DELAYS.get(attempt).filter(|_| error.is_transient()) else {
                return Some(false);
            };
            attempt += 1;
            let _ = self
                .queue
                .with_journal(|j| j.set_state(item.id, ItemState::Running));
            events(UploadEvent::Waiting {
                item: item.id,
                kind: error.kind(),
                message: error.to_string(),
                retry_in_secs: delay.as_secs(),
            });
            self.changed();
            tokio::select! {
                () = tokio::time::sleep(*delay) => {}
                () = token.cancelled() => {
                    let _ = self.queue.with_journal(|j| j.set_state(item.id, ItemState::Cancelled));
                    events(UploadEvent::Cancelled { item: item.id });
                    return None;
                }
            }
        }
    }

    /// Checks what the registry would only refuse with a vague error: that the organization
    /// exists. An API that cannot be reached is not a reason to refuse (the push will say).
    async fn preflight(&self, item: &JournalItem) -> Result<(), UploadError> {
        let (Some(profile_id), Some(org)) = (item.profile.as_deref(), item.organization.as_deref())
        else {
            return Ok(());
        };
        let Some(profile) = self.profiles.get(profile_id) else {
            return Ok(());
        };
        let Ok((profile, sk)) = self.credentials.unlock(&profile) else {
            return Ok(());
        };
        let Ok(client) = swr_api::Client::new(crate::verify::client_config(&profile, &sk)) else {
            return Ok(());
        };
        match client.show_namespace(org).await {
            Err(e) if e.status() == Some(404) => Err(UploadError::OrganizationMissing {
                organization: org.to_owned(),
                region: profile.region.clone(),
            }),
            _ => Ok(()),
        }
    }
}

fn journal_error(e: UploadError) -> ManagerError {
    match e {
        UploadError::Journal(e) => ManagerError::Journal(e),
        other => ManagerError::NotNow(other.to_string()),
    }
}

/// The targets of an item's images and what keeps it from being queued.
fn plan_targets(
    item: &JournalItem,
    profile: Option<&Profile>,
    registry: Option<&str>,
    reports: &[ImageReport],
) -> (Vec<ImageTarget>, Vec<TargetProblem>) {
    let mut problems = Vec::new();
    let general = |field: &str, rule: &str, en: &str, zh: &str| TargetProblem {
        image: None,
        violation: RuleViolation::custom(field, rule, "", en, zh),
    };
    if profile.is_none() {
        problems.push(general(
            "profile",
            "profile.required",
            "Choose the profile to push with.",
            "请选择用于上传的配置。",
        ));
    }
    match item.organization.as_deref() {
        None => problems.push(general(
            "organization",
            "organization.required",
            "Choose the organization to push into.",
            "请选择要上传到的组织。",
        )),
        Some(org) => {
            if let Err(v) = rules::validate_namespace(org) {
                problems.push(TargetProblem {
                    image: None,
                    violation: v,
                });
            }
        }
    }
    let mut images = Vec::new();
    let item_wide = TargetOverrides {
        organization: item.organization.clone(),
        name: item.name.clone(),
        tags: item.tags.clone(),
    };
    for (index, report) in reports.iter().enumerate() {
        let own = item.images.get(&index);
        let overrides = item_wide.for_image(own);
        let source = report.references.first().map(|r| split_name_tag(r));
        let name = overrides
            .name
            .clone()
            .or_else(|| source.as_ref().and_then(|(n, _)| n.clone()));
        let tags = if overrides.tags.is_empty() {
            archive_tags(&report.references)
        } else {
            overrides.tags.clone()
        };
        let index32 = u32::try_from(index).unwrap_or(u32::MAX);
        let mut ok = true;
        match name.as_deref() {
            None => {
                ok = false;
                problems.push(TargetProblem {
                    image: Some(index32),
                    violation: RuleViolation::custom(
                        "repository",
                        "repository.required",
                        "",
                        "This image has no tag in the archive: give it a name.",
                        "此镜像在归档中没有标签：请为它命名。",
                    ),
                });
            }
            Some(n) => {
                if let Err(v) = rules::validate_repository(n) {
                    ok = false;
                    problems.push(TargetProblem {
                        image: Some(index32),
                        violation: v,
                    });
                }
            }
        }
        for tag in &tags {
            if let Err(v) = rules::validate_tag(tag) {
                ok = false;
                problems.push(TargetProblem {
                    image: Some(index32),
                    violation: v,
                });
            }
        }
        // The preview comes from the planner the runner uses, so it shows what will be pushed
        // (an image the archive names twice, `web:1` and `api:2`, goes to both repositories).
        let references = match (ok, registry, &item.organization) {
            (true, Some(reg), Some(_)) => {
                resolve_targets(std::slice::from_ref(&report.references), &overrides)
                    .map(|targets| {
                        targets
                            .iter()
                            .flat_map(|t| {
                                t.tags
                                    .iter()
                                    .map(move |tag| format!("{reg}/{}:{tag}", t.repository))
                            })
                            .collect()
                    })
                    .unwrap_or_default()
            }
            _ => Vec::new(),
        };
        images.push(ImageTarget {
            index: index32,
            source_references: report.references.clone(),
            name,
            tags,
            overridden: own.is_some(),
            references,
        });
    }
    (images, problems)
}

/// Every tag the archive gives an image, in its order; `latest` when it gives none.
fn archive_tags(references: &[String]) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    for tag in references.iter().filter_map(|r| split_name_tag(r).1) {
        if !tags.contains(&tag) {
            tags.push(tag);
        }
    }
    if tags.is_empty() {
        tags.push("latest".to_owned());
    }
    tags
}

/// The name and tag an archive reference gives an image (`[registry/][org/]name[:tag]`). A bare
/// word is an OCI ref name holding only a tag.
fn split_name_tag(reference: &str) -> (Option<String>, Option<String>) {
    let (_, name, tag) = super::targets::split_reference(reference);
    if tag.is_none() && !reference.contains('/') {
        return (None, Some(name));
    }
    ((!name.is_empty()).then_some(name), tag)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_preview_lists_every_repository_and_tag_the_runner_will_push() {
        let item = JournalItem {
            id: 1,
            file: "/tmp/a.tar".into(),
            profile: Some("p".into()),
            organization: Some("team-a".into()),
            name: None,
            tags: Vec::new(),
            compress: true,
            state: ItemState::Draft,
            confirmed: Default::default(),
            images: BTreeMap::new(),
        };
        let (profile, _) = crate::session_profile::from_env(|name| {
            let value = match name {
                "SWR_REGION" => "cn-north-4",
                "SWR_AK" => "AK",
                "SWR_SK" => "SK",
                _ => return None,
            };
            Some(value.to_owned())
        })
        .unwrap()
        .unwrap();
        let report = ImageReport {
            references: vec!["web:1".into(), "web:latest".into(), "api:2".into()],
            ..ImageReport::default()
        };
        let (images, problems) = plan_targets(&item, Some(&profile), Some("reg"), &[report]);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(images[0].name.as_deref(), Some("web"));
        assert_eq!(images[0].tags, ["1", "latest", "2"]);
        assert_eq!(
            images[0].references,
            [
                "reg/team-a/api:2",
                "reg/team-a/web:1",
                "reg/team-a/web:latest"
            ]
        );
    }

    #[test]
    fn names_and_tags_come_from_the_archive_reference() {
        assert_eq!(
            split_name_tag("docker.io/library/nginx:1.27"),
            (Some("nginx".into()), Some("1.27".into()))
        );
        assert_eq!(
            split_name_tag("localhost:5000/team/app"),
            (Some("app".into()), None)
        );
        assert_eq!(split_name_tag("v2"), (None, Some("v2".into())));
    }
}
