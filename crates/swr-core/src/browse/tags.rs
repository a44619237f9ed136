//! The tags of one image: fetched whole once, then filtered, sorted and windowed locally.
//!
//! An image can carry tens of thousands of tags; the screen shows a few dozen at a time and
//! re-asks at every keystroke of the filter box. The list is fetched once (v3 marker listing),
//! each filter + sort is computed once and remembered, and a window is a slice of that order, so
//! scrolling costs nothing and a keystroke costs one pass over the names.

use std::collections::HashMap;

use futures::TryStreamExt;
use serde::{Deserialize, Serialize};
use swr_api::model::TagListQuery;

use super::version::{compare_parsed, compare_tags, Range, Version};
use super::{glob_matches, window, BrowseError, Orders};
use crate::sessions::Session;

/// One tag as the lists show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct TagRow {
    pub tag: String,
    /// Manifest digest (`sha256:…`).
    pub digest: String,
    /// Size in bytes as SWR reports it.
    pub size: u64,
    /// When it was last pushed (UTC, as SWR writes it).
    pub pushed: String,
    /// A multi-platform index rather than one image.
    pub is_index: bool,
    /// The other tags of this image that point to the same digest.
    pub siblings: Vec<String>,
}

/// How to order tags.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub enum TagSort {
    /// Versions by version (`v1.9 < v1.10`), other names after them.
    Version,
    Pushed,
    Name,
    Size,
}

/// What the tag list shows.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct TagQuery {
    /// Text (substring), a glob (`v1.*`, `?`), or a version range (`>=1.2 <2`).
    pub filter: String,
    pub sort: TagSort,
    pub descending: bool,
}

impl Default for TagQuery {
    fn default() -> Self {
        Self {
            filter: String::new(),
            sort: TagSort::Version,
            descending: true,
        }
    }
}

/// A window of the filtered, sorted tags.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct TagWindow {
    /// Tags of the image.
    pub total: u64,
    /// Tags the filter keeps.
    pub matching: u64,
    pub offset: u64,
    pub rows: Vec<TagRow>,
    /// Why the filter could not be read (a malformed range); `rows` is then empty.
    pub filter_problem: Option<String>,
}

/// How many tags an image has and when they were read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct TagsStatus {
    pub total: u64,
    /// Unix milliseconds.
    pub refreshed_at: u64,
}

/// A parsed filter box.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TagFilter {
    All,
    Text(String),
    Glob(String),
    Range(Range),
}

impl TagFilter {
    /// Ranges start with a comparison; text with `*` or `?` is a glob; anything else a substring
    /// (case-insensitive).
    pub fn parse(text: &str) -> Result<Self, String> {
        let text = text.trim();
        if text.is_empty() {
            Ok(Self::All)
        } else if text.starts_with(['<', '>', '=']) {
            Range::parse(text).map(Self::Range)
        } else if text.contains(['*', '?']) {
            Ok(Self::Glob(text.to_owned()))
        } else {
            Ok(Self::Text(text.to_lowercase()))
        }
    }

    pub fn matches(&self, tag: &str) -> bool {
        self.matches_read(tag, &tag.to_lowercase(), Version::parse(tag).as_ref())
    }

    /// [`Self::matches`] with the tag's lower-case form and version read beforehand, as the
    /// tag index keeps them.
    fn matches_read(&self, tag: &str, lowercase: &str, version: Option<&Version>) -> bool {
        match self {
            Self::All => true,
            Self::Text(t) => lowercase.contains(t.as_str()),
            Self::Glob(g) => glob_matches(g, tag),
            Self::Range(r) => version.is_some_and(|v| r.holds(v)),
        }
    }
}

/// Page size of the listing: the most SWR hands out at once, so 20,000 tags take 20 requests.
const PAGE: u32 = 1000;

/// The tags of one image.
#[derive(Debug)]
pub struct TagIndex {
    rows: Vec<TagRow>,
    refreshed_at: u64,
    orders: Orders<TagQuery>,
    /// Every row in each sort order asked for so far: a new filter then only walks one of
    /// these (linear) instead of sorting its matches again, so typing answers within a frame.
    sorted: Orders<(TagSort, bool)>,
    /// Each row's tag read as a version once, so that sorting and range filters over tens of
    /// thousands of tags compare numbers instead of parsing names at every comparison.
    versions: Vec<Option<Version>>,
    /// Each row's tag in lower case, for the case-insensitive text filter.
    lowercase: Vec<String>,
}

impl TagIndex {
    /// Builds the index from tags as SWR lists them; `siblings` are derived here.
    pub fn new(mut rows: Vec<TagRow>, refreshed_at: u64) -> Self {
        let mut by_digest: HashMap<String, Vec<String>> = HashMap::new();
        for r in &rows {
            by_digest
                .entry(r.digest.clone())
                .or_default()
                .push(r.tag.clone());
        }
        for r in &mut rows {
            r.siblings = by_digest
                .get(&r.digest)
                .map(|tags| tags.iter().filter(|t| **t != r.tag).cloned().collect())
                .unwrap_or_default();
            r.siblings.sort_by(|a, b| compare_tags(a, b));
        }
        let versions = rows.iter().map(|r| Version::parse(&r.tag)).collect();
        let lowercase = rows.iter().map(|r| r.tag.to_lowercase()).collect();
        Self {
            rows,
            refreshed_at,
            orders: Orders::new(),
            sorted: Orders::new(),
            versions,
            lowercase,
        }
    }

    /// Reads every tag of `organization/image` from SWR.
    pub async fn fetch(
        session: &Session,
        organization: &str,
        image: &str,
    ) -> Result<Self, BrowseError> {
        let details: Vec<_> = session
            .api
            .list_tags_v3(organization, image, TagListQuery::default(), PAGE)
            .try_collect()
            .await?;
        let rows = details
            .into_iter()
            .map(|t| TagRow {
                tag: t.tag,
                digest: t.digest,
                size: u64::try_from(t.size).unwrap_or(0),
                pushed: if t.updated.is_empty() {
                    t.created
                } else {
                    t.updated
                },
                is_index: t.tag_type == 1,
                siblings: Vec::new(),
            })
            .collect();
        Ok(Self::new(rows, super::now_ms()))
    }

    pub fn status(&self) -> TagsStatus {
        TagsStatus {
            total: self.rows.len() as u64,
            refreshed_at: self.refreshed_at,
        }
    }

    /// Every tag, in no particular order.
    pub fn rows(&self) -> &[TagRow] {
        &self.rows
    }

    pub fn get(&self, tag: &str) -> Option<&TagRow> {
        self.rows.iter().find(|r| r.tag == tag)
    }

    /// The tag an overview shows first: `latest` if there is one, else the last pushed.
    pub fn default_tag(&self) -> Option<&TagRow> {
        self.get("latest")
            .or_else(|| self.rows.iter().max_by(|a, b| a.pushed.cmp(&b.pushed)))
    }

    /// `limit` rows from `offset` of the tags `query` keeps, in its order.
    pub fn query(&self, query: &TagQuery, offset: u64, limit: u64) -> TagWindow {
        let filter = match TagFilter::parse(&query.filter) {
            Ok(f) => f,
            Err(problem) => {
                return TagWindow {
                    total: self.rows.len() as u64,
                    matching: 0,
                    offset,
                    rows: Vec::new(),
                    filter_problem: Some(problem),
                }
            }
        };
        let order = self.orders.of(query, || self.order(&filter, query));
        TagWindow {
            total: self.rows.len() as u64,
            matching: order.len() as u64,
            offset,
            rows: window(&self.rows, &order, offset, limit),
            filter_problem: None,
        }
    }

    fn order(&self, filter: &TagFilter, query: &TagQuery) -> Vec<u32> {
        let sorted = self.sorted.of(&(query.sort, query.descending), || {
            self.sorted_rows(query.sort, query.descending)
        });
        if matches!(filter, TagFilter::All) {
            return sorted.to_vec();
        }
        sorted
            .iter()
            .copied()
            .filter(|&i| {
                let i = i as usize;
                filter.matches_read(
                    &self.rows[i].tag,
                    &self.lowercase[i],
                    self.versions[i].as_ref(),
                )
            })
            .collect()
    }

    /// Every row, in one sort order.
    fn sorted_rows(&self, sort: TagSort, descending: bool) -> Vec<u32> {
        let mut order: Vec<u32> = (0..u32::try_from(self.rows.len()).unwrap_or(u32::MAX)).collect();
        let (rows, versions) = (&self.rows, &self.versions);
        order.sort_by(|&a, &b| {
            let (x, y) = (&rows[a as usize], &rows[b as usize]);
            let (vx, vy) = (versions[a as usize].as_ref(), versions[b as usize].as_ref());
            if sort == TagSort::Version {
                // Names that are not versions (`latest`, `main`) stay below the versions
                // whichever way these run.
                match (vx.is_some(), vy.is_some()) {
                    (true, false) => return std::cmp::Ordering::Less,
                    (false, true) => return std::cmp::Ordering::Greater,
                    _ => {}
                }
            }
            let o = match sort {
                TagSort::Version => compare_parsed(&x.tag, vx, &y.tag, vy),
                TagSort::Pushed => x.pushed.cmp(&y.pushed),
                TagSort::Name => x.tag.cmp(&y.tag),
                TagSort::Size => x.size.cmp(&y.size),
            }
            .then_with(|| x.tag.cmp(&y.tag));
            if descending {
                o.reverse()
            } else {
                o
            }
        });
        order
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(tag: &str, digest: &str, pushed: &str) -> TagRow {
        TagRow {
            tag: tag.into(),
            digest: digest.into(),
            size: 10,
            pushed: pushed.into(),
            is_index: false,
            siblings: Vec::new(),
        }
    }

    fn tags(w: &TagWindow) -> Vec<&str> {
        w.rows.iter().map(|r| r.tag.as_str()).collect()
    }

    fn index() -> TagIndex {
        TagIndex::new(
            vec![
                row("v1.9.0", "sha256:a", "2024-01-01T00:00:00Z"),
                row("v1.10.0", "sha256:b", "2024-02-01T00:00:00Z"),
                row("latest", "sha256:b", "2024-02-01T00:00:01Z"),
                row("v2.0.0", "sha256:c", "2024-03-01T00:00:00Z"),
                row("dev-x", "sha256:d", "2023-01-01T00:00:00Z"),
            ],
            1,
        )
    }

    #[test]
    fn filters_by_text_glob_and_range_and_sorts_by_version() {
        let idx = index();
        let q = |filter: &str| TagQuery {
            filter: filter.into(),
            sort: TagSort::Version,
            descending: false,
        };
        assert_eq!(
            tags(&idx.query(&q(""), 0, 10)),
            ["v1.9.0", "v1.10.0", "v2.0.0", "dev-x", "latest"]
        );
        assert_eq!(tags(&idx.query(&q("V1"), 0, 10)), ["v1.9.0", "v1.10.0"]);
        assert_eq!(
            tags(&idx.query(&q("v?.*.0"), 0, 10)),
            ["v1.9.0", "v1.10.0", "v2.0.0"]
        );
        let w = idx.query(&q(">=1.10 <3"), 0, 10);
        assert_eq!(tags(&w), ["v1.10.0", "v2.0.0"]);
        assert_eq!((w.total, w.matching), (5, 2));
        let bad = idx.query(&q(">=x"), 0, 10);
        assert!(bad.rows.is_empty() && bad.filter_problem.is_some());
    }

    #[test]
    fn windows_slice_one_order_and_siblings_name_the_same_image() {
        let idx = index();
        let q = TagQuery {
            filter: String::new(),
            sort: TagSort::Pushed,
            descending: true,
        };
        assert_eq!(tags(&idx.query(&q, 1, 2)), ["latest", "v1.10.0"]);
        assert_eq!(tags(&idx.query(&q, 4, 10)), ["dev-x"]);
        assert!(idx.query(&q, 9, 10).rows.is_empty());
        let newest_first = TagQuery::default();
        assert_eq!(
            tags(&idx.query(&newest_first, 0, 10)),
            ["v2.0.0", "v1.10.0", "v1.9.0", "latest", "dev-x"]
        );
        assert_eq!(idx.get("latest").unwrap().siblings, ["v1.10.0"]);
        assert!(idx.get("v2.0.0").unwrap().siblings.is_empty());
        assert_eq!(idx.default_tag().unwrap().tag, "latest");
    }
}
