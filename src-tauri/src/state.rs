//! The one piece of managed state: `Arc`ed services from `swr-core`, each owning its locking.

use std::path::Path;
use std::sync::Arc;

use swr_core::browse::Browser;
use swr_core::credentials::{CredentialStore, Persistence, StagedSecrets};
use swr_core::journal::{Journal, Source};
use swr_core::profiles::ProfileStore;
use swr_core::sessions::Sessions;
use swr_core::settings::SettingsStore;
use swr_core::uploads::{UploadManager, UploadsSignal};

pub struct AppState {
    pub settings: Arc<SettingsStore>,
    pub profiles: Arc<ProfileStore>,
    pub credentials: Arc<CredentialStore>,
    pub staged: Arc<StagedSecrets>,
    pub uploads: Arc<UploadManager>,
    pub sessions: Arc<Sessions>,
    pub browser: Arc<Browser>,
    /// The journal of changes, for the Journal screen (changes are recorded by the sessions).
    pub journal: Journal,
}

impl AppState {
    /// Opens every store in `config_dir`; `signal` hears what the upload queue does.
    pub fn new(
        config_dir: &Path,
        signal: Arc<dyn Fn(UploadsSignal) + Send + Sync>,
        runtime: tokio::runtime::Handle,
    ) -> Result<Self, String> {
        let profiles = Arc::new(ProfileStore::open(config_dir));
        let credentials = Arc::new(CredentialStore::default());
        swr_core::credentials::move_proxy_passwords(&profiles, &credentials);
        match swr_core::profiles::environment::from_env(|name| std::env::var(name).ok()) {
            Ok(Some((profile, secret_key))) => {
                credentials
                    .save(&profile.access_key_id, &secret_key, Persistence::Session)
                    .map_err(|e| e.to_string())?;
                tracing::info!(region = %profile.region, "using the credentials of the environment for this run");
                profiles.set_session_profile(profile);
            }
            Ok(None) => {}
            Err(problem) => {
                tracing::warn!(%problem, "ignoring incomplete credentials in the environment")
            }
        }
        let journal = Journal::open(config_dir, Source::App);
        let sessions = Arc::new(
            Sessions::new(profiles.clone(), credentials.clone()).journaled(journal.clone()),
        );
        let uploads = UploadManager::open(
            config_dir,
            profiles.clone(),
            sessions.clone(),
            signal,
            runtime,
        )
        .map_err(|e| e.to_string())?;
        let browser = Arc::new(Browser::new(
            sessions.clone(),
            swr_core::browse::inspect_cache(config_dir),
        ));
        Ok(Self {
            settings: Arc::new(SettingsStore::open(config_dir)),
            profiles,
            credentials,
            staged: Arc::new(StagedSecrets::default()),
            uploads,
            sessions,
            browser,
            journal,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unreadable_configuration_files_do_not_stop_the_start() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("uploads.json"), b"{\"items\": [").unwrap();
        std::fs::write(dir.path().join("profiles.json"), b"\0\0\0").unwrap();
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();

        let state = AppState::new(dir.path(), Arc::new(|_| {}), runtime.handle().clone())
            .expect("the app starts");
        let notices: Vec<_> = [state.profiles.recovered(), state.uploads.recovered()]
            .into_iter()
            .flatten()
            .collect();
        assert_eq!(notices.len(), 2, "{notices:?}");
        assert!(notices.iter().all(|n| n.moved_to.is_some()), "{notices:?}");
    }
}
