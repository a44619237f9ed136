//! Proxy passwords, kept in the keyring beside the secret keys.
//!
//! A proxy URL may carry a password. It is cut out before the profile is written and kept under
//! the keyring account `proxy:<profile id>`, so `profiles.json`, the profile list the UI gets and
//! `swrctl profile list` show the URL without it; [`CredentialStore::unlock`] puts it back into
//! the profile a connection is made with.

use swr_api::Sensitive;

use crate::credentials::{CredentialError, CredentialStore, Persistence};

impl CredentialStore {
    /// The profile as connections use it: its proxy URL with the password from the keyring
    /// put back, and its secret key.
    pub fn unlock(
        &self,
        profile: &crate::profiles::Profile,
    ) -> Result<(crate::profiles::Profile, Sensitive<String>), CredentialError> {
        let secret = self.secret_key(&profile.access_key_id)?;
        let mut unlocked = profile.clone();
        if let Some(url) = &profile.proxy {
            if split_proxy_password(url).1.is_none() {
                if let Some(password) = self.proxy_password(&profile.id)? {
                    unlocked.proxy = Some(with_proxy_password(url, &password));
                }
            }
        }
        Ok((unlocked, secret))
    }

    /// The stored password of a profile's proxy, if any: looked up as a secret key is, the
    /// session copy first, then the keyring.
    pub fn proxy_password(
        &self,
        profile_id: &str,
    ) -> Result<Option<Sensitive<String>>, CredentialError> {
        match self.secret_key(&proxy_account(profile_id)) {
            Ok(password) => Ok(Some(password)),
            Err(CredentialError::Missing(_)) => Ok(None),
            Err(e) => Err(e),
        }
    }

    pub(crate) fn save_proxy_password(
        &self,
        profile_id: &str,
        password: &Sensitive<String>,
        persistence: Persistence,
    ) -> Result<(), CredentialError> {
        self.save(&proxy_account(profile_id), password, persistence)
    }

    pub(crate) fn delete_proxy_password(&self, profile_id: &str) -> Result<(), CredentialError> {
        self.delete(&proxy_account(profile_id))
    }
}

/// The keyring account of a profile's proxy password. Access key ids hold no `:`, so it never
/// meets a secret key's account.
fn proxy_account(profile_id: &str) -> String {
    format!("proxy:{profile_id}")
}

/// A proxy URL without its password, and the password (as written in the URL,
/// percent-encoded). A URL that does not parse is returned as it is.
pub fn split_proxy_password(url: &str) -> (String, Option<Sensitive<String>>) {
    match url::Url::parse(url) {
        Ok(mut parsed) => match parsed.password().map(str::to_owned) {
            Some(password) if !password.is_empty() => {
                // Cannot fail: a URL with a password has a host.
                let _ = parsed.set_password(None);
                (parsed.to_string(), Some(Sensitive::new(password)))
            }
            _ => (url.to_owned(), None),
        },
        Err(_) => (url.to_owned(), None),
    }
}

/// The proxy URL with `password` (percent-encoded, as [`split_proxy_password`] gives it).
fn with_proxy_password(url: &str, password: &Sensitive<String>) -> String {
    match url::Url::parse(url) {
        Ok(mut parsed) => {
            if parsed.username().is_empty() || parsed.set_password(Some(password.expose())).is_err()
            {
                return url.to_owned();
            }
            parsed.to_string()
        }
        Err(_) => url.to_owned(),
    }
}

/// Moves proxy passwords still written in `profiles.json` into the keyring. A profile whose
/// password cannot be stored keeps it where it is (the proxy must go on working) and is
/// reported in the log.
pub fn move_proxy_passwords(
    profiles: &crate::profiles::ProfileStore,
    credentials: &CredentialStore,
) {
    for profile in profiles.list() {
        if profiles.is_session(&profile.id) {
            continue;
        }
        let Some((bare, Some(password))) = profile.proxy.as_deref().map(split_proxy_password)
        else {
            continue;
        };
        if let Err(err) =
            credentials.save_proxy_password(&profile.id, &password, Persistence::Keyring)
        {
            tracing::warn!(%err, profile = %profile.id, "the proxy password stays in profiles.json: no keyring to move it to");
            continue;
        }
        let mut input = profile.input();
        input.proxy = Some(bare);
        if let Err(err) = profiles.update(&profile.id, input) {
            tracing::warn!(%err, profile = %profile.id, "could not rewrite the profile without its proxy password");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::credentials::tests::{prod_input, sk, stores};
    use crate::credentials::{remove_profile, save_profile, MemoryVault};

    #[test]
    fn a_proxy_password_goes_to_the_keyring_and_back_into_connections_only() {
        let (dir, profiles, store) = stores(MemoryVault::default());
        let input = crate::profiles::ProfileInput {
            proxy: Some("http://alice:hunter%402@proxy.corp:3128".into()),
            ..prod_input()
        };
        let prod = save_profile(
            &profiles,
            &store,
            None,
            input.clone(),
            Some(&sk("s")),
            Persistence::Keyring,
        )
        .unwrap();
        let file = std::fs::read_to_string(dir.path().join("profiles.json")).unwrap();
        assert!(!file.contains("hunter"), "{file}");
        assert!(file.contains("http://alice@proxy.corp:3128"), "{file}");
        assert_eq!(prod.proxy.as_deref(), Some("http://alice@proxy.corp:3128/"));
        let (unlocked, _) = store.unlock(&prod).unwrap();
        assert_eq!(
            unlocked.proxy.as_deref(),
            Some("http://alice:hunter%402@proxy.corp:3128/")
        );

        // The edit form shows the URL without the password; saving it keeps the password.
        let shown = profiles.get(&prod.id).unwrap().input();
        let renamed = crate::profiles::ProfileInput {
            name: "Production".into(),
            ..shown
        };
        save_profile(
            &profiles,
            &store,
            Some(&prod.id),
            renamed.clone(),
            None,
            Persistence::Keyring,
        )
        .unwrap();
        assert_eq!(
            store.proxy_password(&prod.id).unwrap().unwrap().expose(),
            "hunter%402"
        );

        // No proxy any more: its password goes too; so does it with the profile.
        let direct = crate::profiles::ProfileInput {
            proxy: None,
            ..renamed
        };
        save_profile(
            &profiles,
            &store,
            Some(&prod.id),
            direct,
            None,
            Persistence::Keyring,
        )
        .unwrap();
        assert!(store.proxy_password(&prod.id).unwrap().is_none());
        let again = save_profile(
            &profiles,
            &store,
            None,
            crate::profiles::ProfileInput {
                name: "Again".into(),
                ..input
            },
            None,
            Persistence::Keyring,
        )
        .unwrap();
        assert!(store.proxy_password(&again.id).unwrap().is_some());
        remove_profile(&profiles, &store, &again.id).unwrap();
        assert!(store.proxy_password(&again.id).unwrap().is_none());
    }

    #[test]
    fn a_proxy_password_left_in_an_old_profiles_file_moves_to_the_keyring() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("profiles.json"),
            r#"{"version":1,"active":"prod","profiles":[{"id":"prod","name":"Prod",
            "region":"cn-north-4","accessKeyId":"AK1",
            "proxy":"http://alice:hunter2@proxy.corp:3128"}]}"#,
        )
        .unwrap();
        let profiles = crate::profiles::ProfileStore::open(dir.path());
        assert_eq!(profiles.list().len(), 1, "the test file is read");
        assert_eq!(
            profiles.get("prod").unwrap().shown().proxy.as_deref(),
            Some("http://alice@proxy.corp:3128/"),
            "listings never show it, moved or not"
        );

        // No keyring: the password stays where it is, so the proxy goes on working.
        let none = CredentialStore::new(Box::new(MemoryVault::unavailable()));
        move_proxy_passwords(&profiles, &none);
        let file = std::fs::read_to_string(dir.path().join("profiles.json")).unwrap();
        assert!(file.contains("hunter2"));

        let store = CredentialStore::new(Box::new(MemoryVault::default()));
        store.save("AK1", &sk("s"), Persistence::Keyring).unwrap();
        move_proxy_passwords(&profiles, &store);
        let file = std::fs::read_to_string(dir.path().join("profiles.json")).unwrap();
        assert!(!file.contains("hunter2"), "{file}");
        let (unlocked, _) = store.unlock(&profiles.get("prod").unwrap()).unwrap();
        assert_eq!(
            unlocked.proxy.as_deref(),
            Some("http://alice:hunter2@proxy.corp:3128/")
        );
    }
}
