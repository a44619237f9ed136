//! Read / write / manage grants on organizations and images.
//!
//! Every change, one user or many, is a [`BulkPlan`]: the wanted levels are compared with what
//! SWR holds now, so the user sees a diff (grant, change, revoke, unchanged) before anything is
//! sent, and only the plan's items are applied. Each item is one request, made in order and
//! paced per account; each gets its own result, so a half-applied change says exactly which
//! items were done, which failed and which were not tried.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use swr_api::model::{PermissionGrant, Permissions};
use swr_api::rules::RuleViolation;

use super::{AccessError, Level};
use crate::journal::{Change, Operation};
use crate::sessions::Session;

/// What a grant applies to.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Scope {
    pub organization: String,
    /// `None` for the whole organization.
    pub image: Option<String>,
}

impl Scope {
    pub fn organization(organization: impl Into<String>) -> Self {
        Self {
            organization: organization.into(),
            image: None,
        }
    }

    pub fn image(organization: impl Into<String>, image: impl Into<String>) -> Self {
        Self {
            organization: organization.into(),
            image: Some(image.into()),
        }
    }

    /// `org` or `org/image`.
    pub fn label(&self) -> String {
        super::target(&self.organization, self.image.as_deref())
    }
}

/// An IAM user and a level.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct UserLevel {
    pub user_id: String,
    pub user_name: String,
    pub level: Level,
}

/// The grants of one organization or image.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct PermissionList {
    pub scope: Scope,
    /// The caller's own level as SWR reports it (account admins hold manage everywhere).
    pub own: Option<UserLevel>,
    /// Everybody else's grants, by user name.
    pub users: Vec<UserLevel>,
}

impl PermissionList {
    fn from_wire(scope: Scope, wire: Permissions) -> Self {
        let level = |a: &swr_api::model::UserAuth| {
            Level::from_code(a.auth).map(|level| UserLevel {
                user_id: a.user_id.clone(),
                user_name: a.user_name.clone(),
                level,
            })
        };
        let mut users: Vec<UserLevel> = wire.others_auths.iter().filter_map(level).collect();
        users.sort_by(|a, b| a.user_name.cmp(&b.user_name));
        Self {
            scope,
            own: wire.self_auth.as_ref().and_then(level),
            users,
        }
    }

    /// The level a user holds by a grant here.
    pub fn level_of(&self, user_id: &str) -> Option<Level> {
        self.users
            .iter()
            .chain(self.own.as_ref())
            .find(|u| u.user_id == user_id)
            .map(|u| u.level)
    }
}

/// The grants on `scope`, read from SWR.
pub async fn list(session: &Session, scope: &Scope) -> Result<PermissionList, AccessError> {
    let wire = match &scope.image {
        None => {
            session
                .api
                .show_namespace_permissions(&scope.organization)
                .await?
        }
        Some(image) => {
            session
                .api
                .show_repo_permissions(&scope.organization, image)
                .await?
        }
    };
    Ok(PermissionList::from_wire(scope.clone(), wire))
}

/// One wanted level: `None` revokes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Wanted {
    pub scope: Scope,
    pub user_id: String,
    pub user_name: String,
    pub level: Option<Level>,
}

/// What applying an item does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub enum Action {
    Grant,
    Change,
    Revoke,
    /// Already so; nothing is sent.
    Unchanged,
}

/// One line of the diff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct PlanItem {
    pub scope: Scope,
    pub user_id: String,
    pub user_name: String,
    pub before: Option<Level>,
    pub after: Option<Level>,
    pub action: Action,
}

/// The diff of a permission change, against what SWR held when it was planned.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct BulkPlan {
    pub items: Vec<PlanItem>,
}

impl BulkPlan {
    /// Items that send a request.
    pub fn changes(&self) -> impl Iterator<Item = &PlanItem> {
        self.items.iter().filter(|i| i.action != Action::Unchanged)
    }
}

/// Checks one wanted level: a user needs an id and a name (SWR keys grants by IAM user id and
/// shows the name).
pub fn check(wanted: &Wanted) -> Result<(), RuleViolation> {
    if wanted.user_id.trim().is_empty() {
        return Err(RuleViolation::custom(
            "userId",
            "permission.user_id",
            &wanted.user_id,
            "Enter the IAM user's id (32 hexadecimal characters, shown on the user's page in IAM).",
            "请输入 IAM 用户 ID（32 位十六进制字符，可在 IAM 的用户详情页查看）。",
        ));
    }
    if wanted.user_name.trim().is_empty() {
        return Err(RuleViolation::custom(
            "userName",
            "permission.user_name",
            &wanted.user_name,
            "Enter the IAM user's name.",
            "请输入 IAM 用户名。",
        ));
    }
    Ok(())
}

/// The diff of `wanted` against the current grants. A revoke of a user without a grant, or a
/// level the user already holds, is `Unchanged`. The last wish for the same user and scope
/// wins.
pub fn plan_against(current: &BTreeMap<Scope, PermissionList>, wanted: &[Wanted]) -> BulkPlan {
    let mut last: Vec<&Wanted> = Vec::new();
    for w in wanted {
        last.retain(|o| !(o.scope == w.scope && o.user_id == w.user_id));
        last.push(w);
    }
    let items = last
        .into_iter()
        .map(|w| {
            let before = current
                .get(&w.scope)
                .and_then(|list| list.users.iter().find(|u| u.user_id == w.user_id))
                .map(|u| u.level);
            let action = match (before, w.level) {
                (None, Some(_)) => Action::Grant,
                (Some(b), Some(a)) if a != b => Action::Change,
                (Some(_), None) => Action::Revoke,
                _ => Action::Unchanged,
            };
            PlanItem {
                scope: w.scope.clone(),
                user_id: w.user_id.trim().to_owned(),
                user_name: w.user_name.trim().to_owned(),
                before,
                after: w.level,
                action,
            }
        })
        .collect();
    BulkPlan { items }
}

/// Plans `wanted` over a fresh read of every scope it names.
pub async fn plan(session: &Session, wanted: &[Wanted]) -> Result<BulkPlan, AccessError> {
    for w in wanted {
        check(w)?;
    }
    let mut current = BTreeMap::new();
    for w in wanted {
        if !current.contains_key(&w.scope) {
            current.insert(w.scope.clone(), list(session, &w.scope).await?);
        }
    }
    Ok(plan_against(&current, wanted))
}

/// How one item of a plan ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase", tag = "status")]
pub enum ItemStatus {
    Done,
    Failed {
        message: String,
        #[serde(rename = "requestId")]
        request_id: Option<String>,
    },
    /// Nothing to send.
    Unchanged,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ItemResult {
    pub item: PlanItem,
    pub status: ItemStatus,
}

/// The result of every item, in the plan's order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct BulkOutcome {
    pub results: Vec<ItemResult>,
    pub done: u32,
    pub failed: u32,
}

/// Applies the plan's items one request at a time. A failed item does not stop the others:
/// each grant is independent, and the outcome lists exactly what was and was not done.
pub async fn apply(session: &Session, plan: &BulkPlan) -> BulkOutcome {
    let mut results = Vec::with_capacity(plan.items.len());
    for item in &plan.items {
        let status = match apply_one(session, item).await {
            Ok(true) => ItemStatus::Done,
            Ok(false) => ItemStatus::Unchanged,
            Err(e) => ItemStatus::Failed {
                request_id: e.request_id().map(str::to_owned),
                message: e.to_string(),
            },
        };
        results.push(ItemResult {
            item: item.clone(),
            status,
        });
    }
    let count = |f: fn(&ItemStatus) -> bool| {
        u32::try_from(results.iter().filter(|r| f(&r.status)).count()).unwrap_or(u32::MAX)
    };
    BulkOutcome {
        done: count(|s| matches!(s, ItemStatus::Done)),
        failed: count(|s| matches!(s, ItemStatus::Failed { .. })),
        results,
    }
}

async fn apply_one(session: &Session, item: &PlanItem) -> Result<bool, AccessError> {
    let (operation, level) = match (item.action, item.after) {
        (Action::Unchanged, _) => return Ok(false),
        (Action::Grant, Some(level)) => (Operation::PermissionGrant, Some(level)),
        (Action::Change, Some(level)) => (Operation::PermissionChange, Some(level)),
        (Action::Revoke, _) => (Operation::PermissionRevoke, None),
        (Action::Grant | Action::Change, None) => {
            return Err(AccessError::Refused(
                "a grant without a level cannot be applied; plan it again".into(),
            ))
        }
    };
    let mut record = Change::new(
        operation,
        format!("{} → {}", item.scope.label(), item.user_name),
    );
    if let Some(b) = item.before {
        record = record.before(b.as_str());
    }
    if let Some(a) = item.after {
        record = record.after(a.as_str());
    }
    let (org, image) = (&item.scope.organization, item.scope.image.as_deref());
    let api = &session.api;
    let grant = level.map(|l| {
        [PermissionGrant {
            user_id: item.user_id.clone(),
            user_name: item.user_name.clone(),
            auth: l.into(),
        }]
    });
    let ids = [item.user_id.clone()];
    let work = async {
        match (operation, image, &grant) {
            (Operation::PermissionGrant, None, Some(g)) => {
                api.grant_namespace_permissions(org, g).await
            }
            (Operation::PermissionGrant, Some(i), Some(g)) => {
                api.grant_repo_permissions(org, i, g).await
            }
            (Operation::PermissionChange, None, Some(g)) => {
                api.update_namespace_permissions(org, g).await
            }
            (Operation::PermissionChange, Some(i), Some(g)) => {
                api.update_repo_permissions(org, i, g).await
            }
            (_, None, _) => api.revoke_namespace_permissions(org, &ids).await,
            (_, Some(i), _) => api.revoke_repo_permissions(org, i, &ids).await,
        }
    };
    session.change(record, work).await?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn current() -> BTreeMap<Scope, PermissionList> {
        let scope = Scope::organization("team");
        let list = PermissionList {
            scope: scope.clone(),
            own: Some(UserLevel {
                user_id: "me".into(),
                user_name: "admin".into(),
                level: Level::Manage,
            }),
            users: vec![UserLevel {
                user_id: "u1".into(),
                user_name: "alice".into(),
                level: Level::Read,
            }],
        };
        BTreeMap::from([(scope, list)])
    }

    fn wanted(user: &str, level: Option<Level>) -> Wanted {
        Wanted {
            scope: Scope::organization("team"),
            user_id: user.into(),
            user_name: format!("name-{user}"),
            level,
        }
    }

    #[test]
    fn the_diff_says_grant_change_revoke_or_unchanged() {
        let plan = plan_against(
            &current(),
            &[
                wanted("u1", Some(Level::Write)),
                wanted("u2", Some(Level::Read)),
                wanted("u3", None),
            ],
        );
        let actions: Vec<_> = plan.items.iter().map(|i| i.action).collect();
        assert_eq!(actions, [Action::Change, Action::Grant, Action::Unchanged]);
        assert_eq!(plan.items[0].before, Some(Level::Read));
        assert_eq!(plan.changes().count(), 2);

        let plan = plan_against(
            &current(),
            &[wanted("u1", Some(Level::Read)), wanted("u1", None)],
        );
        assert_eq!(plan.items.len(), 1, "the last wish for a user wins");
        assert_eq!(plan.items[0].action, Action::Revoke);
    }

    #[test]
    fn a_user_needs_an_id_and_a_name() {
        let mut w = wanted("", Some(Level::Read));
        assert_eq!(check(&w).unwrap_err().field, "userId");
        w.user_id = "u1".into();
        w.user_name = " ".into();
        assert_eq!(check(&w).unwrap_err().field, "userName");
    }
}
