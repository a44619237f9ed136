//! Injected failures for reliability tests of clients. Every fault is off unless its flag is set.
//!
//! * dropped blob uploads: the connection is cut when a blob upload body goes past a given
//!   offset; each offset of the list cuts one upload, in order (or every upload, with the first
//!   offset, when `drop_upload_every_time` is set);
//! * random 503s on a fraction of registry requests;
//! * SWR's per-account push rate limit (20 requests/s in production), answered with 503;
//! * the API gateway's per-account request rate limit, answered with 429 and `Retry-After`;
//! * added latency on every registry and API request.

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use rand::Rng;

#[derive(Debug, Clone, Default)]
pub struct FaultSettings {
    /// Body offsets at which uploads are cut; each is used up by the upload it cuts.
    pub drop_upload_after: Vec<u64>,
    pub drop_upload_every_time: bool,
    pub rate_503: f64,
    pub push_qps: Option<u32>,
    pub api_qps: Option<u32>,
    pub latency: Duration,
}

/// Which limit (`push`, `api`) and which account a request window counts.
type WindowKey = (&'static str, String);

pub struct Faults {
    pub settings: FaultSettings,
    /// Cut offsets not used yet.
    cuts: Mutex<VecDeque<u64>>,
    /// Per limit and account: start of the current one-second window and requests counted in it.
    windows: Mutex<HashMap<WindowKey, (Instant, u32)>>,
}

impl Faults {
    pub fn new(settings: FaultSettings) -> Self {
        Self {
            cuts: Mutex::new(settings.drop_upload_after.iter().copied().collect()),
            settings,
            windows: Mutex::new(HashMap::new()),
        }
    }

    /// Whether an upload body that has now seen `seen` bytes must be cut: true when it went
    /// past the next cut offset, which it then uses up (unless every upload is cut). Offsets
    /// are only used up by bodies that reach them, so short blobs and empty commits pass.
    pub fn cut_upload_at(&self, seen: u64) -> bool {
        let mut cuts = self.cuts.lock().unwrap_or_else(|e| e.into_inner());
        match cuts.front() {
            Some(&offset) if seen > offset => {
                if !self.settings.drop_upload_every_time {
                    cuts.pop_front();
                }
                true
            }
            _ => false,
        }
    }

    /// True when some upload may still be cut.
    pub fn cuts_uploads(&self) -> bool {
        !self
            .cuts
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .is_empty()
    }

    pub fn random_503(&self) -> bool {
        self.settings.rate_503 > 0.0 && rand::thread_rng().gen_bool(self.settings.rate_503.min(1.0))
    }

    /// Counts one push request of `account`; false when it is beyond the limit.
    pub fn admit_push(&self, account: &str) -> bool {
        self.admit("push", self.settings.push_qps, account)
    }

    /// Counts one API request of `account`; false when it is beyond the limit.
    pub fn admit_api(&self, account: &str) -> bool {
        self.admit("api", self.settings.api_qps, account)
    }

    fn admit(&self, kind: &'static str, limit: Option<u32>, account: &str) -> bool {
        let Some(limit) = limit else {
            return true;
        };
        let mut windows = self.windows.lock().unwrap_or_else(|e| e.into_inner());
        let now = Instant::now();
        let entry = windows
            .entry((kind, account.to_string()))
            .or_insert((now, 0));
        if now.duration_since(entry.0) >= Duration::from_secs(1) {
            *entry = (now, 0);
        }
        entry.1 += 1;
        entry.1 <= limit
    }

    pub async fn delay(&self) {
        if !self.settings.latency.is_zero() {
            tokio::time::sleep(self.settings.latency).await;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_cut_offset_cuts_one_upload_that_reaches_it() {
        let f = Faults::new(FaultSettings {
            drop_upload_after: vec![10, 5],
            ..Default::default()
        });
        // A body that stays below the offset is not cut and leaves the offset in place.
        assert!(!f.cut_upload_at(10));
        assert!(f.cut_upload_at(11));
        assert!(!f.cut_upload_at(5));
        assert!(f.cut_upload_at(6));
        assert!(!f.cut_upload_at(1000));
        assert!(!f.cuts_uploads());
    }

    #[test]
    fn every_time_keeps_cutting_at_the_first_offset() {
        let f = Faults::new(FaultSettings {
            drop_upload_after: vec![10],
            drop_upload_every_time: true,
            ..Default::default()
        });
        assert!(f.cut_upload_at(11) && f.cut_upload_at(11));
        assert!(f.cuts_uploads());
    }

    #[test]
    fn push_limit_counts_per_account() {
        let f = Faults::new(FaultSettings {
            push_qps: Some(2),
            ..Default::default()
        });
        assert!(f.admit_push("a") && f.admit_push("a"));
        assert!(!f.admit_push("a"));
        assert!(f.admit_push("b"));
        // The API limit is counted apart from pushes, and is off here.
        assert!((0..10).all(|_| f.admit_api("a")));
    }

    #[test]
    fn everything_is_off_by_default() {
        let f = Faults::new(FaultSettings::default());
        assert!(!f.cut_upload_at(u64::MAX));
        assert!(!f.random_503());
        assert!((0..100).all(|_| f.admit_push("a")));
    }
}
