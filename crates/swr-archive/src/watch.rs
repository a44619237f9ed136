//! Progress and cancellation for long validations: the app shows a progress bar with a Cancel
//! button, and a gigabyte archive takes seconds. The hooks are read from the thread that reads
//! the file, so they must be `Sync`; the caller throttles what it forwards to the UI.

use std::sync::atomic::{AtomicBool, Ordering};

/// Observers of one validation. `Watch::default()` observes nothing.
#[derive(Default, Clone, Copy)]
pub struct Watch<'a> {
    /// Called with the number of file bytes read so far, about every 256 KiB.
    pub progress: Option<&'a (dyn Fn(u64) + Sync)>,
    /// Validation stops soon after this becomes true, with a `validation.cancelled` error.
    pub cancel: Option<&'a AtomicBool>,
}

impl Watch<'_> {
    pub fn cancelled(&self) -> bool {
        self.cancel.is_some_and(|c| c.load(Ordering::Relaxed))
    }

    pub(crate) fn report(&self, bytes: u64) {
        if let Some(progress) = self.progress {
            progress(bytes);
        }
    }
}

impl std::fmt::Debug for Watch<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Watch")
            .field("progress", &self.progress.is_some())
            .field("cancel", &self.cancel.is_some())
            .finish()
    }
}
