//! The sandbox's faults — connections cut mid-blob, random 503s, short-lived tokens, the push
//! rate limit — must end in either a complete, verified image or a clean failure with no tag.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeSet;
use std::path::Path;

use swr_archive::fixtures::{sample_image, Archive, Layer, Layout};
use swr_registry::archive::{plan_images, ArchiveIndex, ArchiveSource};
use swr_registry::push::{
    push_image, BlobCache, PushContext, PushOptions, PushProgress, PushedImage, Target,
};
use swr_registry::{Error, Registry};
use swr_testkit::Sandbox;
use tokio_util::sync::CancellationToken;

async fn push_with(
    reg: &Registry,
    path: &Path,
    repo: &str,
    cancel: &CancellationToken,
    on_blob: &(dyn Fn(&str) + Sync),
) -> Result<PushedImage, Error> {
    let index = ArchiveIndex::read(path)?;
    let plans = plan_images(&index)?;
    let source = ArchiveSource::new(path, index.outer);
    let progress = PushProgress::default();
    let cache = BlobCache::in_memory();
    let confirmed = BTreeSet::new();
    let ctx = PushContext {
        progress: &progress,
        cache: &cache,
        confirmed: &confirmed,
        on_blob,
        cancel,
    };
    let target = Target {
        repository: repo.into(),
        tags: vec!["v1".into()],
    };
    push_image(
        reg,
        &source,
        &plans[0],
        &target,
        &PushOptions::default(),
        &ctx,
    )
    .await
}

/// Layers of pseudo-random bytes (incompressible, so the cut offsets land inside them).
fn noisy_image(seed: u32) -> Archive {
    let mut image = sample_image();
    for l in 0..3u32 {
        let mut x = seed.wrapping_add(l).wrapping_mul(2_654_435_761) | 1;
        let data: Vec<u8> = (0..1_500_000)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 17;
                x ^= x << 5;
                x as u8
            })
            .collect();
        image = image.layer(Layer::new().file(&format!("blob{l}"), data));
    }
    Archive::new(Layout::DockerArchive).image(image)
}

fn pulled_matches(sb: &Sandbox, reference: &str, path: &Path) {
    let dir = tempfile::tempdir().unwrap();
    let dest = dir.path().join("back.tar");
    sb.skopeo_pull(sb.user(0, true), reference, &dest);
    let got = swr_archive::validate_path(&dest);
    let want = swr_archive::validate_path(path);
    assert!(got.is_valid());
    let ids = |v: &swr_archive::Validation| {
        let i = &v.report.images[0];
        (
            i.config_digest.clone(),
            i.layers
                .iter()
                .map(|l| l.diff_id.clone())
                .collect::<Vec<_>>(),
        )
    };
    assert_eq!(ids(&got), ids(&want));
}

/// splitmix64: enough randomness to place cuts, and the same cuts again from the same seed.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `lo..hi`.
    fn below(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo)
    }
}

/// The seed of the cut offsets: `SWR_FAULT_SEED` to replay a run, else a new one.
fn fault_seed() -> u64 {
    if let Ok(s) = std::env::var("SWR_FAULT_SEED") {
        return s.trim().parse().expect("SWR_FAULT_SEED is a decimal u64");
    }
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    (nanos as u64) ^ u64::from(std::process::id()).rotate_left(32)
}

/// Cuts per sandbox run, and the range they fall in: below the size of every noisy layer
/// (1.5 MB of data plus its tar headers, sent stored), so each offset is reached by some
/// upload and used up.
const CUTS_PER_RUN: usize = 3;
const CUT_RANGE: (u64, u64) = (1, 1_400_000);

#[tokio::test]
async fn pushes_complete_through_cut_connections_503s_short_tokens_and_rate_limits() {
    let seed = fault_seed();
    eprintln!("cut offsets from SWR_FAULT_SEED={seed} (set it to replay this run)");
    let mut rng = SplitMix(seed);
    for round in 0..2u32 {
        let cuts: Vec<String> = (0..CUTS_PER_RUN)
            .map(|_| rng.below(CUT_RANGE.0, CUT_RANGE.1).to_string())
            .collect();
        let cuts = cuts.join(",");
        eprintln!("round {round}: --fault-drop-upload-after {cuts}");
        let sb = Sandbox::start(&[
            "--fault-drop-upload-after",
            &cuts,
            "--fault-503-rate",
            "0.1",
            "--token-ttl",
            "2",
            "--push-qps",
            "20",
        ]);
        sb.create_org("team-a").await;
        let reg = sb.registry_for(sb.user(0, true));
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("img.tar");
        noisy_image(round.wrapping_add(seed as u32))
            .write(&path)
            .unwrap();
        let pushed = push_with(
            &reg,
            &path,
            "team-a/web",
            &CancellationToken::new(),
            &|_| {},
        )
        .await
        .unwrap_or_else(|e| panic!("push failed (SWR_FAULT_SEED={seed}, round {round}): {e}"));
        assert_eq!(
            reg.manifest_digest("team-a/web", "v1").await.unwrap(),
            Some(pushed.digest)
        );
        let sb = sb.restart_without_faults();
        pulled_matches(&sb, "team-a/web:v1", &path);
    }
}

#[tokio::test]
async fn a_registry_that_always_cuts_uploads_fails_cleanly_without_a_tag() {
    let sb = Sandbox::start(&[
        "--fault-drop-upload-after",
        "200000",
        "--fault-drop-upload-every-time",
    ]);
    sb.create_org("team-a").await;
    let reg = sb.registry_with_retries(sb.user(0, true), 3);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("img.tar");
    noisy_image(7).write(&path).unwrap();
    let err = push_with(
        &reg,
        &path,
        "team-a/web",
        &CancellationToken::new(),
        &|_| {},
    )
    .await
    .unwrap_err();
    assert!(
        err.is_transient(),
        "expected a give-up after retries, got {err:?}"
    );
    assert_eq!(reg.manifest_digest("team-a/web", "v1").await.unwrap(), None);
}

#[tokio::test]
async fn cancelling_mid_push_leaves_no_tag() {
    let sb = Sandbox::start(&[]);
    sb.create_org("team-a").await;
    let reg = sb.registry_for(sb.user(0, true));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("img.tar");
    noisy_image(9).write(&path).unwrap();
    let cancel = CancellationToken::new();
    let c = cancel.clone();
    let err = push_with(&reg, &path, "team-a/web", &cancel, &move |_| c.cancel())
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Cancelled), "got {err:?}");
    assert_eq!(reg.manifest_digest("team-a/web", "v1").await.unwrap(), None);
}
