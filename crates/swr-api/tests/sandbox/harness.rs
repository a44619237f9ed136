//! Starts a real `swr-sandbox` (the project's SWR emulator) for one test and hands out clients
//! for its accounts. No HTTP is mocked: every operation goes through signing, the sandbox's
//! verifier, its SWR semantics and back through the client's decoding.
//!
//! The sandbox binary is taken from `SWR_SANDBOX_BIN`, or from the target directory of this test,
//! built there with `cargo build -p swr-sandbox` when it is missing or older than its sources.
//! It starts the Debian `docker-registry` binary as its backing registry.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::sync::Once;
use std::time::{Duration, Instant, SystemTime};

use serde::Deserialize;
use swr_api::{Client, ClientConfig, Credentials, EndpointOverrides};

const REGISTRY_BIN: &str = "/usr/bin/docker-registry";

#[derive(Debug, Clone, Deserialize)]
pub struct Ready {
    pub api_endpoint: String,
    pub registry: String,
    pub region: String,
    pub project_id: String,
    pub accounts: Vec<AccountInfo>,
    /// Every served region, the first one (the fields above) included.
    #[serde(default)]
    pub regions: Vec<RegionInfo>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct RegionInfo {
    pub region: String,
    pub api_endpoint: String,
    pub registry: String,
    pub project_id: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct AccountInfo {
    pub domain_name: String,
    #[allow(dead_code)]
    pub domain_id: String,
    pub users: Vec<UserInfo>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct UserInfo {
    pub user_name: String,
    pub user_id: String,
    pub ak: String,
    pub sk: String,
    pub admin: bool,
}

pub struct Sandbox {
    child: Option<Child>,
    _data: tempfile::TempDir,
    pub ready: Ready,
}

fn target_profile_dir() -> PathBuf {
    // <target>/<profile>/deps/<test binary>
    let exe = std::env::current_exe().expect("test executable path");
    exe.parent()
        .and_then(|deps| deps.parent())
        .expect("test binary lives in <target>/<profile>/deps")
        .to_path_buf()
}

/// Newest modification time of the files the sandbox binary is built from.
fn newest_source(dir: &Path, newest: &mut Option<SystemTime>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            newest_source(&path, newest);
        } else if let Ok(modified) = entry.metadata().and_then(|m| m.modified()) {
            if newest.is_none_or(|n| modified > n) {
                *newest = Some(modified);
            }
        }
    }
}

/// Whether the binary is missing or older than the sandbox's (or this crate's) sources.
fn needs_build(bin: &Path) -> bool {
    let Ok(built) = std::fs::metadata(bin).and_then(|m| m.modified()) else {
        return true;
    };
    let crates = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut newest = None;
    for dir in ["swr-sandbox/src", "swr-api/src"] {
        newest_source(&crates.join(dir), &mut newest);
    }
    newest.is_some_and(|n| n > built)
}

/// The sandbox binary: `SWR_SANDBOX_BIN`, or `<target>/<profile>/swr-sandbox`, built with cargo
/// only when it is missing or stale. A workspace test run has already built it, and calling
/// cargo regardless could rebuild it with a different feature set.
fn sandbox_bin() -> PathBuf {
    if let Some(bin) = std::env::var_os("SWR_SANDBOX_BIN") {
        return PathBuf::from(bin);
    }
    let dir = target_profile_dir();
    let bin = dir.join("swr-sandbox");
    static BUILD: Once = Once::new();
    BUILD.call_once(|| {
        if !needs_build(&bin) {
            return;
        }
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
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
        assert!(
            status.success(),
            "`cargo build -p swr-sandbox` failed; the swr-api integration tests need the sandbox"
        );
    });
    assert!(
        bin.exists(),
        "swr-sandbox binary not found at {} (set SWR_SANDBOX_BIN to use another one)",
        bin.display()
    );
    bin
}

impl Sandbox {
    /// Starts a sandbox with the given seed (`none`, `demo` or `scale`) and waits for its ready
    /// line.
    pub fn start(seed: &str) -> Self {
        Self::start_with(seed, &[])
    }

    /// Like [`Sandbox::start`], with extra flags (faults, `--regions`).
    pub fn start_with(seed: &str, extra: &[&str]) -> Self {
        assert!(
            std::path::Path::new(REGISTRY_BIN).exists(),
            "{REGISTRY_BIN} is missing: install the Debian package `docker-registry` \
             (the sandbox runs it as its backing registry)"
        );
        let bin = sandbox_bin();
        let data = tempfile::tempdir().expect("temp dir");
        let mut child = Command::new(&bin)
            .arg("--data")
            .arg(data.path())
            .args(["--seed", seed, "--exit-on-stdin-eof"])
            .args(extra)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {}: {e}", bin.display()));
        let stdout = child.stdout.take().expect("piped stdout");
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut lines = BufReader::new(stdout).lines();
            if let Some(Ok(line)) = lines.next() {
                let _ = tx.send(line);
            }
            // Keep draining so the sandbox never blocks on a full pipe.
            for _ in lines {}
        });
        let deadline = Instant::now() + Duration::from_secs(90);
        let line = loop {
            match rx.recv_timeout(Duration::from_millis(200)) {
                Ok(line) => break line,
                Err(mpsc::RecvTimeoutError::Timeout) => {
                    if let Ok(Some(status)) = child.try_wait() {
                        panic!("swr-sandbox exited before it was ready: {status}");
                    }
                    assert!(
                        Instant::now() < deadline,
                        "swr-sandbox not ready within 90 s"
                    );
                }
                Err(mpsc::RecvTimeoutError::Disconnected) => {
                    let status = child.wait();
                    panic!("swr-sandbox closed stdout before it was ready: {status:?}");
                }
            }
        };
        let ready: Ready = serde_json::from_str(&line)
            .unwrap_or_else(|e| panic!("unexpected ready line {line:?}: {e}"));
        Self {
            child: Some(child),
            _data: data,
            ready,
        }
    }

    pub fn user(&self, account: usize, admin: bool) -> &UserInfo {
        self.ready.accounts[account]
            .users
            .iter()
            .find(|u| u.admin == admin)
            .expect("sandbox account has an admin and a non-admin user")
    }

    /// A client for a user of an account.
    pub fn client_for(&self, user: &UserInfo) -> Client {
        Client::new(self.config_for(user)).expect("client for the sandbox")
    }

    /// The configuration [`Sandbox::client_for`] uses, to adjust before building a client.
    pub fn config_for(&self, user: &UserInfo) -> ClientConfig {
        let mut config = ClientConfig::new(
            self.ready.region.clone(),
            Credentials::new(user.ak.clone(), user.sk.clone()),
        );
        config.project_id = Some(self.ready.project_id.clone());
        // Loopback only: a proxy from the environment must not see test traffic.
        config.transport.proxy = swr_api::config::ProxySetting::Direct;
        config.endpoints = EndpointOverrides {
            api: Some(self.ready.api_endpoint.clone()),
            registry: Some(self.ready.registry.clone()),
            iam: None,
        };
        config
    }

    /// A client for a user in the served region `index` (0 = the first, as [`Sandbox::client_for`]).
    pub fn client_in(&self, index: usize, user: &UserInfo) -> Client {
        let region = &self.ready.regions[index];
        let mut config = self.config_for(user);
        config.region.clone_from(&region.region);
        config.project_id = Some(region.project_id.clone());
        config.endpoints.api = Some(region.api_endpoint.clone());
        config.endpoints.registry = Some(region.registry.clone());
        Client::new(config).expect("client for a sandbox region")
    }

    /// The admin of account `index` (0 = alpha, 1 = beta).
    pub fn admin(&self, index: usize) -> Client {
        self.client_for(self.user(index, true))
    }

    pub fn domain_name(&self, index: usize) -> &str {
        &self.ready.accounts[index].domain_name
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        let Some(mut child) = self.child.take() else {
            return;
        };
        // Closing stdin asks the sandbox to stop its registry and exit.
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
