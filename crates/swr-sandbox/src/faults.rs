//! Injected failures for reliability tests of clients. Every fault is off unless its flag is set.
//!
//! * dropped blob uploads: the connection is cut after N bytes of a blob upload body, once or
//!   every time;
//! * random 503s on a fraction of registry requests;
//! * SWR's per-account push rate limit (20 requests/s in production), answered with 503;
//! * added latency on every registry and API request.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use rand::Rng;

#[derive(Debug, Clone, Default)]
pub struct FaultSettings {
    pub drop_upload_after: Option<u64>,
    pub drop_upload_every_time: bool,
    pub rate_503: f64,
    pub push_qps: Option<u32>,
    pub latency: Duration,
}

pub struct Faults {
    pub settings: FaultSettings,
    dropped: AtomicBool,
    /// Per account: start of the current one-second window and pushes counted in it.
    windows: Mutex<HashMap<String, (Instant, u32)>>,
}

impl Faults {
    pub fn new(settings: FaultSettings) -> Self {
        Self {
            settings,
            dropped: AtomicBool::new(false),
            windows: Mutex::new(HashMap::new()),
        }
    }

    /// The byte count after which this upload must be cut, if it must.
    pub fn upload_cut(&self) -> Option<u64> {
        let after = self.settings.drop_upload_after?;
        if self.settings.drop_upload_every_time {
            return Some(after);
        }
        (!self.dropped.swap(true, Ordering::SeqCst)).then_some(after)
    }

    pub fn random_503(&self) -> bool {
        self.settings.rate_503 > 0.0 && rand::thread_rng().gen_bool(self.settings.rate_503.min(1.0))
    }

    /// Counts one push request of `account`; false when it is beyond the limit.
    pub fn admit_push(&self, account: &str) -> bool {
        let Some(limit) = self.settings.push_qps else {
            return true;
        };
        let mut windows = self.windows.lock().unwrap_or_else(|e| e.into_inner());
        let now = Instant::now();
        let entry = windows.entry(account.to_string()).or_insert((now, 0));
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
    fn upload_cut_once_fires_a_single_time() {
        let f = Faults::new(FaultSettings {
            drop_upload_after: Some(10),
            ..Default::default()
        });
        assert_eq!(f.upload_cut(), Some(10));
        assert_eq!(f.upload_cut(), None);
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
    }

    #[test]
    fn everything_is_off_by_default() {
        let f = Faults::new(FaultSettings::default());
        assert_eq!(f.upload_cut(), None);
        assert!(!f.random_503());
        assert!((0..100).all(|_| f.admit_push("a")));
    }
}
