//! Progress of the item being pushed, as the UI receives it: bytes, layers and a transfer rate
//! smoothed so the time left does not jump.

use std::time::Instant;

use swr_registry::push::ProgressSnapshot;

use super::events::{LayerProgress, UploadEvent};

pub(super) fn progress_event(
    item: u64,
    snap: &ProgressSnapshot,
    bytes_per_sec: f64,
    eta_secs: Option<f64>,
) -> UploadEvent {
    UploadEvent::Progress {
        item,
        done: snap.done,
        total: snap.total,
        bytes_per_sec,
        eta_secs,
        current_layer: snap.current.first().cloned(),
        skipped: snap.skipped,
        layers: snap
            .layers
            .iter()
            .map(|l| LayerProgress {
                name: l.name.clone(),
                done: l.done,
                total: l.total,
            })
            .collect(),
    }
}

/// Transfer rate, smoothed over about two seconds so the ETA does not jump.
pub(super) struct Rate {
    last: Option<(Instant, u64)>,
    pub(super) per_sec: f64,
}

impl Rate {
    pub(super) fn new() -> Self {
        Self {
            last: None,
            per_sec: 0.0,
        }
    }

    pub(super) fn update(&mut self, done: u64) {
        self.update_at(Instant::now(), done);
    }

    fn update_at(&mut self, now: Instant, done: u64) {
        if let Some((t, d)) = self.last {
            let dt = now.duration_since(t).as_secs_f64();
            if dt > 0.0 {
                let instant = done.saturating_sub(d) as f64 / dt;
                let alpha = (dt / 2.0).min(1.0);
                self.per_sec = if self.per_sec == 0.0 {
                    instant
                } else {
                    self.per_sec + alpha * (instant - self.per_sec)
                };
            }
        }
        self.last = Some((now, done));
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    #[test]
    fn the_rate_starts_at_the_first_measure_and_then_moves_smoothly() {
        let t0 = Instant::now();
        let mut rate = Rate::new();
        rate.update_at(t0, 0);
        assert_eq!(rate.per_sec, 0.0, "one sample is no rate yet");
        rate.update_at(t0 + Duration::from_secs(1), 1000);
        assert_eq!(rate.per_sec, 1000.0);
        // A burst after half a second moves the rate a quarter of the way, not all of it.
        rate.update_at(t0 + Duration::from_millis(1500), 3500);
        assert!((rate.per_sec - 2000.0).abs() < 1e-6, "{}", rate.per_sec);
    }
}
