//! Triggers: update a CCE/CCI workload when a matching tag is pushed.

use serde::{Deserialize, Serialize, Serializer};

use super::lenient;

/// A trigger with its history (`Trigger`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct Trigger {
    /// Trigger name (its key in paths).
    #[serde(deserialize_with = "lenient::text")]
    pub name: String,
    /// Enabled; the wire carries the string `"true"`/`"false"`.
    #[serde(deserialize_with = "lenient::flag", serialize_with = "bool_as_text")]
    pub enable: bool,
    /// Always `update`.
    #[serde(deserialize_with = "lenient::text")]
    pub action: String,
    /// `deployments` or `statefulsets`.
    #[serde(deserialize_with = "lenient::text")]
    pub app_type: String,
    /// Workload name.
    #[serde(deserialize_with = "lenient::text")]
    pub application: String,
    /// CCE cluster id (empty for CCI).
    #[serde(deserialize_with = "lenient::text")]
    pub cluster_id: String,
    /// CCE cluster name (empty for CCI).
    #[serde(deserialize_with = "lenient::text")]
    pub cluster_name: String,
    /// Kubernetes namespace.
    #[serde(deserialize_with = "lenient::text")]
    pub cluster_ns: String,
    /// `.*`, tag name(s) separated by `;`, or a regular expression.
    #[serde(deserialize_with = "lenient::text")]
    pub condition: String,
    /// Container to update; empty = all.
    #[serde(deserialize_with = "lenient::text")]
    pub container: String,
    /// `cce` or `cci`.
    #[serde(deserialize_with = "lenient::text")]
    pub trigger_mode: String,
    /// `all`, `tag` or `regular`.
    #[serde(deserialize_with = "lenient::text")]
    pub trigger_type: String,
    /// Creation time.
    #[serde(deserialize_with = "lenient::text")]
    pub created_at: String,
    /// Creator.
    #[serde(deserialize_with = "lenient::text")]
    pub creator_name: String,
    /// Executions.
    #[serde(deserialize_with = "lenient::list")]
    pub trigger_history: Vec<TriggerHistory>,
}

/// One execution of a trigger (`TriggerHistories`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct TriggerHistory {
    /// Always `update`.
    #[serde(deserialize_with = "lenient::text")]
    pub action: String,
    /// Workload type.
    #[serde(deserialize_with = "lenient::text")]
    pub app_type: String,
    /// Workload name.
    #[serde(deserialize_with = "lenient::text")]
    pub application: String,
    /// CCE cluster id.
    #[serde(deserialize_with = "lenient::text")]
    pub cluster_id: String,
    /// CCE cluster name.
    #[serde(deserialize_with = "lenient::text")]
    pub cluster_name: String,
    /// Kubernetes namespace.
    #[serde(deserialize_with = "lenient::text")]
    pub cluster_ns: String,
    /// Condition that matched.
    #[serde(deserialize_with = "lenient::text")]
    pub condition: String,
    /// Container updated.
    #[serde(deserialize_with = "lenient::text")]
    pub container: String,
    /// When.
    #[serde(deserialize_with = "lenient::text")]
    pub created_at: String,
    /// Who.
    #[serde(deserialize_with = "lenient::text")]
    pub creator_name: String,
    /// Detail text.
    #[serde(deserialize_with = "lenient::text")]
    pub detail: String,
    /// `success` or `failed`.
    #[serde(deserialize_with = "lenient::text")]
    pub result: String,
    /// Tag that fired.
    #[serde(deserialize_with = "lenient::text")]
    pub tag: String,
}

/// What a new trigger does. Serializes to the exact `create_trigger` body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CreateTriggerRequest {
    /// Trigger name (1–64 characters, see the rules).
    pub name: String,
    /// Enabled on creation; sent as `"true"`/`"false"`.
    #[serde(serialize_with = "bool_as_text", deserialize_with = "lenient::flag")]
    pub enable: bool,
    /// Always `update`.
    pub action: String,
    /// `cce` or `cci`.
    pub trigger_mode: String,
    /// `all`, `tag` or `regular`.
    pub trigger_type: String,
    /// `.*` for `all`, tag name(s) for `tag`, a regular expression for `regular`.
    pub condition: String,
    /// `deployments` or `statefulsets`.
    pub app_type: String,
    /// Workload name.
    pub application: String,
    /// CCE cluster id (empty for CCI).
    pub cluster_id: String,
    /// CCE cluster name (empty for CCI).
    pub cluster_name: String,
    /// Kubernetes namespace.
    pub cluster_ns: String,
    /// Container to update; empty = all.
    pub container: String,
}

/// Body of `update_trigger`.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct UpdateTrigger {
    #[serde(serialize_with = "bool_as_text")]
    pub enable: bool,
}

/// SWR wants trigger flags as the strings `"true"` and `"false"`.
fn bool_as_text<S: Serializer>(value: &bool, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(if *value { "true" } else { "false" })
}
