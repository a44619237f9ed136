//! One connection to SWR per profile, shared by every screen and command.
//!
//! Building a client costs a connection pool, a TLS handshake and, for a profile without a
//! project id, an IAM lookup; a registry client also holds bearer tokens. Browsing pages
//! thousands of rows and inspects tags lazily, so each profile keeps one [`Session`] (API client
//! and registry client) until the profile or its secret key changes. Every session of one
//! account (region + access key) shares one [`RateLimiter`], so everything the console does at
//! once stays under SWR's request rate.

pub mod config;

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use swr_api::{ClientConfig, RateLimiter, Sensitive};
use swr_registry::{Registry, RegistryConfig};

use crate::credentials::{CredentialError, CredentialStore};
use crate::journal::{Change, Journal};
use crate::profiles::{Profile, ProfileStore};

/// Why no session could be had.
#[derive(Debug, thiserror::Error)]
pub enum SessionError {
    #[error("no profile with id {0}")]
    ProfileNotFound(String),
    #[error(transparent)]
    Credentials(#[from] CredentialError),
    #[error(transparent)]
    Api(#[from] swr_api::Error),
    #[error(transparent)]
    Registry(#[from] swr_registry::Error),
}

/// The clients of one profile.
#[derive(Debug)]
pub struct Session {
    /// The profile id, or a label for a session built from the environment.
    pub profile_id: String,
    pub region: String,
    /// `host[:port]` images are pulled from.
    pub registry_host: String,
    pub api: swr_api::Client,
    /// Shared with the upload queue, which pushes with the profile's tokens.
    pub registry: Arc<Registry>,
    /// The profile's name, as the journal shows it.
    pub profile_name: String,
    /// Where changes are recorded; `None` records nothing (tests, read-only tools).
    pub journal: Option<Journal>,
    /// The account's pacer, which the API client takes a slot of for every attempt; registry
    /// reads made in numbers (a list's platforms) take one too.
    pub limiter: Option<Arc<RateLimiter>>,
}

impl Session {
    /// A session from ready configurations (swrctl with environment credentials).
    pub fn from_configs(
        profile_id: impl Into<String>,
        mut api: ClientConfig,
        registry: RegistryConfig,
        limiter: Option<Arc<RateLimiter>>,
    ) -> Result<Self, SessionError> {
        api.rate_limiter.clone_from(&limiter);
        let region = api.region.clone();
        let api = swr_api::Client::new(api)?;
        let profile_id = profile_id.into();
        Ok(Self {
            profile_name: profile_id.clone(),
            journal: None,
            profile_id,
            region,
            registry_host: registry.host.clone(),
            api,
            registry: Arc::new(Registry::new(registry)?),
            limiter,
        })
    }

    /// Waits for a slot of the account's pacer before a registry read (the API client takes its
    /// own): the browse screens' reads share SWR's request rate with everything else.
    pub async fn paced(&self) {
        if let Some(limiter) = &self.limiter {
            limiter.acquire().await;
        }
    }
}

impl Session {
    /// The same session, recording its changes in `journal` under `profile_name`.
    pub fn journaled(mut self, journal: Journal, profile_name: impl Into<String>) -> Self {
        self.journal = Some(journal);
        self.profile_name = profile_name.into();
        self
    }

    /// Makes a change to SWR and records it in the journal, whatever the outcome, with the
    /// request id of the last call `work` made. This is the one place changes are recorded:
    /// every mutating function of swr-core calls SWR through here.
    pub async fn change<T, E: std::fmt::Display>(
        &self,
        change: Change,
        work: impl std::future::Future<Output = Result<T, E>>,
    ) -> Result<T, E> {
        let (result, ids) = swr_api::requests::capture(work).await;
        if let Some(journal) = &self.journal {
            let outcome = result.as_ref().map(drop);
            if let Err(e) = journal.record(
                &self.profile_name,
                &self.region,
                change,
                outcome,
                ids.last().cloned(),
            ) {
                // The change is made either way; losing its record must not turn it into a
                // failure the user would retry.
                tracing::warn!(error = %e, "a change was made but not recorded");
            }
        }
        result
    }
}

struct Cached {
    profile: Profile,
    secret: Sensitive<String>,
    session: Arc<Session>,
}

/// Hands out the session of a profile, building it on first use.
pub struct Sessions {
    profiles: Arc<ProfileStore>,
    credentials: Arc<CredentialStore>,
    cache: Mutex<HashMap<String, Cached>>,
    limiters: Mutex<HashMap<(String, String), Arc<RateLimiter>>>,
    journal: Option<Journal>,
}

impl Sessions {
    pub fn new(profiles: Arc<ProfileStore>, credentials: Arc<CredentialStore>) -> Self {
        Self {
            profiles,
            credentials,
            cache: Mutex::new(HashMap::new()),
            limiters: Mutex::new(HashMap::new()),
            journal: None,
        }
    }

    /// Sessions whose changes are recorded in `journal`.
    pub fn journaled(mut self, journal: Journal) -> Self {
        self.journal = Some(journal);
        self
    }

    /// The journal changes are recorded in, when there is one.
    pub fn journal(&self) -> Option<&Journal> {
        self.journal.as_ref()
    }

    /// The session of `profile_id`: the cached one while the profile and its secret key are
    /// unchanged, else a new one.
    pub fn get(&self, profile_id: &str) -> Result<Arc<Session>, SessionError> {
        let profile = self
            .profiles
            .get(profile_id)
            .ok_or_else(|| SessionError::ProfileNotFound(profile_id.to_owned()))?;
        let (profile, secret) = self.credentials.unlock(&profile)?;
        {
            let cache = self.cache.lock().unwrap_or_else(|p| p.into_inner());
            if let Some(c) = cache.get(profile_id) {
                if c.profile == profile && c.secret.expose() == secret.expose() {
                    return Ok(c.session.clone());
                }
            }
        }
        let limiter = self.limiter(&profile.region, &profile.access_key_id);
        let mut session = Session::from_configs(
            profile_id,
            config::client_config(&profile, &secret),
            config::registry_config(&profile, &secret),
            Some(limiter),
        )?;
        if let Some(journal) = &self.journal {
            session = session.journaled(journal.clone(), profile.name.clone());
        }
        let session = Arc::new(session);
        self.cache.lock().unwrap_or_else(|p| p.into_inner()).insert(
            profile_id.to_owned(),
            Cached {
                profile,
                secret,
                session: session.clone(),
            },
        );
        Ok(session)
    }

    /// A session of the profile's account in another region, for region sync's gap view; not
    /// kept, since it is read once per view.
    pub fn in_region(&self, profile_id: &str, region: &str) -> Result<Session, SessionError> {
        let profile = self
            .profiles
            .get(profile_id)
            .ok_or_else(|| SessionError::ProfileNotFound(profile_id.to_owned()))?
            .in_region(region);
        let (profile, secret) = self.credentials.unlock(&profile)?;
        Session::from_configs(
            profile_id,
            config::client_config(&profile, &secret),
            config::registry_config(&profile, &secret),
            Some(self.limiter(region, &profile.access_key_id)),
        )
    }

    /// The pacer of one account, made on first use.
    pub fn limiter(&self, region: &str, access_key: &str) -> Arc<RateLimiter> {
        self.limiters
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .entry((region.to_owned(), access_key.to_owned()))
            .or_insert_with(|| Arc::new(RateLimiter::for_account()))
            .clone()
    }
}

/// The other regions of one profile, for region sync.
pub struct ProfileRegions<'a> {
    pub sessions: &'a Sessions,
    pub profile_id: &'a str,
}

impl crate::automation::sync::RegionSessions for ProfileRegions<'_> {
    fn region(&self, region: &str) -> Result<Session, SessionError> {
        self.sessions.in_region(self.profile_id, region)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::credentials::{MemoryVault, Persistence};
    use crate::profiles::ProfileInput;

    fn input(name: &str, ak: &str) -> ProfileInput {
        ProfileInput {
            name: name.into(),
            region: "cn-north-4".into(),
            project_id: Some("p".into()),
            access_key_id: ak.into(),
            endpoints: Default::default(),
            ca_bundle: None,
            proxy: None,
            insecure_skip_tls_verify: false,
        }
    }

    #[test]
    fn one_session_per_profile_until_the_profile_changes() {
        let dir = tempfile::tempdir().unwrap();
        let profiles = Arc::new(ProfileStore::open(dir.path()));
        let credentials = Arc::new(CredentialStore::new(Box::new(MemoryVault::default())));
        let a = profiles.add(input("a", "AKAAAAAAAAAAAAAAAAAA")).unwrap();
        let b = profiles.add(input("b", "AKAAAAAAAAAAAAAAAAAA")).unwrap();
        credentials
            .save(
                "AKAAAAAAAAAAAAAAAAAA",
                &Sensitive::new("sk".to_owned()),
                Persistence::Session,
            )
            .unwrap();
        let sessions = Sessions::new(profiles.clone(), credentials.clone());

        let first = sessions.get(&a.id).unwrap();
        assert!(Arc::ptr_eq(&first, &sessions.get(&a.id).unwrap()));
        // Two profiles of one account share its pacer.
        assert!(Arc::ptr_eq(
            &sessions.limiter("cn-north-4", "AKAAAAAAAAAAAAAAAAAA"),
            &sessions.limiter(&b.region, &b.access_key_id)
        ));

        let mut changed = input("a", "AKAAAAAAAAAAAAAAAAAA");
        changed.region = "cn-east-3".into();
        profiles.update(&a.id, changed).unwrap();
        let second = sessions.get(&a.id).unwrap();
        assert!(!Arc::ptr_eq(&first, &second));
        assert_eq!(second.region, "cn-east-3");

        assert!(matches!(
            sessions.get("nope"),
            Err(SessionError::ProfileNotFound(_))
        ));
    }
}
