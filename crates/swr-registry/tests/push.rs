//! Pushes archives of every layout into a real sandboxed registry and reads them back with
//! skopeo: the config digest and the diff_ids must survive the trip unchanged.

#![allow(clippy::unwrap_used)]

use std::collections::BTreeSet;
use std::path::Path;

use swr_archive::fixtures::{sample_image, Archive, Layer, Layout};
use swr_archive::Compression;
use swr_registry::archive::{plan_images, ArchiveIndex, ArchiveSource};
use swr_registry::push::{
    push_image, BlobCache, PushContext, PushOptions, PushProgress, PushedImage, Target,
};
use swr_registry::{Error, Registry};
use swr_testkit::{Sandbox, User};
use tokio_util::sync::CancellationToken;

async fn push_file(
    reg: &Registry,
    path: &Path,
    repo: &str,
    tag: &str,
    opts: &PushOptions,
    cache: &BlobCache,
) -> Result<Vec<PushedImage>, Error> {
    let index = ArchiveIndex::read(path)?;
    let plans = plan_images(&index)?;
    let source = ArchiveSource::new(path, index.outer);
    let progress = PushProgress::default();
    let cancel = CancellationToken::new();
    let confirmed = BTreeSet::new();
    let ctx = PushContext {
        progress: &progress,
        cache,
        confirmed: &confirmed,
        on_blob: &|_| {},
        cancel: &cancel,
    };
    let mut out = Vec::new();
    for plan in &plans {
        let target = Target {
            repository: repo.into(),
            tags: vec![tag.into()],
        };
        out.push(push_image(reg, &source, plan, &target, opts, &ctx).await?);
    }
    let snap = progress.snapshot();
    assert_eq!(snap.done, snap.total, "progress ends at 100%");
    Ok(out)
}

/// The config digest and diff_ids skopeo sees after pulling the image back into an archive.
fn read_back(sb: &Sandbox, user: &User, reference: &str) -> (String, Vec<String>) {
    let dir = tempfile::tempdir().unwrap();
    let dest = dir.path().join("pulled.tar");
    sb.skopeo_pull(user, reference, &dest);
    let v = swr_archive::validate_path(&dest);
    assert!(v.is_valid(), "pulled archive invalid: {:?}", v.findings);
    let image = &v.report.images[0];
    (
        image.config_digest.clone(),
        image.layers.iter().map(|l| l.diff_id.clone()).collect(),
    )
}

fn expected(path: &Path) -> (String, Vec<String>) {
    let v = swr_archive::validate_path(path);
    assert!(v.is_valid(), "fixture invalid: {:?}", v.findings);
    let image = &v.report.images[0];
    (
        image.config_digest.clone(),
        image.layers.iter().map(|l| l.diff_id.clone()).collect(),
    )
}

fn big_layer(seed: u8) -> Layer {
    // ~3 MiB so layers span several gzip members.
    let data: Vec<u8> = (0..3_200_000u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8 ^ seed)
        .collect();
    Layer::new()
        .file("data/blob.bin", data)
        .file("data/text.txt", "hello world\n".repeat(20000))
}

#[tokio::test]
async fn every_archive_layout_round_trips_through_skopeo() {
    let sb = Sandbox::start(&[]);
    sb.create_org("team-a").await;
    let admin = sb.user(0, true);
    let reg = sb.registry_for(admin);
    let cache = BlobCache::in_memory();
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        ("docker", Layout::DockerArchive, Compression::None),
        ("docker-gz", Layout::DockerArchive, Compression::Gzip),
        ("docker25", Layout::DockerOciLayout, Compression::None),
        ("oci", Layout::OciArchive, Compression::None),
        ("oci-zst", Layout::OciArchive, Compression::Zstd),
    ];
    for (name, layout, outer) in cases {
        let path = dir.path().join(format!("{name}.tar"));
        let image = sample_image()
            .layer(big_layer(name.len() as u8))
            .layer(Layer::new().file("z", "gz").compressed(Compression::Gzip));
        Archive::new(layout)
            .image(image)
            .compressed(outer)
            .write(&path)
            .unwrap();
        let want = expected(&path);
        let pushed = push_file(
            &reg,
            &path,
            &format!("team-a/{name}"),
            "v1",
            &PushOptions::default(),
            &cache,
        )
        .await
        .unwrap();
        assert_eq!(pushed.len(), 1);
        let reference = format!("team-a/{name}:v1");
        let raw = sb.skopeo_inspect(admin, &reference, false);
        assert_eq!(raw["config"]["digest"], want.0, "{name}: config digest");
        assert_eq!(
            read_back(&sb, admin, &reference),
            want,
            "{name}: config and diff_ids"
        );
    }
}

#[tokio::test]
async fn repush_uploads_nothing_even_into_a_new_repository() {
    let sb = Sandbox::start(&[]);
    sb.create_org("team-a").await;
    let admin = sb.user(0, true);
    let reg = sb.registry_for(admin);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("img.tar");
    Archive::new(Layout::DockerArchive)
        .image(sample_image().layer(big_layer(3)))
        .write(&path)
        .unwrap();
    let cache_path = dir.path().join("blobs.json");
    let first = push_file(
        &reg,
        &path,
        "team-a/one",
        "v1",
        &PushOptions::default(),
        &BlobCache::load(&cache_path),
    )
    .await
    .unwrap();
    assert_eq!(first[0].blobs_skipped, 0);
    // A new process: the cache comes back from disk.
    let cache = BlobCache::load(&cache_path);
    let again = push_file(
        &reg,
        &path,
        "team-a/one",
        "v2",
        &PushOptions::default(),
        &cache,
    )
    .await
    .unwrap();
    assert_eq!(
        again[0].blobs_uploaded, 0,
        "unchanged image re-uploaded blobs"
    );
    assert_eq!(again[0].digest, first[0].digest);
    let other = push_file(
        &reg,
        &path,
        "team-a/two",
        "v1",
        &PushOptions::default(),
        &cache,
    )
    .await
    .unwrap();
    assert_eq!(
        other[0].blobs_uploaded, 0,
        "blobs not mounted from the first repository"
    );
    assert_eq!(read_back(&sb, admin, "team-a/two:v1"), expected(&path));
}

#[tokio::test]
async fn uncompressed_push_keeps_diff_ids_as_blob_digests() {
    let sb = Sandbox::start(&[]);
    sb.create_org("team-a").await;
    let admin = sb.user(0, true);
    let reg = sb.registry_for(admin);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("img.tar");
    Archive::new(Layout::DockerArchive)
        .image(sample_image().layer(big_layer(5)))
        .write(&path)
        .unwrap();
    let opts = PushOptions {
        compress: false,
        ..PushOptions::default()
    };
    push_file(
        &reg,
        &path,
        "team-a/raw",
        "v1",
        &opts,
        &BlobCache::in_memory(),
    )
    .await
    .unwrap();
    let raw = sb.skopeo_inspect(admin, "team-a/raw:v1", false);
    let want = expected(&path);
    let digests: Vec<String> = raw["layers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["digest"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(digests, want.1);
    assert_eq!(read_back(&sb, admin, "team-a/raw:v1"), want);
}

#[tokio::test]
async fn a_user_without_push_rights_is_refused_and_nothing_is_written() {
    let sb = Sandbox::start(&[]);
    sb.create_org("team-a").await;
    let reader = sb.user(0, false);
    let reg = sb.registry_for(reader);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("img.tar");
    Archive::new(Layout::DockerArchive)
        .image(sample_image())
        .write(&path)
        .unwrap();
    let err = push_file(
        &reg,
        &path,
        "team-a/web",
        "v1",
        &PushOptions::default(),
        &BlobCache::in_memory(),
    )
    .await
    .unwrap_err();
    assert!(
        matches!(err, Error::Denied { .. } | Error::Unauthorized { .. }),
        "got {err:?}"
    );
    let admin_reg = sb.registry_for(sb.user(0, true));
    assert_eq!(
        admin_reg.manifest_digest("team-a/web", "v1").await.unwrap(),
        None
    );
}

#[tokio::test]
async fn a_corrupt_layer_is_never_committed() {
    let sb = Sandbox::start(&[]);
    sb.create_org("team-a").await;
    let admin = sb.user(0, true);
    let reg = sb.registry_for(admin);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("img.tar");
    let mut built = sample_image().build();
    built.layers[1].stored = swr_archive::fixtures::tar_bytes(&[]);
    Archive::new(Layout::DockerArchive)
        .built(built)
        .write(&path)
        .unwrap();
    let err = push_file(
        &reg,
        &path,
        "team-a/bad",
        "v1",
        &PushOptions::default(),
        &BlobCache::in_memory(),
    )
    .await
    .unwrap_err();
    assert!(matches!(err, Error::DigestMismatch { .. }), "got {err:?}");
    assert_eq!(reg.manifest_digest("team-a/bad", "v1").await.unwrap(), None);
}
