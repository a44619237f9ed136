//! `swrctl retention` and `swrctl trigger` against a sandboxed SWR: a policy is previewed and
//! set, and the tags that are then gone from the registry (read with skopeo) are exactly the
//! previewed ones; a trigger is tested, fires on a matching push and not on another.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod swrctl;

use std::path::Path;

use swr_archive::fixtures::{Archive, ImageBuilder, Layer, Layout};
use swrctl::{stderr, Cli};

/// Pushes `team-a/web:TAG` with content of its own, a second after the previous push so that
/// push times (one-second resolution) order the tags.
fn push(cli: &Cli<'_>, dir: &Path, tag: &str) {
    std::thread::sleep(std::time::Duration::from_millis(1_100));
    let archive = dir.join(format!("{tag}.tar"));
    Archive::new(Layout::DockerArchive)
        .image(
            ImageBuilder::new()
                .tag(&format!("team-a/web:{tag}"))
                .layer(Layer::new().file("version", tag)),
        )
        .write(&archive)
        .unwrap();
    cli.ok(&["push", "--json", archive.to_str().unwrap()]);
}

fn names(value: &serde_json::Value) -> Vec<&str> {
    value
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["tag"].as_str().unwrap())
        .collect()
}

#[tokio::test]
async fn a_policy_deletes_what_its_preview_said_and_a_trigger_fires_on_matching_pushes() {
    let sb = swr_testkit::Sandbox::start(&[]);
    sb.create_org("team-a").await;
    let dir = tempfile::tempdir().unwrap();
    let cli = Cli {
        sb: &sb,
        user: sb.user(0, true).clone(),
        config: dir.path().join("config"),
    };
    for tag in ["v1", "v2", "v3", "latest"] {
        push(&cli, dir.path(), tag);
    }

    // A trigger on versions, checked with the tester before any push.
    let bad = cli.run(&[
        "trigger",
        "add",
        "team-a/web",
        "--name",
        "1st",
        "--namespace",
        "default",
        "--workload",
        "web",
        "--cluster",
        "prod",
    ]);
    assert_eq!(bad.status.code(), Some(2), "{}", stderr(&bad));
    cli.ok(&[
        "trigger",
        "add",
        "team-a/web",
        "--name",
        "deploy-versions",
        "--regex",
        "v[0-9]+",
        "--cluster",
        "prod",
        "--namespace",
        "default",
        "--workload",
        "web",
    ]);
    let fires = cli.json(&["trigger", "test", "team-a/web", "v9", "--json"]);
    assert_eq!(fires[0]["trigger"], "deploy-versions");
    assert_eq!(fires[0]["fires"], true);
    let quiet = cli.json(&["trigger", "test", "team-a/web", "v9-rc", "--json"]);
    assert_eq!(quiet[0]["fires"], false);
    assert!(quiet[0]["because"].as_str().unwrap().contains("whole"));

    // It fires on a matching push, and not on another.
    push(&cli, dir.path(), "v4");
    push(&cli, dir.path(), "edge");
    let triggers = cli.json(&["trigger", "ls", "team-a/web", "--json"]);
    let history: Vec<(&str, &str)> = triggers[0]["trigger_history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| (h["tag"].as_str().unwrap(), h["result"].as_str().unwrap()))
        .collect();
    assert_eq!(history, [("v4", "success")]);

    // The preview: the two newest tags stay, `latest` is an exception, the rest goes.
    let policy = ["team-a/web", "--keep-tags", "2", "--except-tag", "latest"];
    let preview = cli.json(&[&["retention", "preview"], &policy[..], &["--json"]].concat());
    let mut doomed = names(&preview["delete"]);
    doomed.sort_unstable();
    assert_eq!(doomed, ["v1", "v2", "v3"]);
    let mut kept = names(&preview["keep"]);
    kept.sort_unstable();
    assert_eq!(kept, ["edge", "latest", "v4"]);
    assert!(preview["keep"]
        .as_array()
        .unwrap()
        .iter()
        .any(|k| k["tag"] == "latest" && k["reason"].as_str().unwrap().contains("exception")));

    // Without a terminal and without --yes nothing is saved.
    let refused = cli.run(&[&["retention", "set"], &policy[..]].concat());
    assert_eq!(refused.status.code(), Some(2), "{}", stderr(&refused));
    assert!(cli.skopeo_digest("team-a/web:v1").is_some());

    let saved = cli.json(&[&["retention", "set"], &policy[..], &["--yes", "--json"]].concat());
    assert_eq!(saved["asPreviewed"], true);
    for tag in ["v1", "v2", "v3"] {
        assert!(
            cli.skopeo_digest(&format!("team-a/web:{tag}")).is_none(),
            "{tag} is still in the registry"
        );
    }
    for tag in ["v4", "edge", "latest"] {
        assert!(
            cli.skopeo_digest(&format!("team-a/web:{tag}")).is_some(),
            "{tag} was deleted"
        );
    }
    let listed = cli.json(&["ls", "team-a/web", "--json"]);
    let mut left = names(&listed);
    left.sort_unstable();
    assert_eq!(left, ["edge", "latest", "v4"]);
    let shown = cli.json(&["retention", "show", "team-a/web", "--json"]);
    assert_eq!(shown["policy"]["input"]["keepTags"], 2);
    let mut logged: Vec<&str> = shown["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["tag"].as_str().unwrap())
        .collect();
    logged.sort_unstable();
    assert_eq!(logged, ["v1", "v2", "v3"]);

    // A disabled trigger matches but does not fire.
    cli.ok(&["trigger", "disable", "team-a/web", "deploy-versions"]);
    let off = cli.json(&["trigger", "test", "team-a/web", "v5", "--json"]);
    assert_eq!(
        (off[0]["matches"].as_bool(), off[0]["fires"].as_bool()),
        (Some(true), Some(false))
    );
    cli.ok(&["trigger", "rm", "team-a/web", "deploy-versions", "--yes"]);
    cli.ok(&["retention", "rm", "team-a/web", "--yes"]);
    let none = cli.json(&["retention", "show", "team-a/web", "--json"]);
    assert!(none["policy"].is_null());

    let journal = cli.json(&["journal", "--json"]);
    let ops: Vec<&str> = journal
        .as_array()
        .unwrap()
        .iter()
        .rev()
        .map(|e| e["operation"].as_str().unwrap())
        .filter(|o| *o != "push")
        .collect();
    assert_eq!(
        ops,
        [
            "triggerCreate",
            "retentionSet",
            "triggerChange",
            "triggerDelete",
            "retentionDelete"
        ]
    );
}
