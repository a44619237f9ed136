//! A profile from the environment, for one run of the app.
//!
//! Pipelines, containers and machines without a Secret Service (a bare window manager, WSL, SSH
//! with X forwarding) have nowhere to keep a secret key between runs. They hand credentials over
//! the way command-line tools of the ecosystem take them: `SWR_REGION`, `SWR_AK`, `SWR_SK`, and
//! optionally `SWR_PROJECT_ID`, `SWR_API_ENDPOINT`, `SWR_REGISTRY` and `SWR_REGION_ENDPOINTS`,
//! the names `swrctl` reads. The app then works with them as a profile that exists for this run
//! only: it is listed and marked as such, its secret key is held in memory, and nothing of it is
//! written anywhere (the profile store refuses to save, edit or remove it).

use swr_api::Sensitive;

use crate::profiles::{EndpointOverrides, Profile, RegionEndpoints};

/// The id of the profile from the environment; no saved profile can have it (saved ids are
/// slugs of names, without a colon).
pub const SESSION_PROFILE_ID: &str = "env:session";

/// The profile the variables read by `var` describe, with its secret key; `None` when `SWR_AK`
/// is not set. A partial set is an error that names what is missing.
pub fn from_env(
    var: impl Fn(&str) -> Option<String>,
) -> Result<Option<(Profile, Sensitive<String>)>, String> {
    let get = |name: &str| {
        var(name)
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty())
    };
    let Some(access_key_id) = get("SWR_AK") else {
        return Ok(None);
    };
    let region = get("SWR_REGION").ok_or("SWR_AK is set but SWR_REGION is not")?;
    let secret = get("SWR_SK").ok_or("SWR_AK is set but SWR_SK is not")?;
    let mut regions = std::collections::BTreeMap::new();
    for item in get("SWR_REGION_ENDPOINTS")
        .unwrap_or_default()
        .split(';')
        .filter(|i| !i.trim().is_empty())
    {
        let (name, endpoints): (String, RegionEndpoints) = RegionEndpoints::parse(item.trim())?;
        regions.insert(name, endpoints);
    }
    let profile = Profile {
        id: SESSION_PROFILE_ID.to_owned(),
        name: "Environment".to_owned(),
        region,
        project_id: get("SWR_PROJECT_ID"),
        access_key_id,
        endpoints: EndpointOverrides {
            api: get("SWR_API_ENDPOINT"),
            registry: get("SWR_REGISTRY"),
            iam: None,
            regions: (!regions.is_empty()).then_some(regions),
        },
        ca_bundle: None,
        proxy: None,
        insecure_skip_tls_verify: false,
    };
    Ok(Some((profile, Sensitive::new(secret))))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vars(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let map: std::collections::HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        move |name| map.get(name).cloned()
    }

    #[test]
    fn the_variables_swrctl_reads_make_the_profile() {
        let (profile, sk) = from_env(vars(&[
            ("SWR_AK", "AK1"),
            ("SWR_SK", "secret"),
            ("SWR_REGION", "cn-north-4"),
            ("SWR_PROJECT_ID", "p1"),
            ("SWR_API_ENDPOINT", "http://127.0.0.1:8080"),
            ("SWR_REGISTRY", "127.0.0.1:5000"),
            (
                "SWR_REGION_ENDPOINTS",
                "cn-east-3=http://127.0.0.1:8081,127.0.0.1:5001,p2",
            ),
        ]))
        .unwrap()
        .unwrap();
        assert_eq!(profile.id, SESSION_PROFILE_ID);
        assert_eq!(
            (profile.region.as_str(), profile.access_key_id.as_str()),
            ("cn-north-4", "AK1")
        );
        assert_eq!(sk.expose(), "secret");
        assert_eq!(
            profile.endpoints.registry.as_deref(),
            Some("127.0.0.1:5000")
        );
        assert_eq!(
            profile.in_region("cn-east-3").project_id.as_deref(),
            Some("p2")
        );
        assert!(!format!("{profile:?}").contains("secret"));
    }

    #[test]
    fn without_an_access_key_there_is_none_and_a_partial_set_is_named() {
        assert!(from_env(vars(&[("SWR_SK", "s")])).unwrap().is_none());
        let err = from_env(vars(&[("SWR_AK", "AK1"), ("SWR_REGION", "cn-north-4")])).unwrap_err();
        assert!(err.contains("SWR_SK"), "{err}");
    }
}
