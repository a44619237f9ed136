//! A request pacer shared by every client of one account.
//!
//! SWR answers an account that sends more than about 20 requests a second with 429 or 503, and
//! a browse screen paging 10,000 repositories, lazy inspections and a bulk change can easily get
//! there together. Every attempt of every [`crate::Client`] built with the same
//! [`RateLimiter`] takes a slot first, so the account stays under the limit whatever runs at
//! once; when SWR still says "too many" the pacer stops handing out slots for a while, so a long
//! listing slows down instead of failing.
//!
//! Slots are handed out in order of arrival at an even spacing (`1 / rate`) with a small burst
//! allowance; the lock is held only to book a slot, never across the wait.

use std::sync::Mutex;
use std::time::Duration;

use tokio::time::Instant;

/// Requests a second an account may send through the console; SWR allows about 20.
pub const DEFAULT_REQUESTS_PER_SECOND: u32 = 15;

/// A pacer for one account. Share it (in an `Arc`) between the clients of that account.
#[derive(Debug)]
pub struct RateLimiter {
    spacing: Duration,
    burst: u32,
    state: Mutex<Pace>,
}

#[derive(Debug)]
struct Pace {
    /// The earliest moment the next slot may start.
    next: Option<Instant>,
}

impl RateLimiter {
    /// At most `per_second` requests a second on average, with up to `burst` sent back to back
    /// after a quiet spell. A rate of 0 is taken as 1.
    pub fn new(per_second: u32, burst: u32) -> Self {
        let per_second = per_second.max(1);
        Self {
            spacing: Duration::from_secs(1) / per_second,
            burst: burst.max(1),
            state: Mutex::new(Pace { next: None }),
        }
    }

    /// The account pacer the console uses: [`DEFAULT_REQUESTS_PER_SECOND`], bursts of 5.
    pub fn for_account() -> Self {
        Self::new(DEFAULT_REQUESTS_PER_SECOND, 5)
    }

    /// Waits for this request's slot.
    pub async fn acquire(&self) {
        let wait = self.book(Instant::now());
        if let Some(at) = wait {
            tokio::time::sleep_until(at).await;
        }
    }

    /// Books the next slot at `now`; returns when it starts if that is later than `now`.
    fn book(&self, now: Instant) -> Option<Instant> {
        let mut pace = self.state.lock().unwrap_or_else(|p| p.into_inner());
        // After a quiet spell, up to `burst` slots may start at once.
        let floor = now
            .checked_sub(self.spacing * (self.burst - 1))
            .unwrap_or(now);
        let start = pace.next.map_or(floor, |n| n.max(floor));
        pace.next = Some(start + self.spacing);
        (start > now).then_some(start)
    }

    /// SWR said "too many requests": hand out no slot before `pause` has passed.
    pub fn slow_down(&self, pause: Duration) {
        let until = Instant::now() + pause;
        let mut pace = self.state.lock().unwrap_or_else(|p| p.into_inner());
        pace.next = Some(pace.next.map_or(until, |n| n.max(until)));
    }
}

impl Default for RateLimiter {
    fn default() -> Self {
        Self::for_account()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn never_more_than_the_rate_over_a_second_after_the_burst() {
        let limiter = RateLimiter::new(10, 3);
        let start = Instant::now();
        let mut starts = Vec::new();
        for _ in 0..23 {
            limiter.acquire().await;
            starts.push(Instant::now() - start);
        }
        // The burst goes at once, then one every 100 ms.
        assert_eq!(starts[2], Duration::ZERO);
        assert_eq!(starts[3], Duration::from_millis(100));
        assert_eq!(starts[22], Duration::from_millis(2000));
        // Any one-second window past the burst holds at most 10 starts (+ the burst).
        for (i, s) in starts.iter().enumerate() {
            let in_window = starts
                .iter()
                .filter(|t| **t >= *s && **t < *s + Duration::from_secs(1))
                .count();
            assert!(in_window <= 10 + 2, "window from start {i}: {in_window}");
        }
    }

    #[tokio::test(start_paused = true)]
    async fn a_slow_down_holds_every_caller_back() {
        let limiter = RateLimiter::new(100, 1);
        let start = Instant::now();
        limiter.acquire().await;
        limiter.slow_down(Duration::from_secs(2));
        limiter.acquire().await;
        assert!(Instant::now() - start >= Duration::from_secs(2));
    }

    #[tokio::test(start_paused = true)]
    async fn a_quiet_spell_allows_a_burst_again() {
        let limiter = RateLimiter::new(5, 2);
        for _ in 0..4 {
            limiter.acquire().await;
        }
        tokio::time::sleep(Duration::from_secs(5)).await;
        let before = Instant::now();
        limiter.acquire().await;
        limiter.acquire().await;
        assert_eq!(Instant::now(), before);
    }
}
