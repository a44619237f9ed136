//! Account-wide information: quotas, overview, reports, feature gates, agency, API versions.

use serde::{Deserialize, Serialize};

use super::lenient;

/// One quota (`ShowQuota`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct Quota {
    /// Quota type, e.g. `namespace`.
    #[serde(deserialize_with = "lenient::text")]
    pub quota_key: String,
    /// Limit.
    #[serde(deserialize_with = "lenient::int")]
    pub quota_limit: i64,
    /// Used.
    #[serde(deserialize_with = "lenient::int")]
    pub used: i64,
    /// Unit (often empty).
    #[serde(deserialize_with = "lenient::text")]
    pub unit: String,
}

/// Body of `list_quotas`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub(crate) struct QuotaList {
    #[serde(deserialize_with = "lenient::list")]
    pub quotas: Vec<Quota>,
}

/// Account overview (`show_domain_overview`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct Overview {
    /// Account id.
    #[serde(deserialize_with = "lenient::text")]
    pub domain_id: String,
    /// Account name.
    #[serde(deserialize_with = "lenient::text")]
    pub domain_name: String,
    /// Number of organizations (the API misspells it `namspace_num`).
    #[serde(rename = "namspace_num", deserialize_with = "lenient::int")]
    pub namespace_num: i64,
    /// Number of repositories.
    #[serde(deserialize_with = "lenient::int")]
    pub repo_num: i64,
    /// Number of images (tags).
    #[serde(deserialize_with = "lenient::int")]
    pub image_num: i64,
    /// Storage used.
    pub store_space: f64,
    /// Download traffic.
    pub downflow_size: f64,
}

/// One point of a report series (`ReportData`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct ReportPoint {
    /// Date, e.g. `2024-09-01`.
    #[serde(deserialize_with = "lenient::text")]
    pub date: String,
    /// Value.
    pub value: f64,
}

/// Which optional features a region offers (`show_share_feature_gates`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct FeatureGates {
    /// Experience hall.
    #[serde(deserialize_with = "lenient::flag")]
    pub enable_experience: bool,
    /// HSS integration.
    #[serde(deserialize_with = "lenient::flag")]
    pub enable_hss_service: bool,
    /// Image scanning.
    #[serde(deserialize_with = "lenient::flag")]
    pub enable_image_scan: bool,
    /// SM3 mode.
    #[serde(deserialize_with = "lenient::flag")]
    pub enable_sm3: bool,
    /// Cross-region image sync.
    #[serde(deserialize_with = "lenient::flag")]
    pub enable_image_sync: bool,
    /// CCI integration.
    #[serde(deserialize_with = "lenient::flag")]
    pub enable_cci_service: bool,
    /// Image labels.
    #[serde(deserialize_with = "lenient::flag")]
    pub enable_image_label: bool,
    /// Pipeline service.
    #[serde(deserialize_with = "lenient::flag")]
    pub enable_pipeline: bool,
    /// Enhanced temporary login.
    #[serde(deserialize_with = "lenient::flag")]
    pub enable_authorization_token: bool,
    /// Image resources tab.
    #[serde(deserialize_with = "lenient::flag")]
    pub enable_resource: bool,
    /// The v3 list APIs.
    #[serde(deserialize_with = "lenient::flag")]
    pub enable_list_v3: bool,
    /// Image quota enforcement.
    #[serde(deserialize_with = "lenient::flag")]
    pub enable_image_quota: bool,
}

/// Whether SWR may act on CCE/CCI for the account (`check_agency`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct Agency {
    /// Account id.
    #[serde(deserialize_with = "lenient::text")]
    pub domain_id: String,
    /// Whether the agency exists.
    #[serde(deserialize_with = "lenient::flag")]
    pub is_agency: bool,
}

/// An API version (`VersionDetail`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ApiVersion {
    /// e.g. `v2`.
    #[serde(deserialize_with = "lenient::text")]
    pub id: String,
    /// `CURRENT`, `SUPPORTED` or `DEPRECATED`.
    #[serde(deserialize_with = "lenient::text")]
    pub status: String,
    /// Release time.
    #[serde(deserialize_with = "lenient::text")]
    pub updated: String,
    /// Max micro-version.
    #[serde(deserialize_with = "lenient::text")]
    pub version: String,
    /// Min micro-version.
    #[serde(deserialize_with = "lenient::text")]
    pub min_version: String,
    /// Links (the API documents one object; a list is accepted too).
    pub links: serde_json::Value,
}

/// Body of `list_api_versions`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub(crate) struct ApiVersions {
    #[serde(deserialize_with = "lenient::list")]
    pub versions: Vec<ApiVersion>,
}

/// Body of `show_api_version`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub(crate) struct ApiVersionBody {
    pub version: Option<ApiVersion>,
}
