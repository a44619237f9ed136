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
//! Also here: what a login is made of and the commands and files that use it ([`logins`],
//! [`docker_config`]), and the check that a key pair really works ([`verify`]).

use std::collections::HashMap;
use std::sync::Mutex;

use swr_api::Sensitive;

pub mod docker_config;
mod gate;
pub mod logins;
mod proxy;
pub mod verify;

pub use gate::FRESH_FOR;
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

/// Adds (`id` = `None`) or edits a profile and stores `secret` for its access key. When the
/// key cannot be stored, the profile is put back as it was, so a failed save leaves nothing
/// half-done (a new profile without a key would fail every call).
pub fn save_profile(
    profiles: &crate::profiles::ProfileStore,
    credentials: &CredentialStore,
    id: Option<&str>,
    mut input: crate::profiles::ProfileInput,
    secret: Option<&Sensitive<String>>,
    persistence: Persistence,
) -> Result<crate::profiles::Profile, ProfileChangeError> {
    let previous = id.and_then(|id| profiles.get(id));
    // The proxy password goes to the keyring, never to the file. An edit that leaves it out
    // keeps the stored one (the form shows the URL without it); one still written in the old
    // URL moves along.
    let (proxy, typed) = match input.proxy.take() {
        Some(url) => {
            let (bare, password) = split_proxy_password(&url);
            (Some(bare), password)
        }
        None => (None, None),
    };
    let carried = previous
        .as_ref()
        .and_then(|p| p.proxy.as_deref())
        .and_then(|url| split_proxy_password(url).1);
    let proxy_password = typed.or(carried);
    input.proxy = proxy;
    let profile = match id {
        None => profiles.add(input)?,
        Some(id) => profiles.update(id, input)?,
    };
    let stored = secret
        .map(|sk| credentials.save(&profile.access_key_id, sk, persistence))
        .unwrap_or(Ok(()))
        .and_then(|()| match (&profile.proxy, &proxy_password) {
            (Some(_), Some(password)) => {
                credentials.save_proxy_password(&profile.id, password, persistence)
            }
            _ => Ok(()),
        });
    if let Err(err) = stored {
        // Best effort: the store wrote the change a moment ago and can write it back.
        match previous {
            None => drop(profiles.remove(&profile.id)),
            Some(p) => drop(profiles.update(&p.id, p.input())),
        }
        return Err(err.into());
    }
    if profile.proxy.is_none() {
        if let Err(err) = credentials.delete_proxy_password(&profile.id) {
            tracing::warn!(%err, "could not remove the password of the proxy the profile no longer uses");
        }
    }
    // An edit that changed the access key leaves the old key's secret to no one: it goes,
    // unless another profile still uses that key.
    if let Some(old) = previous.filter(|p| p.access_key_id != profile.access_key_id) {
        if !profiles.uses_access_key(&old.access_key_id) {
            if let Err(err) = credentials.delete(&old.access_key_id) {
                tracing::warn!(%err, "could not remove the secret key of the access key the profile no longer uses");
            }
        }
    }
    Ok(profile)
}

/// Removes a profile and, when no other profile uses its access key any more, its secret key.
pub fn remove_profile(
    profiles: &crate::profiles::ProfileStore,
    credentials: &CredentialStore,
    id: &str,
) -> Result<crate::profiles::Profile, ProfileChangeError> {
    let removed = profiles.remove(id)?;
    if removed.proxy.is_some() {
        credentials.delete_proxy_password(&removed.id)?;
    }
    if !profiles.uses_access_key(&removed.access_key_id) {
        credentials.delete(&removed.access_key_id)?;
    }
    Ok(removed)
}

/// A profile change that also touched the keyring.
#[derive(Debug, thiserror::Error)]
pub enum ProfileChangeError {
    #[error(transparent)]
    Profile(#[from] crate::profiles::ProfileError),
    /// The profile is gone but its keyring entry could not be removed.
    #[error("the profile was removed but its secret key is still in the keyring: {0}")]
    Credential(#[from] CredentialError),
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
    fn removing_a_profile_forgets_its_key_only_when_no_copy_uses_it() {
        let dir = tempfile::tempdir().unwrap();
        let profiles = crate::profiles::ProfileStore::open(dir.path());
        let store = CredentialStore::new(Box::new(MemoryVault::default()));
        let input = prod_input();
        let prod = profiles.add(input).unwrap();
        let copy = profiles.duplicate(&prod.id).unwrap();
        store
            .save("AK1", &sk("sk-one"), Persistence::Keyring)
            .unwrap();
        remove_profile(&profiles, &store, &copy.id).unwrap();
        assert_eq!(store.secret_key("AK1").unwrap().expose(), "sk-one");
        remove_profile(&profiles, &store, &prod.id).unwrap();
        assert!(matches!(
            store.secret_key("AK1"),
            Err(CredentialError::Missing(_))
        ));
    }

    #[test]
    fn an_edit_that_changes_the_access_key_removes_the_old_key_s_secret() {
        let dir = tempfile::tempdir().unwrap();
        let profiles = crate::profiles::ProfileStore::open(dir.path());
        let store = CredentialStore::new(Box::new(MemoryVault::default()));
        let input = prod_input();
        let prod = save_profile(
            &profiles,
            &store,
            None,
            input.clone(),
            Some(&sk("one")),
            Persistence::Keyring,
        )
        .unwrap();
        let shared = save_profile(
            &profiles,
            &store,
            None,
            crate::profiles::ProfileInput {
                name: "Copy".into(),
                ..input.clone()
            },
            None,
            Persistence::Keyring,
        )
        .unwrap();

        // Another profile still uses AK1: its secret stays.
        let rotated = crate::profiles::ProfileInput {
            access_key_id: "AK2".into(),
            ..input.clone()
        };
        save_profile(
            &profiles,
            &store,
            Some(&prod.id),
            rotated,
            Some(&sk("two")),
            Persistence::Keyring,
        )
        .unwrap();
        assert_eq!(store.secret_key("AK1").unwrap().expose(), "one");

        // Once no profile uses AK1, editing the last one away from it removes its secret.
        let rotated = crate::profiles::ProfileInput {
            name: "Copy".into(),
            access_key_id: "AK2".into(),
            ..input
        };
        save_profile(
            &profiles,
            &store,
            Some(&shared.id),
            rotated,
            None,
            Persistence::Keyring,
        )
        .unwrap();
        assert!(matches!(
            store.secret_key("AK1"),
            Err(CredentialError::Missing(_))
        ));
        assert_eq!(store.secret_key("AK2").unwrap().expose(), "two");
    }

    #[test]
    fn a_save_the_keyring_refuses_leaves_the_profiles_as_they_were() {
        let dir = tempfile::tempdir().unwrap();
        let profiles = crate::profiles::ProfileStore::open(dir.path());
        let store = CredentialStore::new(Box::new(MemoryVault::unavailable()));
        let input = prod_input();
        let err = save_profile(
            &profiles,
            &store,
            None,
            input.clone(),
            Some(&sk("s")),
            Persistence::Keyring,
        )
        .unwrap_err();
        assert!(matches!(
            err,
            ProfileChangeError::Credential(CredentialError::KeyringUnavailable(_))
        ));
        assert!(profiles.list().is_empty(), "no profile without its key");

        let saved = save_profile(
            &profiles,
            &store,
            None,
            input.clone(),
            Some(&sk("s")),
            Persistence::Session,
        )
        .unwrap();
        let mut renamed = input;
        renamed.name = "Renamed".into();
        renamed.access_key_id = "AK2".into();
        assert!(save_profile(
            &profiles,
            &store,
            Some(&saved.id),
            renamed,
            Some(&sk("t")),
            Persistence::Keyring
        )
        .is_err());
        let kept = profiles.get(&saved.id).unwrap();
        assert_eq!(
            (kept.name.as_str(), kept.access_key_id.as_str()),
            ("Prod", "AK1")
        );
        assert_eq!(store.secret_key("AK1").unwrap().expose(), "s");
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
