//! The account at a glance: quotas, totals, storage and traffic over time, shares about to end,
//! and the images other accounts share with this one.
//!
//! Each part is read on its own, so a region that does not serve one of them (reports are not
//! offered everywhere) still shows the rest, with the reason the missing part gave.

use futures::TryStreamExt;
use serde::{Deserialize, Serialize};
use swr_api::model::{ReportPoint, SharedBy, SharedRepoQuery};
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

use super::images::{non_negative, ImageRow};
use super::BrowseError;
use crate::sessions::Session;

/// Shares that end within this many days are listed.
pub const EXPIRING_WITHIN_DAYS: i64 = 7;
/// Shared repositories whose shares are read for the expiry list (one request each).
const SHARED_REPOS_READ: usize = 100;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Dashboard {
    /// Account name.
    pub account: String,
    pub organizations: u64,
    /// Repositories (images).
    pub images: u64,
    /// Tags over all images.
    pub tags: u64,
    /// Bytes stored.
    pub storage: f64,
    /// Downloads, as SWR counts them.
    pub downloads: f64,
    pub quotas: Vec<QuotaUse>,
    pub storage_series: Vec<ReportPoint>,
    pub traffic_series: Vec<ReportPoint>,
    pub expiring_shares: Vec<ExpiringShare>,
    /// Parts that could not be read, each with why.
    pub problems: Vec<String>,
}

/// One quota: how much of it is used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct QuotaUse {
    /// SWR's quota key, e.g. `namespace`.
    pub key: String,
    pub used: i64,
    pub limit: i64,
}

/// A share of one of this account's images that ends soon.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ExpiringShare {
    pub organization: String,
    pub image: String,
    /// The account it is shared with.
    pub account: String,
    /// UTC time the share ends.
    pub deadline: String,
    /// Whole days left (0: ends today).
    pub days_left: i64,
}

/// Reads the dashboard; only a failure of the account overview fails it as a whole.
pub async fn dashboard(session: &Session) -> Result<Dashboard, BrowseError> {
    let api = &session.api;
    let overview = api.overview().await?;
    let mut problems = Vec::new();
    let mut note = |what: &str, e: &swr_api::Error| problems.push(format!("{what}: {e}"));
    let quotas = match api.list_quotas().await {
        Ok(q) => q
            .into_iter()
            .map(|q| QuotaUse {
                key: q.quota_key,
                used: q.used,
                limit: q.quota_limit,
            })
            .collect(),
        Err(e) => {
            note("quotas", &e);
            Vec::new()
        }
    };
    // SWR does not document its report types; these name the overview's own fields.
    let storage_series = api.report("store", "daily").await.unwrap_or_else(|e| {
        note("storage over time", &e);
        Vec::new()
    });
    let traffic_series = api.report("downflow", "daily").await.unwrap_or_else(|e| {
        note("traffic over time", &e);
        Vec::new()
    });
    let expiring_shares = match expiring_shares(session, OffsetDateTime::now_utc()).await {
        Ok(s) => s,
        Err(e) => {
            note("shares", &e);
            Vec::new()
        }
    };
    Ok(Dashboard {
        account: overview.domain_name,
        organizations: non_negative(overview.namespace_num),
        images: non_negative(overview.repo_num),
        tags: non_negative(overview.image_num),
        storage: overview.store_space,
        downloads: overview.downflow_size,
        quotas,
        storage_series,
        traffic_series,
        expiring_shares,
        problems,
    })
}

/// Shares of this account's images that end within [`EXPIRING_WITHIN_DAYS`], soonest first.
async fn expiring_shares(
    session: &Session,
    now: OffsetDateTime,
) -> Result<Vec<ExpiringShare>, swr_api::Error> {
    let shared: Vec<_> = session
        .api
        .list_shared_repos_v3(SharedRepoQuery::new(SharedBy::Me), 1000)
        .try_collect()
        .await?;
    let mut found = Vec::new();
    for repo in shared.iter().take(SHARED_REPOS_READ) {
        for share in session
            .api
            .list_shares(&repo.namespace_name, &repo.name)
            .await?
        {
            if let Some(days_left) = days_left(&share.deadline, now) {
                found.push(ExpiringShare {
                    organization: share.namespace,
                    image: share.repository,
                    account: share.access_domain,
                    deadline: share.deadline,
                    days_left,
                });
            }
        }
    }
    found.sort_by(|a, b| a.deadline.cmp(&b.deadline));
    Ok(found)
}

/// Whole days until `deadline` when it ends within the window (not `forever`, not past).
pub fn days_left(deadline: &str, now: OffsetDateTime) -> Option<i64> {
    let end = OffsetDateTime::parse(deadline.trim(), &Rfc3339).ok()?;
    let left = end - now;
    (left.is_positive() && left.whole_days() < EXPIRING_WITHIN_DAYS).then(|| left.whole_days())
}

/// Images other accounts share with this one (valid shares only).
pub async fn shared_with_me(session: &Session) -> Result<Vec<ImageRow>, BrowseError> {
    let query = SharedRepoQuery {
        valid: Some(true),
        ..SharedRepoQuery::new(SharedBy::Others)
    };
    let mut rows: Vec<ImageRow> = session
        .api
        .list_shared_repos_v3(query, 1000)
        .map_ok(ImageRow::from)
        .try_collect()
        .await?;
    rows.sort_by(|a, b| (&a.organization, &a.name).cmp(&(&b.organization, &b.name)));
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_shares_ending_within_the_week_count() {
        let now = OffsetDateTime::parse("2024-05-01T12:00:00Z", &Rfc3339).unwrap();
        assert_eq!(days_left("2024-05-01T18:00:00.000Z", now), Some(0));
        assert_eq!(days_left("2024-05-07T13:00:00Z", now), Some(6));
        assert_eq!(days_left("2024-05-08T13:00:00Z", now), None);
        assert_eq!(days_left("2024-04-30T00:00:00Z", now), None);
        assert_eq!(days_left("forever", now), None);
    }
}
