//! Profile changes that also touch the keyring: saving a profile with its secret key (and its
//! proxy's password), and removing one with the secrets no other profile uses. A save the keyring
//! refuses leaves the profiles as they were; a removal whose secret cannot be deleted says so.

use swr_api::Sensitive;

use super::{split_proxy_password, CredentialError, CredentialStore, Persistence};

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::credentials::tests::{prod_input, sk, stores};
    use crate::credentials::MemoryVault;

    #[test]
    fn removing_a_profile_forgets_its_key_only_when_no_copy_uses_it() {
        let (_dir, profiles, store) = stores(MemoryVault::default());
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
        let (_dir, profiles, store) = stores(MemoryVault::default());
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
        let (_dir, profiles, store) = stores(MemoryVault::unavailable());
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
}
