//! Archives written by tools we did not write (buildah, skopeo, gzip, zstd), validated and
//! cross-checked against what skopeo itself reads from them.
//!
//! These tests need the Debian packages `buildah`, `skopeo` and `zstd`, and root (buildah's
//! default storage). They fail, loudly, when a tool is missing: CI installs them.

// Helpers outside #[test] functions panic on setup failures, as tests should.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;
use std::process::Command;

use serde_json::Value;
use swr_archive::{validate_path, Compression, Rule, Severity, Validation};

fn tool(name: &str, args: &[&str]) -> String {
    let out = Command::new(name).args(args).output().unwrap_or_else(|e| {
        panic!("`{name}` could not be run ({e}); install the Debian package `{name}` to run these tests")
    });
    assert!(
        out.status.success(),
        "`{name} {}` failed: {}",
        args.join(" "),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_owned()
}

/// A two-layer image committed to buildah's local storage, removed again on drop.
struct BuildahImage {
    name: String,
    dir: tempfile::TempDir,
}

impl BuildahImage {
    fn new(label: &str) -> Self {
        // buildah's storage races when tests in parallel processes commit at once.
        let lock =
            std::fs::File::create(std::env::temp_dir().join("swr-archive-buildah.lock")).unwrap();
        lock.lock().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let name = format!(
            "localhost/swr-archive-test/{label}-{}:1.0",
            std::process::id()
        );
        std::fs::create_dir_all(dir.path().join("app")).unwrap();
        std::fs::write(
            dir.path().join("app/index.html"),
            format!("<h1>hello</h1><!-- {label} -->"),
        )
        .unwrap();
        std::fs::write(
            dir.path().join("app/config.toml"),
            "port = 8080\n".repeat(100),
        )
        .unwrap();
        let src = |p: &str| dir.path().join(p).to_string_lossy().into_owned();
        let ctr = tool("buildah", &["from", "scratch"]);
        tool(
            "buildah",
            &["copy", &ctr, &src("app/index.html"), "/app/index.html"],
        );
        tool(
            "buildah",
            &[
                "config",
                "--user",
                "10001",
                "--workingdir",
                "/app",
                "--env",
                "TOKEN=s3cret",
                "--port",
                "8080",
                &ctr,
            ],
        );
        tool(
            "buildah",
            &["commit", "--rm", &ctr, &format!("{name}-base")],
        );
        let ctr = tool("buildah", &["from", &format!("{name}-base")]);
        tool(
            "buildah",
            &["copy", &ctr, &src("app/config.toml"), "/app/config.toml"],
        );
        tool("buildah", &["commit", "--rm", &ctr, &name]);
        tool("buildah", &["rmi", &format!("{name}-base")]);
        Self { name, dir }
    }

    fn path(&self, file: &str) -> PathBuf {
        self.dir.path().join(file)
    }

    fn push(&self, transport: &str, file: &str, reference: &str) -> PathBuf {
        let path = self.path(file);
        tool(
            "buildah",
            &[
                "push",
                "--quiet",
                &self.name,
                &format!("{transport}:{}:{reference}", path.display()),
            ],
        );
        path
    }
}

impl Drop for BuildahImage {
    fn drop(&mut self) {
        let _ = Command::new("buildah").args(["rmi", &self.name]).output();
    }
}

fn assert_valid(v: &Validation) {
    assert!(v.is_valid(), "{}: {:#?}", v.file, v.findings);
}

/// The diff_ids skopeo reads from the archive's config.
fn skopeo_diff_ids(transport_path: &str) -> Vec<String> {
    let config: Value =
        serde_json::from_str(&tool("skopeo", &["inspect", "--config", transport_path])).unwrap();
    config["rootfs"]["diff_ids"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d.as_str().unwrap().to_owned())
        .collect()
}

fn our_diff_ids(v: &Validation) -> Vec<String> {
    v.report.images[0]
        .layers
        .iter()
        .map(|l| l.diff_id.clone())
        .collect()
}

#[test]
fn buildah_and_skopeo_archives_validate_and_agree_with_skopeo() {
    let image = BuildahImage::new("formats");
    let docker = image.push("docker-archive", "docker.tar", "localhost/team/app:1.0");
    let oci = image.push("oci-archive", "oci.tar", "team/app:1.0");
    let from_oci = image.path("skopeo-docker.tar");
    tool(
        "skopeo",
        &[
            "copy",
            "--quiet",
            &format!("oci-archive:{}", oci.display()),
            &format!("docker-archive:{}:team/app:2.0", from_oci.display()),
        ],
    );
    let zstd_layers = image.path("zstd-layers.tar");
    tool(
        "skopeo",
        &[
            "copy",
            "--quiet",
            "--dest-compress",
            "--dest-compress-format",
            "zstd",
            &format!("docker-archive:{}", docker.display()),
            &format!("oci-archive:{}:team/app:3.0", zstd_layers.display()),
        ],
    );
    let expected = skopeo_diff_ids(&format!("docker-archive:{}", docker.display()));
    assert_eq!(expected.len(), 2);
    for (path, reference) in [
        (&docker, "localhost/team/app:1.0"),
        (&oci, "team/app:1.0"),
        (&from_oci, "docker.io/team/app:2.0"),
        (&zstd_layers, "team/app:3.0"),
    ] {
        let v = validate_path(path);
        assert_valid(&v);
        assert_eq!(v.report.images.len(), 1);
        let i = &v.report.images[0];
        // buildah also records the image's own name in RepoTags.
        assert!(
            i.references.iter().any(|r| r == reference),
            "{}: {:?}",
            path.display(),
            i.references
        );
        assert_eq!(our_diff_ids(&v), expected, "{}", path.display());
        assert_eq!(i.user.as_deref(), Some("10001"));
        assert_eq!(i.working_dir.as_deref(), Some("/app"));
        // buildah records `--port 8080` without a protocol.
        assert_eq!(i.exposed_ports, vec!["8080".to_owned()]);
        assert!(i.env_names.contains(&"TOKEN".to_owned()));
        assert!(!serde_json::to_string(&v).unwrap().contains("s3cret"));
    }
    let zstd = validate_path(&zstd_layers);
    assert!(zstd.report.images[0]
        .layers
        .iter()
        .all(|l| l.compression == Compression::Zstd));
    let oci_v = validate_path(&oci);
    assert!(oci_v.report.images[0]
        .layers
        .iter()
        .all(|l| l.compression == Compression::Gzip));
}

#[test]
fn archives_compressed_by_gzip_and_zstd_tools_validate() {
    let image = BuildahImage::new("outer");
    let docker = image.push("docker-archive", "docker.tar", "localhost/team/app:1.0");
    let bytes = std::fs::read(&docker).unwrap();
    // Same archive under misleading names: the content decides.
    let gz = image.path("image.tar");
    let zst = image.path("image.tgz");
    std::fs::write(&gz, &bytes).unwrap();
    std::fs::write(&zst, &bytes).unwrap();
    tool("gzip", &["-f", &gz.to_string_lossy()]);
    tool("zstd", &["-q", "--rm", &zst.to_string_lossy()]);
    for (path, compression) in [
        (image.path("image.tar.gz"), Compression::Gzip),
        (image.path("image.tgz.zst"), Compression::Zstd),
    ] {
        let v = validate_path(&path);
        assert_valid(&v);
        assert_eq!(v.report.compression, compression);
        let references = &v.report.images[0].references;
        assert!(
            references.contains(&"localhost/team/app:1.0".to_owned()),
            "{references:?}"
        );
    }
}

#[test]
fn a_real_archive_with_a_modified_layer_is_caught() {
    let image = BuildahImage::new("damaged");
    let docker = image.push("docker-archive", "docker.tar", "team/app:1.0");
    let mut bytes = std::fs::read(&docker).unwrap();
    let at = bytes.windows(5).position(|w| w == b"hello").unwrap();
    bytes[at] = b'j';
    let damaged = image.path("damaged.tar");
    std::fs::write(&damaged, &bytes).unwrap();
    let v = validate_path(&damaged);
    let errors: Vec<Rule> = v
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| f.rule)
        .collect();
    assert!(
        errors.contains(&Rule::LayerDiffIdMismatch),
        "{:#?}",
        v.findings
    );
    // skopeo agrees the archive is damaged.
    let copy = Command::new("skopeo")
        .args([
            "copy",
            &format!("docker-archive:{}", damaged.display()),
            &format!("oci:{}", image.path("out").display()),
        ])
        .output()
        .unwrap();
    assert!(!copy.status.success());
}
