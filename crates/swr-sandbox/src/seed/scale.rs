//! `--seed scale`: 10,000 repositories and 100,000 tags for performance work on lists.
//!
//! The metadata is synthetic — no image exists in the registry behind it — and says so: each
//! repository's description starts with `synthetic`, every tag has `synthetic: true` in the
//! state file, and deleting such a tag never calls the registry. Organizations `scale-0` …
//! `scale-4` belong to the first account (seeds are not bound by the organization quota).

use crate::app::SharedApp;
use crate::clock;
use crate::state::model::{repo_key, Namespace, Repo, Tag};

pub const ORGS: usize = 5;
pub const REPOS_PER_ORG: usize = 2_000;
pub const TAGS_PER_REPO: usize = 10;

pub fn apply(app: &SharedApp) {
    let mut db = app.store.lock();
    let Some(account) = db.accounts.first().cloned() else {
        return;
    };
    let Some(admin) = account.users.iter().find(|u| u.admin).cloned() else {
        return;
    };
    let base = clock::now() - time::Duration::days(400);
    for o in 0..ORGS {
        let ns = format!("scale-{o}");
        let id = db.next_id();
        db.namespaces
            .entry(ns.clone())
            .or_insert_with(|| Namespace {
                id,
                name: ns.clone(),
                domain_id: account.domain_id.clone(),
                creator_id: admin.user_id.clone(),
                creator_name: admin.user_name.clone(),
                created: clock::seconds(base),
                grants: Default::default(),
            });
        for r in 0..REPOS_PER_ORG {
            let name = format!("svc-{r:04}");
            let repo_id = db.next_id();
            let mut tags = std::collections::BTreeMap::new();
            for t in 0..TAGS_PER_REPO {
                let tag = format!("1.{t}.{r}");
                let at = base + time::Duration::hours((r * TAGS_PER_REPO + t) as i64 % 9_000);
                let digest = super::image::digest(format!("{ns}/{name}:{tag}").as_bytes());
                let id = db.next_id();
                tags.insert(
                    tag.clone(),
                    Tag {
                        id,
                        name: tag,
                        digest: digest.clone(),
                        media_type: super::image::MANIFEST_TYPE.into(),
                        manifest: String::new(),
                        image_id: digest,
                        size: 1_000_000 + (r as u64 * 7_919 + t as u64 * 104_729) % 50_000_000,
                        created: clock::seconds(at),
                        updated: clock::seconds(at),
                        pushed_by: admin.user_name.clone(),
                        synthetic: true,
                    },
                );
            }
            let updated = tags
                .values()
                .map(|t| t.updated.clone())
                .max()
                .unwrap_or_default();
            db.repos.insert(
                repo_key(&ns, &name),
                Repo {
                    id: repo_id,
                    namespace: ns.clone(),
                    name,
                    domain_id: account.domain_id.clone(),
                    category: [
                        "app_server",
                        "linux",
                        "framework_app",
                        "database",
                        "lang",
                        "other",
                    ][r % 6]
                        .into(),
                    description: "synthetic metadata (scale seed); no image behind it".into(),
                    is_public: r % 10 == 0,
                    creator_id: admin.user_id.clone(),
                    creator_name: admin.user_name.clone(),
                    created: clock::seconds(base),
                    updated,
                    num_download: (r as u64 * 31) % 1_000,
                    grants: Default::default(),
                    tags,
                    retention: None,
                    retention_log: Vec::new(),
                    triggers: Vec::new(),
                    shares: Default::default(),
                    sync_rules: Vec::new(),
                    sync_jobs: Vec::new(),
                },
            );
        }
    }
}
