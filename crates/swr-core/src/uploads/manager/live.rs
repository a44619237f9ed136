//! The latest events of the item being pushed, kept so that a screen opened mid-push shows
//! its step, progress and wait at once (later ones arrive as events).

use std::time::{Duration, Instant};

use crate::uploads::events::UploadEvent;

/// What the item being pushed last reported.
#[derive(Default)]
pub(super) struct Live {
    step: Option<UploadEvent>,
    progress: Option<UploadEvent>,
    waiting: Option<(UploadEvent, Instant)>,
}

impl Live {
    pub(super) fn record(&mut self, event: &UploadEvent) {
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

    pub(super) fn events(&self) -> Vec<UploadEvent> {
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
