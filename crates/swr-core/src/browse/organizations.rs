//! Organizations as the browse screens list them, and deleting one that is empty.

use serde::{Deserialize, Serialize};

use super::images::ImageIndex;
use super::BrowseError;
use crate::journal::{Change, Operation};
use crate::sessions::Session;

/// One organization the profile can see.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct OrganizationRow {
    pub name: String,
    /// The account's permission: 7 manage, 3 write, 1 read.
    pub permission: i32,
    /// Write (or manage) permission: images can be pushed into it.
    pub can_push: bool,
    /// Images in it, from the image index.
    pub image_count: u64,
}

/// Every organization with its image count, sorted by name.
pub async fn list(
    session: &Session,
    index: &ImageIndex,
) -> Result<Vec<OrganizationRow>, BrowseError> {
    let counts = index.counts();
    let mut rows: Vec<OrganizationRow> = session
        .api
        .list_namespaces(false)
        .await?
        .into_iter()
        .map(|ns| OrganizationRow {
            image_count: counts.get(ns.name.as_str()).copied().unwrap_or(0),
            can_push: ns.auth >= 3,
            permission: i32::try_from(ns.auth).unwrap_or(0),
            name: ns.name,
        })
        .collect();
    rows.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(rows)
}

/// Deletes an organization. SWR refuses one that still holds images; this says so first, with
/// how many, from a fresh listing.
pub async fn delete(session: &Session, name: &str) -> Result<(), BrowseError> {
    let inside = ImageIndex::fetch(session, Some(name)).await?;
    let count = inside.rows().len();
    if count > 0 {
        return Err(BrowseError::Refused(format!(
            "organization `{name}` still holds {count} image{}: delete {} first",
            if count == 1 { "" } else { "s" },
            if count == 1 { "it" } else { "them" }
        )));
    }
    let record = Change::new(Operation::OrganizationDelete, name);
    session
        .change(record, session.api.delete_namespace(name))
        .await?;
    Ok(())
}

/// Creates an organization after checking its name against SWR's rules.
pub async fn create(session: &Session, name: &str) -> Result<(), swr_api::Error> {
    let name = name.trim();
    swr_api::rules::validate_namespace(name)?;
    let record = Change::new(Operation::OrganizationCreate, name);
    session
        .change(record, session.api.create_namespace(name))
        .await
}
