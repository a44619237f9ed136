//! The persisted shape of an emulated SWR region.
//!
//! Everything the management API and the registry gateway know lives in one [`Db`] value that
//! is serialised to `state.json` under the data directory. Names are the keys SWR itself uses:
//! organization names are globally unique, repositories are unique inside an organization, tags
//! inside a repository. Image bytes never live here — only what SWR's database would hold about
//! them (digest, size, manifest text); the bytes stay in the real registry.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// One tenant (Huawei Cloud account, "domain").
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Account {
    pub domain_name: String,
    pub domain_id: String,
    pub users: Vec<User>,
}

/// An IAM user of an account. `admin` users hold SWR Admin rights over the whole account;
/// the others have no SWR rights until they are granted permissions.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct User {
    pub user_name: String,
    pub user_id: String,
    pub ak: String,
    pub sk: String,
    pub admin: bool,
}

/// A permission entry as SWR reports it (`UserAuth`): 1 read, 3 write, 7 manage.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Grant {
    pub user_id: String,
    pub user_name: String,
    pub auth: u8,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Namespace {
    pub id: u64,
    pub name: String,
    pub domain_id: String,
    pub creator_id: String,
    pub creator_name: String,
    pub created: String,
    #[serde(default)]
    pub grants: BTreeMap<String, Grant>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Tag {
    pub id: u64,
    pub name: String,
    pub digest: String,
    pub media_type: String,
    /// The manifest exactly as pushed; re-pushed byte for byte when another tag sharing the
    /// digest is deleted (the registry can only delete manifests by digest).
    pub manifest: String,
    pub image_id: String,
    pub size: u64,
    pub created: String,
    pub updated: String,
    pub pushed_by: String,
    /// Metadata made up by the scale seed; no image behind it in the registry.
    #[serde(default)]
    pub synthetic: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct TagSelector {
    pub kind: String,
    pub pattern: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct RetentionRule {
    pub template: String,
    pub params: BTreeMap<String, String>,
    #[serde(default)]
    pub tag_selectors: Vec<TagSelector>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Retention {
    pub id: u64,
    pub algorithm: String,
    pub rules: Vec<RetentionRule>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RetentionLog {
    pub id: u64,
    pub retention_id: u64,
    pub rule_type: String,
    pub tag: String,
    pub created_at: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TriggerHistory {
    pub tag: String,
    pub result: String,
    pub detail: String,
    pub created_at: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Trigger {
    pub name: String,
    pub action: String,
    pub app_type: String,
    pub application: String,
    pub cluster_id: String,
    pub cluster_name: String,
    pub cluster_ns: String,
    pub condition: String,
    pub container: String,
    pub enable: String,
    pub trigger_mode: String,
    pub trigger_type: String,
    pub created_at: String,
    pub creator_name: String,
    #[serde(default)]
    pub history: Vec<TriggerHistory>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Share {
    pub access_domain: String,
    pub permit: String,
    pub deadline: String,
    pub description: String,
    pub creator_id: String,
    pub creator_name: String,
    pub created: String,
    pub updated: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SyncRule {
    pub id: u64,
    pub remote_region_id: String,
    pub remote_namespace: String,
    pub sync_auto: bool,
    pub overwrite: bool,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SyncJob {
    pub id: u64,
    pub remote_region_id: String,
    pub remote_namespace: String,
    pub overwrite: bool,
    pub tag: String,
    /// `running` while the copy is under way, then `success` or `failed`.
    pub status: String,
    pub operator_id: String,
    pub operator_name: String,
    pub created_at: String,
    pub updated_at: String,
    /// Why a job failed. SWR's job list has no such field, so it stays in the state file and
    /// the log.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub detail: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Repo {
    pub id: u64,
    pub namespace: String,
    pub name: String,
    pub domain_id: String,
    pub category: String,
    pub description: String,
    pub is_public: bool,
    pub creator_id: String,
    pub creator_name: String,
    pub created: String,
    pub updated: String,
    #[serde(default)]
    pub num_download: u64,
    #[serde(default)]
    pub grants: BTreeMap<String, Grant>,
    #[serde(default)]
    pub tags: BTreeMap<String, Tag>,
    #[serde(default)]
    pub retention: Option<Retention>,
    #[serde(default)]
    pub retention_log: Vec<RetentionLog>,
    #[serde(default)]
    pub triggers: Vec<Trigger>,
    /// Keyed by the sharee's account name.
    #[serde(default)]
    pub shares: BTreeMap<String, Share>,
    #[serde(default)]
    pub sync_rules: Vec<SyncRule>,
    #[serde(default)]
    pub sync_jobs: Vec<SyncJob>,
}

impl Repo {
    /// Sum of the image sizes of every tag, which is what SWR reports as the repository size.
    pub fn size(&self) -> u64 {
        self.tags.values().map(|t| t.size).sum()
    }
}

/// A temporary docker login issued by `POST /v2/manage/utils/secret`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TempSecret {
    pub username: String,
    pub password: String,
    pub user_id: String,
    /// Unix seconds.
    pub expires_at: i64,
}

/// The whole emulated region.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Db {
    pub region: String,
    pub project_id: String,
    /// Signs registry tokens; generated once per data directory.
    pub token_key: String,
    pub next_id: u64,
    pub accounts: Vec<Account>,
    pub namespaces: BTreeMap<String, Namespace>,
    /// Keyed by `namespace/repository` (see [`repo_key`]).
    pub repos: BTreeMap<String, Repo>,
    #[serde(default)]
    pub secrets: Vec<TempSecret>,
    /// Which seeds were applied already, so a restart does not seed twice.
    #[serde(default)]
    pub seeded: Vec<String>,
    /// Accounts that created the SWR agency (`POST /v2/manage/agency`).
    #[serde(default)]
    pub agencies: Vec<String>,
}

/// The map key of a repository.
pub fn repo_key(namespace: &str, repository: &str) -> String {
    format!("{namespace}/{repository}")
}

impl Db {
    pub fn next_id(&mut self) -> u64 {
        self.next_id += 1;
        self.next_id
    }

    pub fn user_by_ak(&self, ak: &str) -> Option<(&Account, &User)> {
        self.accounts
            .iter()
            .find_map(|a| a.users.iter().find(|u| u.ak == ak).map(|u| (a, u)))
    }

    pub fn user_by_id(&self, user_id: &str) -> Option<(&Account, &User)> {
        self.accounts.iter().find_map(|a| {
            a.users
                .iter()
                .find(|u| u.user_id == user_id)
                .map(|u| (a, u))
        })
    }

    pub fn account_by_name(&self, domain_name: &str) -> Option<&Account> {
        self.accounts.iter().find(|a| a.domain_name == domain_name)
    }

    pub fn account_by_id(&self, domain_id: &str) -> Option<&Account> {
        self.accounts.iter().find(|a| a.domain_id == domain_id)
    }

    pub fn repo(&self, namespace: &str, repository: &str) -> Option<&Repo> {
        self.repos.get(&repo_key(namespace, repository))
    }

    pub fn repo_mut(&mut self, namespace: &str, repository: &str) -> Option<&mut Repo> {
        self.repos.get_mut(&repo_key(namespace, repository))
    }

    pub fn repos_in(&self, namespace: &str) -> impl Iterator<Item = &Repo> {
        let prefix = format!("{namespace}/");
        self.repos
            .range(prefix.clone()..)
            .take_while(move |(k, _)| k.starts_with(&prefix))
            .map(|(_, r)| r)
    }
}
