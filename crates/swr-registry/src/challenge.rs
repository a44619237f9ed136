//! Parsing `WWW-Authenticate` challenges (RFC 7235 auth-params).
//!
//! SWR answers `GET /v2/` with a Bearer challenge naming the realm that issues tokens; a
//! private deployment or a proxy may answer Basic instead. Values may be quoted (with `\`
//! escapes) or bare tokens, and a header may in principle carry several challenges; we take
//! the first Bearer one, else the first Basic one.

use crate::error::Error;

/// What the registry asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Challenge {
    Bearer {
        realm: String,
        service: Option<String>,
        scope: Option<String>,
    },
    Basic,
}

/// Parses the value of a `WWW-Authenticate` header.
pub fn parse(header: &str) -> Result<Challenge, Error> {
    let mut rest = header.trim();
    let mut saw_basic = false;
    while !rest.is_empty() {
        let (scheme, after) = split_token(rest);
        if scheme.is_empty() {
            break;
        }
        let (params, after) = parse_params(after);
        if scheme.eq_ignore_ascii_case("bearer") {
            let get = |k: &str| {
                params
                    .iter()
                    .find(|(key, _)| key.eq_ignore_ascii_case(k))
                    .map(|(_, v)| v.clone())
            };
            let realm = get("realm")
                .filter(|r| !r.is_empty())
                .ok_or_else(|| Error::Challenge("Bearer challenge without a realm".into()))?;
            return Ok(Challenge::Bearer {
                realm,
                service: get("service"),
                scope: get("scope"),
            });
        }
        if scheme.eq_ignore_ascii_case("basic") {
            saw_basic = true;
        }
        rest = after.trim_start_matches([',', ' ', '\t']);
    }
    if saw_basic {
        Ok(Challenge::Basic)
    } else {
        Err(Error::Challenge(format!(
            "unsupported scheme in `{header}`"
        )))
    }
}

/// Whether the long-term login may go to `realm`, the token service a registry at `registry`
/// named in its challenge. A challenge is only as trustworthy as the connection it came on, and
/// the login it asks for opens every repository of the account: it goes only to the registry's
/// own host and port (SWR's realm lives there), and never over a weaker scheme than the
/// registry's. `Err` says why, in words for the user.
pub fn check_realm(registry: &url::Url, realm: &url::Url) -> Result<(), String> {
    let secure = |url: &url::Url| url.scheme() == "https";
    if !matches!(realm.scheme(), "https" | "http") {
        return Err(format!("its scheme `{}` is not HTTP", realm.scheme()));
    }
    if secure(registry) && !secure(realm) {
        return Err("it is plain HTTP while the registry is HTTPS".into());
    }
    let same_host = realm.host_str().map(str::to_ascii_lowercase)
        == registry.host_str().map(str::to_ascii_lowercase);
    if !same_host || realm.port_or_known_default() != registry.port_or_known_default() {
        return Err(format!(
            "it is on {}, not on the registry's own host {}",
            host_port(realm),
            host_port(registry)
        ));
    }
    Ok(())
}

fn host_port(url: &url::Url) -> String {
    match (url.host_str(), url.port()) {
        (Some(host), Some(port)) => format!("{host}:{port}"),
        (Some(host), None) => host.to_owned(),
        (None, _) => "no host".to_owned(),
    }
}

fn split_token(s: &str) -> (&str, &str) {
    let s = s.trim_start();
    let end = s
        .find(|c: char| c.is_whitespace() || c == ',' || c == '=' || c == '"')
        .unwrap_or(s.len());
    (&s[..end], &s[end..])
}

/// Reads `key=value` pairs until the next challenge's scheme (a token not followed by `=`).
fn parse_params(mut s: &str) -> (Vec<(String, String)>, &str) {
    let mut params = Vec::new();
    loop {
        let trimmed = s.trim_start_matches([',', ' ', '\t']);
        let (key, after_key) = split_token(trimmed);
        let after_key_ws = after_key.trim_start();
        if key.is_empty() || !after_key_ws.starts_with('=') {
            return (params, trimmed);
        }
        let value_part = after_key_ws[1..].trim_start();
        let (value, after_value) = if let Some(quoted) = value_part.strip_prefix('"') {
            let mut value = String::new();
            let mut chars = quoted.char_indices();
            let mut end = quoted.len();
            while let Some((i, c)) = chars.next() {
                match c {
                    '\\' => {
                        if let Some((_, escaped)) = chars.next() {
                            value.push(escaped);
                        }
                    }
                    '"' => {
                        end = i + 1;
                        break;
                    }
                    _ => value.push(c),
                }
            }
            (value, &quoted[end.min(quoted.len())..])
        } else {
            let end = value_part
                .find([',', ' ', '\t'])
                .unwrap_or(value_part.len());
            (value_part[..end].to_owned(), &value_part[end..])
        };
        params.push((key.to_owned(), value));
        s = after_value;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn realm(registry: &str, realm: &str) -> Result<(), String> {
        check_realm(
            &url::Url::parse(registry).unwrap(),
            &url::Url::parse(realm).unwrap(),
        )
    }

    #[test]
    fn the_login_goes_only_to_the_registry_s_own_realm() {
        let swr = "https://swr.cn-north-4.myhuaweicloud.com/";
        assert_eq!(
            realm(
                swr,
                "https://swr.cn-north-4.myhuaweicloud.com/swr/auth/v2/registry/auth/"
            ),
            Ok(())
        );
        assert_eq!(
            realm(swr, "https://SWR.cn-north-4.myhuaweicloud.com:443/auth"),
            Ok(())
        );
        // A plain-HTTP sandbox may have a plain-HTTP or an HTTPS realm on its own port.
        assert_eq!(
            realm("http://127.0.0.1:5000/", "http://127.0.0.1:5000/auth"),
            Ok(())
        );
        assert_eq!(
            realm("http://127.0.0.1:443/", "https://127.0.0.1/auth"),
            Ok(())
        );

        let downgrade = realm(swr, "http://swr.cn-north-4.myhuaweicloud.com/auth").unwrap_err();
        assert!(downgrade.contains("plain HTTP"), "{downgrade}");
        let elsewhere = realm(swr, "https://tokens.example.com/auth").unwrap_err();
        assert!(
            elsewhere.contains("tokens.example.com") && elsewhere.contains("swr.cn-north-4"),
            "{elsewhere}"
        );
        let other_port = realm("http://127.0.0.1:5000/", "http://127.0.0.1:5001/auth").unwrap_err();
        assert!(other_port.contains("127.0.0.1:5001"), "{other_port}");
        assert!(realm(swr, "ftp://swr.cn-north-4.myhuaweicloud.com/auth").is_err());
    }

    #[test]
    fn swr_bearer_challenge() {
        let c = parse(r#"Bearer realm="https://swr.cn-north-4.myhuaweicloud.com/swr/auth/v2/registry/auth/",service="dockyard""#).unwrap();
        assert_eq!(
            c,
            Challenge::Bearer {
                realm: "https://swr.cn-north-4.myhuaweicloud.com/swr/auth/v2/registry/auth/".into(),
                service: Some("dockyard".into()),
                scope: None,
            }
        );
    }

    #[test]
    fn scope_with_commas_escapes_and_bare_tokens() {
        let c = parse(
            r#"bearer service=dockyard, scope="repository:a/b:pull,push", realm="http://h/x\"y""#,
        )
        .unwrap();
        assert_eq!(
            c,
            Challenge::Bearer {
                realm: "http://h/x\"y".into(),
                service: Some("dockyard".into()),
                scope: Some("repository:a/b:pull,push".into()),
            }
        );
    }

    #[test]
    fn bearer_preferred_over_basic_and_basic_alone() {
        let c = parse(r#"Basic realm="r", Bearer realm="http://t""#).unwrap();
        assert!(matches!(c, Challenge::Bearer { realm, .. } if realm == "http://t"));
        assert_eq!(
            parse(r#"Basic realm="registry""#).unwrap(),
            Challenge::Basic
        );
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        for h in [
            "",
            "Bearer",
            "Bearer service=x",
            "Negotiate abc",
            "\"",
            "=,=",
            "Bearer realm=\"unterminated",
        ] {
            let _ = parse(h);
        }
        assert!(parse("Bearer service=x").is_err());
        assert!(parse("Negotiate abc").is_err());
    }
}
