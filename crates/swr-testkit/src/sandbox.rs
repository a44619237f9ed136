//! One running sandbox: started with its own data directory, stopped when dropped.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crate::ready::{Ready, User};

/// How long a sandbox may take to print its ready line (a `scale` seed takes a while).
const READY_WITHIN: Duration = Duration::from_secs(90);

/// The data directory: a temporary one the handle owns, or one the test keeps.
enum Data {
    Owned(tempfile::TempDir),
    Kept(PathBuf),
}

pub struct Sandbox {
    child: Option<Child>,
    data: Data,
    /// The ready line, parsed.
    pub ready: Ready,
    /// The ready line as JSON, for tests of the line itself.
    pub info: serde_json::Value,
}

impl Sandbox {
    /// Starts a sandbox on a new temporary data directory with these flags (`--seed demo`,
    /// faults, `--regions`, …) and waits for its ready line.
    pub fn start(args: &[&str]) -> Self {
        Self::launch(Data::Owned(tempfile::tempdir().expect("temp dir")), args)
    }

    /// Like [`Sandbox::start`] on a data directory the test keeps (to start again on it).
    pub fn start_in(data: &Path, args: &[&str]) -> Self {
        Self::launch(Data::Kept(data.to_owned()), args)
    }

    /// Stops this sandbox and starts another on the same data without the faults, so what was
    /// pushed through faults can be read back by clients that do not retry as ours do.
    pub fn restart_without_faults(mut self) -> Self {
        self.close();
        let data = std::mem::replace(&mut self.data, Data::Kept(PathBuf::new()));
        Self::launch(data, &[])
    }

    fn launch(data: Data, args: &[&str]) -> Self {
        crate::require("/usr/bin/docker-registry", "docker-registry");
        let bin = crate::binary::sandbox_bin();
        let dir = match &data {
            Data::Owned(d) => d.path().to_owned(),
            Data::Kept(p) => p.clone(),
        };
        let mut child = Command::new(&bin)
            .arg("--data")
            .arg(&dir)
            .arg("--exit-on-stdin-eof")
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
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
        let deadline = Instant::now() + READY_WITHIN;
        let line = loop {
            match rx.recv_timeout(Duration::from_millis(200)) {
                Ok(line) => break line,
                Err(mpsc::RecvTimeoutError::Timeout) => {
                    if let Ok(Some(status)) = child.try_wait() {
                        panic!("swr-sandbox exited before it was ready: {status}");
                    }
                    assert!(
                        Instant::now() < deadline,
                        "swr-sandbox not ready within {READY_WITHIN:?}"
                    );
                }
                Err(mpsc::RecvTimeoutError::Disconnected) => {
                    let status = child.wait();
                    panic!("swr-sandbox closed stdout before it was ready: {status:?}");
                }
            }
        };
        let info: serde_json::Value = serde_json::from_str(&line)
            .unwrap_or_else(|e| panic!("unexpected ready line {line:?}: {e}"));
        let ready: Ready = serde_json::from_value(info.clone())
            .unwrap_or_else(|e| panic!("unexpected ready line {line:?}: {e}"));
        Self {
            child: Some(child),
            data,
            ready,
            info,
        }
    }

    /// The data directory.
    pub fn data(&self) -> &Path {
        match &self.data {
            Data::Owned(d) => d.path(),
            Data::Kept(p) => p,
        }
    }

    /// The admin (`true`) or the non-admin user of account `account` (0 = alpha, 1 = beta).
    pub fn user(&self, account: usize, admin: bool) -> &User {
        self.ready.accounts[account]
            .users
            .iter()
            .find(|u| u.admin == admin)
            .expect("a sandbox account has an admin and a non-admin user")
    }

    /// The domain name of account `account`.
    pub fn domain_name(&self, account: usize) -> &str {
        &self.ready.accounts[account].domain_name
    }

    /// Peak resident memory of the sandbox process (not its registry child), in KiB.
    pub fn peak_rss_kib(&self) -> u64 {
        let pid = self.child.as_ref().map(Child::id).unwrap_or_default();
        let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
        status
            .lines()
            .find_map(|l| l.strip_prefix("VmHWM:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            .unwrap_or(0)
    }

    /// Stops the sandbox with SIGTERM, as a supervisor would, and waits for it.
    pub fn stop(mut self) {
        if let Some(child) = &self.child {
            let _ = Command::new("kill")
                .arg("-TERM")
                .arg(child.id().to_string())
                .status();
        }
        self.wait_or_kill();
    }

    /// Closes stdin, which asks the sandbox to stop its registry and exit, and waits for it.
    fn close(&mut self) {
        if let Some(child) = &mut self.child {
            drop(child.stdin.take());
        }
        self.wait_or_kill();
    }

    fn wait_or_kill(&mut self) {
        let Some(mut child) = self.child.take() else {
            return;
        };
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

impl Drop for Sandbox {
    fn drop(&mut self) {
        self.close();
    }
}
