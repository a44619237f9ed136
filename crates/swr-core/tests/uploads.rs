//! The upload queue against a real sandboxed registry: files one after another, every image
//! and tag of a multi-image archive, progress events, and a journal that brings an
//! interrupted item back without resending what it confirmed.

#![allow(clippy::unwrap_used)]

use std::sync::{Arc, Mutex};

use swr_archive::fixtures::{sample_image, Archive, ImageBuilder, Layer, Layout};
use swr_core::uploads::{
    ImageOverride, ItemState, Journal, TargetOverrides, UploadEvent, UploadQueue,
};
use swr_registry::push::BlobCache;
use tokio_util::sync::CancellationToken;

fn layer(seed: u8) -> Layer {
    Layer::new().file(
        "data.bin",
        (0..400_000u32)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 11) as u8 ^ seed)
            .collect::<Vec<u8>>(),
    )
}

#[tokio::test]
async fn queue_pushes_every_image_and_tag_and_resumes_from_its_journal() {
    let sb = swr_testkit::Sandbox::start(&[]);
    sb.create_org("team-a").await;
    let admin = sb.user(0, true);
    let dir = tempfile::tempdir().unwrap();
    let multi = dir.path().join("multi.tar");
    Archive::new(Layout::DockerArchive)
        .image(
            ImageBuilder::new()
                .tag("team-a/web:1")
                .tag("team-a/web:latest")
                .layer(layer(1)),
        )
        .image(
            ImageBuilder::new()
                .tag("docker.io/library/worker:2")
                .layer(layer(2)),
        )
        .write(&multi)
        .unwrap();
    let single = dir.path().join("single.tar.gz");
    Archive::new(Layout::OciArchive)
        .image(sample_image().layer(layer(3)))
        .compressed(swr_archive::Compression::Gzip)
        .write(&single)
        .unwrap();

    let journal_path = dir.path().join("uploads.json");
    let cache_path = dir.path().join("blobs.json");
    let queue = UploadQueue::new(
        Arc::new(sb.registry_for(admin)),
        Journal::open(&journal_path).unwrap(),
        BlobCache::load(&cache_path),
    );
    let org = TargetOverrides {
        organization: Some("team-a".into()),
        ..Default::default()
    };
    // The second image gets its own name and tag; the first keeps its archive tags.
    let renamed = std::collections::BTreeMap::from([(
        1,
        ImageOverride {
            name: Some("jobs".into()),
            tags: vec!["x".into()],
        },
    )]);
    let a = queue
        .enqueue_images(multi.clone(), &org, renamed, true)
        .unwrap();
    let b = queue
        .enqueue(
            single.clone(),
            &TargetOverrides {
                name: Some("single".into()),
                ..org.clone()
            },
            true,
        )
        .unwrap();
    let events = Mutex::new(Vec::new());
    let outcomes = queue
        .run(
            &|e| events.lock().unwrap().push(e),
            &CancellationToken::new(),
        )
        .await;
    assert_eq!(outcomes.len(), 2);
    for o in &outcomes {
        assert!(o.result.is_ok(), "{:?}", o.result);
    }
    let events = events.into_inner().unwrap();
    // Files one after another: b starts only after a finished.
    let pos = |pred: &dyn Fn(&UploadEvent) -> bool| events.iter().position(pred).unwrap();
    assert!(
        pos(&|e| matches!(e, UploadEvent::Finished { item, .. } if *item == a))
            < pos(&|e| matches!(e, UploadEvent::Started { item, .. } if *item == b))
    );
    let last_progress = events.iter().rev().find_map(|e| match e {
        UploadEvent::Progress {
            item, done, total, ..
        } if *item == a => Some((*done, *total)),
        _ => None,
    });
    let (done, total) = last_progress.unwrap();
    assert!(total > 0 && done == total);
    for reference in [
        "team-a/web:1",
        "team-a/web:latest",
        "team-a/jobs:x",
        "team-a/single:1.0",
    ] {
        let raw = sb.skopeo_inspect(admin, reference, false);
        assert!(raw["layers"].is_array(), "{reference} not pushed");
    }

    // Simulate a crash in the middle of item b: it was running when the process died.
    drop(queue);
    let mut stored: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&journal_path).unwrap()).unwrap();
    stored["items"][1]["state"] = serde_json::json!({"state": "running"});
    std::fs::write(&journal_path, serde_json::to_vec(&stored).unwrap()).unwrap();
    let queue = UploadQueue::new(
        Arc::new(sb.registry_for(admin)),
        Journal::open(&journal_path).unwrap(),
        BlobCache::load(&cache_path),
    );
    assert_eq!(queue.items()[1].state, ItemState::Queued);
    assert!(
        !queue.items()[1].confirmed.is_empty(),
        "confirmed blobs recorded"
    );
    let events = Mutex::new(Vec::new());
    let outcomes = queue
        .run(
            &|e| events.lock().unwrap().push(e),
            &CancellationToken::new(),
        )
        .await;
    assert_eq!(outcomes.len(), 1);
    assert!(outcomes[0].result.is_ok());
    let (skipped, total) = events
        .into_inner()
        .unwrap()
        .iter()
        .rev()
        .find_map(|e| match e {
            UploadEvent::Progress { skipped, total, .. } => Some((*skipped, *total)),
            _ => None,
        })
        .unwrap();
    assert_eq!(
        skipped, total,
        "a resumed item re-sent blobs it had confirmed"
    );
}

#[tokio::test]
async fn an_invalid_archive_fails_before_anything_is_sent() {
    let sb = swr_testkit::Sandbox::start(&[]);
    sb.create_org("team-a").await;
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.tar");
    std::fs::write(&bad, b"not an archive at all").unwrap();
    let queue = UploadQueue::new(
        Arc::new(sb.registry_for(sb.user(0, true))),
        Journal::in_memory(),
        BlobCache::in_memory(),
    );
    let id = queue
        .enqueue(
            bad,
            &TargetOverrides {
                organization: Some("team-a".into()),
                ..Default::default()
            },
            true,
        )
        .unwrap();
    let outcomes = queue.run(&|_| {}, &CancellationToken::new()).await;
    assert!(matches!(
        outcomes[0].result,
        Err(swr_core::uploads::UploadError::Invalid { .. })
    ));
    assert!(matches!(queue.items()[0].state, ItemState::Failed { .. }));
    assert_eq!(queue.items()[0].id, id);
}
