//! A multi-platform OCI archive written by buildah (an index of two manifests) is pushed
//! unchanged: the registry then serves the very index the archive holds, and each platform's
//! image reads back through skopeo. Needs root and the Debian packages `buildah` and `skopeo`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeSet;
use std::process::Command;

use swr_registry::archive::{plan_images, ArchiveIndex, ArchiveSource, ManifestKind};
use swr_registry::push::{push_image, BlobCache, PushContext, PushOptions, PushProgress, Target};
use swr_registry::sha256_digest;
use tokio_util::sync::CancellationToken;

fn tool(program: &str, args: &[&str]) -> String {
    let out = Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| {
            panic!("cannot run {program} (install the Debian package `{program}`): {e}")
        });
    assert!(
        out.status.success(),
        "{program} {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_owned()
}

/// buildah's local storage, emptied of our names again on drop.
struct Built(String);

impl Drop for Built {
    fn drop(&mut self) {
        let n = &self.0;
        let _ = Command::new("buildah")
            .args(["manifest", "rm", &format!("{n}-list")])
            .output();
        let _ = Command::new("buildah")
            .args(["rmi", &format!("{n}-amd64"), &format!("{n}-arm64")])
            .output();
    }
}

#[tokio::test]
async fn a_buildah_multi_platform_index_is_pushed_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    // buildah's storage races when processes commit at once; the lock file is the one the
    // swr-archive tests take too.
    let lock =
        std::fs::File::create(std::env::temp_dir().join("swr-archive-buildah.lock")).unwrap();
    lock.lock().unwrap();
    let name = format!("swr-registry-test-{}", std::process::id());
    let built = Built(name.clone());
    for arch in ["amd64", "arm64"] {
        let file = dir.path().join(arch);
        std::fs::write(&file, format!("built for {arch}\n")).unwrap();
        let ctr = tool("buildah", &["from", "scratch"]);
        tool("buildah", &["copy", &ctr, file.to_str().unwrap(), "/arch"]);
        tool("buildah", &["config", "--arch", arch, &ctr]);
        tool(
            "buildah",
            &["commit", "--rm", "-q", &ctr, &format!("{name}-{arch}")],
        );
    }
    let list = format!("{name}-list");
    tool("buildah", &["manifest", "create", &list]);
    for arch in ["amd64", "arm64"] {
        tool(
            "buildah",
            &[
                "manifest",
                "add",
                "--arch",
                arch,
                &list,
                &format!("containers-storage:localhost/{name}-{arch}"),
            ],
        );
    }
    let archive = dir.path().join("multi.tar");
    tool(
        "buildah",
        &[
            "manifest",
            "push",
            "-q",
            "--all",
            &list,
            &format!("oci-archive:{}:multi:1", archive.display()),
        ],
    );
    drop(built);
    drop(lock);

    let index = ArchiveIndex::read(&archive).unwrap();
    let plans = plan_images(&index).unwrap();
    assert_eq!(plans.len(), 1);
    let ManifestKind::OciIndex {
        bytes, children, ..
    } = &plans[0].kind
    else {
        panic!("buildah wrote no index");
    };
    assert_eq!(children.len(), 2);
    let want = sha256_digest(bytes);

    let sb = swr_testkit::Sandbox::start(&[]);
    sb.create_org("team-a").await;
    let admin = sb.user(0, true);
    let reg = sb.registry_for(admin);
    let (progress, cache, confirmed, cancel) = (
        PushProgress::default(),
        BlobCache::in_memory(),
        BTreeSet::new(),
        CancellationToken::new(),
    );
    let ctx = PushContext {
        progress: &progress,
        cache: &cache,
        confirmed: &confirmed,
        on_blob: &|_| {},
        cancel: &cancel,
    };
    let target = Target {
        repository: "team-a/multi".into(),
        tags: vec!["1".into()],
    };
    let pushed = push_image(
        &reg,
        &ArchiveSource::new(&archive, index.outer),
        &plans[0],
        &target,
        &PushOptions::default(),
        &ctx,
    )
    .await
    .unwrap();
    assert_eq!(pushed.digest, want);
    assert_eq!(
        reg.manifest_digest("team-a/multi", "1").await.unwrap(),
        Some(want)
    );
    let mut archs = BTreeSet::new();
    for child in children {
        let digest = sha256_digest(&child.bytes);
        assert_eq!(
            reg.manifest_digest("team-a/multi", &digest).await.unwrap(),
            Some(digest.clone())
        );
        let raw = sb.skopeo_inspect(admin, &format!("team-a/multi@{digest}"), false);
        assert_eq!(
            raw["config"]["digest"].as_str(),
            Some(child.config.digest.as_str())
        );
        let config = sb.skopeo_inspect(admin, &format!("team-a/multi@{digest}"), true);
        let diff_ids = config["rootfs"]["diff_ids"].as_array().unwrap();
        assert_eq!(diff_ids.len(), child.layers.len());
        archs.insert(config["architecture"].as_str().unwrap().to_owned());
    }
    assert_eq!(
        archs,
        BTreeSet::from(["amd64".to_owned(), "arm64".to_owned()])
    );
}
