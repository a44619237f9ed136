//! `--seed scale`: 10,000 repositories and 100,000 tags for performance work on lists, plus
//! one image with 20,000 tags for the tag list.
//!
//! The metadata is synthetic — no image exists in the registry behind it — and says so: each
//! repository's description starts with `synthetic`, every tag has `synthetic: true` in the
//! state file, and deleting such a tag never calls the registry. Organizations `scale-0` …
//! `scale-4` (2,000 repositories of 10 tags each) and `scale-tags` (the image `many` with
//! 20,000 tags) belong to the first account (seeds are not bound by the organization quota).

use crate::app::SharedApp;
use crate::clock;
use crate::state::model::{repo_key, Account, Db, Namespace, Repo, Tag, User};

pub const ORGS: usize = 5;
pub const REPOS_PER_ORG: usize = 2_000;
pub const TAGS_PER_REPO: usize = 10;
/// Tags of `scale-tags/many`.
pub const MANY_TAGS: usize = 20_000;

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
        let names: Vec<String> = (0..REPOS_PER_ORG).map(|r| format!("svc-{r:04}")).collect();
        organization(
            &mut db,
            &account,
            &admin,
            base,
            &format!("scale-{o}"),
            &names,
            TAGS_PER_REPO,
        );
    }
    organization(
        &mut db,
        &account,
        &admin,
        base,
        "scale-tags",
        &["many".to_owned()],
        MANY_TAGS,
    );
}

/// Adds an organization with repositories `names`, each with `tags_per_repo` tags.
fn organization(
    db: &mut Db,
    account: &Account,
    admin: &User,
    base: time::OffsetDateTime,
    ns: &str,
    names: &[String],
    tags_per_repo: usize,
) {
    let ns = ns.to_owned();
    namespace(db, account, admin, &ns, base);
    for (r, name) in names.iter().enumerate() {
        let name = name.clone();
        let repo_id = db.next_id();
        let mut tags = std::collections::BTreeMap::new();
        for t in 0..tags_per_repo {
            let tag = format!("1.{t}.{r}");
            let at = base + time::Duration::hours((r * tags_per_repo + t) as i64 % 9_000);
            let digest = super::image::digest(format!("{ns}/{name}:{tag}").as_bytes());
            let id = db.next_id();
            let size = 1_000_000 + (r as u64 * 7_919 + t as u64 * 104_729) % 50_000_000;
            tags.insert(tag.clone(), synthetic_tag(id, tag, digest, size, at, admin));
        }
        let repo = synthetic_repo(
            account,
            admin,
            &ns,
            name,
            tags,
            base,
            r,
            "synthetic metadata (scale seed); no image behind it",
        );
        db.repos.insert(
            repo_key(&ns, &repo.name),
            Repo {
                id: repo_id,
                ..repo
            },
        );
    }
}

/// A repository of synthetic tags (number `r` of its organization, for the varied attributes).
#[allow(clippy::too_many_arguments)]
pub(super) fn synthetic_repo(
    account: &Account,
    admin: &User,
    ns: &str,
    name: String,
    tags: std::collections::BTreeMap<String, Tag>,
    base: time::OffsetDateTime,
    r: usize,
    description: &str,
) -> Repo {
    let updated = tags
        .values()
        .map(|t| t.updated.clone())
        .max()
        .unwrap_or_default();
    Repo {
        id: 0,
        namespace: ns.to_owned(),
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
        description: description.into(),
        is_public: r.is_multiple_of(10),
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
    }
}

/// An organization of the first account, created if missing.
pub(super) fn namespace(
    db: &mut Db,
    account: &Account,
    admin: &User,
    ns: &str,
    at: time::OffsetDateTime,
) {
    let id = db.next_id();
    db.namespaces
        .entry(ns.to_owned())
        .or_insert_with(|| Namespace {
            id,
            name: ns.to_owned(),
            domain_id: account.domain_id.clone(),
            creator_id: admin.user_id.clone(),
            creator_name: admin.user_name.clone(),
            created: clock::seconds(at),
            grants: Default::default(),
        });
}

/// A tag with no image behind it, pushed at `at` by `admin`.
pub(super) fn synthetic_tag(
    id: u64,
    name: String,
    digest: String,
    size: u64,
    at: time::OffsetDateTime,
    admin: &User,
) -> Tag {
    Tag {
        id,
        name,
        digest: digest.clone(),
        media_type: super::image::MANIFEST_TYPE.into(),
        manifest: String::new(),
        image_id: digest,
        size,
        created: clock::seconds(at),
        updated: clock::seconds(at),
        pushed_by: admin.user_name.clone(),
        synthetic: true,
    }
}
