//! Repository names between clients and the backing registry.
//!
//! Clients address `org/app`; the registry stores the region's images under its prefix
//! (`regions::upstream_prefix`: empty for the first region). Requests gain the prefix on the
//! way in (path and a mount's `from`), and what the registry says about names on the way out
//! (`Location` and `Link` headers, the tag list's `name`) loses it, so a client of any region
//! sees the same names it would see in a single-region sandbox.

use super::token::Claims;

/// What a distribution path addresses.
#[derive(Debug, PartialEq, Eq)]
pub enum Target {
    Manifest { name: String, reference: String },
    Blob { name: String },
    Upload { name: String },
    TagList { name: String },
}

/// Whether `name` is a repository name as the distribution registry defines it: components of
/// lowercase letters and digits joined by `.`, `_`, `__` or runs of `-`, separated by `/`. Every
/// name the gateway passes on must be one: the upstream URL is normalised, so a component such
/// as `..` (or `%2e%2e`) would otherwise lead a path cleared for one organization into another.
pub fn valid_name(name: &str) -> bool {
    !name.is_empty() && name.len() <= 255 && name.split('/').all(valid_component)
}

fn valid_component(component: &str) -> bool {
    let alnum = |c: u8| c.is_ascii_lowercase() || c.is_ascii_digit();
    let bytes = component.as_bytes();
    let (Some(&first), Some(&last)) = (bytes.first(), bytes.last()) else {
        return false;
    };
    if !alnum(first) || !alnum(last) {
        return false;
    }
    // Between alphanumeric runs: one `.`, one or two `_`, or any number of `-`.
    let mut i = 0;
    while i < bytes.len() {
        if alnum(bytes[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && !alnum(bytes[i]) {
            i += 1;
        }
        let separator = &component[start..i];
        let allowed = separator == "."
            || separator == "_"
            || separator == "__"
            || separator.bytes().all(|b| b == b'-');
        if !allowed {
            return false;
        }
    }
    true
}

/// What a distribution path addresses; `None` for anything else, and for names that are not
/// valid repository names.
pub fn parse_target(path: &str) -> Option<Target> {
    let target = parse_path(path)?;
    valid_name(target.name()).then_some(target)
}

/// Whether `path` has the shape of a repository operation, whatever its name.
pub fn names_a_repository(path: &str) -> bool {
    parse_path(path).is_some()
}

fn parse_path(path: &str) -> Option<Target> {
    let rest = path.strip_prefix("/v2/")?;
    let segs: Vec<&str> = rest.split('/').collect();
    let n = segs.len();
    let name_until = |k: usize| segs[..n - k].join("/");
    if n >= 3 && segs[n - 2] == "manifests" {
        return Some(Target::Manifest {
            name: name_until(2),
            reference: segs[n - 1].to_string(),
        });
    }
    if n >= 3 && segs[n - 2] == "tags" && segs[n - 1] == "list" {
        return Some(Target::TagList {
            name: name_until(2),
        });
    }
    if n >= 4 && segs[n - 3] == "blobs" && segs[n - 2] == "uploads" {
        return Some(Target::Upload {
            name: name_until(3),
        });
    }
    if n >= 3 && segs[n - 2] == "blobs" {
        return Some(Target::Blob {
            name: name_until(2),
        });
    }
    None
}

impl Target {
    pub fn name(&self) -> &str {
        match self {
            Target::Manifest { name, .. }
            | Target::Blob { name }
            | Target::Upload { name }
            | Target::TagList { name } => name,
        }
    }
}

/// The upstream path of a client path `/v2/<name>/…`.
pub fn upstream_path(path: &str, prefix: &str) -> String {
    match path.strip_prefix("/v2/") {
        Some(rest) => format!("/v2/{prefix}{rest}"),
        None => path.to_string(),
    }
}

/// The query passed to the registry. A cross-repository mount (`?mount=<digest>&from=<repo>`)
/// is only passed on when the token also allows pulling from the source repository, whose
/// name then gains the region's prefix; otherwise the mount parameters are dropped and the
/// registry starts an ordinary upload, as it does for any mount it cannot serve.
pub fn upstream_query(query: &str, claims: &Claims, prefix: &str) -> String {
    let pairs = || url::form_urlencoded::parse(query.as_bytes());
    let Some(source) = pairs().find(|(k, _)| k == "from").map(|(_, v)| v) else {
        return query.to_string();
    };
    let mount = valid_name(&source) && claims.allows(&source, "pull");
    if mount && prefix.is_empty() {
        return query.to_string();
    }
    let mut out = url::form_urlencoded::Serializer::new(String::new());
    for (k, v) in pairs() {
        match (k.as_ref(), mount) {
            ("mount", false) | ("from", false) => {}
            ("from", true) => {
                out.append_pair("from", &format!("{prefix}{v}"));
            }
            _ => {
                out.append_pair(&k, &v);
            }
        }
    }
    out.finish()
}

/// A `Location` or `Link` value from the registry as the client must see it: on the gateway's
/// host, without the region's prefix.
pub fn client_reference(value: &str, upstream_base: &str, host: &str, prefix: &str) -> String {
    let on_gateway = value.replacen(upstream_base, &format!("http://{host}"), 1);
    if prefix.is_empty() {
        on_gateway
    } else {
        on_gateway.replacen(&format!("/v2/{prefix}"), "/v2/", 1)
    }
}

/// The registry's tag list body with the client's repository name; `None` when it is not the
/// JSON object the registry sends.
pub fn client_tag_list(body: &[u8], name: &str) -> Option<Vec<u8>> {
    let mut list: serde_json::Value = serde_json::from_slice(body).ok()?;
    let field = list.as_object_mut()?.get_mut("name")?;
    *field = serde_json::Value::String(name.to_string());
    serde_json::to_vec(&list).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gateway::token::Access;

    #[test]
    fn names_follow_the_distribution_grammar() {
        for good in [
            "team/app",
            "a",
            "team/my-app",
            "team/my--app",
            "team/a.b",
            "team/a_b",
            "team/a__b",
            "t/x/y/z9",
        ] {
            assert!(valid_name(good), "{good}");
        }
        for bad in [
            "team/../other/app",
            "team/./app",
            "..",
            "team/%2e%2e/app",
            "team//app",
            "Team/app",
            "team/app/",
            "/team",
            "team/a___b",
            "team/-app",
            "team/app.",
            "",
        ] {
            assert!(!valid_name(bad), "{bad}");
        }
        assert!(parse_target("/v2/team/../other/app/manifests/v1").is_none());
        assert!(parse_target("/v2/team/%2E%2E/other/app/blobs/uploads/").is_none());
        assert!(parse_target("/v2/team/app/manifests/v1").is_some());
    }

    fn claims() -> Claims {
        Claims {
            sub: "u".into(),
            exp: 0,
            access: vec![Access {
                kind: "repository".into(),
                name: "mine/app".into(),
                actions: vec!["pull".into()],
            }],
        }
    }

    #[test]
    fn mounts_from_unreadable_repositories_become_plain_uploads() {
        let c = claims();
        assert_eq!(
            upstream_query("mount=sha256:1&from=mine/app", &c, ""),
            "mount=sha256:1&from=mine/app"
        );
        assert_eq!(upstream_query("mount=sha256:1&from=theirs/app", &c, ""), "");
        assert_eq!(upstream_query("digest=sha256:1", &c, ""), "digest=sha256:1");
    }

    #[test]
    fn other_regions_mount_from_their_own_part_of_the_registry() {
        let c = claims();
        assert_eq!(
            upstream_query("mount=sha256:1&from=mine/app", &c, "0-cn-east-3/"),
            "mount=sha256%3A1&from=0-cn-east-3%2Fmine%2Fapp"
        );
        assert_eq!(
            upstream_query("mount=sha256:1&from=theirs/app", &c, "0-cn-east-3/"),
            ""
        );
        assert_eq!(
            upstream_path("/v2/mine/app/blobs/uploads/", "0-cn-east-3/"),
            "/v2/0-cn-east-3/mine/app/blobs/uploads/"
        );
        assert_eq!(
            upstream_path("/v2/mine/app/tags/list", ""),
            "/v2/mine/app/tags/list"
        );
    }

    #[test]
    fn names_come_back_without_the_prefix() {
        let loc = "http://127.0.0.1:9/v2/0-cn-east-3/mine/app/blobs/uploads/u?_state=x";
        assert_eq!(
            client_reference(loc, "http://127.0.0.1:5000", "127.0.0.1:9", "0-cn-east-3/"),
            "http://127.0.0.1:9/v2/mine/app/blobs/uploads/u?_state=x"
        );
        assert_eq!(
            client_reference(
                "http://127.0.0.1:5000/v2/mine/app/blobs/uploads/u",
                "http://127.0.0.1:5000",
                "127.0.0.1:9",
                ""
            ),
            "http://127.0.0.1:9/v2/mine/app/blobs/uploads/u"
        );
        let body = br#"{"name":"0-cn-east-3/mine/app","tags":["v1"]}"#;
        let out = client_tag_list(body, "mine/app").unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(v["name"], "mine/app");
        assert_eq!(v["tags"][0], "v1");
    }

    #[test]
    fn distribution_paths_name_their_repository() {
        assert_eq!(
            parse_target("/v2/org/group/app/manifests/v1"),
            Some(Target::Manifest {
                name: "org/group/app".into(),
                reference: "v1".into()
            })
        );
        assert_eq!(
            parse_target("/v2/org/app/blobs/uploads/"),
            Some(Target::Upload {
                name: "org/app".into()
            })
        );
        assert_eq!(
            parse_target("/v2/org/app/blobs/uploads/abc"),
            Some(Target::Upload {
                name: "org/app".into()
            })
        );
        assert_eq!(
            parse_target("/v2/org/app/blobs/sha256:00"),
            Some(Target::Blob {
                name: "org/app".into()
            })
        );
        assert_eq!(
            parse_target("/v2/org/app/tags/list"),
            Some(Target::TagList {
                name: "org/app".into()
            })
        );
        assert_eq!(parse_target("/v2/_catalog"), None);
    }
}
