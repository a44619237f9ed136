//! Registry credentials and the bearer-token cache.
//!
//! SWR's realm issues a token per scope for Basic `<region>@<AK>:<login key>` (the login key
//! is derived locally from the SK, see `swr_api::login`) or for a temporary login obtained
//! through the API. Tokens often come without `expires_in`; we then assume SWR's usual
//! lifetime and rely on the one-shot refresh after a 401. A token is dropped a safety margin
//! before it expires so a long upload does not start with a token about to die.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use base64::Engine as _;
use swr_api::Sensitive;

/// How we prove who we are to the realm.
#[derive(Debug, Clone)]
pub enum Credentials {
    /// Long-term login derived from an AK/SK pair.
    AccessKey {
        region: String,
        access_key: String,
        secret_key: Sensitive<String>,
    },
    /// A username and password, e.g. a temporary login from `create_temporary_login`.
    Password {
        username: String,
        password: Sensitive<String>,
    },
    /// No credentials (a public registry).
    Anonymous,
}

impl Credentials {
    /// The `Authorization: Basic …` value, if any.
    pub(crate) fn basic_header(&self) -> Option<Sensitive<String>> {
        let (user, pass) = match self {
            Self::AccessKey {
                region,
                access_key,
                secret_key,
            } => (
                swr_api::login::login_username(region, access_key),
                swr_api::login::login_key(access_key, secret_key.expose()),
            ),
            Self::Password { username, password } => (username.clone(), password.expose().clone()),
            Self::Anonymous => return None,
        };
        let encoded = base64::engine::general_purpose::STANDARD.encode(format!("{user}:{pass}"));
        Some(Sensitive::new(format!("Basic {encoded}")))
    }
}

/// Lifetime assumed when the realm does not say (SWR tokens last about 15 minutes).
const DEFAULT_TTL: Duration = Duration::from_secs(300);

/// The refresh margin: a fifth of the lifetime, at most 30 seconds.
fn margin(ttl: Duration) -> Duration {
    (ttl / 5).min(Duration::from_secs(30))
}

#[derive(Debug)]
struct Cached {
    token: Sensitive<String>,
    use_until: Instant,
}

/// Tokens by scope string.
#[derive(Debug, Default)]
pub(crate) struct TokenCache {
    tokens: HashMap<String, Cached>,
}

impl TokenCache {
    pub fn get(&self, scope: &str, now: Instant) -> Option<Sensitive<String>> {
        self.tokens
            .get(scope)
            .filter(|c| c.use_until > now)
            .map(|c| c.token.clone())
    }

    pub fn put(
        &mut self,
        scope: &str,
        token: Sensitive<String>,
        ttl: Option<Duration>,
        now: Instant,
    ) {
        let ttl = ttl.filter(|t| !t.is_zero()).unwrap_or(DEFAULT_TTL);
        self.tokens.insert(
            scope.to_owned(),
            Cached {
                token,
                use_until: now + ttl - margin(ttl),
            },
        );
    }

    pub fn forget(&mut self, scope: &str) {
        self.tokens.remove(scope);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_expire_before_their_lifetime_ends() {
        let mut cache = TokenCache::default();
        let t0 = Instant::now();
        cache.put(
            "s",
            Sensitive::new("tok".into()),
            Some(Duration::from_secs(5)),
            t0,
        );
        assert!(cache.get("s", t0 + Duration::from_secs(3)).is_some());
        assert!(cache.get("s", t0 + Duration::from_millis(4100)).is_none());
        assert!(cache.get("other", t0).is_none());
        cache.put("s", Sensitive::new("tok".into()), None, t0);
        assert!(cache.get("s", t0 + Duration::from_secs(269)).is_some());
        assert!(cache.get("s", t0 + Duration::from_secs(271)).is_none());
    }

    #[test]
    fn basic_header_uses_region_ak_and_login_key_and_hides_it() {
        let c = Credentials::AccessKey {
            region: "cn-north-4".into(),
            access_key: "AK1".into(),
            secret_key: Sensitive::new("SK1".into()),
        };
        let h = c.basic_header().unwrap();
        let b64 = h.expose().strip_prefix("Basic ").unwrap();
        let raw = String::from_utf8(
            base64::engine::general_purpose::STANDARD
                .decode(b64)
                .unwrap(),
        )
        .unwrap();
        assert_eq!(
            raw,
            format!("cn-north-4@AK1:{}", swr_api::login::login_key("AK1", "SK1"))
        );
        assert!(!format!("{c:?}").contains("SK1"));
        assert!(!format!("{h:?}").contains(b64));
    }
}
