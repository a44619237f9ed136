//! "Write to Docker config": adds an `auths` entry to `~/.docker/config.json`, as
//! `docker login` would, keeping every other setting and login in the file.
//!
//! When the file names a credential helper (`credsStore`, or `credHelpers` for this
//! registry), docker ignores `auths` for that registry, so writing there would silently do
//! nothing; the file is left alone and the caller tells the user to run `docker login`
//! (which goes through the helper) instead. The file is replaced atomically and, on Unix,
//! readable by its owner only, because it now holds a password.

use std::fs::{self, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use serde_json::{Map, Value};

use crate::credentials::logins::LoginMaterial;

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase", tag = "kind")]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub enum DockerConfigOutcome {
    /// The entry was written to `path`.
    Written { path: PathBuf },
    /// Docker keeps logins for this registry in a credential helper; nothing was written.
    CredentialHelper { helper: String, path: PathBuf },
}

#[derive(Debug, thiserror::Error)]
pub enum DockerConfigError {
    #[error("no home directory to find the Docker config in")]
    NoHome,
    #[error("{path} is not valid JSON; fix or move it, then try again")]
    NotJson { path: PathBuf },
    #[error("could not read or write {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// `$DOCKER_CONFIG/config.json`, else `~/.docker/config.json`.
pub fn default_path() -> Result<PathBuf, DockerConfigError> {
    if let Some(dir) = std::env::var_os("DOCKER_CONFIG").filter(|d| !d.is_empty()) {
        return Ok(PathBuf::from(dir).join("config.json"));
    }
    let home = std::env::var_os("HOME")
        .or_else(|| std::env::var_os("USERPROFILE"))
        .filter(|h| !h.is_empty())
        .ok_or(DockerConfigError::NoHome)?;
    Ok(PathBuf::from(home).join(".docker").join("config.json"))
}

/// Merges the login into the config at `path` (created when missing).
pub fn write_login(
    path: &Path,
    login: &LoginMaterial,
) -> Result<DockerConfigOutcome, DockerConfigError> {
    let io = |source| DockerConfigError::Io {
        path: path.to_owned(),
        source,
    };
    let existing = match fs::read(path) {
        Ok(bytes) => Some(bytes),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(io(e)),
    };
    let mut root: Map<String, Value> = match existing.as_deref() {
        None => Map::new(),
        Some(bytes) if bytes.iter().all(u8::is_ascii_whitespace) => Map::new(),
        Some(bytes) => match serde_json::from_slice(bytes) {
            Ok(Value::Object(map)) => map,
            _ => {
                return Err(DockerConfigError::NotJson {
                    path: path.to_owned(),
                })
            }
        },
    };
    if let Some(helper) = helper_for(&root, &login.registry) {
        return Ok(DockerConfigOutcome::CredentialHelper {
            helper,
            path: path.to_owned(),
        });
    }
    let auths = root
        .entry("auths")
        .or_insert_with(|| Value::Object(Map::new()));
    if !auths.is_object() {
        *auths = Value::Object(Map::new());
    }
    if let Value::Object(auths) = auths {
        let auth = STANDARD.encode(format!("{}:{}", login.username, login.login_key.expose()));
        auths.insert(login.registry.clone(), serde_json::json!({ "auth": auth }));
    }
    let bytes = serde_json::to_vec_pretty(&Value::Object(root)).map_err(|e| io(e.into()))?;
    write_private(path, &bytes).map_err(io)?;
    Ok(DockerConfigOutcome::Written {
        path: path.to_owned(),
    })
}

fn helper_for(root: &Map<String, Value>, registry: &str) -> Option<String> {
    let per_registry = root
        .get("credHelpers")
        .and_then(|h| h.get(registry))
        .and_then(Value::as_str);
    let global = root.get("credsStore").and_then(Value::as_str);
    per_registry
        .or(global)
        .filter(|h| !h.is_empty())
        .map(|h| format!("docker-credential-{h}"))
}

/// Writes through a sibling temporary file created owner-only, then renames over `path`.
fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or_else(|| Path::new("."));
    fs::create_dir_all(dir)?;
    let tmp = dir.join(format!(".config.json.{}.tmp", std::process::id()));
    let mut options = OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let result = (|| {
        let mut file = options.open(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;
    use swr_api::Sensitive;

    fn login() -> LoginMaterial {
        LoginMaterial {
            registry: "swr.cn-north-4.myhuaweicloud.com".into(),
            username: "cn-north-4@AK1".into(),
            login_key: Sensitive::new("k3y".into()),
        }
    }

    #[test]
    fn adds_an_entry_and_keeps_everything_else() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.json");
        fs::write(
            &path,
            r#"{"auths":{"ghcr.io":{"auth":"b3RoZXI="}},"proxies":{"default":{"httpProxy":"http://p:3128"}},"detachKeys":"ctrl-e,e"}"#,
        )
        .unwrap();
        let outcome = write_login(&path, &login()).unwrap();
        assert_eq!(outcome, DockerConfigOutcome::Written { path: path.clone() });
        let v: Value = serde_json::from_slice(&fs::read(&path).unwrap()).unwrap();
        assert_eq!(v["auths"]["ghcr.io"]["auth"], "b3RoZXI=");
        assert_eq!(v["proxies"]["default"]["httpProxy"], "http://p:3128");
        assert_eq!(v["detachKeys"], "ctrl-e,e");
        let auth = v["auths"]["swr.cn-north-4.myhuaweicloud.com"]["auth"]
            .as_str()
            .unwrap();
        assert_eq!(STANDARD.decode(auth).unwrap(), b"cn-north-4@AK1:k3y");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o077, 0, "config.json must be private, got {mode:o}");
        }
        let names: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1, "no temporary file left behind");
    }

    #[test]
    fn creates_a_missing_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(".docker/config.json");
        write_login(&path, &login()).unwrap();
        let v: Value = serde_json::from_slice(&fs::read(&path).unwrap()).unwrap();
        assert!(v["auths"]["swr.cn-north-4.myhuaweicloud.com"]["auth"].is_string());
    }

    #[test]
    fn a_credential_helper_leaves_the_file_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.json");
        let original = r#"{"credsStore":"desktop","auths":{}}"#;
        fs::write(&path, original).unwrap();
        let outcome = write_login(&path, &login()).unwrap();
        assert_eq!(
            outcome,
            DockerConfigOutcome::CredentialHelper {
                helper: "docker-credential-desktop".into(),
                path: path.clone()
            }
        );
        assert_eq!(fs::read_to_string(&path).unwrap(), original);

        let per_registry =
            r#"{"credHelpers":{"swr.cn-north-4.myhuaweicloud.com":"secretservice"}}"#;
        fs::write(&path, per_registry).unwrap();
        assert!(matches!(
            write_login(&path, &login()).unwrap(),
            DockerConfigOutcome::CredentialHelper { helper, .. } if helper == "docker-credential-secretservice"
        ));
    }

    #[test]
    fn a_broken_file_is_not_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.json");
        fs::write(&path, "{ not json").unwrap();
        assert!(matches!(
            write_login(&path, &login()),
            Err(DockerConfigError::NotJson { .. })
        ));
        assert_eq!(fs::read_to_string(&path).unwrap(), "{ not json");
    }
}
