//! Temporary docker logins issued by SWR (`utils/secret`, `utils/authorizationtoken`).

use std::collections::BTreeMap;

use base64::Engine;
use serde::Deserialize;

use crate::secret::Sensitive;

/// Body of the temporary-login operations: registry host → `{"auth": base64(user:password)}`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub(crate) struct AuthsBody {
    pub auths: BTreeMap<String, AuthInfo>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub(crate) struct AuthInfo {
    pub auth: Sensitive<String>,
}

/// A registry login issued by SWR.
#[derive(Debug, Clone)]
pub struct TemporaryLogin {
    /// Registry host the login is for.
    pub registry: String,
    /// Docker user name, e.g. `cn-north-4@<id>` or `bearertoken@<id>`.
    pub username: String,
    /// Docker password.
    pub password: Sensitive<String>,
    /// Expiry as the server wrote it (`X-Swr-Expireat`), when sent.
    pub expires_at: Option<String>,
}

impl TemporaryLogin {
    /// Decodes every `auths` entry; entries that are not base64 of `user:password` are skipped.
    pub(crate) fn from_auths(body: AuthsBody, expires_at: Option<String>) -> Vec<Self> {
        body.auths
            .into_iter()
            .filter_map(|(registry, info)| {
                let raw = base64::engine::general_purpose::STANDARD
                    .decode(info.auth.expose().trim())
                    .ok()?;
                let text = String::from_utf8(raw).ok()?;
                let (user, password) = text.split_once(':')?;
                Some(Self {
                    registry,
                    username: user.to_owned(),
                    password: Sensitive::new(password.to_owned()),
                    expires_at: expires_at.clone(),
                })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_auths_and_hides_the_password() {
        let body: AuthsBody = serde_json::from_str(
            r#"{"auths":{"swr.cn-north-4.myhuaweicloud.com":{"auth":"Y24tbm9ydGgtNEBBSzE6cGFzczp3b3Jk"},"bad":{"auth":"%%%"}}}"#,
        )
        .unwrap();
        let logins = TemporaryLogin::from_auths(body, Some("2030-01-01T00:00:00Z".into()));
        assert_eq!(logins.len(), 1);
        let l = &logins[0];
        assert_eq!(l.registry, "swr.cn-north-4.myhuaweicloud.com");
        assert_eq!(l.username, "cn-north-4@AK1");
        // Only the first `:` separates user from password.
        assert_eq!(l.password.expose(), "pass:word");
        assert!(!format!("{l:?}").contains("pass:word"));
    }
}
