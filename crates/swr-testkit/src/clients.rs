//! Clients for the sandbox's users: the management API (signed with their AK/SK) and the
//! registry (the long-term login), both direct to loopback.

use std::time::Duration;

use base64::Engine as _;
use swr_api::config::ProxySetting;
use swr_api::{Client, ClientConfig, Credentials, EndpointOverrides, Sensitive};
use swr_registry::{Registry, RegistryConfig};

use crate::ready::User;
use crate::Sandbox;

impl Sandbox {
    /// The API configuration of a user in the first region, to adjust before building a client.
    pub fn api_config(&self, user: &User) -> ClientConfig {
        let mut config = ClientConfig::new(
            self.ready.region.clone(),
            Credentials::new(user.ak.clone(), user.sk.clone()),
        );
        config.project_id = Some(self.ready.project_id.clone());
        // Loopback only: a proxy from the environment must not see test traffic.
        config.transport.proxy = ProxySetting::Direct;
        config.endpoints = EndpointOverrides {
            api: Some(self.ready.api_endpoint.clone()),
            registry: Some(self.ready.registry.clone()),
            iam: None,
        };
        config
    }

    /// An API client of a user in the first region.
    pub fn api(&self, user: &User) -> Client {
        Client::new(self.api_config(user)).expect("API client for the sandbox")
    }

    /// An API client of a user in served region `index` (0 = the first).
    pub fn api_in(&self, index: usize, user: &User) -> Client {
        let region = &self.ready.regions[index];
        let mut config = self.api_config(user);
        config.region.clone_from(&region.region);
        config.project_id = Some(region.project_id.clone());
        config.endpoints.api = Some(region.api_endpoint.clone());
        config.endpoints.registry = Some(region.registry.clone());
        Client::new(config).expect("API client for a sandbox region")
    }

    /// An API client of the admin of account `account`.
    pub fn admin(&self, account: usize) -> Client {
        self.api(self.user(account, true))
    }

    /// Creates an organization as the first account's admin.
    pub async fn create_org(&self, name: &str) {
        self.admin(0)
            .create_namespace(name)
            .await
            .expect("create organization");
    }

    /// The registry configuration of a user, retrying `retries` times with short waits.
    pub fn registry_config(&self, user: &User, retries: u32) -> RegistryConfig {
        let mut config = RegistryConfig::new(
            self.ready.registry.clone(),
            swr_registry::Credentials::AccessKey {
                region: self.ready.region.clone(),
                access_key: user.ak.clone(),
                secret_key: Sensitive::new(user.sk.clone()),
            },
        );
        config.plain_http = true;
        config.retry.base_delay = Duration::from_millis(50);
        config.retry.max_retries = retries;
        config
    }

    /// A registry client of a user.
    pub fn registry_for(&self, user: &User) -> Registry {
        self.registry_with_retries(user, 10)
    }

    pub fn registry_with_retries(&self, user: &User, retries: u32) -> Registry {
        Registry::new(self.registry_config(user, retries)).expect("registry client")
    }

    /// `user:password` of a user's long-term docker login.
    pub fn login(&self, user: &User) -> String {
        format!(
            "{}:{}",
            swr_api::login::login_username(&self.ready.region, &user.ak),
            swr_api::login::login_key(&user.ak, &user.sk)
        )
    }

    /// The `Authorization: Basic …` value of a user's long-term docker login.
    pub fn basic(&self, user: &User) -> String {
        format!(
            "Basic {}",
            base64::engine::general_purpose::STANDARD.encode(self.login(user))
        )
    }
}
