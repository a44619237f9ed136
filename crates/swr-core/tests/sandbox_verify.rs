//! The wizard's verification step against a real `swr-sandbox`: a signed organization list and
//! a registry token for the long-term login, and the failures a user can cause.
//!
//! The sandbox comes from `swr-testkit`, like every crate's integration tests.

// A failed expectation in a helper is a failed test, as in the test bodies.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use swr_api::Sensitive;
use swr_core::credentials::logins::{LoginFormat, LoginMaterial};
use swr_core::credentials::verify::{self, VerifyFailure};
use swr_core::profiles::{EndpointOverrides, Profile};
use swr_testkit::Sandbox;

fn start() -> Sandbox {
    Sandbox::start(&[])
}

/// A profile of the first account's admin or non-admin user, as the wizard saves it.
fn profile(sb: &Sandbox, admin: bool) -> (Profile, Sensitive<String>) {
    let r = &sb.ready;
    let user = sb.user(0, admin);
    let profile = Profile {
        id: "sandbox".into(),
        name: "Sandbox".into(),
        region: r.region.clone(),
        project_id: Some(r.project_id.clone()),
        access_key_id: user.ak.clone(),
        endpoints: EndpointOverrides {
            api: Some(r.api_endpoint.clone()),
            registry: Some(r.registry.clone()),
            iam: None,
            regions: None,
        },
        ca_bundle: None,
        proxy: None,
        insecure_skip_tls_verify: false,
    };
    (profile, Sensitive::new(user.sk.clone()))
}

#[tokio::test]
async fn right_keys_verify_and_wrong_ones_are_named() {
    let sandbox = start();
    let (profile, sk) = profile(&sandbox, true);

    let ok = verify::verify(&profile, &sk)
        .await
        .expect("admin keys verify");
    assert_eq!(ok.registry, sandbox.ready.registry.as_str());

    let wrong = Sensitive::new(format!("{}x", sk.expose()));
    let err = verify::verify(&profile, &wrong).await.unwrap_err();
    assert_eq!(err.failure, VerifyFailure::WrongCredentials, "{err}");
    assert!(!err.to_string().contains(sk.expose().as_str()));

    let mut unknown_ak = profile.clone();
    unknown_ak.access_key_id = "HPUANOSUCHKEY0000000".into();
    let err = verify::verify(&unknown_ak, &sk).await.unwrap_err();
    assert_eq!(err.failure, VerifyFailure::WrongCredentials);

    // The registry checks the login key itself: a right AK/SK with a wrong region in the
    // user name is refused there even though the API accepted the signature.
    let mut wrong_region = profile.clone();
    wrong_region.region = "ap-southeast-1".into();
    let err = verify::verify(&wrong_region, &sk).await.unwrap_err();
    assert_eq!(err.failure, VerifyFailure::RegistryRefused, "{err}");
}

#[tokio::test]
async fn nothing_listening_is_a_network_failure() {
    let sandbox = start();
    let (mut profile, sk) = profile(&sandbox, true);
    let closed = swr_testkit::ClosedPort::new();
    let port = closed.port();
    profile.endpoints.api = Some(format!("http://127.0.0.1:{port}"));
    let err = verify::verify(&profile, &sk).await.unwrap_err();
    assert_eq!(err.failure, VerifyFailure::Network, "{err}");
}

#[tokio::test]
async fn the_generated_login_is_the_one_the_registry_accepts_and_temporary_logins_work() {
    let sandbox = start();
    let (profile, sk) = profile(&sandbox, true);
    let login = LoginMaterial::new(&profile, &sk);
    let registry = sandbox.ready.registry.as_str();
    assert_eq!(
        login.revealed(LoginFormat::Docker).expose().as_str(),
        format!(
            "docker login -u {}@{} -p {} {registry}",
            profile.region,
            profile.access_key_id,
            login.login_key.expose()
        )
    );
    let client =
        swr_api::Client::new(swr_core::sessions::config::client_config(&profile, &sk)).unwrap();
    let temporary = client.create_temporary_login(None).await.unwrap();
    let first = temporary.first().expect("one temporary login");
    assert_eq!(first.registry, registry);
    assert!(
        first.expires_at.is_some(),
        "the expiry is shown to the user"
    );
    let command = swr_core::credentials::logins::temporary_docker_login(first);
    assert!(command.expose().starts_with("docker login -u "));
    assert!(command.expose().ends_with(registry));
}
