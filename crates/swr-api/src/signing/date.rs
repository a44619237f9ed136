//! The `X-Sdk-Date` format, `YYYYMMDDTHHMMSSZ` in UTC.

use std::time::SystemTime;

use time::{format_description::FormatItem, macros::format_description, OffsetDateTime};

const SDK_DATE: &[FormatItem<'static>] =
    format_description!("[year][month][day]T[hour][minute][second]Z");

/// The value could not be read as `YYYYMMDDTHHMMSSZ`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{value}` is not a date of the form YYYYMMDDTHHMMSSZ")]
pub struct InvalidSdkDate {
    /// The offending value (dates are not secret).
    pub value: String,
}

/// Formats a time as an `X-Sdk-Date` value.
pub fn format_sdk_date(at: SystemTime) -> String {
    let at = OffsetDateTime::from(at);
    // The description only has numeric components, so formatting a valid date cannot fail;
    // the fallback is the Unix epoch rather than a panic.
    at.format(SDK_DATE)
        .unwrap_or_else(|_| "19700101T000000Z".to_owned())
}

/// Parses an `X-Sdk-Date` value.
pub fn parse_sdk_date(value: &str) -> Result<SystemTime, InvalidSdkDate> {
    let invalid = || InvalidSdkDate {
        value: value.chars().take(64).collect(),
    };
    // The format is fixed-width; rejecting other lengths early keeps odd inputs out of `time`.
    if value.len() != 16 {
        return Err(invalid());
    }
    time::PrimitiveDateTime::parse(value, SDK_DATE)
        .map(|dt| dt.assume_utc().into())
        .map_err(|_| invalid())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, UNIX_EPOCH};

    #[test]
    fn formats_and_parses_round_trip() {
        // 2024-01-02T03:04:05Z
        let t = UNIX_EPOCH + Duration::from_secs(1_704_164_645);
        assert_eq!(format_sdk_date(t), "20240102T030405Z");
        assert_eq!(parse_sdk_date("20240102T030405Z"), Ok(t));
    }

    #[test]
    fn rejects_other_formats() {
        for bad in [
            "",
            "2024-01-02T03:04:05Z",
            "20240102T030405",
            "20241302T030405Z",
            "20240102T250405Z",
            "20240102t030405z",
            "2024010xT030405Z",
        ] {
            assert!(parse_sdk_date(bad).is_err(), "{bad} accepted");
        }
    }
}
