//! Connection profiles: which account, region and endpoints the app talks to.
//!
//! The profile file (`profiles.json` in the config dir) holds metadata only. The secret key never
//! goes here: it belongs in the OS keyring ([`crate::credentials`]), looked up by access key id.
//!
//! Every change goes through [`ProfileInput::validated`] and is written atomically, so the file
//! on disk is always one the app can read back.
//!
//! `store.rs` holds the file, `rules.rs` the validation of a profile form, and [`environment`]
//! the profile built from `SWR_REGION`, `SWR_AK` and `SWR_SK` for one run.

pub mod environment;
pub(crate) mod rules;
mod store;

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

pub use rules::ProfileInput;
pub use store::{ProfileError, ProfileStore};

/// Environment variable that points the app and `swrctl` at another configuration directory
/// (tests and the sandbox launcher use it so they never touch a user's real profiles).
pub const CONFIG_DIR_ENV: &str = "SWR_CONSOLE_CONFIG_DIR";

/// The desktop app's bundle identifier; its config dir is named after it.
pub const APP_IDENTIFIER: &str = "io.github.swrconsole";

/// The config dir the desktop app uses, so `swrctl` sees the same profiles: the
/// [`CONFIG_DIR_ENV`] override, else the platform's per-user config location.
pub fn default_config_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os(CONFIG_DIR_ENV).filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    let env_dir = |name: &str| {
        std::env::var_os(name)
            .filter(|d| !d.is_empty())
            .map(PathBuf::from)
    };
    let base = if cfg!(windows) {
        env_dir("APPDATA")?
    } else if cfg!(target_os = "macos") {
        env_dir("HOME")?.join("Library/Application Support")
    } else {
        env_dir("XDG_CONFIG_HOME").or_else(|| env_dir("HOME").map(|h| h.join(".config")))?
    };
    Some(base.join(APP_IDENTIFIER))
}

/// Endpoints that replace the region's public ones (a sandbox, a private deployment).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct EndpointOverrides {
    pub api: Option<String>,
    pub registry: Option<String>,
    pub iam: Option<String>,
    /// The same account's endpoints in other regions, read by region sync's gap view (a
    /// sandbox serving several regions, a private deployment). Regions not named here use
    /// their public endpoints.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "specta", specta(optional))]
    pub regions: Option<std::collections::BTreeMap<String, RegionEndpoints>>,
}

/// Endpoints of one other region.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct RegionEndpoints {
    pub api: Option<String>,
    pub registry: Option<String>,
    pub project_id: Option<String>,
}

impl RegionEndpoints {
    /// Reads `REGION=API,REGISTRY[,PROJECT_ID]`, the form `swrctl profile add --region-endpoint`
    /// and `SWR_REGION_ENDPOINTS` take.
    pub fn parse(text: &str) -> Result<(String, Self), String> {
        let (region, rest) = text.split_once('=').ok_or_else(|| {
            format!("`{text}` is not REGION=API,REGISTRY[,PROJECT_ID] (for example cn-east-3=http://127.0.0.1:8081,127.0.0.1:5001)")
        })?;
        let mut parts = rest.split(',').map(str::trim);
        let mut next = || parts.next().filter(|p| !p.is_empty()).map(str::to_owned);
        let (api, registry, project_id) = (next(), next(), next());
        if region.trim().is_empty() || api.is_none() || registry.is_none() {
            return Err(format!(
                "`{text}` needs a region, an API endpoint and a registry: REGION=API,REGISTRY[,PROJECT_ID]"
            ));
        }
        Ok((
            region.trim().to_owned(),
            Self {
                api,
                registry,
                project_id,
            },
        ))
    }
}

impl Profile {
    /// The same account in `region`: that region's endpoints when the profile names them, else
    /// its public ones.
    pub fn in_region(&self, region: &str) -> Self {
        let other = self
            .endpoints
            .regions
            .as_ref()
            .and_then(|m| m.get(region))
            .cloned()
            .unwrap_or_default();
        Self {
            region: region.to_owned(),
            project_id: other.project_id,
            endpoints: EndpointOverrides {
                api: other.api,
                registry: other.registry,
                iam: self.endpoints.iam.clone(),
                regions: None,
            },
            ..self.clone()
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Profile {
    pub id: String,
    pub name: String,
    pub region: String,
    #[serde(default)]
    pub project_id: Option<String>,
    /// The access key id. It identifies the key pair and is shown in the UI; the secret key
    /// that goes with it is kept in the OS keyring.
    pub access_key_id: String,
    #[serde(default)]
    pub endpoints: EndpointOverrides,
    #[serde(default)]
    pub ca_bundle: Option<PathBuf>,
    #[serde(default)]
    pub proxy: Option<String>,
    #[serde(default)]
    pub insecure_skip_tls_verify: bool,
}

/// What the header and pickers show of a profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ProfileSummary {
    pub id: String,
    pub name: String,
    pub region: String,
    /// From the environment, for this run only (see [`crate::profiles::environment`]).
    pub session_only: bool,
}

impl Profile {
    fn from_input(id: String, input: ProfileInput) -> Self {
        Self {
            id,
            name: input.name,
            region: input.region,
            project_id: input.project_id,
            access_key_id: input.access_key_id,
            endpoints: input.endpoints,
            ca_bundle: input.ca_bundle,
            proxy: input.proxy,
            insecure_skip_tls_verify: input.insecure_skip_tls_verify,
        }
    }

    /// The editable part, e.g. to pre-fill an edit form or to derive a copy.
    pub fn input(&self) -> ProfileInput {
        ProfileInput {
            name: self.name.clone(),
            region: self.region.clone(),
            project_id: self.project_id.clone(),
            access_key_id: self.access_key_id.clone(),
            endpoints: self.endpoints.clone(),
            ca_bundle: self.ca_bundle.clone(),
            proxy: self.proxy.clone(),
            insecure_skip_tls_verify: self.insecure_skip_tls_verify,
        }
    }

    /// The profile as screens and listings show it: a proxy password still written in the
    /// URL (a file from before passwords moved to the keyring) is left out.
    pub fn shown(&self) -> Self {
        Self {
            proxy: self
                .proxy
                .as_deref()
                .map(|url| crate::credentials::split_proxy_password(url).0),
            ..self.clone()
        }
    }

    /// The docker registry host: the override, else the region's public registry.
    pub fn registry_host(&self) -> String {
        match &self.endpoints.registry {
            Some(r) => r
                .trim_start_matches("http://")
                .trim_start_matches("https://")
                .to_owned(),
            None => swr_api::region::default_registry_host(&self.region),
        }
    }

    pub fn summary(&self) -> ProfileSummary {
        ProfileSummary {
            id: self.id.clone(),
            name: self.name.clone(),
            region: self.region.clone(),
            session_only: false,
        }
    }
}

/// A profile for unit tests: everything fixed but the registry, the API on a closed port.
#[cfg(test)]
pub(crate) fn test_profile_with_registry(registry: &str) -> Profile {
    Profile {
        id: "p".into(),
        name: "p".into(),
        region: "cn-north-4".into(),
        project_id: Some("p1".into()),
        access_key_id: "AK".into(),
        endpoints: EndpointOverrides {
            api: Some("http://127.0.0.1:1".into()),
            registry: Some(registry.into()),
            ..Default::default()
        },
        ca_bundle: None,
        proxy: None,
        insecure_skip_tls_verify: false,
    }
}
