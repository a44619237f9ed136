//! Organizations and permission entries.

use serde::{Deserialize, Serialize};

use super::lenient;
use super::PermissionLevel;

/// An organization (`ShowNamespace`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct Namespace {
    /// Organization id.
    #[serde(deserialize_with = "lenient::int")]
    pub id: i64,
    /// Organization name.
    #[serde(deserialize_with = "lenient::text")]
    pub name: String,
    /// IAM user who created it.
    #[serde(deserialize_with = "lenient::text")]
    pub creator_name: String,
    /// The caller's permission: 7, 3 or 1.
    #[serde(deserialize_with = "lenient::int")]
    pub auth: i64,
}

impl Namespace {
    /// The caller's permission level, when it is one of the known values.
    pub fn level(&self) -> Option<PermissionLevel> {
        PermissionLevel::from_code(self.auth)
    }
}

/// Body of `list_namespaces`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub(crate) struct NamespaceList {
    #[serde(deserialize_with = "lenient::list")]
    pub namespaces: Vec<Namespace>,
}

/// Body of `create_namespace`.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct CreateNamespace<'a> {
    pub namespace: &'a str,
}

/// A permission entry as SWR returns it (`UserAuth`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct UserAuth {
    /// IAM user id.
    #[serde(deserialize_with = "lenient::text")]
    pub user_id: String,
    /// IAM user name.
    #[serde(deserialize_with = "lenient::text")]
    pub user_name: String,
    /// 7 manage, 3 write, 1 read.
    #[serde(deserialize_with = "lenient::int")]
    pub auth: i64,
}

impl UserAuth {
    /// The permission level, when it is one of the known values.
    pub fn level(&self) -> Option<PermissionLevel> {
        PermissionLevel::from_code(self.auth)
    }
}

/// A permission to grant or change; the level type makes invalid levels unrepresentable.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PermissionGrant {
    /// IAM user id.
    pub user_id: String,
    /// IAM user name.
    pub user_name: String,
    /// Level, sent as 7/3/1.
    pub auth: PermissionLevel,
}

/// Permissions on an organization or repository (`show_namespace_auth`,
/// `show_user_repository_auth`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct Permissions {
    /// Organization or repository id.
    #[serde(deserialize_with = "lenient::int")]
    pub id: i64,
    /// Organization or repository name.
    #[serde(deserialize_with = "lenient::text")]
    pub name: String,
    /// Creator (organizations only).
    #[serde(deserialize_with = "lenient::text")]
    pub creator_name: String,
    /// The caller's own entry.
    pub self_auth: Option<UserAuth>,
    /// Everybody else's entries.
    #[serde(deserialize_with = "lenient::list")]
    pub others_auths: Vec<UserAuth>,
}
