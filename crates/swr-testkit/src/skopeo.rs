//! `skopeo`, a registry client we did not write, reading back what a test pushed.

use std::path::Path;
use std::process::Command;

use crate::ready::User;
use crate::Sandbox;

impl Sandbox {
    /// `user:password` for skopeo's `--creds`.
    pub fn skopeo_creds(&self, user: &User) -> String {
        self.login(user)
    }

    /// `skopeo inspect` of a pushed reference: the raw manifest, or the config with `config`.
    pub fn skopeo_inspect(&self, user: &User, reference: &str, config: bool) -> serde_json::Value {
        crate::require("/usr/bin/skopeo", "skopeo");
        let mut cmd = Command::new("skopeo");
        cmd.args([
            "inspect",
            "--tls-verify=false",
            "--creds",
            &self.login(user),
        ]);
        cmd.arg(if config { "--config" } else { "--raw" });
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
        crate::require("/usr/bin/skopeo", "skopeo");
        let out = Command::new("skopeo")
            .args([
                "copy",
                "--src-tls-verify=false",
                "--src-creds",
                &self.login(user),
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
