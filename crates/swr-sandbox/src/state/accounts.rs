//! Tenants of the emulated regions and their credentials. Accounts belong to the cloud, not to
//! a region: the first region's state holds them and every other region gets the same copy at
//! start-up.
//!
//! Without `--accounts`, a new data directory gets two accounts, each with an admin user and one
//! IAM user without SWR rights, so that cross-account sharing and permission denials can be
//! exercised out of the box. Keys are generated once and persisted with the state, so the same
//! data directory always answers to the same AK/SK. An accounts file (TOML) may pin keys:
//!
//! ```toml
//! [[account]]
//! domain_name = "acme"
//! [[account.user]]
//! user_name = "acme-admin"
//! admin = true
//! ak = "OPTIONAL20CHARSAK000"   # generated when absent
//! sk = "optional-secret-key"
//! ```

use std::path::Path;

use rand::distributions::Alphanumeric;
use rand::Rng;
use serde::Deserialize;

use super::model::{Account, Db, User};

#[derive(Debug, thiserror::Error)]
pub enum AccountsError {
    #[error("cannot read accounts file {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("accounts file {path} is not valid: {source}")]
    Parse {
        path: String,
        source: toml::de::Error,
    },
    #[error("accounts file {path}: {reason}")]
    Invalid { path: String, reason: String },
}

#[derive(Debug, Deserialize)]
struct AccountsFile {
    #[serde(default)]
    account: Vec<AccountSpec>,
}

#[derive(Debug, Deserialize)]
struct AccountSpec {
    domain_name: String,
    #[serde(default)]
    user: Vec<UserSpec>,
}

#[derive(Debug, Deserialize)]
struct UserSpec {
    user_name: String,
    #[serde(default)]
    admin: bool,
    ak: Option<String>,
    sk: Option<String>,
}

fn random_string(len: usize, upper: bool) -> String {
    let s: String = rand::thread_rng()
        .sample_iter(&Alphanumeric)
        .take(len)
        .map(char::from)
        .collect();
    if upper {
        s.to_ascii_uppercase()
    } else {
        s
    }
}

/// A 32-character lower-case hex id, the form of Huawei Cloud domain, user and project ids.
pub fn random_id() -> String {
    let bytes: [u8; 16] = rand::thread_rng().gen();
    hex::encode(bytes)
}

fn new_user(user_name: &str, admin: bool, ak: Option<String>, sk: Option<String>) -> User {
    User {
        user_name: user_name.to_string(),
        user_id: random_id(),
        ak: ak.unwrap_or_else(|| random_string(20, true)),
        sk: sk.unwrap_or_else(|| random_string(40, false)),
        admin,
    }
}

/// The two tenants a fresh data directory starts with.
pub fn default_accounts() -> Vec<Account> {
    ["alpha", "beta"]
        .iter()
        .map(|name| Account {
            domain_name: format!("sandbox-{name}"),
            domain_id: random_id(),
            users: vec![
                new_user(&format!("{name}-admin"), true, None, None),
                new_user(&format!("{name}-dev"), false, None, None),
            ],
        })
        .collect()
}

/// Reads an accounts file and merges it into `db`: accounts and users are matched by name,
/// so ids and generated keys survive restarts; keys given in the file win.
pub fn apply_file(db: &mut Db, path: &Path) -> Result<(), AccountsError> {
    let shown = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|source| AccountsError::Read {
        path: shown.clone(),
        source,
    })?;
    let file: AccountsFile = toml::from_str(&text).map_err(|source| AccountsError::Parse {
        path: shown.clone(),
        source,
    })?;
    if file.account.is_empty() {
        return Err(AccountsError::Invalid {
            path: shown,
            reason: "no [[account]] entries".into(),
        });
    }
    let mut merged = Vec::new();
    for spec in file.account {
        let mut account = db
            .accounts
            .iter()
            .find(|a| a.domain_name == spec.domain_name)
            .cloned()
            .unwrap_or_else(|| Account {
                domain_name: spec.domain_name.clone(),
                domain_id: random_id(),
                users: Vec::new(),
            });
        let mut users = Vec::new();
        for u in spec.user {
            let mut user = account
                .users
                .iter()
                .find(|x| x.user_name == u.user_name)
                .cloned()
                .unwrap_or_else(|| new_user(&u.user_name, u.admin, None, None));
            user.admin = u.admin;
            if let Some(ak) = u.ak {
                user.ak = ak;
            }
            if let Some(sk) = u.sk {
                user.sk = sk;
            }
            users.push(user);
        }
        account.users = users;
        merged.push(account);
    }
    let mut aks: Vec<&str> = merged
        .iter()
        .flat_map(|a| a.users.iter().map(|u| u.ak.as_str()))
        .collect();
    aks.sort_unstable();
    if aks.windows(2).any(|w| w[0] == w[1]) {
        return Err(AccountsError::Invalid {
            path: shown,
            reason: "two users share an AK".into(),
        });
    }
    db.accounts = merged;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_have_an_admin_and_a_user_without_rights_per_account() {
        let accounts = default_accounts();
        assert_eq!(accounts.len(), 2);
        for a in &accounts {
            assert_eq!(a.users.iter().filter(|u| u.admin).count(), 1);
            assert_eq!(a.users.iter().filter(|u| !u.admin).count(), 1);
            assert!(a.users.iter().all(|u| u.ak.len() == 20 && u.sk.len() == 40));
        }
    }

    #[test]
    fn file_keeps_generated_keys_and_applies_pinned_ones() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("accounts.toml");
        std::fs::write(
            &path,
            "[[account]]\ndomain_name = \"acme\"\n[[account.user]]\nuser_name = \"boss\"\nadmin = true\nak = \"PINNEDAK\"\nsk = \"pinned\"\n[[account.user]]\nuser_name = \"dev\"\n",
        )
        .unwrap();
        let mut db = Db::default();
        apply_file(&mut db, &path).unwrap();
        let dev_ak = db.accounts[0].users[1].ak.clone();
        apply_file(&mut db, &path).unwrap();
        assert_eq!(db.accounts[0].users[0].ak, "PINNEDAK");
        assert_eq!(db.accounts[0].users[1].ak, dev_ak);
        assert!(!db.accounts[0].users[1].admin);
    }
}
