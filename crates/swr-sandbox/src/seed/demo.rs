//! `--seed demo`: a living account to click through.
//!
//! First account: organizations `demo-apps` and `demo-base`; `demo-apps/web` (tags v1.0.0,
//! v1.1.0, latest; a trigger on `latest`, shared read-only with the second account until
//! forever), `demo-apps/api` (v1–v4, then a keep-3 retention policy that removed v1 and
//! logged it), public `demo-base/alpine-mini`; the first account's IAM user may read
//! `demo-apps`. Second account: `beta-team/tool:1.0`. Every tag is a real image in the registry.

use super::image::{self, MANIFEST_TYPE};
use super::SeedError;
use crate::app::SharedApp;
use crate::clock;
use crate::engine;
use crate::engine::push::PushedManifest;
use crate::state::model::{
    repo_key, Account, Grant, Namespace, Repo, Retention, RetentionRule, Share, Trigger,
};

fn account(app: &SharedApp, index: usize) -> Result<Account, SeedError> {
    app.store
        .lock()
        .accounts
        .get(index)
        .cloned()
        .ok_or_else(|| {
            SeedError::Invalid(format!(
                "the demo seed needs at least {} accounts",
                index + 1
            ))
        })
}

fn admin_of(account: &Account) -> Result<(String, String), SeedError> {
    account
        .users
        .iter()
        .find(|u| u.admin)
        .map(|u| (u.user_id.clone(), u.user_name.clone()))
        .ok_or_else(|| {
            SeedError::Invalid(format!("account {} has no admin user", account.domain_name))
        })
}

fn namespace(app: &SharedApp, account: &Account, name: &str) -> Result<(), SeedError> {
    let (uid, uname) = admin_of(account)?;
    let mut db = app.store.lock();
    if db.namespaces.contains_key(name) {
        return Ok(());
    }
    let id = db.next_id();
    db.namespaces.insert(
        name.to_string(),
        Namespace {
            id,
            name: name.to_string(),
            domain_id: account.domain_id.clone(),
            creator_id: uid,
            creator_name: uname,
            created: clock::now_seconds(),
            grants: Default::default(),
        },
    );
    Ok(())
}

async fn push(
    app: &SharedApp,
    account: &Account,
    ns: &str,
    repo: &str,
    tag: &str,
    text: &str,
) -> Result<(), SeedError> {
    let img = image::build(text).map_err(|e| SeedError::Invalid(e.to_string()))?;
    let name = format!("{ns}/{repo}");
    app.upstream
        .put_blob(&name, &img.layer_digest, img.layer.clone())
        .await?;
    app.upstream
        .put_blob(&name, &img.config_digest, img.config.clone())
        .await?;
    app.upstream
        .put_manifest(&name, tag, MANIFEST_TYPE, img.manifest.clone())
        .await?;
    let (uid, _) = admin_of(account)?;
    let pushed = PushedManifest {
        name,
        reference: tag.to_string(),
        digest: img.manifest_digest,
        media_type: MANIFEST_TYPE.to_string(),
        body: img.manifest,
    };
    engine::push::record(app, &uid, pushed).await;
    Ok(())
}

fn edit_repo(app: &SharedApp, ns: &str, repo: &str, f: impl FnOnce(&mut Repo)) {
    if let Some(r) = app.store.lock().repos.get_mut(&repo_key(ns, repo)) {
        f(r);
    }
}

pub async fn apply(app: &SharedApp) -> Result<(), SeedError> {
    let alpha = account(app, 0)?;
    let beta = account(app, 1)?;
    let (_, alpha_admin) = admin_of(&alpha)?;
    namespace(app, &alpha, "demo-apps")?;
    namespace(app, &alpha, "demo-base")?;
    namespace(app, &beta, "beta-team")?;

    push(app, &alpha, "demo-apps", "web", "v1.0.0", "web 1.0.0").await?;
    push(app, &alpha, "demo-apps", "web", "v1.1.0", "web 1.1.0").await?;
    let now = clock::now_seconds();
    let admin = alpha_admin.clone();
    edit_repo(app, "demo-apps", "web", |r| {
        r.category = "app_server".into();
        r.description = "Demo web front end".into();
        r.triggers.push(Trigger {
            name: "deploy-web".into(),
            action: "update".into(),
            app_type: "deployments".into(),
            application: "web".into(),
            cluster_id: "00000000-0000-0000-0000-000000000001".into(),
            cluster_name: "demo-cluster".into(),
            cluster_ns: "default".into(),
            condition: "latest".into(),
            container: String::new(),
            enable: "true".into(),
            trigger_mode: "cce".into(),
            trigger_type: "tag".into(),
            created_at: now.clone(),
            creator_name: admin.clone(),
            history: Vec::new(),
        });
        r.shares.insert(
            beta.domain_name.clone(),
            Share {
                access_domain: beta.domain_name.clone(),
                permit: "read".into(),
                deadline: "forever".into(),
                description: "read access for the partner account".into(),
                creator_id: String::new(),
                creator_name: admin.clone(),
                created: now.clone(),
                updated: now.clone(),
            },
        );
    });
    push(app, &alpha, "demo-apps", "web", "latest", "web 1.1.0").await?;

    for v in 1..=4 {
        push(
            app,
            &alpha,
            "demo-apps",
            "api",
            &format!("v{v}"),
            &format!("api {v}"),
        )
        .await?;
    }
    {
        let mut db = app.store.lock();
        let id = db.next_id();
        if let Some(r) = db.repos.get_mut(&repo_key("demo-apps", "api")) {
            r.category = "framework_app".into();
            r.description = "Demo API service".into();
            r.retention = Some(Retention {
                id,
                algorithm: "or".into(),
                rules: vec![RetentionRule {
                    template: "tag_rule".into(),
                    params: [("num".to_string(), "3".to_string())].into_iter().collect(),
                    tag_selectors: Vec::new(),
                }],
            });
        }
    }
    engine::retention::run(app, "demo-apps", "api").await;

    push(
        app,
        &alpha,
        "demo-base",
        "alpine-mini",
        "3.20",
        "alpine-mini 3.20",
    )
    .await?;
    edit_repo(app, "demo-base", "alpine-mini", |r| {
        r.is_public = true;
        r.category = "linux".into();
        r.description = "A tiny public base image".into();
    });
    if let Some(dev) = alpha.users.iter().find(|u| !u.admin) {
        let grant = Grant {
            user_id: dev.user_id.clone(),
            user_name: dev.user_name.clone(),
            auth: 1,
        };
        if let Some(ns) = app.store.lock().namespaces.get_mut("demo-apps") {
            ns.grants.insert(dev.user_id.clone(), grant);
        }
    }
    push(app, &beta, "beta-team", "tool", "1.0", "tool 1.0").await?;
    app.store.persist_soon();
    Ok(())
}
