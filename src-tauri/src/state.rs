//! The one piece of managed state: `Arc`ed services from `swr-core`, each owning its locking.

use std::path::Path;
use std::sync::Arc;

use swr_core::credentials::{CredentialStore, StagedSecrets};
use swr_core::profiles::ProfileStore;
use swr_core::settings::SettingsStore;

pub struct AppState {
    pub settings: Arc<SettingsStore>,
    pub profiles: Arc<ProfileStore>,
    pub credentials: Arc<CredentialStore>,
    pub staged: Arc<StagedSecrets>,
}

impl AppState {
    pub fn new(config_dir: &Path) -> Self {
        Self {
            settings: Arc::new(SettingsStore::open(config_dir)),
            profiles: Arc::new(ProfileStore::open(config_dir)),
            credentials: Arc::new(CredentialStore::default()),
            staged: Arc::new(StagedSecrets::default()),
        }
    }
}
