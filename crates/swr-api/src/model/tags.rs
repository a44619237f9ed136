//! Tags (image versions).

use serde::{Deserialize, Serialize};

use super::lenient;

/// An element of the v2 tag list (`ShowReposTagResp`). Note the capital `Tag` key.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct TagV2 {
    /// Tag record id.
    #[serde(deserialize_with = "lenient::int")]
    pub id: i64,
    /// Repository id.
    #[serde(deserialize_with = "lenient::int")]
    pub repo_id: i64,
    /// Tag name (wire key `Tag`).
    #[serde(rename = "Tag", deserialize_with = "lenient::text")]
    pub tag: String,
    /// Image (config) id.
    #[serde(deserialize_with = "lenient::text")]
    pub image_id: String,
    /// Manifest as JSON text.
    #[serde(deserialize_with = "lenient::text")]
    pub manifest: String,
    /// Manifest digest.
    #[serde(deserialize_with = "lenient::text")]
    pub digest: String,
    /// Manifest schema version.
    #[serde(deserialize_with = "lenient::int")]
    pub schema: i64,
    /// External pull address with tag.
    #[serde(deserialize_with = "lenient::text")]
    pub path: String,
    /// Intra-cloud pull address with tag.
    #[serde(deserialize_with = "lenient::text")]
    pub internal_path: String,
    /// Size in bytes.
    #[serde(deserialize_with = "lenient::int")]
    pub size: i64,
    /// Trusted flag.
    #[serde(deserialize_with = "lenient::flag")]
    pub is_trusted: bool,
    /// Creation time (UTC).
    #[serde(deserialize_with = "lenient::text")]
    pub created: String,
    /// Last update (UTC).
    #[serde(deserialize_with = "lenient::text")]
    pub updated: String,
    /// Deletion time, if deleted.
    #[serde(deserialize_with = "lenient::opt_text")]
    pub deleted: Option<String>,
    /// Account id.
    #[serde(deserialize_with = "lenient::text")]
    pub domain_id: String,
    /// Scanned flag.
    #[serde(deserialize_with = "lenient::flag")]
    pub scanned: bool,
    /// 0 manifest, 1 manifest list.
    #[serde(deserialize_with = "lenient::int")]
    pub tag_type: i64,
}

/// One tag as `show_repo_tag` and the v3 list return it (lower-case `tag`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct TagDetail {
    /// Tag record id.
    #[serde(deserialize_with = "lenient::int")]
    pub id: i64,
    /// Repository id.
    #[serde(deserialize_with = "lenient::int")]
    pub repo_id: i64,
    /// Tag name.
    #[serde(deserialize_with = "lenient::text")]
    pub tag: String,
    /// Image (config) id.
    #[serde(deserialize_with = "lenient::text")]
    pub image_id: String,
    /// Manifest as JSON text (v3 lists only with `with_manifest=true`).
    #[serde(deserialize_with = "lenient::text")]
    pub manifest: String,
    /// Manifest digest.
    #[serde(deserialize_with = "lenient::text")]
    pub digest: String,
    /// Manifest schema version.
    #[serde(deserialize_with = "lenient::int")]
    pub schema: i64,
    /// External pull address with tag.
    #[serde(deserialize_with = "lenient::text")]
    pub path: String,
    /// Intra-cloud pull address with tag.
    #[serde(deserialize_with = "lenient::text")]
    pub internal_path: String,
    /// Size in bytes.
    #[serde(deserialize_with = "lenient::int")]
    pub size: i64,
    /// Trusted flag.
    #[serde(deserialize_with = "lenient::flag")]
    pub is_trusted: bool,
    /// Creation time (UTC).
    #[serde(deserialize_with = "lenient::text")]
    pub created: String,
    /// Last update (UTC).
    #[serde(deserialize_with = "lenient::text")]
    pub updated: String,
    /// Account id.
    #[serde(deserialize_with = "lenient::text")]
    pub domain_id: String,
    /// 0 manifest, 1 manifest list.
    #[serde(deserialize_with = "lenient::int")]
    pub tag_type: i64,
}

/// Body of the v3 tag list.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub(crate) struct TagPageV3 {
    #[serde(deserialize_with = "lenient::list")]
    pub tags: Vec<TagDetail>,
    #[serde(rename = "nextMarker", deserialize_with = "lenient::opt_text")]
    pub next_marker: Option<String>,
    #[serde(deserialize_with = "lenient::flag")]
    pub has_more: bool,
}

/// Body of `create_repo_tag` (retag).
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Retag<'a> {
    pub source_tag: &'a str,
    pub destination_tag: &'a str,
    pub r#override: bool,
}

/// Sort column of the tag lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum TagSort {
    /// `updated_at`
    UpdatedAt,
    /// `tag`
    Tag,
}

impl TagSort {
    /// Wire value.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::UpdatedAt => "updated_at",
            Self::Tag => "tag",
        }
    }
}

/// Filters and sorting of the tag lists.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct TagListQuery {
    /// Tag name filter.
    pub tag: Option<String>,
    /// Sorting.
    pub sort: Option<(TagSort, super::repos::SortDirection)>,
    /// v3 only: include each tag's manifest.
    pub with_manifest: bool,
}
