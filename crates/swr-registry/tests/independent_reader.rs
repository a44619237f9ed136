//! What we push, read back by `oci-client`, a registry client we did not write: the manifest
//! digest the registry reports, the config and every layer, each checked against what the
//! archive says (config digest, diff_ids after decompression).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeSet;
use std::io::Read;
use std::path::Path;

use oci_client::client::{ClientConfig, ClientProtocol};
use oci_client::manifest::{
    OciDescriptor, IMAGE_MANIFEST_MEDIA_TYPE, OCI_IMAGE_INDEX_MEDIA_TYPE, OCI_IMAGE_MEDIA_TYPE,
};
use oci_client::secrets::RegistryAuth;
use oci_client::{Client, Reference};
use swr_archive::fixtures::{sample_image, Archive, Layer, Layout};
use swr_archive::Compression;
use swr_registry::archive::{plan_images, ArchiveIndex, ArchiveSource};
use swr_registry::push::{
    push_image, BlobCache, PushContext, PushOptions, PushProgress, PushedImage, Target,
};
use swr_registry::{sha256_digest, Registry};
use swr_testkit::Sandbox;
use tokio_util::sync::CancellationToken;

async fn push(reg: &Registry, path: &Path, repo: &str, tag: &str) -> PushedImage {
    let index = ArchiveIndex::read(path).unwrap();
    let plans = plan_images(&index).unwrap();
    assert_eq!(plans.len(), 1);
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
        repository: repo.into(),
        tags: vec![tag.into()],
    };
    push_image(
        reg,
        &ArchiveSource::new(path, index.outer),
        &plans[0],
        &target,
        &PushOptions::default(),
        &ctx,
    )
    .await
    .unwrap()
}

/// A layer blob in its diff_id form, whatever it was compressed with.
fn decompressed(blob: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    if blob.starts_with(&[0x1f, 0x8b]) {
        flate2::read::MultiGzDecoder::new(blob)
            .read_to_end(&mut out)
            .unwrap();
    } else if blob.starts_with(&[0x28, 0xb5, 0x2f, 0xfd]) {
        zstd::stream::read::Decoder::new(blob)
            .unwrap()
            .read_to_end(&mut out)
            .unwrap();
    } else {
        out.extend_from_slice(blob);
    }
    out
}

async fn pull_blob(client: &Client, image: &Reference, d: &serde_json::Value) -> Vec<u8> {
    let descriptor = OciDescriptor {
        media_type: d["mediaType"].as_str().unwrap().to_owned(),
        digest: d["digest"].as_str().unwrap().to_owned(),
        size: d["size"].as_i64().unwrap(),
        ..Default::default()
    };
    let mut out = Vec::new();
    // oci-client checks the digest itself; we check it again below, and the size.
    client
        .pull_blob(image, &descriptor, &mut out)
        .await
        .unwrap_or_else(|e| panic!("oci-client could not pull {}: {e}", descriptor.digest));
    assert_eq!(out.len() as i64, descriptor.size, "{}", descriptor.digest);
    assert_eq!(sha256_digest(&out), descriptor.digest);
    out
}

/// Reads `repo:tag` with oci-client and checks it against the archive at `path`.
async fn read_back_and_compare(sb: &Sandbox, path: &Path, repo: &str, tag: &str, pushed: &str) {
    let admin = sb.user(0, true);
    // Plain HTTP only, but reqwest wants a provider before it builds a client.
    let _ = rustls::crypto::ring::default_provider().install_default();
    let client = Client::new(ClientConfig {
        protocol: ClientProtocol::Http,
        ..Default::default()
    });
    let auth = RegistryAuth::Basic(
        swr_api::login::login_username(&sb.ready.region, &admin.ak),
        swr_api::login::login_key(&admin.ak, &admin.sk),
    );
    let image = Reference::with_tag(sb.ready.registry.clone(), repo.into(), tag.into());

    let head = client
        .fetch_manifest_digest(&image, &auth)
        .await
        .unwrap_or_else(|e| panic!("oci-client HEAD of {image}: {e}"));
    assert_eq!(head, pushed, "the digest the registry reports");
    let (raw, digest) = client
        .pull_manifest_raw(
            &image,
            &auth,
            &[
                IMAGE_MANIFEST_MEDIA_TYPE,
                OCI_IMAGE_MEDIA_TYPE,
                OCI_IMAGE_INDEX_MEDIA_TYPE,
            ],
        )
        .await
        .unwrap();
    assert_eq!(digest, pushed);
    assert_eq!(sha256_digest(&raw), pushed, "the manifest bytes served");
    let manifest: serde_json::Value = serde_json::from_slice(&raw).unwrap();

    let v = swr_archive::validate_path(path);
    assert!(v.is_valid(), "fixture invalid: {:?}", v.findings);
    let want = &v.report.images[0];

    let config = pull_blob(&client, &image, &manifest["config"]).await;
    assert_eq!(sha256_digest(&config), want.config_digest);
    let config: serde_json::Value = serde_json::from_slice(&config).unwrap();

    let layers = manifest["layers"].as_array().unwrap();
    assert_eq!(layers.len(), want.layers.len());
    let mut diff_ids = Vec::new();
    for d in layers {
        let blob = pull_blob(&client, &image, d).await;
        diff_ids.push(sha256_digest(&decompressed(&blob)));
    }
    let want_ids: Vec<String> = want.layers.iter().map(|l| l.diff_id.clone()).collect();
    assert_eq!(diff_ids, want_ids, "layers' diff_ids after decompression");
    let config_ids: Vec<String> = config["rootfs"]["diff_ids"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d.as_str().unwrap().to_owned())
        .collect();
    assert_eq!(diff_ids, config_ids, "the config's rootfs");
}

fn image_with_layers() -> swr_archive::fixtures::ImageBuilder {
    let data: Vec<u8> = (0..1_200_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    sample_image()
        .layer(
            Layer::new()
                .file("data/blob.bin", data)
                .file("data/text.txt", "hello world\n".repeat(5000)),
        )
        .layer(
            Layer::new()
                .file("etc/gz", "stored gzip")
                .compressed(Compression::Gzip),
        )
}

#[tokio::test]
async fn oci_client_reads_back_docker_and_oci_archives_as_the_archives_say() {
    let sb = Sandbox::start(&[]);
    sb.create_org("team-a").await;
    let reg = sb.registry_for(sb.user(0, true));
    let dir = tempfile::tempdir().unwrap();
    for (name, layout) in [
        ("docker", Layout::DockerArchive),
        ("oci", Layout::OciArchive),
    ] {
        let path = dir.path().join(format!("{name}.tar"));
        Archive::new(layout)
            .image(image_with_layers())
            .write(&path)
            .unwrap();
        let repo = format!("team-a/{name}");
        let pushed = push(&reg, &path, &repo, "v1").await;
        read_back_and_compare(&sb, &path, &repo, "v1", &pushed.digest).await;
    }
}
