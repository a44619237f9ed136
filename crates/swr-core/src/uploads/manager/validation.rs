//! Validation of the files in the list: one at a time (a second file waits), with progress
//! forwarded at about 10 Hz, and a cancel flag per file so a removed item stops being read.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use swr_archive::Watch;

use super::{lock, UploadManager, UploadsSignal, ValidationState};

/// Validation progress is forwarded at most this often per file.
const VALIDATION_PERIOD: Duration = Duration::from_millis(100);

impl UploadManager {
    pub(super) fn validate(self: &Arc<Self>, id: u64, file: PathBuf) {
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
}
