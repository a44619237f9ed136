//! The line `swr-sandbox` prints on stdout once it serves: endpoints, regions, accounts and
//! the keys of their users.

use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
pub struct Ready {
    pub api_endpoint: String,
    /// `host:port` of the registry.
    pub registry: String,
    pub region: String,
    pub project_id: String,
    pub accounts: Vec<Account>,
    /// Every region the sandbox serves (with `--regions`), the first one included.
    #[serde(default)]
    pub regions: Vec<Region>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Region {
    pub region: String,
    pub api_endpoint: String,
    pub registry: String,
    pub project_id: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Account {
    pub domain_name: String,
    #[serde(default)]
    pub domain_id: String,
    pub users: Vec<User>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct User {
    #[serde(default)]
    pub user_id: String,
    pub user_name: String,
    pub ak: String,
    pub sk: String,
    pub admin: bool,
}
