//! Registry bearer tokens: what the realm issues and the proxy checks.
//!
//! A token is `base64url(claims) "." hex(HMAC-SHA256(token_key, base64url(claims)))`. The key
//! is generated per data directory, so tokens survive a restart like SWR's do within their
//! lifetime. Claims carry only the caller's user id, an expiry, and the scopes that were granted
//! after cutting the requested ones to the caller's permissions.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use sha2::Sha256;
use subtle::ConstantTimeEq;

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Access {
    #[serde(rename = "type")]
    pub kind: String,
    pub name: String,
    pub actions: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Claims {
    pub sub: String,
    pub exp: i64,
    pub access: Vec<Access>,
}

impl Claims {
    pub fn allows(&self, name: &str, action: &str) -> bool {
        self.access.iter().any(|a| {
            a.kind == "repository" && a.name == name && a.actions.iter().any(|x| x == action)
        })
    }
}

fn mac(key: &str, payload: &str) -> Vec<u8> {
    // HMAC accepts keys of any length, so this cannot fail.
    let mut m = match Hmac::<Sha256>::new_from_slice(key.as_bytes()) {
        Ok(m) => m,
        Err(_) => return Vec::new(),
    };
    m.update(payload.as_bytes());
    m.finalize().into_bytes().to_vec()
}

pub fn issue(key: &str, claims: &Claims) -> String {
    let payload = URL_SAFE_NO_PAD.encode(serde_json::to_vec(claims).unwrap_or_default());
    let sig = hex::encode(mac(key, &payload));
    format!("{payload}.{sig}")
}

/// The claims of a genuine, unexpired token.
pub fn check(key: &str, token: &str, now_unix: i64) -> Option<Claims> {
    let (payload, sig) = token.split_once('.')?;
    let sig = hex::decode(sig).ok()?;
    if !bool::from(mac(key, payload).ct_eq(&sig)) {
        return None;
    }
    let claims: Claims = serde_json::from_slice(&URL_SAFE_NO_PAD.decode(payload).ok()?).ok()?;
    (claims.exp > now_unix).then_some(claims)
}

/// A requested scope: `repository:<name>:<action>[,<action>…]`.
pub fn parse_scope(scope: &str) -> Option<(String, String, Vec<String>)> {
    let (kind, rest) = scope.split_once(':')?;
    let (name, actions) = rest.rsplit_once(':')?;
    Some((
        kind.to_string(),
        name.to_string(),
        actions
            .split(',')
            .filter(|a| !a.is_empty())
            .map(str::to_string)
            .collect(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claims(exp: i64) -> Claims {
        Claims {
            sub: "u".into(),
            exp,
            access: vec![Access {
                kind: "repository".into(),
                name: "org/app".into(),
                actions: vec!["pull".into()],
            }],
        }
    }

    #[test]
    fn genuine_tokens_check_and_forged_or_expired_ones_do_not() {
        let t = issue("k", &claims(100));
        assert_eq!(check("k", &t, 50), Some(claims(100)));
        assert_eq!(check("k", &t, 100), None);
        assert_eq!(check("other", &t, 50), None);
        let forged = issue("k", &claims(100)).replace('.', "x.");
        assert_eq!(check("k", &forged, 50), None);
    }

    #[test]
    fn scope_allows_only_granted_actions() {
        let c = claims(1);
        assert!(c.allows("org/app", "pull"));
        assert!(!c.allows("org/app", "push"));
        assert!(!c.allows("org/other", "pull"));
    }

    #[test]
    fn scopes_with_nested_names_parse() {
        assert_eq!(
            parse_scope("repository:org/group/app:pull,push"),
            Some((
                "repository".into(),
                "org/group/app".into(),
                vec!["pull".into(), "push".into()]
            ))
        );
        assert_eq!(parse_scope("nonsense"), None);
    }
}
