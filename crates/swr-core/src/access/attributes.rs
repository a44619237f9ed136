//! An image's attributes: public or private, category and description.
//!
//! SWR's update replaces all three at once (`is_public` is always sent), so a change is made
//! over what SWR holds now: the current attributes are read first, the fields the user did
//! not touch are sent back unchanged, and the journal gets the touched fields before and
//! after.

use serde::{Deserialize, Serialize};
use swr_api::model::{Category, UpdateRepoRequest};
use swr_api::rules;

use super::AccessError;
use crate::journal::{Change, Operation};
use crate::sessions::Session;

/// What an image says about itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Attributes {
    /// Anyone may pull a public image without logging in; public images cannot be shared.
    pub is_public: bool,
    /// `None` when SWR holds a value the console does not know.
    pub category: Option<Category>,
    pub description: String,
}

/// The fields to change; `None` keeps the current value.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase", default)]
pub struct AttributesChange {
    pub is_public: Option<bool>,
    pub category: Option<Category>,
    pub description: Option<String>,
}

/// The attributes before and after a change. `changed` is false when the change asked for
/// what SWR already held; then no request was made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct AttributesOutcome {
    pub before: Attributes,
    pub after: Attributes,
    pub changed: bool,
}

/// The current attributes of `organization/image`.
pub async fn read(
    session: &Session,
    organization: &str,
    image: &str,
) -> Result<Attributes, AccessError> {
    let repo = session.api.show_repo(organization, image).await?;
    Ok(Attributes {
        is_public: repo.is_public,
        category: Category::parse(&repo.category),
        description: repo.description,
    })
}

/// Checks a change against SWR's rules without sending it.
pub fn check(change: &AttributesChange) -> Result<(), AccessError> {
    if let Some(d) = &change.description {
        rules::validate_repo_description(d)?;
    }
    Ok(())
}

/// The attributes `change` leads to from `current`.
pub fn apply_to(current: &Attributes, change: &AttributesChange) -> Attributes {
    Attributes {
        is_public: change.is_public.unwrap_or(current.is_public),
        category: change.category.or(current.category),
        description: change
            .description
            .clone()
            .unwrap_or_else(|| current.description.clone()),
    }
}

/// Changes the attributes of `organization/image`.
pub async fn set(
    session: &Session,
    organization: &str,
    image: &str,
    change: &AttributesChange,
) -> Result<AttributesOutcome, AccessError> {
    check(change)?;
    let before = read(session, organization, image).await?;
    let after = apply_to(&before, change);
    if after == before {
        return Ok(AttributesOutcome {
            after: before.clone(),
            before,
            changed: false,
        });
    }
    let request = UpdateRepoRequest {
        is_public: after.is_public,
        category: after.category,
        description: Some(after.description.clone()),
    };
    let (was, will) = journal_values(&before, &after);
    let record = Change::new(
        Operation::ImageAttributes,
        super::target(organization, Some(image)),
    )
    .before(was)
    .after(will);
    session
        .change(
            record,
            session.api.update_repo(organization, image, &request),
        )
        .await?;
    Ok(AttributesOutcome {
        before,
        after,
        changed: true,
    })
}

/// The fields that differ, as JSON objects, for the journal.
fn journal_values(before: &Attributes, after: &Attributes) -> (String, String) {
    let mut was = serde_json::Map::new();
    let mut will = serde_json::Map::new();
    if before.is_public != after.is_public {
        was.insert("isPublic".into(), before.is_public.into());
        will.insert("isPublic".into(), after.is_public.into());
    }
    if before.category != after.category {
        let name = |c: Option<Category>| c.map_or(serde_json::Value::Null, |c| c.as_str().into());
        was.insert("category".into(), name(before.category));
        will.insert("category".into(), name(after.category));
    }
    if before.description != after.description {
        was.insert("description".into(), before.description.clone().into());
        will.insert("description".into(), after.description.clone().into());
    }
    (
        serde_json::Value::Object(was).to_string(),
        serde_json::Value::Object(will).to_string(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn current() -> Attributes {
        Attributes {
            is_public: false,
            category: Some(Category::Linux),
            description: "web front end".into(),
        }
    }

    #[test]
    fn untouched_fields_keep_what_swr_holds() {
        let change = AttributesChange {
            is_public: Some(true),
            ..Default::default()
        };
        let after = apply_to(&current(), &change);
        assert!(after.is_public);
        assert_eq!(after.category, Some(Category::Linux));
        assert_eq!(after.description, "web front end");
    }

    #[test]
    fn the_journal_gets_only_the_fields_that_changed() {
        let after = Attributes {
            category: Some(Category::Database),
            ..current()
        };
        let (was, will) = journal_values(&current(), &after);
        assert_eq!(was, r#"{"category":"linux"}"#);
        assert_eq!(will, r#"{"category":"database"}"#);
    }

    #[test]
    fn a_description_over_the_limit_is_refused_before_any_request() {
        let change = AttributesChange {
            description: Some("x".repeat(rules::REPO_DESCRIPTION_MAX_CHARS + 1)),
            ..Default::default()
        };
        match check(&change) {
            Err(AccessError::Invalid(v)) => assert_eq!(v.field, "description"),
            other => panic!("expected a rule violation, got {other:?}"),
        }
    }
}
