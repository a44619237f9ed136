//! `swrctl org`, `repo set`, `perm`, `share` and `journal` against a sandboxed SWR with two
//! accounts. Every change is read back through a fresh request or a registry client we did not
//! write (skopeo), never through what swrctl printed.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod swrctl;

use swrctl::{stderr, Cli};

use std::path::Path;
use std::process::{Command, Output};

use swr_archive::fixtures::{Archive, ImageBuilder, Layer, Layout};

fn push(cli: &Cli<'_>, dir: &Path, file: &str, tag: &str) -> Output {
    let archive = dir.join(file);
    Archive::new(Layout::DockerArchive)
        .image(
            ImageBuilder::new()
                .tag(tag)
                .layer(Layer::new().file("f", file)),
        )
        .write(&archive)
        .unwrap();
    cli.run(&["push", "--json", archive.to_str().unwrap()])
}

/// Whether `user` can pull `reference` with skopeo (every blob read and checked).
fn skopeo_pulls(
    sb: &swr_testkit::Sandbox,
    user: &swr_testkit::User,
    reference: &str,
    dir: &Path,
) -> bool {
    let dest = dir.join(format!("pull-{}.tar", rand_suffix()));
    Command::new("skopeo")
        .args([
            "copy",
            "--src-tls-verify=false",
            "--src-creds",
            &sb.skopeo_creds(user),
        ])
        .arg(format!("docker://{}/{reference}", sb.ready.registry))
        .arg(format!("docker-archive:{}", dest.display()))
        .output()
        .expect("run skopeo")
        .status
        .success()
}

fn rand_suffix() -> u128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos()
}

#[tokio::test]
async fn attributes_permissions_and_shares_change_what_others_can_do() {
    let sb = swr_testkit::Sandbox::start(&[]);
    let dir = tempfile::tempdir().unwrap();
    let admin = Cli {
        sb: &sb,
        user: sb.user(0, true).clone(),
        config: dir.path().join("admin"),
    };
    let iam = Cli {
        sb: &sb,
        user: sb.user(0, false).clone(),
        config: dir.path().join("iam"),
    };
    let other = sb.ready.accounts[1]
        .users
        .iter()
        .find(|u| u.admin)
        .unwrap()
        .clone();
    let other_account = sb.ready.accounts[1].domain_name.clone();
    let fresh = sb.api(&admin.user);

    // Organizations: a bad name is bad input (exit 2), a good one exists afterwards.
    let bad = admin.run(&["org", "create", "Team_A!"]);
    assert_eq!(bad.status.code(), Some(2), "{}", stderr(&bad));
    admin.ok(&["org", "create", "team-a"]);
    admin.ok(&["org", "create", "team-b"]);
    assert_eq!(fresh.show_namespace("team-a").await.unwrap().name, "team-a");
    let out = push(&admin, dir.path(), "web.tar", "team-a/web:1.0");
    assert!(out.status.success(), "{}", stderr(&out));

    // Attributes, read back with a fresh request.
    admin.ok(&[
        "repo",
        "set",
        "team-a/web",
        "--category",
        "database",
        "--description",
        "# Web\nfront end",
    ]);
    let repo = fresh.show_repo("team-a", "web").await.unwrap();
    assert_eq!(
        (
            repo.category.as_str(),
            repo.description.as_str(),
            repo.is_public
        ),
        ("database", "# Web\nfront end", false)
    );
    let nothing = admin.run(&["repo", "set", "team-a/web"]);
    assert_eq!(nothing.status.code(), Some(2));
    let unknown = admin.run(&["repo", "set", "team-a/web", "--category", "games"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(
        stderr(&unknown).contains("app_server"),
        "{}",
        stderr(&unknown)
    );

    // The IAM user cannot push into team-a until granted write.
    let denied = push(&iam, dir.path(), "iam1.tar", "team-a/iam:1");
    assert!(!denied.status.success(), "a push without permission");
    let user_name = iam.user.user_name.clone();
    let unknown_user = admin.run(&[
        "perm", "grant", "team-a", "--user", &user_name, "--level", "write",
    ]);
    assert!(
        stderr(&unknown_user).contains("--user-id"),
        "a user without grants is asked for by id: {}",
        stderr(&unknown_user)
    );
    let granted = admin.json(&[
        "perm",
        "grant",
        "team-a",
        "--user",
        &user_name,
        "--user-id",
        &iam.user.user_id,
        "--level",
        "write",
        "--json",
    ]);
    assert_eq!(granted["plan"]["items"][0]["action"], "grant");
    assert_eq!(granted["outcome"]["done"], 1);
    let perms = fresh.show_namespace_permissions("team-a").await.unwrap();
    let grant = perms
        .others_auths
        .iter()
        .find(|u| u.user_id == iam.user.user_id)
        .expect("the grant is in SWR");
    assert_eq!(grant.auth, 3);
    let pushed = push(&iam, dir.path(), "iam2.tar", "team-a/iam:2");
    assert!(
        pushed.status.success(),
        "push after the grant: {}",
        stderr(&pushed)
    );

    // A bulk change across two organizations: the diff first (by name now that the user is
    // known), then applied item by item.
    let plan = admin.json(&[
        "perm",
        "grant",
        "team-a",
        "team-b",
        "--user",
        &user_name,
        "--level",
        "read",
        "--dry-run",
        "--json",
    ]);
    let actions: Vec<(&str, &str)> = plan["plan"]["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["scope"]["organization"].as_str().unwrap(),
                i["action"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(actions, [("team-a", "change"), ("team-b", "grant")]);
    assert!(plan["outcome"].is_null(), "a dry run changes nothing");
    assert_eq!(
        fresh
            .show_namespace_permissions("team-a")
            .await
            .unwrap()
            .others_auths[0]
            .auth,
        3
    );
    admin.json(&[
        "perm", "grant", "team-a", "team-b", "--user", &user_name, "--level", "read", "--json",
    ]);
    for org in ["team-a", "team-b"] {
        let p = fresh.show_namespace_permissions(org).await.unwrap();
        assert_eq!(p.others_auths.len(), 1, "{org}");
        assert_eq!(p.others_auths[0].auth, 1, "{org}");
    }
    let listed = admin.json(&["perm", "ls", "team-b", "--json"]);
    assert_eq!(listed[0]["users"][0]["level"], "read");

    // Sharing: the other account pulls only while the share lasts.
    assert!(!skopeo_pulls(&sb, &other, "team-a/web:1.0", dir.path()));
    admin.ok(&[
        "share",
        "add",
        "team-a/web",
        "--account",
        &other_account,
        "--until",
        "2099-12-31",
        "--description",
        "for the beta team",
    ]);
    let shares = fresh.list_shares("team-a", "web").await.unwrap();
    assert_eq!(shares.len(), 1);
    assert!(
        shares[0].deadline.starts_with("2099-12-31T23:59:59"),
        "{}",
        shares[0].deadline
    );
    assert!(skopeo_pulls(&sb, &other, "team-a/web:1.0", dir.path()));
    let past = admin.run(&[
        "share",
        "add",
        "team-a/web",
        "--account",
        &other_account,
        "--until",
        "2001-01-01",
    ]);
    assert_eq!(past.status.code(), Some(2), "{}", stderr(&past));
    let unconfirmed = admin.run(&["share", "rm", "team-a/web", "--account", &other_account]);
    assert_eq!(unconfirmed.status.code(), Some(2), "no terminal, no --yes");
    admin.ok(&[
        "share",
        "rm",
        "team-a/web",
        "--account",
        &other_account,
        "--yes",
    ]);
    assert!(fresh.list_shares("team-a", "web").await.unwrap().is_empty());
    assert!(!skopeo_pulls(&sb, &other, "team-a/web:1.0", dir.path()));

    // Public images need no share and cannot have one.
    admin.ok(&["repo", "set", "team-a/web", "--public"]);
    assert!(fresh.show_repo("team-a", "web").await.unwrap().is_public);
    let public = admin.run(&["share", "add", "team-a/web", "--account", &other_account]);
    assert!(stderr(&public).contains("public"), "{}", stderr(&public));

    // Revoking takes the push right away again.
    admin.ok(&["perm", "revoke", "team-a", "--user", &user_name, "--yes"]);
    assert!(fresh
        .show_namespace_permissions("team-a")
        .await
        .unwrap()
        .others_auths
        .is_empty());

    // The journal holds every change, with request ids, and the IAM user's push in its own.
    let journal = admin.json(&["journal", "--json"]);
    let ops: Vec<(&str, &str, &str)> = journal
        .as_array()
        .unwrap()
        .iter()
        .rev()
        .map(|e| {
            (
                e["operation"].as_str().unwrap(),
                e["target"].as_str().unwrap(),
                e["outcome"].as_str().unwrap(),
            )
        })
        .collect();
    let user_target = |org: &str| format!("{org} → {user_name}");
    let expected: Vec<(&str, String, &str)> = vec![
        ("organizationCreate", "team-a".into(), "done"),
        ("organizationCreate", "team-b".into(), "done"),
        ("push", "team-a/web:1.0".into(), "done"),
        ("imageAttributes", "team-a/web".into(), "done"),
        ("permissionGrant", user_target("team-a"), "done"),
        ("permissionChange", user_target("team-a"), "done"),
        ("permissionGrant", user_target("team-b"), "done"),
        ("shareAdd", format!("team-a/web → {other_account}"), "done"),
        (
            "shareRemove",
            format!("team-a/web → {other_account}"),
            "done",
        ),
        ("imageAttributes", "team-a/web".into(), "done"),
        ("permissionRevoke", user_target("team-a"), "done"),
    ];
    let expected: Vec<(&str, &str, &str)> = expected
        .iter()
        .map(|(o, t, r)| (*o, t.as_str(), *r))
        .collect();
    assert_eq!(ops, expected);
    let entries = journal.as_array().unwrap();
    let change = entries
        .iter()
        .find(|e| e["operation"] == "permissionChange")
        .unwrap();
    assert_eq!(
        (change["before"].as_str(), change["after"].as_str()),
        (Some("write"), Some("read"))
    );
    assert!(entries
        .iter()
        .filter(|e| e["operation"] != "push")
        .all(|e| e["requestId"].is_string()));
    assert!(entries.iter().all(|e| e["profile"] == "environment"));
    let text = std::fs::read_to_string(admin.config.join("journal.jsonl")).unwrap();
    assert!(!text.contains(&admin.user.sk), "no secret in the journal");
    let iam_journal = iam.json(&["journal", "--json"]);
    let iam_ops: Vec<(&str, &str)> = iam_journal
        .as_array()
        .unwrap()
        .iter()
        .rev()
        .map(|e| {
            (
                e["operation"].as_str().unwrap(),
                e["outcome"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(iam_ops, [("push", "failed"), ("push", "done")]);

    let csv = admin.ok(&["journal", "--csv", "--since", "2000-01-01"]);
    assert!(csv.starts_with("time,source,profile,region,operation,target"));
    assert_eq!(csv.lines().count(), expected.len() + 1);
    let bad_since = admin.run(&["journal", "--since", "last tuesday"]);
    assert_eq!(bad_since.status.code(), Some(2));
}
