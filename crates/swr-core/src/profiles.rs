//! Connection profiles: which account, region and endpoints the app talks to.
//!
//! The profile file (`profiles.json` in the config dir) holds metadata only. The secret key never
//! goes here: it belongs in the OS keyring, looked up by the profile id.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::{Deserialize, Serialize};

use crate::fsio::write_atomic;

/// Endpoints that replace the region's public ones (a sandbox, a private deployment).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct EndpointOverrides {
    pub api: Option<String>,
    pub registry: Option<String>,
    pub iam: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Profile {
    pub id: String,
    pub name: String,
    pub region: String,
    #[serde(default)]
    pub project_id: Option<String>,
    /// The access key id. It identifies the key pair and is shown in the UI; the secret key
    /// that goes with it is kept in the OS keyring.
    pub access_key_id: String,
    #[serde(default)]
    pub endpoints: EndpointOverrides,
    #[serde(default)]
    pub ca_bundle: Option<PathBuf>,
    #[serde(default)]
    pub proxy: Option<String>,
    #[serde(default)]
    pub insecure_skip_tls_verify: bool,
}

/// What the header and pickers show of a profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ProfileSummary {
    pub id: String,
    pub name: String,
    pub region: String,
}

impl Profile {
    pub fn summary(&self) -> ProfileSummary {
        ProfileSummary {
            id: self.id.clone(),
            name: self.name.clone(),
            region: self.region.clone(),
        }
    }
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
struct ProfilesFile {
    active: Option<String>,
    profiles: Vec<Profile>,
}

#[derive(Debug, thiserror::Error)]
pub enum ProfileError {
    #[error("no profile with id {0}")]
    NotFound(String),
    #[error("could not save profiles to {path}: {source}")]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("could not encode profiles: {0}")]
    Encode(#[from] serde_json::Error),
}

#[derive(Debug)]
pub struct ProfileStore {
    path: PathBuf,
    file: Mutex<ProfilesFile>,
}

impl ProfileStore {
    pub const FILE_NAME: &'static str = "profiles.json";

    pub fn open(config_dir: &Path) -> Self {
        let path = config_dir.join(Self::FILE_NAME);
        let file = match std::fs::read(&path) {
            Ok(bytes) => serde_json::from_slice(&bytes).unwrap_or_else(|err| {
                tracing::warn!(path = %path.display(), %err, "ignoring unreadable profiles file");
                ProfilesFile::default()
            }),
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => ProfilesFile::default(),
            Err(err) => {
                tracing::warn!(path = %path.display(), %err, "could not read profiles file");
                ProfilesFile::default()
            }
        };
        Self {
            path,
            file: Mutex::new(file),
        }
    }

    pub fn list(&self) -> Vec<Profile> {
        self.lock().profiles.clone()
    }

    /// The profile the app works with: the one marked active, else the first one.
    pub fn active(&self) -> Option<Profile> {
        let file = self.lock();
        file.active
            .as_deref()
            .and_then(|id| file.profiles.iter().find(|p| p.id == id))
            .or_else(|| file.profiles.first())
            .cloned()
    }

    /// Adds `profile`, or replaces the one with the same id.
    pub fn upsert(&self, profile: Profile) -> Result<(), ProfileError> {
        self.modify(|file| {
            match file.profiles.iter_mut().find(|p| p.id == profile.id) {
                Some(existing) => *existing = profile,
                None => file.profiles.push(profile),
            }
            Ok(())
        })
    }

    pub fn set_active(&self, id: &str) -> Result<(), ProfileError> {
        self.modify(|file| {
            if !file.profiles.iter().any(|p| p.id == id) {
                return Err(ProfileError::NotFound(id.to_string()));
            }
            file.active = Some(id.to_string());
            Ok(())
        })
    }

    /// Applies `change` to a copy and keeps it only once it is on disk.
    fn modify(
        &self,
        change: impl FnOnce(&mut ProfilesFile) -> Result<(), ProfileError>,
    ) -> Result<(), ProfileError> {
        let mut guard = self.lock();
        let mut next = guard.clone();
        change(&mut next)?;
        let bytes = serde_json::to_vec_pretty(&next)?;
        write_atomic(&self.path, &bytes).map_err(|source| ProfileError::Write {
            path: self.path.clone(),
            source,
        })?;
        *guard = next;
        Ok(())
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, ProfilesFile> {
        // Every mutation replaces the value whole, so a poisoned lock still guards a whole value.
        self.file
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn profile(id: &str, region: &str) -> Profile {
        Profile {
            id: id.into(),
            name: format!("{id} profile"),
            region: region.into(),
            project_id: None,
            access_key_id: "HPUAEXAMPLEAK0000001".into(),
            endpoints: EndpointOverrides::default(),
            ca_bundle: None,
            proxy: None,
            insecure_skip_tls_verify: false,
        }
    }

    #[test]
    fn no_profile_until_one_is_added() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(ProfileStore::open(dir.path()).active(), None);
    }

    #[test]
    fn active_profile_is_remembered_across_restarts() {
        let dir = tempfile::tempdir().unwrap();
        let store = ProfileStore::open(dir.path());
        store.upsert(profile("prod", "cn-north-4")).unwrap();
        store.upsert(profile("dev", "ap-southeast-1")).unwrap();
        assert_eq!(
            store.active().unwrap().id,
            "prod",
            "first profile by default"
        );
        store.set_active("dev").unwrap();
        let reopened = ProfileStore::open(dir.path());
        assert_eq!(
            reopened.active().unwrap().summary().region,
            "ap-southeast-1"
        );
        assert_eq!(reopened.list().len(), 2);
    }

    #[test]
    fn activating_an_unknown_profile_is_refused_and_changes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let store = ProfileStore::open(dir.path());
        store.upsert(profile("prod", "cn-north-4")).unwrap();
        assert!(matches!(
            store.set_active("missing"),
            Err(ProfileError::NotFound(_))
        ));
        assert_eq!(store.active().unwrap().id, "prod");
    }

    #[test]
    fn the_file_holds_no_secret_fields() {
        let dir = tempfile::tempdir().unwrap();
        let store = ProfileStore::open(dir.path());
        store.upsert(profile("prod", "cn-north-4")).unwrap();
        let text = std::fs::read_to_string(dir.path().join(ProfileStore::FILE_NAME)).unwrap();
        let lower = text.to_lowercase();
        assert!(!lower.contains("secret"), "{text}");
        assert!(!lower.contains("\"sk\""), "{text}");
    }
}
