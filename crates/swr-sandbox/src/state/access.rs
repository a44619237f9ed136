//! Who may do what, with SWR's meaning of permissions.
//!
//! Levels: 1 read (pull), 3 write (pull, push, edit attributes, add triggers), 7 manage (all
//! of that plus delete, grant and share). An account's admin has 7 on everything the account
//! owns. A repository grant and an organization grant combine by taking the higher one. Other
//! accounts never get more than pull, and only through a valid share or a public repository.

use time::OffsetDateTime;

use super::model::{Account, Db, Repo, User};
use crate::clock;

pub const READ: u8 = 1;
pub const WRITE: u8 = 3;
pub const MANAGE: u8 = 7;

/// The authenticated caller of the management API or the registry.
#[derive(Debug, Clone)]
pub struct Caller {
    pub user_id: String,
    pub user_name: String,
    pub domain_id: String,
    pub domain_name: String,
    pub admin: bool,
}

impl Caller {
    pub fn new(account: &Account, user: &User) -> Self {
        Self {
            user_id: user.user_id.clone(),
            user_name: user.user_name.clone(),
            domain_id: account.domain_id.clone(),
            domain_name: account.domain_name.clone(),
            admin: user.admin,
        }
    }
}

/// The caller's level on an organization (0 = none).
pub fn namespace_auth(db: &Db, caller: &Caller, namespace: &str) -> u8 {
    let Some(ns) = db.namespaces.get(namespace) else {
        return 0;
    };
    if ns.domain_id != caller.domain_id {
        return 0;
    }
    if caller.admin {
        return MANAGE;
    }
    ns.grants.get(&caller.user_id).map_or(0, |g| g.auth)
}

/// The caller's level on a repository of their own account (0 = none). Shares and public
/// visibility are not levels: see [`can_pull`].
pub fn repo_auth(db: &Db, caller: &Caller, repo: &Repo) -> u8 {
    if repo.domain_id != caller.domain_id {
        return 0;
    }
    let ns_level = namespace_auth(db, caller, &repo.namespace);
    let repo_level = repo.grants.get(&caller.user_id).map_or(0, |g| g.auth);
    ns_level.max(repo_level)
}

/// Whether the caller's account holds a share on `repo` that has not expired.
pub fn has_valid_share(repo: &Repo, caller: &Caller) -> bool {
    repo.shares
        .get(&caller.domain_name)
        .is_some_and(|s| share_is_valid(&s.deadline, clock::now()))
}

/// A deadline is `forever` or an RFC 3339 time; an unparsable one counts as expired.
pub fn share_is_valid(deadline: &str, now: OffsetDateTime) -> bool {
    if deadline == "forever" {
        return true;
    }
    clock::parse(deadline).is_some_and(|d| d > now)
}

pub fn can_pull(db: &Db, caller: &Caller, repo: &Repo) -> bool {
    repo.is_public || repo_auth(db, caller, repo) >= READ || has_valid_share(repo, caller)
}

/// Push into an existing repository needs write on it; into a new one, write on the organization.
pub fn can_push(db: &Db, caller: &Caller, namespace: &str, repository: &str) -> bool {
    match db.repo(namespace, repository) {
        Some(repo) => repo_auth(db, caller, repo) >= WRITE,
        None => namespace_auth(db, caller, namespace) >= WRITE,
    }
}

/// Organizations the caller sees: those they hold a level on, and with `visible` also those in
/// which they hold a level on at least one repository.
pub fn visible_namespaces(
    db: &Db,
    caller: &Caller,
    include_repo_grants: bool,
) -> Vec<(String, u8)> {
    db.namespaces
        .values()
        .filter_map(|ns| {
            let level = namespace_auth(db, caller, &ns.name);
            if level > 0 {
                return Some((ns.name.clone(), level));
            }
            if include_repo_grants && ns.domain_id == caller.domain_id {
                let best = db
                    .repos_in(&ns.name)
                    .map(|r| r.grants.get(&caller.user_id).map_or(0, |g| g.auth))
                    .max()
                    .unwrap_or(0);
                if best > 0 {
                    return Some((ns.name.clone(), best.min(READ)));
                }
            }
            None
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::model::{Grant, Namespace};

    fn caller(domain: &str, user: &str, admin: bool) -> Caller {
        Caller {
            user_id: user.into(),
            user_name: user.into(),
            domain_id: domain.into(),
            domain_name: format!("{domain}-name"),
            admin,
        }
    }

    fn db_with_ns() -> Db {
        let mut db = Db::default();
        let mut grants = std::collections::BTreeMap::new();
        grants.insert(
            "bob".to_string(),
            Grant {
                user_id: "bob".into(),
                user_name: "bob".into(),
                auth: READ,
            },
        );
        db.namespaces.insert(
            "team".into(),
            Namespace {
                id: 1,
                name: "team".into(),
                domain_id: "d1".into(),
                creator_id: "admin".into(),
                creator_name: "admin".into(),
                created: String::new(),
                grants,
            },
        );
        db
    }

    #[test]
    fn admin_manages_own_account_only() {
        let db = db_with_ns();
        assert_eq!(
            namespace_auth(&db, &caller("d1", "admin", true), "team"),
            MANAGE
        );
        assert_eq!(namespace_auth(&db, &caller("d2", "other", true), "team"), 0);
    }

    #[test]
    fn granted_user_gets_the_granted_level_and_cannot_push() {
        let db = db_with_ns();
        let bob = caller("d1", "bob", false);
        assert_eq!(namespace_auth(&db, &bob, "team"), READ);
        assert!(!can_push(&db, &bob, "team", "app"));
        assert!(can_push(&db, &caller("d1", "admin", true), "team", "app"));
    }

    #[test]
    fn share_deadlines_expire() {
        let now = clock::now();
        assert!(share_is_valid("forever", now));
        assert!(share_is_valid("2999-01-01T00:00:00.000Z", now));
        assert!(!share_is_valid("2001-01-01T00:00:00Z", now));
        assert!(!share_is_valid("garbage", now));
    }
}
