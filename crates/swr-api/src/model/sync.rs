//! Image synchronisation between regions. These models use camelCase keys on the wire.

use serde::{Deserialize, Serialize};

use super::lenient;

/// An automatic sync rule (`SyncRepo`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default, rename_all = "camelCase")]
pub struct SyncRule {
    /// Rule id.
    #[serde(deserialize_with = "lenient::int")]
    pub id: i64,
    /// Account id (`domainID`).
    #[serde(rename = "domainID", deserialize_with = "lenient::text")]
    pub domain_id: String,
    /// Account name.
    #[serde(deserialize_with = "lenient::text")]
    pub domain_name: String,
    /// Source organization.
    #[serde(deserialize_with = "lenient::text")]
    pub namespace: String,
    /// Repository.
    #[serde(deserialize_with = "lenient::text")]
    pub repo_name: String,
    /// Target region.
    #[serde(deserialize_with = "lenient::text")]
    pub remote_region_id: String,
    /// Target organization.
    #[serde(deserialize_with = "lenient::text")]
    pub remote_namespace: String,
    /// Sync new tags automatically.
    #[serde(deserialize_with = "lenient::flag")]
    pub sync_auto: bool,
    /// Overwrite same-named tags at the target.
    #[serde(deserialize_with = "lenient::flag")]
    pub r#override: bool,
    /// Creation time.
    #[serde(deserialize_with = "lenient::text")]
    pub created_at: String,
    /// Last update.
    #[serde(deserialize_with = "lenient::text")]
    pub updated_at: String,
}

/// A sync job (`SyncJob`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default, rename_all = "camelCase")]
pub struct SyncJob {
    /// Job id.
    #[serde(deserialize_with = "lenient::int")]
    pub id: i64,
    /// Account id (`domainID`).
    #[serde(rename = "domainID", deserialize_with = "lenient::text")]
    pub domain_id: String,
    /// Account name.
    #[serde(deserialize_with = "lenient::text")]
    pub domain_name: String,
    /// Source organization.
    #[serde(deserialize_with = "lenient::text")]
    pub namespace: String,
    /// Repository.
    #[serde(deserialize_with = "lenient::text")]
    pub repo_name: String,
    /// Tag.
    #[serde(deserialize_with = "lenient::text")]
    pub tag: String,
    /// Target region.
    #[serde(deserialize_with = "lenient::text")]
    pub remote_region_id: String,
    /// Target organization.
    #[serde(deserialize_with = "lenient::text")]
    pub remote_namespace: String,
    /// Overwrite flag.
    #[serde(deserialize_with = "lenient::flag")]
    pub r#override: bool,
    /// `waiting`, `running`, `success`, `failed`, `timeout`, `cancel` or `existed`.
    #[serde(deserialize_with = "lenient::text")]
    pub status: String,
    /// Who started it (id).
    #[serde(deserialize_with = "lenient::text")]
    pub sync_operator_id: String,
    /// Who started it (name).
    #[serde(deserialize_with = "lenient::text")]
    pub sync_operator_name: String,
    /// Creation time.
    #[serde(deserialize_with = "lenient::text")]
    pub created_at: String,
    /// Last update.
    #[serde(deserialize_with = "lenient::text")]
    pub updated_at: String,
}

/// Element of `list_sync_regions`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub(crate) struct RegionInfo {
    #[serde(rename = "regionID", deserialize_with = "lenient::text")]
    pub region_id: String,
}

/// Body of `create_image_sync_repo`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct CreateSyncRule<'a> {
    pub remote_region_id: &'a str,
    pub remote_namespace: &'a str,
    pub sync_auto: bool,
    pub r#override: bool,
}

/// Body of `delete_image_sync_repo`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct DeleteSyncRule<'a> {
    pub remote_region_id: &'a str,
    pub remote_namespace: &'a str,
}

/// Body of `create_manual_image_sync_repo`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct ManualSync<'a> {
    pub image_tag: &'a [String],
    pub r#override: bool,
    pub remote_namespace: &'a str,
    pub remote_region_id: &'a str,
}
