//! Test support: a real `swr-sandbox` in front of the Debian `docker-registry`, one per test,
//! on free loopback ports with its own data directory; and `skopeo` to read back what we
//! pushed with a client we did not write.
//!
//! The sandbox binary comes from `SWR_SANDBOX_BIN` or is built with `cargo build -p
//! swr-sandbox` into this test's target directory. Missing tools fail the test with a message
//! saying what to install; nothing is skipped silently.

#![allow(dead_code, clippy::expect_used, clippy::unwrap_used)]

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{mpsc, Once};
use std::time::{Duration, Instant};

use serde::Deserialize;
use swr_api::Sensitive;
use swr_registry::{Credentials, Registry, RegistryConfig};

#[derive(Debug, Clone, Deserialize)]
pub struct Ready {
    pub api_endpoint: String,
    pub registry: String,
    pub region: String,
    pub project_id: String,
    pub accounts: Vec<Account>,
    /// Every region the sandbox serves (with `--regions`), the first included.
    #[serde(default)]
    pub regions: Vec<ReadyRegion>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct ReadyRegion {
    pub region: String,
    pub api_endpoint: String,
    pub registry: String,
    pub project_id: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Account {
    pub domain_name: String,
    pub users: Vec<User>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct User {
    #[serde(default)]
    pub user_id: String,
    pub user_name: String,
    pub ak: String,
    pub sk: String,
    pub admin: bool,
}

pub struct Sandbox {
    child: Option<Child>,
    _data: tempfile::TempDir,
    pub ready: Ready,
}

fn require(path: &str, package: &str) {
    assert!(
        Path::new(path).exists(),
        "{path} is missing: install the Debian package `{package}`"
    );
}

fn sandbox_bin() -> PathBuf {
    if let Some(bin) = std::env::var_os("SWR_SANDBOX_BIN") {
        return PathBuf::from(bin);
    }
    let exe = std::env::current_exe().expect("test executable");
    let dir = exe
        .parent()
        .and_then(Path::parent)
        .expect("test binary lives in <target>/<profile>/deps")
        .to_path_buf();
    static BUILD: Once = Once::new();
    BUILD.call_once(|| {
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
        let mut cmd = Command::new(cargo);
        cmd.args([
            "build",
            "--quiet",
            "-p",
            "swr-sandbox",
            "--bin",
            "swr-sandbox",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"));
        if dir.file_name().is_some_and(|n| n == "release") {
            cmd.arg("--release");
        }
        let status = cmd.status().expect("cannot run cargo to build swr-sandbox");
        // Several test processes build at once; one of them may lose a race that another
        // wins, so only a missing binary is fatal.
        if !status.success() {
            eprintln!(
                "`cargo build -p swr-sandbox` failed; using the binary already built, if any"
            );
        }
    });
    let bin = dir.join("swr-sandbox");
    assert!(bin.exists(), "swr-sandbox not found at {}", bin.display());
    bin
}

impl Sandbox {
    /// Starts a sandbox with extra flags (faults) and waits for its ready line.
    pub fn start(extra: &[&str]) -> Self {
        Self::start_in(tempfile::tempdir().expect("temp dir"), extra)
    }

    /// Stops this sandbox and starts another on the same data without the faults, so what
    /// was pushed through faults can be read back by clients that do not retry as we do.
    pub fn restart_without_faults(mut self) -> Self {
        self.stop();
        let data = std::mem::replace(&mut self._data, tempfile::tempdir().expect("temp dir"));
        Self::start_in(data, &[])
    }

    fn start_in(data: tempfile::TempDir, extra: &[&str]) -> Self {
        require("/usr/bin/docker-registry", "docker-registry");
        let bin = sandbox_bin();
        // No seed unless the test asks for one.
        let seed: &[&str] = if extra.contains(&"--seed") {
            &[]
        } else {
            &["--seed", "none"]
        };
        let mut child = Command::new(&bin)
            .arg("--data")
            .arg(data.path())
            .args(seed)
            .arg("--exit-on-stdin-eof")
            .args(extra)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {}: {e}", bin.display()));
        let stdout = child.stdout.take().expect("stdout");
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut lines = BufReader::new(stdout).lines();
            if let Some(Ok(line)) = lines.next() {
                let _ = tx.send(line);
            }
            for _ in lines {}
        });
        let deadline = Instant::now() + Duration::from_secs(90);
        let line = loop {
            match rx.recv_timeout(Duration::from_millis(200)) {
                Ok(line) => break line,
                Err(_) => {
                    if let Ok(Some(status)) = child.try_wait() {
                        panic!("swr-sandbox exited before it was ready: {status}");
                    }
                    assert!(Instant::now() < deadline, "swr-sandbox not ready in 90 s");
                }
            }
        };
        let ready: Ready = serde_json::from_str(&line).expect("ready line");
        Self {
            child: Some(child),
            _data: data,
            ready,
        }
    }

    pub fn user(&self, admin: bool) -> &User {
        self.ready.accounts[0]
            .users
            .iter()
            .find(|u| u.admin == admin)
            .expect("an admin and a non-admin user")
    }

    pub fn api_config(&self, user: &User) -> swr_api::ClientConfig {
        let mut config = swr_api::ClientConfig::new(
            self.ready.region.clone(),
            swr_api::Credentials::new(user.ak.clone(), user.sk.clone()),
        );
        config.project_id = Some(self.ready.project_id.clone());
        config.endpoints = swr_api::EndpointOverrides {
            api: Some(self.ready.api_endpoint.clone()),
            registry: Some(self.ready.registry.clone()),
            iam: None,
        };
        config
    }

    pub fn api(&self, user: &User) -> swr_api::Client {
        swr_api::Client::new(self.api_config(user)).expect("api client")
    }

    pub async fn create_org(&self, name: &str) {
        self.api(self.user(true))
            .create_namespace(name)
            .await
            .expect("create organization");
    }

    pub fn registry_for(&self, user: &User) -> Registry {
        self.registry_with_retries(user, 10)
    }

    pub fn registry_config(&self, user: &User, retries: u32) -> RegistryConfig {
        let mut config = RegistryConfig::new(
            self.ready.registry.clone(),
            Credentials::AccessKey {
                region: self.ready.region.clone(),
                access_key: user.ak.clone(),
                secret_key: Sensitive::new(user.sk.clone()),
            },
        );
        config.plain_http = true;
        config.retry.base_delay = Duration::from_millis(50);
        config.retry.max_retries = retries;
        config
    }

    pub fn registry_with_retries(&self, user: &User, retries: u32) -> Registry {
        Registry::new(self.registry_config(user, retries)).expect("registry client")
    }

    /// `user:password` for skopeo's `--creds`.
    pub fn skopeo_creds(&self, user: &User) -> String {
        format!(
            "{}:{}",
            swr_api::login::login_username(&self.ready.region, &user.ak),
            swr_api::login::login_key(&user.ak, &user.sk)
        )
    }

    /// `skopeo inspect` of a pushed reference (raw manifest or config with `--config`).
    pub fn skopeo_inspect(&self, user: &User, reference: &str, config: bool) -> serde_json::Value {
        require("/usr/bin/skopeo", "skopeo");
        let mut cmd = Command::new("skopeo");
        cmd.args([
            "inspect",
            "--tls-verify=false",
            "--creds",
            &self.skopeo_creds(user),
        ]);
        if config {
            cmd.arg("--config");
        } else {
            cmd.arg("--raw");
        }
        let out = cmd
            .arg(format!("docker://{}/{reference}", self.ready.registry))
            .output()
            .expect("run skopeo");
        assert!(
            out.status.success(),
            "skopeo inspect failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).expect("skopeo JSON")
    }

    /// `skopeo copy docker://… docker-archive:…`: pulls every blob and checks its digest.
    pub fn skopeo_pull(&self, user: &User, reference: &str, dest: &Path) {
        require("/usr/bin/skopeo", "skopeo");
        let out = Command::new("skopeo")
            .args([
                "copy",
                "--src-tls-verify=false",
                "--src-creds",
                &self.skopeo_creds(user),
            ])
            .arg(format!("docker://{}/{reference}", self.ready.registry))
            .arg(format!("docker-archive:{}", dest.display()))
            .output()
            .expect("run skopeo");
        assert!(
            out.status.success(),
            "skopeo copy failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        self.stop();
    }
}

impl Sandbox {
    fn stop(&mut self) {
        let Some(mut child) = self.child.take() else {
            return;
        };
        drop(child.stdin.take());
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = child.kill();
        let _ = child.wait();
    }
}
