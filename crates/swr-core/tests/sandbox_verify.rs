//! The wizard's verification step against a real `swr-sandbox`: a signed organization list and
//! a registry token for the long-term login, and the failures a user can cause.
//!
//! The sandbox binary comes from `SWR_SANDBOX_BIN` or is built into this test's target
//! directory; it runs the Debian `docker-registry` as its backing registry.

// A failed expectation in a helper is a failed test, as in the test bodies.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use swr_api::Sensitive;
use swr_core::credentials::logins::{LoginFormat, LoginMaterial};
use swr_core::credentials::verify::{self, VerifyFailure};
use swr_core::profiles::{EndpointOverrides, Profile};

struct Sandbox {
    child: Child,
    _data: tempfile::TempDir,
    ready: serde_json::Value,
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        // Closing stdin stops the sandbox and its registry.
        drop(self.child.stdin.take());
        for _ in 0..100 {
            if matches!(self.child.try_wait(), Ok(Some(_))) {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn sandbox_bin() -> PathBuf {
    if let Some(bin) = std::env::var_os("SWR_SANDBOX_BIN") {
        return bin.into();
    }
    let exe = std::env::current_exe().unwrap();
    let profile_dir = exe.parent().and_then(|d| d.parent()).unwrap().to_path_buf();
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let status = Command::new(cargo)
        .args([
            "build",
            "--quiet",
            "-p",
            "swr-sandbox",
            "--bin",
            "swr-sandbox",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .status()
        .expect("run cargo to build swr-sandbox");
    assert!(status.success(), "building swr-sandbox failed");
    profile_dir.join("swr-sandbox")
}

fn start() -> Sandbox {
    assert!(
        std::path::Path::new("/usr/bin/docker-registry").exists(),
        "install the Debian package docker-registry: the sandbox runs it"
    );
    let data = tempfile::tempdir().unwrap();
    let mut child = Command::new(sandbox_bin())
        .arg("--data")
        .arg(data.path())
        .args(["--seed", "none", "--exit-on-stdin-eof"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start swr-sandbox");
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let line = lines
        .next()
        .expect("swr-sandbox printed its ready line")
        .unwrap();
    std::thread::spawn(move || for _ in lines {});
    Sandbox {
        child,
        _data: data,
        ready: serde_json::from_str(&line).unwrap(),
    }
}

impl Sandbox {
    fn profile(&self, admin: bool) -> (Profile, Sensitive<String>) {
        let r = &self.ready;
        let user = r["accounts"][0]["users"]
            .as_array()
            .unwrap()
            .iter()
            .find(|u| u["admin"] == admin)
            .unwrap();
        let profile = Profile {
            id: "sandbox".into(),
            name: "Sandbox".into(),
            region: r["region"].as_str().unwrap().into(),
            project_id: Some(r["project_id"].as_str().unwrap().into()),
            access_key_id: user["ak"].as_str().unwrap().into(),
            endpoints: EndpointOverrides {
                api: Some(r["api_endpoint"].as_str().unwrap().into()),
                registry: Some(r["registry"].as_str().unwrap().into()),
                iam: None,
                regions: None,
            },
            ca_bundle: None,
            proxy: None,
            insecure_skip_tls_verify: false,
        };
        (profile, Sensitive::new(user["sk"].as_str().unwrap().into()))
    }
}

#[tokio::test]
async fn right_keys_verify_and_wrong_ones_are_named() {
    let sandbox = start();
    let (profile, sk) = sandbox.profile(true);

    let ok = verify::verify(&profile, &sk)
        .await
        .expect("admin keys verify");
    assert_eq!(ok.registry, sandbox.ready["registry"].as_str().unwrap());

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
    let (mut profile, sk) = sandbox.profile(true);
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    profile.endpoints.api = Some(format!("http://127.0.0.1:{port}"));
    let err = verify::verify(&profile, &sk).await.unwrap_err();
    assert_eq!(err.failure, VerifyFailure::Network, "{err}");
}

#[tokio::test]
async fn the_generated_login_is_the_one_the_registry_accepts_and_temporary_logins_work() {
    let sandbox = start();
    let (profile, sk) = sandbox.profile(true);
    let login = LoginMaterial::new(&profile, &sk);
    let registry = sandbox.ready["registry"].as_str().unwrap();
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
