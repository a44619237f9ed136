//! `--seed retention-lab`: many small tag sets for holding a client's retention preview to
//! what this sandbox deletes.
//!
//! Organization `lab` of the first account holds `set-00` … `set-59`, each with 1–40
//! synthetic tags (no image in the registry behind them). Names mix versions, `latest`,
//! `stable`, `build-N`, `release-N`, `rc-N` and `nightly-N`, and some tags share a digest.
//! Push times are spread over 400 days, each tag half a day away from a day boundary and a
//! second apart from every other tag of its set, so neither the days of a `date_rule` nor the
//! order of a `tag_rule` depend on the moment a policy runs. The sets are the same on every
//! run (a fixed generator).

use super::scale::{namespace, synthetic_repo, synthetic_tag};
use crate::app::SharedApp;
use crate::clock;
use crate::state::model::repo_key;

pub const ORGANIZATION: &str = "lab";
pub const SETS: usize = 60;
const MAX_TAGS: u64 = 40;

/// A fixed sequence of numbers (splitmix64).
struct Numbers(u64);

impl Numbers {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

fn tag_name(numbers: &mut Numbers, t: u64) -> String {
    match numbers.below(9) {
        0 => "latest".into(),
        1 => "stable".into(),
        2 => format!("build-{t}"),
        3 => format!("release-{}", numbers.below(5)),
        4 => format!("rc-{t}"),
        5 => format!("nightly-{}", 20260000 + t),
        _ => format!(
            "v{}.{}.{}",
            numbers.below(3),
            numbers.below(12),
            numbers.below(20)
        ),
    }
}

pub fn apply(app: &SharedApp) {
    let mut db = app.store.lock();
    let Some(account) = db.accounts.first().cloned() else {
        return;
    };
    let Some(admin) = account.users.iter().find(|u| u.admin).cloned() else {
        return;
    };
    let now = clock::now();
    namespace(&mut db, &account, &admin, ORGANIZATION, now);
    let mut numbers = Numbers(0x5EED);
    for set in 0..SETS {
        let name = format!("set-{set:02}");
        let repo_id = db.next_id();
        let count = 1 + numbers.below(MAX_TAGS);
        let mut tags = std::collections::BTreeMap::new();
        let mut digests: Vec<String> = Vec::new();
        for t in 0..count {
            let tag = tag_name(&mut numbers, t);
            if tags.contains_key(&tag) {
                continue;
            }
            let days = i64::try_from(numbers.below(400)).unwrap_or(0);
            let at = now
                - time::Duration::days(days)
                - time::Duration::hours(12)
                - time::Duration::seconds(i64::try_from(t).unwrap_or(0));
            // About one tag in five points to an image another tag of the set already names.
            let digest = match digests
                .get(usize::try_from(numbers.below(5 * count)).unwrap_or(usize::MAX))
            {
                Some(d) => d.clone(),
                None => super::image::digest(format!("{ORGANIZATION}/{name}:{tag}").as_bytes()),
            };
            digests.push(digest.clone());
            let id = db.next_id();
            tags.insert(
                tag.clone(),
                synthetic_tag(id, tag, digest, 1_000 + t, at, &admin),
            );
        }
        let repo = synthetic_repo(
            &account,
            &admin,
            ORGANIZATION,
            name,
            tags,
            now,
            set,
            "synthetic tag set (retention-lab seed); no image behind it",
        );
        let repo = crate::state::model::Repo {
            id: repo_id,
            is_public: false,
            ..repo
        };
        db.repos.insert(repo_key(ORGANIZATION, &repo.name), repo);
    }
}
