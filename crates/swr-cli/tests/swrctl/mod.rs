//! swrctl as a pipeline runs it: credentials from the environment, a configuration directory of
//! its own (and so a journal of its own), against a sandboxed SWR.

#![allow(dead_code)]

use std::process::{Command, Output};

use serde_json::Value;
use sha2::{Digest, Sha256};

pub struct Cli<'a> {
    pub sb: &'a swr_testkit::Sandbox,
    pub user: swr_testkit::User,
    pub config: std::path::PathBuf,
}

impl Cli<'_> {
    pub fn run(&self, args: &[&str]) -> Output {
        let sb = self.sb;
        // The sandbox's other regions, as a pipeline names them for region sync.
        let others: Vec<String> = sb
            .ready
            .regions
            .iter()
            .filter(|r| r.region != sb.ready.region)
            .map(|r| {
                format!(
                    "{}={},{},{}",
                    r.region, r.api_endpoint, r.registry, r.project_id
                )
            })
            .collect();
        Command::new(env!("CARGO_BIN_EXE_swrctl"))
            .args(args)
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("SWR_REGION", &sb.ready.region)
            .env("SWR_AK", &self.user.ak)
            .env("SWR_SK", &self.user.sk)
            .env("SWR_PROJECT_ID", &sb.ready.project_id)
            .env("SWR_API_ENDPOINT", &sb.ready.api_endpoint)
            .env("SWR_REGISTRY", &sb.ready.registry)
            .env("SWR_INSECURE", "1")
            .env("SWR_CONSOLE_CONFIG_DIR", &self.config)
            .env("SWR_REGION_ENDPOINTS", others.join(";"))
            .output()
            .unwrap()
    }

    /// The standard output of a command that must succeed.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        String::from_utf8(out.stdout).unwrap()
    }

    pub fn json(&self, args: &[&str]) -> Value {
        serde_json::from_str(&self.ok(args)).unwrap()
    }

    /// The manifest digest skopeo reads for a reference, `None` when the registry has none.
    pub fn skopeo_digest(&self, reference: &str) -> Option<String> {
        let out = Command::new("skopeo")
            .args([
                "inspect",
                "--raw",
                "--tls-verify=false",
                "--creds",
                &self.sb.skopeo_creds(&self.user),
            ])
            .arg(format!("docker://{}/{reference}", self.sb.ready.registry))
            .output()
            .expect("run skopeo");
        out.status
            .success()
            .then(|| format!("sha256:{}", hex::encode(Sha256::digest(&out.stdout))))
    }
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}
