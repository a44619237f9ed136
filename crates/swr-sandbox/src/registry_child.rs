//! The real registry the sandbox keeps images in.
//!
//! With `--registry-bin`, Debian's `docker-registry` (CNCF distribution) runs as a child on a
//! free loopback port with a configuration written under the data directory; its blobs live
//! in `DIR/registry`, so images survive restarts with the rest of the state. The child must
//! never outlive the sandbox: it is started through `setpriv --pdeathsig KILL` when available
//! (the kernel kills it even if the sandbox itself is killed), `kill_on_drop` covers the
//! ordinary paths, and [`RegistryChild::stop`] is called on every clean exit.

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use tokio::process::{Child, Command};

#[derive(Debug, thiserror::Error)]
pub enum ChildError {
    #[error("cannot prepare {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot find a free loopback port: {0}")]
    Port(std::io::Error),
    #[error("cannot start {bin}: {source}")]
    Spawn { bin: String, source: std::io::Error },
    #[error("registry exited early ({status}); see {log}")]
    Exited { status: String, log: String },
    #[error("registry did not answer on {url} within {secs} s; see {log}")]
    NotReady { url: String, secs: u64, log: String },
}

pub struct RegistryChild {
    child: Child,
    pub url: String,
}

/// Reserves a free port by binding to port 0 and releasing it. The port could in principle
/// be taken in between; the readiness check then fails loudly instead of hanging.
pub fn free_port() -> Result<u16, ChildError> {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").map_err(ChildError::Port)?;
    listener
        .local_addr()
        .map(|a| a.port())
        .map_err(ChildError::Port)
}

fn config_text(root: &Path, port: u16) -> String {
    let secret = crate::state::accounts::random_id();
    format!(
        "version: 0.1\nlog:\n  level: warn\n  accesslog:\n    disabled: true\nstorage:\n  filesystem:\n    rootdirectory: {root}\n  delete:\n    enabled: true\n  maintenance:\n    uploadpurging:\n      enabled: false\nhttp:\n  addr: 127.0.0.1:{port}\n  secret: {secret}\n",
        root = root.display()
    )
}

impl RegistryChild {
    pub async fn start(bin: &Path, data_dir: &Path) -> Result<Self, ChildError> {
        let io = |path: &Path| {
            let path = path.to_path_buf();
            move |source| ChildError::Io { path, source }
        };
        let root = data_dir.join("registry");
        std::fs::create_dir_all(&root).map_err(io(&root))?;
        let port = free_port()?;
        let config = data_dir.join("registry.yml");
        std::fs::write(&config, config_text(&root, port)).map_err(io(&config))?;
        let log_path = data_dir.join("registry.log");
        let log = std::fs::File::create(&log_path).map_err(io(&log_path))?;
        let log_err = log.try_clone().map_err(io(&log_path))?;

        let setpriv = Path::new("/usr/bin/setpriv");
        let mut cmd = if setpriv.exists() {
            let mut c = Command::new(setpriv);
            c.arg("--pdeathsig").arg("KILL").arg(bin);
            c
        } else {
            Command::new(bin)
        };
        cmd.arg("serve")
            .arg(&config)
            .stdin(Stdio::null())
            .stdout(log)
            .stderr(log_err)
            .kill_on_drop(true);
        let child = cmd.spawn().map_err(|source| ChildError::Spawn {
            bin: bin.display().to_string(),
            source,
        })?;
        let mut me = Self {
            child,
            url: format!("http://127.0.0.1:{port}"),
        };
        me.wait_ready(&log_path).await?;
        tracing::info!(url = %me.url, "registry child ready");
        Ok(me)
    }

    async fn wait_ready(&mut self, log: &Path) -> Result<(), ChildError> {
        let url = format!("{}/v2/", self.url);
        let client = reqwest::Client::new();
        let deadline = Instant::now() + Duration::from_secs(15);
        while Instant::now() < deadline {
            if let Ok(Some(status)) = self.child.try_wait() {
                return Err(ChildError::Exited {
                    status: status.to_string(),
                    log: log.display().to_string(),
                });
            }
            if client
                .get(&url)
                .send()
                .await
                .is_ok_and(|r| r.status().is_success())
            {
                return Ok(());
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        Err(ChildError::NotReady {
            url,
            secs: 15,
            log: log.display().to_string(),
        })
    }

    /// Stops the registry and waits for it, so no process is left behind.
    pub async fn stop(mut self) {
        if let Err(e) = self.child.kill().await {
            tracing::warn!("stopping the registry child: {e}");
        }
    }
}
