//! Turns a profile's AK/SK into the registry logins people paste into tools.
//!
//! The long-term login is computed locally (user `<region>@<AK>`, password the login key); it
//! never expires and carries the AK owner's rights until the AK is rotated. Every generator
//! renders either with the key masked — what screens show by default — or with the real key,
//! which comes back wrapped in [`Sensitive`] so it cannot slip into a log.

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use swr_api::Sensitive;

use crate::profiles::rules::is_loopback_host;
use crate::profiles::Profile;

/// Shown instead of the login key until the user asks to see it.
pub const MASK: &str = "********";

/// Name of the Kubernetes Secret the generated manifests create.
pub const K8S_SECRET_NAME: &str = "swr-pull-secret";

/// Placeholder for the image in commands that need one.
pub const IMAGE_PLACEHOLDER: &str = "<organization>/<image>:<tag>";

/// The forms a long-term login is offered in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub enum LoginFormat {
    /// `docker login -u … -p … <registry>`.
    Docker,
    /// `docker login --password-stdin`, reading the key from an environment variable.
    DockerStdin,
    /// `ctr image pull --user …`.
    Containerd,
    Nerdctl,
    Podman,
    /// `skopeo inspect --creds …`.
    Skopeo,
    /// A `kubernetes.io/dockerconfigjson` Secret manifest.
    // Spelled out: serde and the TypeScript exporter disagree on camel-casing "K8s".
    #[serde(rename = "k8sSecret")]
    #[cfg_attr(feature = "specta", specta(rename = "k8sSecret"))]
    K8sSecret,
    /// `kubectl create secret docker-registry …`.
    Kubectl,
    /// An `auth.json` entry for image-syncer / image-migrator style tools.
    AuthJson,
}

impl LoginFormat {
    pub const ALL: [Self; 9] = [
        Self::Docker,
        Self::DockerStdin,
        Self::Containerd,
        Self::Nerdctl,
        Self::Podman,
        Self::Skopeo,
        Self::K8sSecret,
        Self::Kubectl,
        Self::AuthJson,
    ];
}

/// What a long-term login is made of.
#[derive(Debug, Clone)]
pub struct LoginMaterial {
    pub registry: String,
    pub username: String,
    pub login_key: Sensitive<String>,
}

impl LoginMaterial {
    pub fn new(profile: &Profile, secret_key: &Sensitive<String>) -> Self {
        Self {
            registry: profile.registry_host(),
            username: swr_api::login::login_username(&profile.region, &profile.access_key_id),
            login_key: Sensitive::new(swr_api::login::login_key(
                &profile.access_key_id,
                secret_key.expose(),
            )),
        }
    }

    /// The format with the login key replaced by [`MASK`].
    pub fn masked(&self, format: LoginFormat) -> String {
        render(format, &self.registry, &self.username, None)
    }

    /// The format with the real login key.
    pub fn revealed(&self, format: LoginFormat) -> Sensitive<String> {
        Sensitive::new(render(
            format,
            &self.registry,
            &self.username,
            Some(self.login_key.expose()),
        ))
    }

    /// Whether tools reach this registry over plain HTTP (a loopback sandbox).
    pub fn plain_http(&self) -> bool {
        registry_is_loopback(&self.registry)
    }
}

/// Whether the registry is on this machine, where tools talk plain HTTP to it.
pub fn registry_is_loopback(registry: &str) -> bool {
    let host = match registry.rsplit_once(':') {
        Some((h, port)) if port.chars().all(|c| c.is_ascii_digit()) && !h.ends_with(':') => h,
        _ => registry,
    };
    is_loopback_host(host)
}

/// Quotes a value for POSIX shells.
fn sh(value: &str) -> String {
    if !value.is_empty()
        && value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "@%+=:,./-_".contains(c))
    {
        value.to_owned()
    } else {
        format!("'{}'", value.replace('\'', r"'\''"))
    }
}

fn render(format: LoginFormat, registry: &str, user: &str, key: Option<&str>) -> String {
    let shown_key = key.unwrap_or(MASK);
    let creds = sh(&format!("{user}:{shown_key}"));
    let image = format!("{registry}/{IMAGE_PLACEHOLDER}");
    let plain = registry_is_loopback(registry);
    match format {
        LoginFormat::Docker => format!(
            "docker login -u {} -p {} {registry}",
            sh(user),
            sh(shown_key)
        ),
        LoginFormat::DockerStdin => format!(
            "printf '%s' \"$SWR_LOGIN_KEY\" | docker login -u {} --password-stdin {registry}",
            sh(user)
        ),
        LoginFormat::Containerd => format!(
            "ctr image pull {}--user {creds} '{image}'",
            if plain { "--plain-http " } else { "" }
        ),
        LoginFormat::Nerdctl => format!(
            "nerdctl login {}-u {} -p {} {registry}",
            if plain { "--insecure-registry " } else { "" },
            sh(user),
            sh(shown_key)
        ),
        LoginFormat::Podman => format!(
            "podman login {}-u {} -p {} {registry}",
            if plain { "--tls-verify=false " } else { "" },
            sh(user),
            sh(shown_key)
        ),
        LoginFormat::Skopeo => format!(
            "skopeo inspect {}--creds {creds} 'docker://{image}'",
            if plain { "--tls-verify=false " } else { "" }
        ),
        LoginFormat::K8sSecret => {
            let config = docker_config_json(registry, user, key);
            let data = match key {
                Some(_) => STANDARD.encode(config),
                None => format!("<base64 of {{\"auths\":{{\"{registry}\":…}}}}: {MASK}>"),
            };
            format!(
                "apiVersion: v1\nkind: Secret\nmetadata:\n  name: {K8S_SECRET_NAME}\n  namespace: default\ntype: kubernetes.io/dockerconfigjson\ndata:\n  .dockerconfigjson: {data}\n"
            )
        }
        LoginFormat::Kubectl => format!(
            "kubectl create secret docker-registry {K8S_SECRET_NAME} --docker-server={registry} --docker-username={} --docker-password={}",
            sh(user),
            sh(shown_key)
        ),
        LoginFormat::AuthJson => {
            let entry = serde_json::json!({
                registry: {"username": user, "password": shown_key, "insecure": plain}
            });
            serde_json::to_string_pretty(&entry).unwrap_or_default()
        }
    }
}

/// `{"auths":{registry:{"username","password","auth"}}}` as docker and kubelet read it.
fn docker_config_json(registry: &str, user: &str, key: Option<&str>) -> String {
    let key = key.unwrap_or(MASK);
    serde_json::json!({
        "auths": {
            registry: {
                "username": user,
                "password": key,
                "auth": STANDARD.encode(format!("{user}:{key}")),
            }
        }
    })
    .to_string()
}

/// A docker login for a temporary login from `utils/secret`.
pub fn temporary_docker_login(login: &swr_api::model::TemporaryLogin) -> Sensitive<String> {
    Sensitive::new(format!(
        "docker login -u {} -p {} {}",
        sh(&login.username),
        sh(login.password.expose()),
        login.registry
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profiles::EndpointOverrides;

    // Login key vector: hex HMAC-SHA256(key = SK, message = AK).
    const AK: &str = "HPUAL2ZQ5EXAMPLE7Y1K";
    const SK: &str = "vN3pQ8r0ExampleSecretKeyValue0123456789Ab";

    fn profile(registry: Option<&str>) -> Profile {
        Profile {
            id: "p".into(),
            name: "P".into(),
            region: "cn-north-4".into(),
            project_id: None,
            access_key_id: AK.into(),
            endpoints: EndpointOverrides {
                registry: registry.map(Into::into),
                ..EndpointOverrides::default()
            },
            ca_bundle: None,
            proxy: None,
            insecure_skip_tls_verify: false,
        }
    }

    fn material(registry: Option<&str>) -> LoginMaterial {
        LoginMaterial::new(&profile(registry), &Sensitive::new(SK.into()))
    }

    #[test]
    fn login_key_vectors() {
        // Computed independently: printf %s "$AK" | openssl dgst -sha256 -hmac "$SK"
        let m = material(None);
        assert_eq!(
            m.login_key.expose(),
            "e658e743aa1d015afcf52491624383af9f396c904045c3ce00fffcf96f5e2d08"
        );
        assert_eq!(m.username, format!("cn-north-4@{AK}"));
        assert_eq!(m.registry, "swr.cn-north-4.myhuaweicloud.com");
    }

    #[test]
    fn masked_forms_never_contain_the_key_and_revealed_ones_do() {
        let m = material(None);
        let key = m.login_key.expose().clone();
        for format in LoginFormat::ALL {
            let masked = m.masked(format);
            assert!(!masked.contains(&key), "{format:?}: {masked}");
            assert!(!masked.contains(SK));
            let revealed = m.revealed(format);
            assert!(!revealed.expose().contains(SK), "{format:?}");
            assert!(!format!("{revealed:?}").contains(&key));
            if !matches!(format, LoginFormat::DockerStdin | LoginFormat::K8sSecret) {
                assert!(revealed.expose().contains(&key), "{format:?}");
            }
        }
        assert_eq!(
            m.revealed(LoginFormat::Docker).expose().as_str(),
            format!("docker login -u cn-north-4@{AK} -p {key} swr.cn-north-4.myhuaweicloud.com")
        );
        let stdin = m.revealed(LoginFormat::DockerStdin);
        assert!(!stdin.expose().contains(&key));
        assert!(stdin.expose().contains("--password-stdin"));
    }

    #[test]
    fn kubernetes_secret_decodes_to_a_docker_config() {
        let m = material(None);
        let yaml = m.revealed(LoginFormat::K8sSecret).into_exposed();
        assert!(yaml.contains("type: kubernetes.io/dockerconfigjson"));
        let data = yaml
            .lines()
            .find_map(|l| l.trim().strip_prefix(".dockerconfigjson: "))
            .unwrap();
        let config: serde_json::Value =
            serde_json::from_slice(&STANDARD.decode(data).unwrap()).unwrap();
        let entry = &config["auths"]["swr.cn-north-4.myhuaweicloud.com"];
        assert_eq!(entry["password"], m.login_key.expose().as_str());
        let auth =
            String::from_utf8(STANDARD.decode(entry["auth"].as_str().unwrap()).unwrap()).unwrap();
        assert_eq!(auth, format!("cn-north-4@{AK}:{}", m.login_key.expose()));
    }

    #[test]
    fn loopback_registries_get_plain_http_flags() {
        let m = material(Some("127.0.0.1:5000"));
        assert!(m.plain_http());
        assert!(m.masked(LoginFormat::Containerd).contains("--plain-http"));
        assert!(m.masked(LoginFormat::Skopeo).contains("--tls-verify=false"));
        let auth: serde_json::Value =
            serde_json::from_str(&m.revealed(LoginFormat::AuthJson).into_exposed()).unwrap();
        assert_eq!(auth["127.0.0.1:5000"]["insecure"], true);
        let public = material(None);
        assert!(!public.masked(LoginFormat::Podman).contains("tls-verify"));
        assert!(registry_is_loopback("[::1]:5000"));
        assert!(!registry_is_loopback("swr.cn-north-4.myhuaweicloud.com"));
    }

    #[test]
    fn shell_quoting_survives_odd_characters() {
        assert_eq!(sh("a'b"), r"'a'\''b'");
        assert_eq!(sh("cn-north-4@AK"), "cn-north-4@AK");
        assert_eq!(sh(""), "''");
    }
}
