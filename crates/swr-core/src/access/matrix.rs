//! The effective level of every known user, across organizations or across the images of one
//! organization, and where it comes from.
//!
//! SWR combines an organization grant and an image grant by taking the higher one; the
//! caller's own level is what SWR reports for them (an account admin holds manage on
//! everything). SWR has no call that lists an account's IAM users without IAM rights, so the
//! rows are the users that hold a grant somewhere in the columns read, plus the caller.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::permissions::{list, PermissionList, Scope};
use super::{AccessError, Level};
use crate::sessions::Session;

/// Where an effective level comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub enum Origin {
    /// A grant on the organization.
    Organization,
    /// A grant on the image, higher than the organization's.
    Image,
    /// The caller's own level as SWR reports it (account admin rights included).
    Own,
}

/// One cell of the matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Effective {
    pub level: Option<Level>,
    pub origin: Option<Origin>,
}

impl Effective {
    const NONE: Self = Self {
        level: None,
        origin: None,
    };

    /// An organization grant and an image grant combined: the higher wins, the organization on
    /// a tie (revoking the image grant would change nothing).
    pub fn combine(organization: Option<Level>, image: Option<Level>) -> Self {
        let (level, origin) = match (organization, image) {
            (Some(o), Some(i)) if i > o => (i, Origin::Image),
            (Some(o), _) => (o, Origin::Organization),
            (None, Some(i)) => (i, Origin::Image),
            (None, None) => return Self::NONE,
        };
        Self {
            level: Some(level),
            origin: Some(origin),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct MatrixUser {
    pub user_id: String,
    pub user_name: String,
    /// The caller.
    pub own: bool,
}

/// Users × columns (organizations, or the images of one organization).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Matrix {
    /// The organization of an image matrix; `None` for the organization matrix.
    pub organization: Option<String>,
    pub columns: Vec<String>,
    pub users: Vec<MatrixUser>,
    /// `cells[user][column]`.
    pub cells: Vec<Vec<Effective>>,
}

/// Effective levels on each of `organizations`.
pub async fn organizations(
    session: &Session,
    organizations: &[String],
) -> Result<Matrix, AccessError> {
    let mut lists = Vec::with_capacity(organizations.len());
    for org in organizations {
        lists.push(list(session, &Scope::organization(org.as_str())).await?);
    }
    Ok(build(None, organizations, &lists, None))
}

/// Effective levels on each image of `organization`.
pub async fn images(
    session: &Session,
    organization: &str,
    images: &[String],
) -> Result<Matrix, AccessError> {
    let base = list(session, &Scope::organization(organization)).await?;
    let mut lists = Vec::with_capacity(images.len());
    for image in images {
        lists.push(list(session, &Scope::image(organization, image.as_str())).await?);
    }
    Ok(build(Some(organization), images, &lists, Some(&base)))
}

/// Effective levels on every organization the caller can see.
pub async fn all_organizations(session: &Session) -> Result<Matrix, AccessError> {
    let mut names: Vec<String> = session
        .api
        .list_namespaces(false)
        .await?
        .into_iter()
        .map(|ns| ns.name)
        .collect();
    names.sort();
    organizations(session, &names).await
}

/// The user called `name` (or with that id) among the users the organizations' grants name.
/// SWR cannot list IAM users; a user without any grant yet is given by id.
pub async fn find_user(session: &Session, name: &str) -> Result<MatrixUser, AccessError> {
    let matrix = all_organizations(session).await?;
    let found: Vec<&MatrixUser> = matrix
        .users
        .iter()
        .filter(|u| u.user_name == name || u.user_id == name)
        .collect();
    match found.as_slice() {
        [one] => Ok((*one).clone()),
        [] => Err(AccessError::NotFound(format!(
            "no IAM user `{name}` holds a permission in any organization yet, so its id is not known: give it with --user-id ID (the 32-character id on the user's page in IAM)"
        ))),
        _ => Err(AccessError::Refused(format!(
            "more than one IAM user is called `{name}`: give the id with --user-id"
        ))),
    }
}

/// The matrix of `columns` from their grants (and the organization's, for images).
pub fn build(
    organization: Option<&str>,
    columns: &[String],
    lists: &[PermissionList],
    base: Option<&PermissionList>,
) -> Matrix {
    let mut users: BTreeMap<String, MatrixUser> = BTreeMap::new();
    let own_id = lists.iter().chain(base).find_map(|l| l.own.clone());
    for l in lists.iter().chain(base) {
        for u in &l.users {
            users
                .entry(u.user_id.clone())
                .or_insert_with(|| MatrixUser {
                    user_id: u.user_id.clone(),
                    user_name: u.user_name.clone(),
                    own: false,
                });
        }
    }
    let mut rows: Vec<MatrixUser> = users.into_values().collect();
    rows.sort_by(|a, b| a.user_name.cmp(&b.user_name));
    if let Some(me) = &own_id {
        rows.retain(|u| u.user_id != me.user_id);
        rows.insert(
            0,
            MatrixUser {
                user_id: me.user_id.clone(),
                user_name: me.user_name.clone(),
                own: true,
            },
        );
    }
    let granted = |l: &PermissionList, user: &str| {
        l.users.iter().find(|u| u.user_id == user).map(|u| u.level)
    };
    let cells = rows
        .iter()
        .map(|user| {
            lists
                .iter()
                .map(|l| {
                    if user.own {
                        return Effective {
                            level: l.own.as_ref().map(|o| o.level),
                            origin: l.own.as_ref().map(|_| Origin::Own),
                        };
                    }
                    match base {
                        Some(b) => {
                            Effective::combine(granted(b, &user.user_id), granted(l, &user.user_id))
                        }
                        None => Effective::combine(granted(l, &user.user_id), None),
                    }
                })
                .collect()
        })
        .collect();
    Matrix {
        organization: organization.map(str::to_owned),
        columns: columns.to_vec(),
        users: rows,
        cells,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::access::permissions::UserLevel;

    fn user(id: &str, level: Level) -> UserLevel {
        UserLevel {
            user_id: id.into(),
            user_name: format!("user-{id}"),
            level,
        }
    }

    fn list(image: Option<&str>, users: Vec<UserLevel>) -> PermissionList {
        PermissionList {
            scope: Scope {
                organization: "team".into(),
                image: image.map(str::to_owned),
            },
            own: Some(user("me", Level::Manage)),
            users,
        }
    }

    #[test]
    fn the_higher_grant_wins_and_a_tie_goes_to_the_organization() {
        use Level::*;
        assert_eq!(
            Effective::combine(Some(Read), Some(Write)).origin,
            Some(Origin::Image)
        );
        assert_eq!(
            Effective::combine(Some(Write), Some(Read)),
            Effective {
                level: Some(Write),
                origin: Some(Origin::Organization)
            }
        );
        assert_eq!(
            Effective::combine(Some(Read), Some(Read)).origin,
            Some(Origin::Organization)
        );
        assert_eq!(Effective::combine(None, None).level, None);
    }

    #[test]
    fn image_matrix_rows_are_the_caller_then_every_granted_user() {
        let base = list(None, vec![user("a", Level::Read)]);
        let web = list(
            Some("web"),
            vec![user("a", Level::Write), user("b", Level::Read)],
        );
        let api = list(Some("api"), vec![]);
        let m = build(
            Some("team"),
            &["web".into(), "api".into()],
            &[web, api],
            Some(&base),
        );
        let names: Vec<_> = m.users.iter().map(|u| u.user_name.as_str()).collect();
        assert_eq!(names, ["user-me", "user-a", "user-b"]);
        assert_eq!(m.cells[0][1].origin, Some(Origin::Own));
        assert_eq!(m.cells[1][0].level, Some(Level::Write));
        assert_eq!(m.cells[1][0].origin, Some(Origin::Image));
        assert_eq!(m.cells[1][1].origin, Some(Origin::Organization));
        assert_eq!(m.cells[2][1], Effective::NONE);
    }
}
