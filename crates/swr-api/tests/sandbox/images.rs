//! Real images for tests that move them: small OCI layouts (written by
//! `swr_testkit::oci_layout`), and `skopeo` pushing them to a sandbox region's registry host and
//! reading them back.

use std::path::Path;
use std::process::Command;

use sha2::{Digest, Sha256};

pub use swr_testkit::oci_layout::{blobs, layout};
use swr_testkit::{Region as RegionInfo, User as UserInfo};

/// `user:password` for skopeo's `--creds`: the long-term login of the region.
fn creds(region: &RegionInfo, user: &UserInfo) -> String {
    format!(
        "{}:{}",
        swr_api::login::login_username(&region.region, &user.ak),
        swr_api::login::login_key(&user.ak, &user.sk)
    )
}

fn skopeo_output(args: &[String]) -> std::process::Output {
    assert!(
        Path::new("/usr/bin/skopeo").exists(),
        "/usr/bin/skopeo is missing: install the Debian package skopeo"
    );
    Command::new("skopeo")
        .args(args)
        .output()
        .expect("run skopeo")
}

fn skopeo(args: &[String]) -> Vec<u8> {
    let out = skopeo_output(args);
    assert!(
        out.status.success(),
        "skopeo {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// Pushes the layout's image (every platform of an index) to `<registry>/<name>`.
pub fn push(region: &RegionInfo, user: &UserInfo, layout: &Path, name: &str) {
    skopeo(&[
        "copy".into(),
        "--all".into(),
        "--dest-tls-verify=false".into(),
        "--dest-creds".into(),
        creds(region, user),
        format!("oci:{}:image", layout.display()),
        format!("docker://{}/{name}", region.registry),
    ]);
}

/// Pulls `<registry>/<name>` (every platform) into a new OCI layout at `dest`; skopeo checks
/// every blob against its digest on the way.
pub fn pull(region: &RegionInfo, user: &UserInfo, name: &str, dest: &Path) {
    skopeo(&[
        "copy".into(),
        "--all".into(),
        "--src-tls-verify=false".into(),
        "--src-creds".into(),
        creds(region, user),
        format!("docker://{}/{name}", region.registry),
        format!("oci:{}:image", dest.display()),
    ]);
}

fn inspect_args(region: &RegionInfo, user: &UserInfo, name: &str) -> Vec<String> {
    vec![
        "inspect".into(),
        "--raw".into(),
        "--tls-verify=false".into(),
        "--creds".into(),
        creds(region, user),
        format!("docker://{}/{name}", region.registry),
    ]
}

/// Whether `<registry>/<name>` can be read.
pub fn exists(region: &RegionInfo, user: &UserInfo, name: &str) -> bool {
    skopeo_output(&inspect_args(region, user, name))
        .status
        .success()
}

/// The manifest `<registry>/<name>` as stored, and its digest.
pub fn raw_manifest(region: &RegionInfo, user: &UserInfo, name: &str) -> (Vec<u8>, String) {
    let raw = skopeo(&inspect_args(region, user, name));
    let digest = format!("sha256:{}", hex::encode(Sha256::digest(&raw)));
    (raw, digest)
}
