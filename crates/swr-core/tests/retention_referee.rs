//! The retention preview against the referee: swr-sandbox, whose retention engine is written
//! independently of swr-core's. For each of the `retention-lab` seed's 60 tag sets, a policy is
//! drawn (by days or by count, with exact-tag and regular-expression exceptions), previewed over
//! a fresh tag list, then saved; SWR applies it at once, and the tags that are gone must be
//! exactly the tags the preview said. The draw is printed; `SWR_RETENTION_SEED=N` replays it.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use swr_core::automation::{self, PolicyInput};
use swr_core::browse::tags::TagIndex;
use swr_core::sessions::Session;

/// A small fixed-seed generator for the draw (splitmix64).
struct Draw(u64);

impl Draw {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        (z ^ (z >> 31)) % n.max(1)
    }
}

const PATTERNS: [&str; 6] = [
    "v1\\..*",
    "latest|stable",
    "build-[0-9]+",
    "release-.*",
    "rc",
    "v[0-9]+\\.[0-9]+\\.1[0-9]",
];

fn policy(draw: &mut Draw, tags: &[String]) -> PolicyInput {
    let mut input = PolicyInput::default();
    if draw.below(2) == 0 {
        input.keep_days = Some(u32::try_from(1 + draw.below(365)).unwrap());
    } else {
        // Mostly small counts, so that something is deleted.
        let count = if draw.below(4) == 0 {
            1 + draw.below(1000)
        } else {
            1 + draw.below(12)
        };
        input.keep_tags = Some(u32::try_from(count).unwrap());
    }
    for _ in 0..draw.below(3) {
        if let Some(tag) = tags.get(usize::try_from(draw.below(tags.len() as u64)).unwrap()) {
            input.except_tags.push(tag.clone());
        }
    }
    for _ in 0..draw.below(2) {
        let at = usize::try_from(draw.below(PATTERNS.len() as u64)).unwrap();
        input.except_regex.push(PATTERNS[at].to_owned());
    }
    input
}

#[tokio::test]
async fn the_preview_deletes_exactly_what_swr_deletes() {
    let seed: u64 = std::env::var("SWR_RETENTION_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_secs()
        });
    println!("retention draw: SWR_RETENTION_SEED={seed}");
    let sb = swr_testkit::Sandbox::start(&["--seed", "retention-lab"]);
    let admin = sb.user(0, true);
    let session = Session::from_configs(
        "referee",
        sb.api_config(admin),
        sb.registry_config(admin, 3),
        None,
    )
    .unwrap();
    let mut draw = Draw(seed);
    let (mut sets, mut deleted_total, mut kept_total) = (0, 0, 0);
    for set in 0..60 {
        let image = format!("set-{set:02}");
        let before = TagIndex::fetch(&session, "lab", &image).await.unwrap();
        let names: Vec<String> = before.rows().iter().map(|r| r.tag.clone()).collect();
        let input = policy(&mut draw, &names);
        let outcome = automation::save(&session, "lab", &image, &input)
            .await
            .unwrap();
        let after = TagIndex::fetch(&session, "lab", &image).await.unwrap();
        let mut gone: Vec<&str> = names
            .iter()
            .filter(|n| !after.rows().iter().any(|r| &r.tag == *n))
            .map(String::as_str)
            .collect();
        let mut predicted = outcome.preview.deleted_tags();
        gone.sort_unstable();
        predicted.sort_unstable();
        assert_eq!(
            gone, predicted,
            "lab/{image} with {input:?} (SWR_RETENTION_SEED={seed})"
        );
        assert!(
            outcome.as_previewed,
            "lab/{image}: the outcome says it differed"
        );
        // The log names every deleted tag.
        let logged = automation::history(&session, "lab", &image).await.unwrap();
        let mut logged: Vec<&str> = logged.iter().map(|l| l.tag.as_str()).collect();
        logged.sort_unstable();
        assert_eq!(logged, predicted, "lab/{image}: retention log");
        sets += 1;
        deleted_total += predicted.len();
        kept_total += after.rows().len();
    }
    println!("{sets} sets: {deleted_total} tags deleted as previewed, {kept_total} kept");
    assert!(
        deleted_total > 50,
        "the draw deleted too little to prove anything"
    );
    assert!(
        kept_total > 50,
        "the draw kept too little to prove anything"
    );
}
