//! Sharing a private image with other accounts: pull only, until a day or for ever.
//!
//! A deadline typed as a day (`2026-12-31`) lasts through that whole day in UTC, the reading
//! SWR's console gives its date picker. Public images cannot be shared (anyone may pull them
//! already), so a share of one is refused before a request is made.

use serde::{Deserialize, Serialize};
use swr_api::model::{AccessDomain, ShareDeadline};
use swr_api::rules::{self, RuleViolation};
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

use super::AccessError;
use crate::journal::{Change, Operation};
use crate::sessions::Session;

/// Shares within this many days of their end carry a warning.
pub const WARN_WITHIN_DAYS: i64 = 7;

/// One account an image is shared with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ShareRow {
    pub account: String,
    /// `forever` or a UTC time.
    pub deadline: String,
    /// Whole days left; `None` for `forever`.
    pub days_left: Option<i64>,
    pub expired: bool,
    /// Ends within [`WARN_WITHIN_DAYS`].
    pub expiring: bool,
    pub description: String,
    pub creator: String,
    pub created: String,
}

impl ShareRow {
    pub fn from_wire(share: AccessDomain, now: OffsetDateTime) -> Self {
        let end = OffsetDateTime::parse(share.deadline.trim(), &Rfc3339).ok();
        let forever = share.deadline.trim().eq_ignore_ascii_case("forever");
        let days_left = end.map(|e| (e - now).whole_days());
        let expired = !forever && end.is_none_or(|e| e <= now);
        Self {
            account: share.access_domain,
            expiring: !expired && days_left.is_some_and(|d| d < WARN_WITHIN_DAYS),
            days_left: if expired { Some(0) } else { days_left },
            expired,
            deadline: share.deadline,
            description: share.description,
            creator: share.creator_name,
            created: share.created,
        }
    }
}

/// A share to make or change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ShareInput {
    pub account: String,
    /// `forever`, a day `YYYY-MM-DD`, or an RFC 3339 time.
    pub until: String,
    pub description: Option<String>,
}

/// The deadline `until` means: `forever`, the end of a day (UTC), or an instant; refused when
/// it is not after `now`.
pub fn parse_until(until: &str, now: OffsetDateTime) -> Result<ShareDeadline, RuleViolation> {
    let text = until.trim();
    let day = time::macros::format_description!("[year]-[month]-[day]");
    let wire = match time::Date::parse(text, &day) {
        Ok(date) => format!("{date}T23:59:59Z"),
        Err(_) => text.to_owned(),
    };
    rules::validate_share_deadline(&wire, now.into()).map_err(|mut v| {
        v.value = until.to_owned();
        if v.rule == "deadline.format" {
            v.message = rules::LocalizedText::new(
                "The expiry must be 'forever' or a day such as 2030-01-31.",
                "截止日期必须为“forever”（永久有效）或日期，例如 2030-01-31。",
            );
        }
        v
    })
}

/// The rule `until` breaks as a share's deadline from now on, or `None`: what the share forms
/// ask while the user picks a day.
pub fn check_until(until: &str) -> Option<RuleViolation> {
    parse_until(until, OffsetDateTime::now_utc()).err()
}

/// The accounts `organization/image` is shared with.
pub async fn list(
    session: &Session,
    organization: &str,
    image: &str,
) -> Result<Vec<ShareRow>, AccessError> {
    let now = OffsetDateTime::now_utc();
    let mut rows: Vec<ShareRow> = session
        .api
        .list_shares(organization, image)
        .await?
        .into_iter()
        .map(|s| ShareRow::from_wire(s, now))
        .collect();
    rows.sort_by(|a, b| a.account.cmp(&b.account));
    Ok(rows)
}

fn check(input: &ShareInput) -> Result<ShareDeadline, AccessError> {
    rules::validate_access_domain(input.account.trim())?;
    if let Some(d) = &input.description {
        rules::validate_share_description(d)?;
    }
    Ok(parse_until(&input.until, OffsetDateTime::now_utc())?)
}

/// The share with `account`, read now; changing or stopping a share that is not there is
/// refused by name rather than sent.
async fn existing(
    session: &Session,
    organization: &str,
    image: &str,
    account: &str,
) -> Result<ShareRow, AccessError> {
    list(session, organization, image)
        .await?
        .into_iter()
        .find(|s| s.account == account)
        .ok_or_else(|| {
            AccessError::NotFound(format!(
                "{organization}/{image} is not shared with {account}; add a share first"
            ))
        })
}

fn target(organization: &str, image: &str, account: &str) -> String {
    format!("{organization}/{image} → {account}")
}

/// Shares `organization/image` with an account.
pub async fn add(
    session: &Session,
    organization: &str,
    image: &str,
    input: &ShareInput,
) -> Result<(), AccessError> {
    let deadline = check(input)?;
    let account = input.account.trim();
    let repo = session.api.show_repo(organization, image).await?;
    if repo.is_public {
        return Err(AccessError::Refused(format!(
            "{organization}/{image} is public: anyone can pull it without logging in, so it cannot be shared. Make it private first to share it with chosen accounts."
        )));
    }
    let record = Change::new(Operation::ShareAdd, target(organization, image, account))
        .after(deadline.to_wire());
    let work = session.api.share_repo(
        organization,
        image,
        account,
        &deadline,
        input.description.as_deref(),
    );
    session.change(record, work).await?;
    Ok(())
}

/// Changes the deadline and description of a share.
pub async fn update(
    session: &Session,
    organization: &str,
    image: &str,
    input: &ShareInput,
) -> Result<(), AccessError> {
    let deadline = check(input)?;
    let account = input.account.trim();
    let before = existing(session, organization, image, account).await?;
    let record = Change::new(Operation::ShareChange, target(organization, image, account))
        .before(before.deadline)
        .after(deadline.to_wire());
    let work = session.api.update_share(
        organization,
        image,
        account,
        &deadline,
        input.description.as_deref(),
    );
    session.change(record, work).await?;
    Ok(())
}

/// Stops sharing with an account.
pub async fn remove(
    session: &Session,
    organization: &str,
    image: &str,
    account: &str,
) -> Result<(), AccessError> {
    let account = account.trim();
    let before = existing(session, organization, image, account).await?;
    let record = Change::new(Operation::ShareRemove, target(organization, image, account))
        .before(before.deadline);
    let work = session.api.delete_share(organization, image, account);
    session.change(record, work).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> OffsetDateTime {
        OffsetDateTime::parse("2026-12-04T10:00:00Z", &Rfc3339).unwrap()
    }

    #[test]
    fn a_day_lasts_through_its_end_in_utc() {
        let d = parse_until("2026-12-04", now()).unwrap();
        assert_eq!(d.to_wire(), "2026-12-04T23:59:59.000Z");
        assert_eq!(
            parse_until(" forever ", now()).unwrap(),
            ShareDeadline::Forever
        );
        let past = parse_until("2026-12-03", now()).unwrap_err();
        assert_eq!(past.rule, "deadline.past");
        let bad = parse_until("next week", now()).unwrap_err();
        assert_eq!(bad.rule, "deadline.format");
        assert!(bad.message.en.contains("2030-01-31"));
        assert_eq!(bad.value, "next week");
    }

    #[test]
    fn the_forms_check_is_against_the_clock() {
        assert_eq!(check_until("forever"), None);
        let over = check_until("2000-01-01").expect("a day long over");
        assert_eq!(
            (over.field.as_str(), over.rule.as_str()),
            ("deadline", "deadline.past")
        );
        assert_eq!(over.value, "2000-01-01");
        assert_eq!(check_until("9999-12-31"), None);
    }

    #[test]
    fn rows_say_how_many_days_are_left() {
        let share = |deadline: &str| AccessDomain {
            access_domain: "beta".into(),
            deadline: deadline.into(),
            ..Default::default()
        };
        let soon = ShareRow::from_wire(share("2026-12-07T10:00:00.000Z"), now());
        assert_eq!(
            (soon.days_left, soon.expiring, soon.expired),
            (Some(3), true, false)
        );
        let later = ShareRow::from_wire(share("2027-01-30T00:00:00Z"), now());
        assert!(!later.expiring);
        let forever = ShareRow::from_wire(share("forever"), now());
        assert_eq!((forever.days_left, forever.expired), (None, false));
        let gone = ShareRow::from_wire(share("2026-12-01T00:00:00Z"), now());
        assert_eq!(
            (gone.days_left, gone.expired, gone.expiring),
            (Some(0), true, false)
        );
    }
}
