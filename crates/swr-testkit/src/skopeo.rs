//! `skopeo`, a registry client we did not write, reading back what a test pushed.

use std::path::Path;
use std::process::Command;

use crate::ready::User;
use crate::Sandbox;

/// Runs `skopeo` with `args` and gives its output; a failure fails the test with skopeo's
/// own words.
fn skopeo(args: &[String]) -> Vec<u8> {
    crate::require("/usr/bin/skopeo", "skopeo");
    let out = Command::new("skopeo")
        .args(args)
        .output()
        .expect("run skopeo");
    assert!(
        out.status.success(),
        "skopeo {} failed: {}",
        args[0],
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

impl Sandbox {
    /// `user:password` for skopeo's `--creds`.
    pub fn skopeo_creds(&self, user: &User) -> String {
        self.login(user)
    }

    fn docker(&self, reference: &str) -> String {
        format!("docker://{}/{reference}", self.ready.registry)
    }

    /// `skopeo inspect` of a pushed reference: the raw manifest, or the config with `config`.
    pub fn skopeo_inspect(&self, user: &User, reference: &str, config: bool) -> serde_json::Value {
        let out = skopeo(&[
            "inspect".into(),
            "--tls-verify=false".into(),
            "--creds".into(),
            self.login(user),
            if config { "--config" } else { "--raw" }.into(),
            self.docker(reference),
        ]);
        serde_json::from_slice(&out).expect("skopeo JSON")
    }

    /// `skopeo copy docker://… docker-archive:…`: pulls every blob and checks its digest.
    pub fn skopeo_pull(&self, user: &User, reference: &str, dest: &Path) {
        skopeo(&[
            "copy".into(),
            "--src-tls-verify=false".into(),
            "--src-creds".into(),
            self.login(user),
            self.docker(reference),
            format!("docker-archive:{}", dest.display()),
        ]);
    }

    /// `skopeo copy --all oci:…`: pushes an OCI layout's image (every platform of an index, as
    /// [`crate::oci_layout::layout`] writes) to `reference`.
    pub fn skopeo_push_layout(&self, user: &User, layout: &Path, reference: &str) {
        skopeo(&[
            "copy".into(),
            "--all".into(),
            "--dest-tls-verify=false".into(),
            "--dest-creds".into(),
            self.login(user),
            format!("oci:{}:image", layout.display()),
            self.docker(reference),
        ]);
    }
}
