//! Running the queue: one file at a time, each validated, planned, pushed and verified.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use swr_registry::archive::{plan_images, ArchiveIndex, ArchiveSource, ImagePlan};
use swr_registry::push::{
    push_image, BlobCache, PushContext, PushOptions, PushPhase, PushProgress, Target,
};
use swr_registry::Registry;
use tokio_util::sync::CancellationToken;

use super::events::{Step, UploadEvent};
use super::failure::UploadError;
use super::journal::{ItemState, Journal, JournalError, JournalItem};
use super::progress::{progress_event, Rate};
use super::targets::{item_targets, ImageOverride, TargetOverrides};
use super::validated::ValidatedFiles;

/// Progress events per second, at most.
const PROGRESS_PERIOD: Duration = Duration::from_millis(100);

/// Finds the registry an item is pushed to (the app: from the item's profile).
pub type RegistryResolver =
    Arc<dyn Fn(&JournalItem) -> Result<Arc<Registry>, UploadError> + Send + Sync>;

/// How one item ended.
#[derive(Debug)]
pub struct ItemOutcome {
    pub item: u64,
    pub result: Result<Vec<String>, UploadError>,
}

/// The queue. Cheap to share: the GUI and `swrctl` hold it in an `Arc`.
pub struct UploadQueue {
    registries: RegistryResolver,
    journal: Mutex<Journal>,
    cache: BlobCache,
    validated: ValidatedFiles,
    changes: Option<(crate::journal::Journal, ItemLabel)>,
    pub options: PushOptions,
}

/// The profile name and region of an item, as the change journal names them.
pub type ItemLabel = Arc<dyn Fn(&JournalItem) -> (String, String) + Send + Sync>;

impl UploadQueue {
    /// A queue pushing every item to `registry`.
    pub fn new(registry: Arc<Registry>, journal: Journal, cache: BlobCache) -> Self {
        Self::with_resolver(Arc::new(move |_| Ok(registry.clone())), journal, cache)
    }

    /// A queue finding each item's registry with `registries`.
    pub fn with_resolver(registries: RegistryResolver, journal: Journal, cache: BlobCache) -> Self {
        Self {
            registries,
            journal: Mutex::new(journal),
            cache,
            validated: ValidatedFiles::in_memory(),
            changes: None,
            options: PushOptions::default(),
        }
    }

    /// Records every finished or failed push in the change journal, named by `label`.
    pub fn with_change_journal(
        mut self,
        journal: crate::journal::Journal,
        label: ItemLabel,
    ) -> Self {
        self.changes = Some((journal, label));
        self
    }

    fn record_change(&self, item: &JournalItem, result: Result<&[String], &UploadError>) {
        let Some((journal, label)) = &self.changes else {
            return;
        };
        if matches!(
            result,
            Err(UploadError::Registry(swr_registry::Error::Cancelled))
        ) {
            return;
        }
        // A pushed reference is `host/org/image:tag@digest`: the journal names `org/image:tag`.
        let short = |r: &String| {
            let path = r.split_once('/').map_or(r.as_str(), |(_, p)| p);
            path.split_once('@').map_or(path, |(p, _)| p).to_owned()
        };
        let target = match result {
            Ok(pushed) if !pushed.is_empty() => {
                pushed.iter().map(short).collect::<Vec<_>>().join(", ")
            }
            // Not pushed: the target that was asked for, else the file.
            _ => match (&item.organization, &item.name) {
                (Some(org), Some(name)) => format!("{org}/{name}"),
                (Some(org), None) => org.clone(),
                _ => item.file.display().to_string(),
            },
        };
        let digests: Vec<&str> = match result {
            Ok(pushed) => pushed
                .iter()
                .filter_map(|r| r.split_once('@'))
                .map(|(_, d)| d)
                .collect(),
            Err(_) => Vec::new(),
        };
        let after = match digests.first() {
            Some(d) => format!("{d} from {}", item.file.display()),
            None => item.file.display().to_string(),
        };
        let change =
            crate::journal::Change::new(crate::journal::Operation::Push, target).after(after);
        let (profile, region) = label(item);
        if let Err(e) = journal.record(&profile, &region, change, result.map(drop), None) {
            tracing::warn!(error = %e, "a push was made but not recorded");
        }
    }

    /// Remembers validated archives across runs (see [`ValidatedFiles`]).
    pub fn with_validated_files(mut self, validated: ValidatedFiles) -> Self {
        self.validated = validated;
        self
    }

    /// Runs `f` on the journal under its lock.
    pub fn with_journal<T>(
        &self,
        f: impl FnOnce(&mut Journal) -> Result<T, JournalError>,
    ) -> Result<T, UploadError> {
        let mut j = self
            .journal
            .lock()
            .map_err(|_| UploadError::Internal("journal lock poisoned".into()))?;
        Ok(f(&mut j)?)
    }

    /// Adds a file; it is pushed by the next [`UploadQueue::run`].
    pub fn enqueue(
        &self,
        file: PathBuf,
        overrides: &TargetOverrides,
        compress: bool,
    ) -> Result<u64, UploadError> {
        self.with_journal(|j| {
            j.add(
                file,
                overrides.organization.clone(),
                overrides.name.clone(),
                overrides.tags.clone(),
                compress,
            )
        })
    }

    /// Adds a file with a name and tag for some of its images (by position in the archive).
    pub fn enqueue_images(
        &self,
        file: PathBuf,
        overrides: &TargetOverrides,
        images: std::collections::BTreeMap<usize, ImageOverride>,
        compress: bool,
    ) -> Result<u64, UploadError> {
        self.with_journal(|j| {
            j.add_with(file, compress, |item| {
                item.organization = overrides.organization.clone();
                item.name = overrides.name.clone();
                item.tags = overrides.tags.clone();
                item.images = images;
            })
        })
    }

    /// A copy of the items and their states.
    pub fn items(&self) -> Vec<JournalItem> {
        self.journal
            .lock()
            .map(|j| j.items().to_vec())
            .unwrap_or_default()
    }

    /// Pushes every queued item, in order, until done or cancelled.
    pub async fn run(
        &self,
        events: &(dyn Fn(UploadEvent) + Sync),
        cancel: &CancellationToken,
    ) -> Vec<ItemOutcome> {
        let mut outcomes = Vec::new();
        while !cancel.is_cancelled() {
            let Some(item) = self.next_queued() else {
                break;
            };
            outcomes.push(self.run_one(&item, events, cancel).await);
        }
        outcomes
    }

    /// Remembers that `file` passed validation, so pushing it does not read it all again.
    pub fn mark_validated(&self, file: &std::path::Path) {
        self.validated.insert(file);
    }

    /// Records that an item failed before it started (e.g. a check of its target).
    pub fn record_failure(
        &self,
        item: &JournalItem,
        error: UploadError,
        events: &(dyn Fn(UploadEvent) + Sync),
    ) -> ItemOutcome {
        let state = ItemState::Failed {
            message: error.to_string(),
            kind: error.kind(),
            transient: error.is_transient(),
        };
        if let Err(e) = self.with_journal(|j| j.set_state(item.id, state)) {
            tracing::warn!(error = %e, "cannot record an upload's state");
        }
        self.record_change(item, Err(&error));
        events(UploadEvent::Failed {
            item: item.id,
            message: error.to_string(),
            kind: error.kind(),
            transient: error.is_transient(),
        });
        ItemOutcome {
            item: item.id,
            result: Err(error),
        }
    }

    /// The first item waiting in the queue.
    pub fn next_queued(&self) -> Option<JournalItem> {
        self.items()
            .into_iter()
            .find(|i| i.state == ItemState::Queued)
    }

    /// Pushes one item and records how it ended.
    pub async fn run_one(
        &self,
        item: &JournalItem,
        events: &(dyn Fn(UploadEvent) + Sync),
        cancel: &CancellationToken,
    ) -> ItemOutcome {
        let result = self.run_item(item, events, cancel).await;
        let state = match &result {
            Ok(pushed) => ItemState::Done {
                pushed: pushed.clone(),
            },
            Err(UploadError::Registry(swr_registry::Error::Cancelled)) => ItemState::Cancelled,
            Err(e) => ItemState::Failed {
                message: e.to_string(),
                kind: e.kind(),
                transient: e.is_transient(),
            },
        };
        // The journal first: a listener reacting to the event reads the new state.
        if let Err(e) = self.with_journal(|j| j.set_state(item.id, state)) {
            tracing::warn!(error = %e, "cannot record an upload's state");
        }
        self.record_change(item, result.as_deref());
        match &result {
            Ok(pushed) => events(UploadEvent::Finished {
                item: item.id,
                pushed: pushed.clone(),
            }),
            Err(UploadError::Registry(swr_registry::Error::Cancelled)) => {
                events(UploadEvent::Cancelled { item: item.id });
            }
            Err(e) => events(UploadEvent::Failed {
                item: item.id,
                message: e.to_string(),
                kind: e.kind(),
                transient: e.is_transient(),
            }),
        }
        ItemOutcome {
            item: item.id,
            result,
        }
    }

    async fn run_item(
        &self,
        item: &JournalItem,
        events: &(dyn Fn(UploadEvent) + Sync),
        cancel: &CancellationToken,
    ) -> Result<Vec<String>, UploadError> {
        let id = item.id;
        events(UploadEvent::Started {
            item: id,
            file: item.file.display().to_string(),
        });
        self.with_journal(|j| j.set_state(id, ItemState::Running))?;

        events(UploadEvent::Step {
            item: id,
            step: Step::Validating,
            reference: None,
        });
        if !self.validated.contains(&item.file) {
            let file = item.file.clone();
            let validation = swr_registry::background::run("swr-validate", move || {
                swr_archive::validate_path(&file)
            })
            .await
            .map_err(|e| UploadError::Internal(e.to_string()))?;
            if !validation.is_valid() {
                let errors = validation.errors().map(|f| f.message.clone()).collect();
                return Err(UploadError::Invalid {
                    file: item.file.display().to_string(),
                    errors,
                });
            }
            self.validated.insert(&item.file);
        }

        events(UploadEvent::Step {
            item: id,
            step: Step::Indexing,
            reference: None,
        });
        let file = item.file.clone();
        let (index, plans) = swr_registry::background::run(
            "swr-index",
            move || -> Result<(ArchiveIndex, Vec<ImagePlan>), swr_registry::Error> {
                let index = ArchiveIndex::read(&file)?;
                let plans = plan_images(&index)?;
                Ok((index, plans))
            },
        )
        .await
        .map_err(|e| UploadError::Internal(e.to_string()))??;
        let references: Vec<Vec<String>> = plans.iter().map(|p| p.tags.clone()).collect();
        let work: Vec<(&ImagePlan, Target)> = item_targets(item, &references)?
            .into_iter()
            .filter_map(|(index, target)| plans.get(index).map(|plan| (plan, target)))
            .collect();
        let registry = (self.registries)(item)?;
        let source = ArchiveSource::new(&item.file, index.outer);
        let mut options = self.options.clone();
        options.compress = item.compress;

        let progress = PushProgress::default();
        let pushed = self
            .push_all(
                &registry, item, &source, &work, &options, &progress, events, cancel,
            )
            .await?;
        Ok(pushed)
    }

    #[allow(clippy::too_many_arguments)]
    async fn push_all(
        &self,
        registry: &Registry,
        item: &JournalItem,
        source: &ArchiveSource,
        work: &[(&ImagePlan, Target)],
        options: &PushOptions,
        progress: &PushProgress,
        events: &(dyn Fn(UploadEvent) + Sync),
        cancel: &CancellationToken,
    ) -> Result<Vec<String>, UploadError> {
        let id = item.id;
        let pushing = async {
            let mut pushed = Vec::new();
            for (plan, target) in work {
                let reference = format!(
                    "{}/{}:{}",
                    registry.host(),
                    target.repository,
                    target.tags.join(",")
                );
                events(UploadEvent::Step {
                    item: id,
                    step: Step::Pushing,
                    reference: Some(reference),
                });
                let prefix = format!("{}@", target.repository);
                let confirmed: BTreeSet<String> = item
                    .confirmed
                    .iter()
                    .filter_map(|c| c.strip_prefix(&prefix).map(str::to_owned))
                    .collect();
                let repo = target.repository.clone();
                let on_blob = move |digest: &str| {
                    if let Ok(mut j) = self.journal.lock() {
                        if let Err(e) = j.confirm(id, &repo, digest) {
                            tracing::warn!(error = %e, "cannot record a confirmed blob");
                        }
                    }
                };
                let ctx = PushContext {
                    progress,
                    cache: &self.cache,
                    confirmed: &confirmed,
                    on_blob: &on_blob,
                    cancel,
                };
                let image = push_image(registry, source, plan, target, options, &ctx).await?;
                for tag in &image.tags {
                    pushed.push(format!(
                        "{}/{}:{tag}@{}",
                        registry.host(),
                        image.repository,
                        image.digest
                    ));
                }
            }
            Ok::<_, UploadError>(pushed)
        };
        tokio::pin!(pushing);
        let mut ticker = tokio::time::interval(PROGRESS_PERIOD);
        let mut rate = Rate::new();
        let mut phase = PushPhase::Blobs;
        loop {
            tokio::select! {
                r = &mut pushing => {
                    let snap = progress.snapshot();
                    events(progress_event(id, &snap, rate.per_sec, Some(0.0)));
                    return r;
                }
                _ = ticker.tick() => {
                    let snap = progress.snapshot();
                    rate.update(snap.done - snap.skipped.min(snap.done));
                    let remaining = snap.total.saturating_sub(snap.done) as f64;
                    let eta = (rate.per_sec > 0.0).then(|| remaining / rate.per_sec);
                    events(progress_event(id, &snap, rate.per_sec, eta));
                    // The manifest is written: what is left is reading it back to check it.
                    let now = progress.phase();
                    if now != phase {
                        phase = now;
                        if now == PushPhase::Verifying {
                            events(UploadEvent::Step { item: id, step: Step::Verifying, reference: None });
                        }
                    }
                }
            }
        }
    }
}
