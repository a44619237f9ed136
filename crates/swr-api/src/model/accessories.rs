//! Accessories (e.g. signatures) attached to an image, and the images a signature signs.

use serde::{Deserialize, Serialize};

use super::lenient;

/// An accessory artifact (`AccessoryListAccessories`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct Accessory {
    /// Accessory id.
    #[serde(deserialize_with = "lenient::int")]
    pub id: i64,
    /// Owning account id.
    #[serde(deserialize_with = "lenient::text")]
    pub domain_id: String,
    /// Organization.
    #[serde(deserialize_with = "lenient::text")]
    pub namespace_name: String,
    /// Repository.
    #[serde(deserialize_with = "lenient::text")]
    pub repo_name: String,
    /// Tag of the accessory artifact.
    #[serde(deserialize_with = "lenient::text")]
    pub sig_tag: String,
    /// Digest of the accessory artifact.
    #[serde(deserialize_with = "lenient::text")]
    pub sig_digest: String,
    /// Digest of the image it is attached to.
    #[serde(deserialize_with = "lenient::text")]
    pub target_digest: String,
    /// Size in bytes.
    #[serde(deserialize_with = "lenient::int")]
    pub size: i64,
    /// Accessory type.
    #[serde(rename = "type", deserialize_with = "lenient::text")]
    pub kind: String,
    /// Creation time (UTC).
    #[serde(deserialize_with = "lenient::text")]
    pub created_at: String,
    /// Last update (UTC).
    #[serde(deserialize_with = "lenient::text")]
    pub updated_at: String,
}

/// Body of `list_repo_accessories`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub(crate) struct AccessoryPage {
    #[serde(deserialize_with = "lenient::opt_int")]
    pub total: Option<i64>,
    #[serde(deserialize_with = "lenient::list")]
    pub accessories: Vec<Accessory>,
}

/// Body of `list_references` (note the snake_case `next_marker`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub(crate) struct ReferencePage {
    #[serde(deserialize_with = "lenient::opt_text")]
    pub next_marker: Option<String>,
    #[serde(deserialize_with = "lenient::flag")]
    pub has_more: bool,
    #[serde(deserialize_with = "lenient::list")]
    pub tags: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_documented_fields() {
        let page: AccessoryPage = serde_json::from_str(
            r#"{"total": 1, "accessories": [{"id": 5, "domain_id": "d", "namespace_name": "ns",
                "repo_name": "app", "sig_tag": "sha256-abc.sig", "sig_digest": "sha256:1",
                "target_digest": "sha256:2", "size": 900, "type": "signature",
                "created_at": "2024-01-01T00:00:00Z", "updated_at": "2024-01-01T00:00:00Z"}]}"#,
        )
        .unwrap();
        assert_eq!(page.total, Some(1));
        assert_eq!(page.accessories[0].kind, "signature");
        assert_eq!(page.accessories[0].sig_tag, "sha256-abc.sig");
        let refs: ReferencePage =
            serde_json::from_str(r#"{"next_marker": "m2", "has_more": true, "tags": ["v1"]}"#)
                .unwrap();
        assert_eq!(refs.next_marker.as_deref(), Some("m2"));
        assert!(refs.has_more);
    }
}
