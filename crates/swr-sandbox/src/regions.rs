//! The regions one sandbox serves, and how they share its single backing registry.
//!
//! Every region is a complete [`App`]: its own management API and registry gateway listeners,
//! its own state file, its own project id and token key. Accounts (and so AK/SK pairs, domain
//! and user ids) are the same in every region, as on Huawei Cloud.
//!
//! All regions keep their images in the one upstream registry. The first region uses the
//! repository paths clients see (`org/app`), so a data directory made before regions existed
//! keeps working. Every other region lives under a first path component made of a digit and
//! the region id (`0-cn-east-3/org/app`): organization names start with a letter, so no
//! organization of any region can ever reach another region's images. The gateway adds and
//! strips that component; clients never see it.

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock, Weak};

use crate::app::{App, SharedApp};

/// The regions of this process, reachable from each of them (for synchronisation jobs).
/// Holds weak references: every region owns an `Arc` of this table.
#[derive(Default)]
pub struct Regions {
    apps: OnceLock<Vec<Weak<App>>>,
    /// Synchronisation jobs run one at a time: jobs of tags that share an image would otherwise
    /// copy the same blobs and manifest into the same repository at once.
    pub jobs: tokio::sync::Mutex<()>,
}

impl Regions {
    pub fn new() -> Arc<Self> {
        Arc::new(Self::default())
    }

    /// Records the running regions, in command-line order; only the first call counts.
    pub fn install(&self, apps: &[SharedApp]) {
        let _ = self.apps.set(apps.iter().map(Arc::downgrade).collect());
    }

    fn all(&self) -> impl Iterator<Item = SharedApp> + '_ {
        self.apps
            .get()
            .into_iter()
            .flatten()
            .filter_map(Weak::upgrade)
    }

    /// The region `id`, when this sandbox serves it.
    pub fn get(&self, id: &str) -> Option<SharedApp> {
        self.all().find(|a| a.settings.region == id)
    }

    /// Ids of every served region, the first one first.
    pub fn ids(&self) -> Vec<String> {
        self.all().map(|a| a.settings.region.clone()).collect()
    }
}

/// A region id as Huawei Cloud writes them: lower-case letters and digits in `-`-joined runs
/// (`cn-north-4`, `ap-southeast-1`).
pub fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id.split('-').all(|run| {
            !run.is_empty()
                && run
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// What the region at `index` (command-line order) puts in front of every upstream repository
/// path: nothing for the first region, `0-<id>/` for the others.
pub fn upstream_prefix(index: usize, id: &str) -> String {
    if index == 0 {
        String::new()
    } else {
        format!("0-{id}/")
    }
}

/// The state file of the region at `index`: `state.json` for the first region (the file a
/// single-region sandbox always used), `state.<id>.json` for the others.
pub fn state_file(dir: &Path, index: usize, id: &str) -> PathBuf {
    if index == 0 {
        dir.join("state.json")
    } else {
        dir.join(format!("state.{id}.json"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn region_ids_are_dash_joined_lower_case_runs() {
        assert!(valid_id("cn-north-4"));
        assert!(valid_id("ap-southeast-1"));
        assert!(!valid_id(""));
        assert!(!valid_id("cn--north"));
        assert!(!valid_id("CN-north-4"));
        assert!(!valid_id("cn-north-4/"));
        assert!(!valid_id("-cn"));
    }

    #[test]
    fn only_the_first_region_keeps_plain_paths_and_the_old_state_file() {
        let dir = Path::new("/d");
        assert_eq!(upstream_prefix(0, "cn-north-4"), "");
        assert_eq!(upstream_prefix(1, "cn-east-3"), "0-cn-east-3/");
        assert_eq!(state_file(dir, 0, "cn-north-4"), dir.join("state.json"));
        assert_eq!(
            state_file(dir, 1, "cn-east-3"),
            dir.join("state.cn-east-3.json")
        );
        // A prefix starts with a digit, which no organization name does.
        assert!(swr_api::rules::validate_namespace("0-cn-east-3").is_err());
    }
}
