//! The runner: one task that pushes the queued items one after another, waits and tries again
//! after transient failures, and stops when the queue is paused or empty. Items are pushed
//! with the registry client of their profile's [`Session`](crate::sessions::Session), so a
//! profile's tokens are reused from one item to the next and by the browse screens.

use std::sync::Arc;
use std::time::Duration;

use tokio_util::sync::CancellationToken;

use super::{lock, UploadManager, UploadsSignal};
use crate::profiles::ProfileStore;
use crate::sessions::{SessionError, Sessions};
use crate::uploads::events::UploadEvent;
use crate::uploads::failure::UploadError;
use crate::uploads::journal::{ItemState, JournalItem};
use crate::uploads::queue::{ItemLabel, RegistryResolver};

/// Waits before trying a transiently failed item again; after the last one it stays failed.
const RETRY_DELAYS: [Duration; 4] = [
    Duration::from_secs(5),
    Duration::from_secs(15),
    Duration::from_secs(30),
    Duration::from_secs(60),
];

/// What the runner does next.
enum Next {
    Item(Box<JournalItem>),
    /// The user paused the queue.
    Paused,
    /// Nothing is left to push.
    Drained,
}

/// The registry of an item's profile, from its session.
pub(super) fn resolver(profiles: Arc<ProfileStore>, sessions: Arc<Sessions>) -> RegistryResolver {
    Arc::new(move |item: &JournalItem| {
        let id = item
            .profile
            .as_deref()
            .ok_or_else(|| UploadError::Credentials("choose a profile to push with".into()))?;
        if profiles.get(id).is_none() {
            return Err(UploadError::Credentials(format!(
                "the profile this upload was queued with ({id}) no longer exists: choose another"
            )));
        }
        match sessions.get(id) {
            Ok(session) => Ok(session.registry.clone()),
            Err(SessionError::Registry(e)) => Err(UploadError::Registry(e)),
            Err(e) => Err(UploadError::Credentials(e.to_string())),
        }
    })
}

/// The profile name and region of an item for the change journal.
pub(super) fn item_label(profiles: Arc<ProfileStore>) -> ItemLabel {
    Arc::new(move |item: &JournalItem| {
        let id = item.profile.clone().unwrap_or_default();
        profiles
            .get(&id)
            .map_or((id, String::new()), |p| (p.name, p.region))
    })
}

impl UploadManager {
    pub(super) fn ensure_runner(self: &Arc<Self>) {
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
        // No session (a missing key, say) is not a reason to refuse here: the push will say.
        let Ok(session) = self.sessions.get(profile_id) else {
            return Ok(());
        };
        match session.api.show_namespace(org).await {
            Err(e) if e.status() == Some(404) => Err(UploadError::OrganizationMissing {
                organization: org.to_owned(),
                region: session.region.clone(),
            }),
            _ => Ok(()),
        }
    }
}
