//! The index of every repository a profile can see, searched and sorted without a round trip.
//!
//! SWR's lists page at most 1,000 repositories and sort by few columns; a console with 10,000
//! images wants to search by any part of a name, filter by organization, category and
//! visibility, and sort by name, update time or tag count at every keystroke. The index is read
//! once with the v3 marker listing (the offset listing where v3 is not served), kept per
//! profile, and every query is answered here: the order of a query is computed once and a
//! window is a slice of it.

use std::collections::{BTreeSet, HashMap};

use futures::TryStreamExt;
use serde::{Deserialize, Serialize};
use swr_api::model::{RepoListQuery, RepoListQueryV3};

use super::{now_ms, window, BrowseError, Orders};
use crate::sessions::Session;

/// One repository (image) as the lists show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ImageRow {
    pub organization: String,
    pub name: String,
    /// SWR's category value (`linux`, `app_server`, …).
    pub category: String,
    pub is_public: bool,
    pub tag_count: u64,
    /// Bytes, as SWR reports them.
    pub size: u64,
    pub downloads: u64,
    /// Last update (UTC, as SWR writes it).
    pub updated: String,
    pub description: String,
}

impl ImageRow {
    /// `organization/name`.
    pub fn path(&self) -> String {
        format!("{}/{}", self.organization, self.name)
    }
}

impl From<swr_api::model::RepoSummaryV3> for ImageRow {
    fn from(r: swr_api::model::RepoSummaryV3) -> Self {
        Self {
            organization: r.namespace_name,
            name: r.name,
            category: r.category,
            is_public: r.is_public,
            tag_count: non_negative(r.num_images),
            size: non_negative(r.size),
            downloads: non_negative(r.num_download),
            updated: r.updated_at,
            description: r.description,
        }
    }
}

impl From<swr_api::model::RepoSummary> for ImageRow {
    fn from(r: swr_api::model::RepoSummary) -> Self {
        Self {
            organization: r.namespace,
            name: r.name,
            category: r.category,
            is_public: r.is_public,
            tag_count: non_negative(r.num_images),
            size: non_negative(r.size),
            downloads: non_negative(r.num_download),
            updated: r.updated_at,
            description: r.description,
        }
    }
}

/// How to order images.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub enum ImageSort {
    Name,
    Updated,
    TagCount,
}

/// Public, private or both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub enum Visibility {
    All,
    Public,
    Private,
}

/// What the image list shows.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ImageQuery {
    /// Matched case-insensitively against `organization/name` and the description.
    pub text: String,
    pub organization: Option<String>,
    pub category: Option<String>,
    pub visibility: Visibility,
    pub sort: ImageSort,
    pub descending: bool,
}

impl Default for ImageQuery {
    fn default() -> Self {
        Self {
            text: String::new(),
            organization: None,
            category: None,
            visibility: Visibility::All,
            sort: ImageSort::Name,
            descending: false,
        }
    }
}

/// A window of the filtered, sorted images.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ImageWindow {
    /// Images in the index.
    pub total: u64,
    /// Images the query keeps.
    pub matching: u64,
    pub offset: u64,
    pub rows: Vec<ImageRow>,
}

/// The index's size and age.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct IndexStatus {
    pub total: u64,
    /// Organizations that hold at least one image, sorted.
    pub organizations: Vec<String>,
    /// Unix milliseconds.
    pub refreshed_at: u64,
}

/// Every image of a profile.
#[derive(Debug)]
pub struct ImageIndex {
    rows: Vec<ImageRow>,
    /// `organization/name` lower-cased, then the description lower-cased: what text matches.
    haystacks: Vec<String>,
    refreshed_at: u64,
    orders: Orders<ImageQuery>,
}

/// Page size of the listing: the most SWR hands out at once.
const PAGE: u32 = 1000;

impl ImageIndex {
    pub fn new(rows: Vec<ImageRow>, refreshed_at: u64) -> Self {
        let haystacks = rows
            .iter()
            .map(|r| format!("{}\n{}", r.path(), r.description).to_lowercase())
            .collect();
        Self {
            rows,
            haystacks,
            refreshed_at,
            orders: Orders::new(),
        }
    }

    /// Reads every repository the profile can see (one organization's with `organization`).
    pub async fn fetch(session: &Session, organization: Option<&str>) -> Result<Self, BrowseError> {
        let query = RepoListQueryV3 {
            namespace: organization.map(str::to_owned),
            ..RepoListQueryV3::default()
        };
        let rows = match session
            .api
            .list_repos_v3(query, PAGE)
            .map_ok(ImageRow::from)
            .try_collect::<Vec<_>>()
            .await
        {
            Ok(rows) => rows,
            // Regions without the v3 listing answer 404: page with offsets instead.
            Err(e) if e.status() == Some(404) => Self::fetch_v2(session, organization).await?,
            Err(e) => return Err(e.into()),
        };
        Ok(Self::new(rows, now_ms()))
    }

    async fn fetch_v2(
        session: &Session,
        organization: Option<&str>,
    ) -> Result<Vec<ImageRow>, BrowseError> {
        let query = RepoListQuery {
            namespace: organization.map(str::to_owned),
            ..RepoListQuery::default()
        };
        Ok(session
            .api
            .list_repos(query, 100)
            .map_ok(ImageRow::from)
            .try_collect()
            .await?)
    }

    pub fn status(&self) -> IndexStatus {
        let organizations: BTreeSet<&str> =
            self.rows.iter().map(|r| r.organization.as_str()).collect();
        IndexStatus {
            total: self.rows.len() as u64,
            organizations: organizations.into_iter().map(str::to_owned).collect(),
            refreshed_at: self.refreshed_at,
        }
    }

    pub fn rows(&self) -> &[ImageRow] {
        &self.rows
    }

    pub fn get(&self, organization: &str, name: &str) -> Option<&ImageRow> {
        self.rows
            .iter()
            .find(|r| r.organization == organization && r.name == name)
    }

    /// Images per organization.
    pub fn counts(&self) -> HashMap<&str, u64> {
        let mut counts = HashMap::new();
        for r in &self.rows {
            *counts.entry(r.organization.as_str()).or_default() += 1;
        }
        counts
    }

    /// `limit` rows from `offset` of the images `query` keeps, in its order.
    pub fn query(&self, query: &ImageQuery, offset: u64, limit: u64) -> ImageWindow {
        let order = self.orders.of(query, || self.order(query));
        ImageWindow {
            total: self.rows.len() as u64,
            matching: order.len() as u64,
            offset,
            rows: window(&self.rows, &order, offset, limit),
        }
    }

    fn order(&self, q: &ImageQuery) -> Vec<u32> {
        let text = q.text.trim().to_lowercase();
        let mut order: Vec<u32> = (0..self.rows.len() as u32)
            .filter(|&i| {
                let r = &self.rows[i as usize];
                (text.is_empty() || self.haystacks[i as usize].contains(&text))
                    && q.organization.as_ref().is_none_or(|o| *o == r.organization)
                    && q.category.as_ref().is_none_or(|c| *c == r.category)
                    && match q.visibility {
                        Visibility::All => true,
                        Visibility::Public => r.is_public,
                        Visibility::Private => !r.is_public,
                    }
            })
            .collect();
        let rows = &self.rows;
        order.sort_by(|&a, &b| {
            let (x, y) = (&rows[a as usize], &rows[b as usize]);
            let o = match q.sort {
                ImageSort::Name => std::cmp::Ordering::Equal,
                ImageSort::Updated => x.updated.cmp(&y.updated),
                ImageSort::TagCount => x.tag_count.cmp(&y.tag_count),
            }
            .then_with(|| (&x.organization, &x.name).cmp(&(&y.organization, &y.name)));
            if q.descending {
                o.reverse()
            } else {
                o
            }
        });
        order
    }
}

pub(crate) fn non_negative(n: i64) -> u64 {
    u64::try_from(n).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(org: &str, name: &str, public: bool, tags: u64, updated: &str) -> ImageRow {
        ImageRow {
            organization: org.into(),
            name: name.into(),
            category: if public { "linux" } else { "other" }.into(),
            is_public: public,
            tag_count: tags,
            size: 0,
            downloads: 0,
            updated: updated.into(),
            description: format!("the {name} service"),
        }
    }

    fn names(w: &ImageWindow) -> Vec<String> {
        w.rows.iter().map(ImageRow::path).collect()
    }

    #[test]
    fn search_filters_and_sorts_answer_locally() {
        let idx = ImageIndex::new(
            vec![
                row("team-b", "web", true, 3, "2024-03-01"),
                row("team-a", "web", false, 9, "2024-01-01"),
                row("team-a", "api/v2", false, 1, "2024-02-01"),
                row("base", "alpine", true, 5, "2023-01-01"),
            ],
            7,
        );
        let all = ImageQuery::default();
        assert_eq!(
            names(&idx.query(&all, 0, 10)),
            ["base/alpine", "team-a/api/v2", "team-a/web", "team-b/web"]
        );
        let q = ImageQuery {
            text: "WEB".into(),
            ..ImageQuery::default()
        };
        assert_eq!(names(&idx.query(&q, 0, 10)), ["team-a/web", "team-b/web"]);
        let q = ImageQuery {
            text: "service".into(),
            organization: Some("team-a".into()),
            visibility: Visibility::Private,
            sort: ImageSort::TagCount,
            descending: true,
            ..ImageQuery::default()
        };
        let w = idx.query(&q, 0, 10);
        assert_eq!(names(&w), ["team-a/web", "team-a/api/v2"]);
        assert_eq!((w.total, w.matching), (4, 2));
        let q = ImageQuery {
            sort: ImageSort::Updated,
            descending: true,
            ..ImageQuery::default()
        };
        assert_eq!(names(&idx.query(&q, 1, 2)), ["team-a/api/v2", "team-a/web"]);
        assert_eq!(idx.status().organizations, ["base", "team-a", "team-b"]);
        assert_eq!(idx.counts()["team-a"], 2);
    }
}
