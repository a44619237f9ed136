//! Where secret keys live: the OS keyring, or this process's memory when there is none.
//!
//! A secret key belongs to an access key, not to a profile: two profiles with the same AK (a
//! duplicate for another region) share one keyring entry, and the entry is removed only when
//! the last profile using the AK goes. Entries are stored under the service [`SERVICE`] with
//! the access key id as the account name, so they are recognisable in Keychain Access, the
//! Windows Credential Manager or Seahorse.
//!
//! A proxy password is a secret too, kept in the same keyring (`proxy.rs`);
//! [`CredentialStore::unlock`] puts it back into the profile a connection is made with.
//!
//! Headless Linux often has no Secret Service. Saving then fails with
//! [`CredentialError::KeyringUnavailable`] so the caller can tell the user and, only if they
//! agree, keep the key for this session ([`Persistence::Session`]); nothing is ever written
//! to a file instead.
//!
//! Also here: saving and removing a profile together with its secrets ([`save_profile`],
//! [`remove_profile`]), what a login is made of and the commands and files that use it
//! ([`logins`], [`docker_config`]), and the check that a key pair really works ([`verify`]).

use std::collections::HashMap;
use std::sync::Mutex;

use swr_api::Sensitive;

pub mod docker_config;
mod gate;
pub mod logins;
mod profile_change;
mod proxy;
pub mod verify;

pub use gate::FRESH_FOR;
pub use profile_change::{remove_profile, save_profile, ProfileChangeError};
pub use proxy::{move_proxy_passwords, split_proxy_password};

/// The keyring service name of every entry the app writes.
pub const SERVICE: &str = "swr-console";

/// Where a secret key was put.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub enum Persistence {
    /// In the OS keyring; it survives restarts.
    Keyring,
    /// In memory until the app quits.
    Session,
}

#[derive(Debug, thiserror::Error)]
pub enum CredentialError {
    /// There is no usable keyring (no Secret Service, locked, access refused).
    #[error("the OS keyring is not available: {0}")]
    KeyringUnavailable(String),
    /// No secret key is stored for this access key.
    #[error("no secret key is stored for access key {0}")]
    Missing(String),
    #[error("the OS keyring refused the operation: {0}")]
    Keyring(String),
}

/// The storage behind [`CredentialStore`]: the OS keyring in the app, memory in tests.
pub trait Vault: Send + Sync {
    fn set(&self, account: &str, secret: &str) -> Result<(), CredentialError>;
    fn get(&self, account: &str) -> Result<Option<Sensitive<String>>, CredentialError>;
    fn delete(&self, account: &str) -> Result<(), CredentialError>;
}

/// The platform keyring through the `keyring` crate.
#[derive(Debug, Default)]
pub struct OsKeyring;

fn map_keyring_error(err: keyring::Error) -> CredentialError {
    // The crate's messages name the platform failure, never the secret.
    match err {
        keyring::Error::PlatformFailure(e) => CredentialError::KeyringUnavailable(e.to_string()),
        keyring::Error::NoStorageAccess(e) => CredentialError::KeyringUnavailable(e.to_string()),
        other => CredentialError::Keyring(other.to_string()),
    }
}

impl Vault for OsKeyring {
    fn set(&self, account: &str, secret: &str) -> Result<(), CredentialError> {
        keyring::Entry::new(SERVICE, account)
            .and_then(|e| e.set_password(secret))
            .map_err(map_keyring_error)
    }

    fn get(&self, account: &str) -> Result<Option<Sensitive<String>>, CredentialError> {
        match keyring::Entry::new(SERVICE, account).and_then(|e| e.get_password()) {
            Ok(secret) => Ok(Some(Sensitive::new(secret))),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(e) => Err(map_keyring_error(e)),
        }
    }

    fn delete(&self, account: &str) -> Result<(), CredentialError> {
        match keyring::Entry::new(SERVICE, account).and_then(|e| e.delete_credential()) {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(e) => Err(map_keyring_error(e)),
        }
    }
}

/// Secret keys by access key id: a vault plus the session-only ones.
///
/// The vault is reached through a gate (`gate.rs`): one keyring call at a time from this
/// process, and what the vault said of an account is used again for [`FRESH_FOR`].
pub struct CredentialStore {
    vault: gate::Gate,
    session: Mutex<HashMap<String, Sensitive<String>>>,
}

impl std::fmt::Debug for CredentialStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CredentialStore").finish_non_exhaustive()
    }
}

impl Default for CredentialStore {
    fn default() -> Self {
        Self::new(Box::new(OsKeyring))
    }
}

impl CredentialStore {
    pub fn new(vault: Box<dyn Vault>) -> Self {
        Self::keeping_secrets_for(vault, FRESH_FOR)
    }

    /// A store that asks the vault about an account again once its last answer is `fresh_for`
    /// old.
    pub(crate) fn keeping_secrets_for(
        vault: Box<dyn Vault>,
        fresh_for: std::time::Duration,
    ) -> Self {
        Self {
            vault: gate::Gate::new(vault, fresh_for),
            session: Mutex::new(HashMap::new()),
        }
    }

    /// Stores the secret key of `access_key_id`. With [`Persistence::Keyring`] a missing
    /// keyring is an error the caller shows; [`Persistence::Session`] never touches the keyring.
    pub fn save(
        &self,
        access_key_id: &str,
        secret_key: &Sensitive<String>,
        persistence: Persistence,
    ) -> Result<(), CredentialError> {
        match persistence {
            Persistence::Keyring => {
                self.vault.set(access_key_id, secret_key)?;
                // A key saved for good replaces any session copy.
                self.session_map().remove(access_key_id);
            }
            Persistence::Session => {
                self.session_map()
                    .insert(access_key_id.to_owned(), secret_key.clone());
            }
        }
        Ok(())
    }

    /// The secret key of `access_key_id`: the session copy first, then the keyring.
    pub fn secret_key(&self, access_key_id: &str) -> Result<Sensitive<String>, CredentialError> {
        if let Some(sk) = self.session_map().get(access_key_id) {
            return Ok(sk.clone());
        }
        self.vault
            .get(access_key_id)?
            .ok_or_else(|| CredentialError::Missing(access_key_id.to_owned()))
    }

    /// Where the secret key of `access_key_id` is, if anywhere.
    pub fn persistence(&self, access_key_id: &str) -> Option<Persistence> {
        if self.session_map().contains_key(access_key_id) {
            return Some(Persistence::Session);
        }
        match self.vault.get(access_key_id) {
            Ok(Some(_)) => Some(Persistence::Keyring),
            _ => None,
        }
    }

    /// Forgets the secret key everywhere. A keyring entry that is already gone is fine.
    pub fn delete(&self, access_key_id: &str) -> Result<(), CredentialError> {
        self.session_map().remove(access_key_id);
        self.vault.delete(access_key_id)
    }

    fn session_map(&self) -> std::sync::MutexGuard<'_, HashMap<String, Sensitive<String>>> {
        // Each change is a single map operation, so a poisoned map is still consistent.
        self.session
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// Secret keys read from an imported `credentials.csv`, held until the profile is saved, so
/// the key enters the app once and is never sent back to the screen that imported it.
#[derive(Default)]
pub struct StagedSecrets {
    entries: Mutex<HashMap<String, Sensitive<String>>>,
}

impl std::fmt::Debug for StagedSecrets {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StagedSecrets").finish_non_exhaustive()
    }
}

impl StagedSecrets {
    /// Keeps `secret` and returns the token that claims it.
    pub fn stage(&self, secret: Sensitive<String>) -> String {
        use std::hash::{BuildHasher, Hasher};
        let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
        hasher.write_u128(
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos())
                .unwrap_or_default(),
        );
        let token = format!("staged-{:016x}", hasher.finish());
        let mut entries = self.lock();
        // Only the latest import matters; older ones were abandoned.
        entries.clear();
        entries.insert(token.clone(), secret);
        token
    }

    /// Hands the secret over once.
    pub fn take(&self, token: &str) -> Option<Sensitive<String>> {
        self.lock().remove(token)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Sensitive<String>>> {
        self.entries
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// A vault in memory, for tests of code that stores credentials.
#[derive(Debug, Default)]
pub struct MemoryVault {
    entries: Mutex<HashMap<String, Sensitive<String>>>,
    /// When set, every operation fails as a machine without a Secret Service does.
    pub unavailable: bool,
}

impl MemoryVault {
    pub fn unavailable() -> Self {
        Self {
            unavailable: true,
            ..Self::default()
        }
    }

    fn entries(
        &self,
    ) -> Result<std::sync::MutexGuard<'_, HashMap<String, Sensitive<String>>>, CredentialError>
    {
        if self.unavailable {
            return Err(CredentialError::KeyringUnavailable(
                "no Secret Service on the session bus".into(),
            ));
        }
        Ok(self
            .entries
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner))
    }
}

impl Vault for MemoryVault {
    fn set(&self, account: &str, secret: &str) -> Result<(), CredentialError> {
        self.entries()?
            .insert(account.to_owned(), Sensitive::new(secret.to_owned()));
        Ok(())
    }

    fn get(&self, account: &str) -> Result<Option<Sensitive<String>>, CredentialError> {
        Ok(self.entries()?.get(account).cloned())
    }

    fn delete(&self, account: &str) -> Result<(), CredentialError> {
        self.entries()?.remove(account);
        Ok(())
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn sk(v: &str) -> Sensitive<String> {
        Sensitive::new(v.to_owned())
    }

    /// A profile store in a folder of its own (gone with the returned `TempDir`) and a
    /// credential store over `vault`.
    pub(crate) fn stores(
        vault: MemoryVault,
    ) -> (
        tempfile::TempDir,
        crate::profiles::ProfileStore,
        CredentialStore,
    ) {
        let dir = tempfile::tempdir().unwrap();
        let profiles = crate::profiles::ProfileStore::open(dir.path());
        (dir, profiles, CredentialStore::new(Box::new(vault)))
    }

    /// The profile most tests save: "Prod" in cn-north-4 with access key AK1.
    pub(crate) fn prod_input() -> crate::profiles::ProfileInput {
        crate::profiles::ProfileInput {
            name: "Prod".into(),
            region: "cn-north-4".into(),
            access_key_id: "AK1".into(),
            ..Default::default()
        }
    }

    #[test]
    fn keyring_round_trip_and_delete() {
        let store = CredentialStore::new(Box::new(MemoryVault::default()));
        store
            .save("AK1", &sk("sk-one"), Persistence::Keyring)
            .unwrap();
        assert_eq!(store.secret_key("AK1").unwrap().expose(), "sk-one");
        assert_eq!(store.persistence("AK1"), Some(Persistence::Keyring));
        store.delete("AK1").unwrap();
        assert!(matches!(
            store.secret_key("AK1"),
            Err(CredentialError::Missing(_))
        ));
        store.delete("AK1").unwrap();
    }

    #[test]
    fn without_a_keyring_saving_fails_until_the_user_accepts_a_session_key() {
        let store = CredentialStore::new(Box::new(MemoryVault::unavailable()));
        let err = store
            .save("AK1", &sk("sk-one"), Persistence::Keyring)
            .unwrap_err();
        assert!(matches!(err, CredentialError::KeyringUnavailable(_)));
        assert!(!err.to_string().contains("sk-one"));
        store
            .save("AK1", &sk("sk-one"), Persistence::Session)
            .unwrap();
        assert_eq!(store.secret_key("AK1").unwrap().expose(), "sk-one");
        assert_eq!(store.persistence("AK1"), Some(Persistence::Session));
        assert!(!format!("{store:?}").contains("sk-one"));
    }

    #[test]
    fn a_staged_secret_is_handed_over_once() {
        let staged = StagedSecrets::default();
        let token = staged.stage(sk("from-csv"));
        assert!(!token.contains("from-csv"));
        assert_eq!(staged.take(&token).unwrap().expose(), "from-csv");
        assert!(staged.take(&token).is_none());
    }

    #[test]
    fn the_crate_reports_its_mock_store_as_a_working_keyring() {
        // Guards the feature flags: with the mock builder installed an entry can be written,
        // and `NoEntry` on a fresh entry maps to "nothing stored" rather than a failure.
        keyring::set_default_credential_builder(keyring::mock::default_credential_builder());
        let vault = OsKeyring;
        assert!(vault.set("AK-mock", "sk").is_ok());
        assert!(matches!(vault.get("AK-never-set"), Ok(None)));
        assert!(vault.delete("AK-never-set").is_ok());
    }
}
