//! What the Uploads screen shows of the queue, and what its form sends back.

use serde::Serialize;
use swr_api::rules::RuleViolation;
use swr_archive::Validation;

use crate::uploads::events::UploadEvent;
use crate::uploads::journal::ItemState;

/// Where a file's validation stands.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(
    tag = "status",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum ValidationState {
    /// Waiting for another file's validation to finish.
    Pending,
    Running {
        done: u64,
        total: u64,
    },
    /// The report; errors among its findings mean the file cannot be queued.
    Done {
        validation: Validation,
    },
}

/// Where one image of a file goes, as the form shows it.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ImageTarget {
    /// Position of the image in the archive.
    pub index: u32,
    /// What the archive calls it (`RepoTags` or the OCI ref name); empty when untagged.
    pub source_references: Vec<String>,
    /// Image name: the user's, else the archive's.
    pub name: Option<String>,
    /// Tags: the user's, else every tag the archive gives the image, else `latest`.
    pub tags: Vec<String>,
    /// True when the user changed the name or tag.
    pub overridden: bool,
    /// The references it will have, `registry/org/name:tag`, when the target is complete.
    pub references: Vec<String>,
}

/// Something that keeps an item from being queued, tied to its field.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct TargetProblem {
    /// The image the problem is about; `None` for the profile or organization.
    pub image: Option<u32>,
    pub violation: RuleViolation,
}

/// One row of the Uploads screen.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct UploadItemView {
    pub id: u64,
    pub file: String,
    pub file_name: String,
    pub file_size: u64,
    pub profile_id: Option<String>,
    /// The registry of the item's profile.
    pub registry: Option<String>,
    pub organization: Option<String>,
    pub compress: bool,
    pub state: ItemState,
    pub validation: ValidationState,
    pub images: Vec<ImageTarget>,
    pub problems: Vec<TargetProblem>,
    /// It was interrupted by the app closing and is being resumed.
    pub resumed: bool,
    /// Blobs already confirmed in the registry (not sent again).
    pub confirmed_blobs: u32,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct UploadsView {
    pub items: Vec<UploadItemView>,
    /// The queue is running (or will, as soon as an item is queued).
    pub running: bool,
    /// The item being pushed now.
    pub current: Option<u64>,
    /// Items interrupted when the app last closed that were put back in the queue.
    pub resumed: Vec<u64>,
    /// The latest step, progress and wait of the item being pushed, for a screen that opens
    /// mid-push (later ones arrive as events).
    pub live: Vec<UploadEvent>,
}

/// A change to an item's target, from the form.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct TargetInput {
    pub profile_id: Option<String>,
    pub organization: Option<String>,
    /// Name and tag per image position; a missing or empty value keeps the archive's.
    pub images: Vec<ImageOverrideInput>,
    pub compress: bool,
}

#[derive(Debug, Clone, Default, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ImageOverrideInput {
    pub index: u32,
    pub name: Option<String>,
    /// The tags to push; empty keeps the archive's.
    pub tags: Vec<String>,
}
