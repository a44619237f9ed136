//! Time stamps in the forms SWR sends them.
//!
//! SWR uses UTC strings everywhere: `2018-07-06T06:18:55Z` for repositories and tags, with
//! milliseconds for share deadlines and microseconds in the retention log. Parsing is lenient
//! (any RFC 3339 form), as a client would be.

use time::format_description::well_known::Rfc3339;
use time::macros::format_description;
use time::OffsetDateTime;

pub fn now() -> OffsetDateTime {
    OffsetDateTime::now_utc()
}

/// `2018-07-06T06:18:55Z`.
pub fn seconds(at: OffsetDateTime) -> String {
    at.format(format_description!(
        "[year]-[month]-[day]T[hour]:[minute]:[second]Z"
    ))
    .unwrap_or_default()
}

/// `2020-04-17T08:01:09.658309Z`.
pub fn micros(at: OffsetDateTime) -> String {
    at.format(format_description!(
        "[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:6]Z"
    ))
    .unwrap_or_default()
}

/// `2024-12-26T11:22:50.769Z`.
pub fn millis(at: OffsetDateTime) -> String {
    at.format(format_description!(
        "[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:3]Z"
    ))
    .unwrap_or_default()
}

pub fn now_seconds() -> String {
    seconds(now())
}

pub fn parse(value: &str) -> Option<OffsetDateTime> {
    OffsetDateTime::parse(value, &Rfc3339).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_round_trip_through_the_lenient_parser() {
        let at = OffsetDateTime::from_unix_timestamp(1_530_857_935).unwrap();
        assert_eq!(seconds(at), "2018-07-06T06:18:55Z");
        assert_eq!(parse(&seconds(at)), Some(at));
        assert_eq!(parse(&micros(at)), Some(at));
        assert_eq!(millis(at), "2018-07-06T06:18:55.000Z");
    }
}
