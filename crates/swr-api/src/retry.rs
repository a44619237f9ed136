//! When and how long to wait before retrying an idempotent read.
//!
//! Only GETs are retried, and only on answers that say "later" (429, 5xx, SWR's busy code) or on
//! a dropped connection. Mutations are never retried: a create that timed out may well have
//! happened, and repeating it silently could create a duplicate or fail confusingly.

use std::time::{Duration, SystemTime};

use rand::Rng;
use time::{format_description::well_known::Rfc2822, OffsetDateTime};

/// Backoff settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Retries after the first attempt (0 disables retrying).
    pub max_retries: u32,
    /// Delay before the first retry; doubles with each further retry.
    pub base_delay: Duration,
    /// Longest computed delay.
    pub max_delay: Duration,
    /// Longest `Retry-After` honoured; a longer one ends the retries.
    pub max_retry_after: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            max_retries: 3,
            base_delay: Duration::from_millis(300),
            max_delay: Duration::from_secs(8),
            max_retry_after: Duration::from_secs(30),
        }
    }
}

impl RetryPolicy {
    /// No retries at all.
    pub fn none() -> Self {
        Self {
            max_retries: 0,
            ..Self::default()
        }
    }

    /// The wait before retry number `retry` (0-based), or `None` to give up.
    ///
    /// The exponential delay is jittered to a random point in its upper half so that many
    /// clients failing together do not come back together. A `Retry-After` longer than the
    /// computed delay is honoured as a floor.
    pub fn delay(&self, retry: u32, retry_after: Option<Duration>) -> Option<Duration> {
        if retry >= self.max_retries {
            return None;
        }
        if let Some(after) = retry_after {
            if after > self.max_retry_after {
                return None;
            }
        }
        let exp = self
            .base_delay
            .checked_mul(1u32.checked_shl(retry).unwrap_or(u32::MAX))
            .unwrap_or(self.max_delay)
            .min(self.max_delay);
        let half = exp / 2;
        let jitter_ms = u64::try_from(half.as_millis()).unwrap_or(u64::MAX);
        let jittered = half + Duration::from_millis(rand::thread_rng().gen_range(0..=jitter_ms));
        Some(match retry_after {
            Some(after) => jittered.max(after),
            None => jittered,
        })
    }
}

/// Reads a `Retry-After` value: delta-seconds or an HTTP date.
pub fn parse_retry_after(value: &str, now: SystemTime) -> Option<Duration> {
    let value = value.trim();
    if let Ok(secs) = value.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let at = OffsetDateTime::parse(value, &Rfc2822).ok()?;
    let at = SystemTime::from(at);
    Some(at.duration_since(now).unwrap_or(Duration::ZERO))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::UNIX_EPOCH;

    #[test]
    fn delays_grow_stay_jittered_and_stop() {
        let p = RetryPolicy::default();
        for retry in 0..3 {
            let full = (p.base_delay * 2u32.pow(retry)).min(p.max_delay);
            for _ in 0..50 {
                let d = p.delay(retry, None).unwrap();
                assert!(d >= full / 2 && d <= full, "retry {retry}: {d:?}");
            }
        }
        assert_eq!(p.delay(3, None), None);
        assert_eq!(RetryPolicy::none().delay(0, None), None);
        // Large retry numbers never overflow.
        let many = RetryPolicy {
            max_retries: 100,
            ..p
        };
        assert!(many.delay(64, None).unwrap() <= p.max_delay);
    }

    #[test]
    fn retry_after_is_a_floor_and_has_a_ceiling() {
        let p = RetryPolicy::default();
        assert_eq!(
            p.delay(0, Some(Duration::from_secs(5))),
            Some(Duration::from_secs(5))
        );
        assert_eq!(p.delay(0, Some(Duration::from_secs(31))), None);
    }

    #[test]
    fn parses_retry_after_forms() {
        let now = UNIX_EPOCH + Duration::from_secs(784_111_767); // Sun, 06 Nov 1994 08:49:27 GMT
        assert_eq!(
            parse_retry_after("120", now),
            Some(Duration::from_secs(120))
        );
        assert_eq!(
            parse_retry_after("Sun, 06 Nov 1994 08:49:37 GMT", now),
            Some(Duration::from_secs(10))
        );
        assert_eq!(
            parse_retry_after("Sun, 06 Nov 1994 08:49:17 GMT", now),
            Some(Duration::ZERO)
        );
        assert_eq!(parse_retry_after("soon", now), None);
    }
}
