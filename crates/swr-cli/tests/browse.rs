//! `swrctl ls --json`, `inspect`, `tag rm` and `tag cp` against a sandboxed SWR with a real
//! registry; every change is read back with skopeo, a client we did not write.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod swrctl;

use swrctl::{stderr, Cli};

use std::path::Path;

use serde_json::Value;
use swr_archive::fixtures::{Archive, ImageBuilder, Layer, Layout};

fn push(cli: &Cli<'_>, dir: &Path, name: &str, image: ImageBuilder) {
    let archive = dir.join(name);
    Archive::new(Layout::DockerArchive)
        .image(image)
        .write(&archive)
        .unwrap();
    let out = cli.run(&["push", "--json", archive.to_str().unwrap()]);
    assert!(out.status.success(), "push: {}", stderr(&out));
}

#[tokio::test]
async fn list_inspect_delete_and_copy_tags_read_back_with_skopeo() {
    let sb = swr_testkit::Sandbox::start(&[]);
    sb.create_org("team-a").await;
    sb.create_org("team-b").await;
    let dir = tempfile::tempdir().unwrap();
    let cli = Cli {
        sb: &sb,
        user: sb.user(0, true).clone(),
        config: dir.path().join("config"),
    };
    push(
        &cli,
        dir.path(),
        "one.tar",
        ImageBuilder::new()
            .tag("team-a/web:1.0")
            .tag("team-a/web:stable")
            .layer(Layer::new().file("a", "first"))
            .layer(Layer::new().file("b", "second")),
    );
    push(
        &cli,
        dir.path(),
        "two.tar",
        ImageBuilder::new()
            .tag("team-a/web:1.10")
            .layer(Layer::new().file("a", "other")),
    );

    // Lists are objects, tags newest version first.
    let images = cli.json(&["ls", "team-a", "--json"]);
    assert_eq!(images[0]["organization"], "team-a");
    assert_eq!(images[0]["name"], "web");
    assert_eq!(images[0]["tagCount"], 3);
    let tags = cli.json(&["ls", "team-a/web", "--json"]);
    let names: Vec<&str> = tags
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["tag"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["1.10", "1.0", "stable"]);
    let stable = cli.skopeo_digest("team-a/web:stable").unwrap();
    assert_eq!(tags[1]["digest"], stable.as_str());
    assert_eq!(tags[1]["siblings"], serde_json::json!(["stable"]));

    // Inspection matches what skopeo reads from the registry.
    let found = cli.json(&["inspect", "team-a/web:1.0", "--json"]);
    let raw = sb.skopeo_inspect(&cli.user, "team-a/web:1.0", false);
    let config = sb.skopeo_inspect(&cli.user, "team-a/web:1.0", true);
    assert_eq!(found["digest"], stable.as_str());
    let platform = &found["platforms"][0];
    assert_eq!(platform["config_digest"], raw["config"]["digest"]);
    assert_eq!(platform["os"], config["os"]);
    assert_eq!(platform["architecture"], config["architecture"]);
    let layers: Vec<&Value> = platform["layers"].as_array().unwrap().iter().collect();
    assert_eq!(layers.len(), 2);
    for (ours, theirs) in layers.iter().zip(raw["layers"].as_array().unwrap()) {
        assert_eq!(ours["digest"], theirs["digest"]);
        assert_eq!(ours["size"], theirs["size"]);
    }
    // The fixture sets no USER: the same hint as the pre-upload report.
    assert!(
        platform["hints"]
            .as_array()
            .unwrap()
            .iter()
            .any(|h| h["id"] == "hint.runs_as_root"),
        "{platform}"
    );
    // What it read is kept by digest in the folder the app reads too.
    let kept = cli
        .config
        .join("cache/inspect")
        .join(format!("{}.json", stable.replace(':', "-")));
    assert!(kept.is_file(), "no {}", kept.display());
    let text = cli.ok(&["inspect", "team-a/web:1.0"]);
    let named = format!(
        "platform {}/{}",
        config["os"].as_str().unwrap(),
        config["architecture"].as_str().unwrap()
    );
    assert!(text.contains(&named), "{text}");
    let text = cli.run(&["inspect", "team-a/web"]);
    assert_eq!(text.status.code(), Some(2), "{}", stderr(&text));
    assert!(stderr(&text).contains("needs a tag or digest"));

    // A dry run and a refusal without a terminal change nothing.
    let dry = cli.run(&["tag", "rm", "--dry-run", "team-a/web:1.0"]);
    assert!(dry.status.success(), "{}", stderr(&dry));
    assert!(
        stderr(&dry).contains("would delete team-a/web:1.0")
            && stderr(&dry).contains("the image stays as stable"),
        "{}",
        stderr(&dry)
    );
    let refused = cli.run(&["tag", "rm", "team-a/web:1.0"]);
    assert_eq!(refused.status.code(), Some(2), "{}", stderr(&refused));
    assert!(stderr(&refused).contains("add --yes"));
    assert!(cli.skopeo_digest("team-a/web:1.0").is_some());

    // Deleting two tags removes exactly those.
    let gone = cli.run(&["tag", "rm", "--yes", "team-a/web:1.0", "team-a/web:1.10"]);
    assert!(gone.status.success(), "{}", stderr(&gone));
    assert!(cli.skopeo_digest("team-a/web:1.0").is_none());
    assert!(cli.skopeo_digest("team-a/web:1.10").is_none());
    assert_eq!(cli.skopeo_digest("team-a/web:stable"), Some(stable.clone()));

    // A copy to another organization keeps the digest and moves no layer bytes.
    let copied = cli.json(&["tag", "cp", "team-a/web:stable", "team-b/copy:v1", "--json"]);
    assert_eq!(copied["digest"], stable.as_str());
    assert_eq!(copied["copied"], 0);
    assert_eq!(
        copied["mounted"].as_u64().unwrap() + copied["present"].as_u64().unwrap(),
        3
    );
    assert_eq!(cli.skopeo_digest("team-b/copy:v1"), Some(stable));
    let missing = cli.run(&["tag", "cp", "team-a/web:stable", "nowhere/copy:v1"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(
        stderr(&missing).contains("`nowhere` does not exist"),
        "{}",
        stderr(&missing)
    );
}

#[tokio::test]
async fn ls_with_platforms_gives_each_tag_the_os_and_arch_skopeo_reads() {
    let sb = swr_testkit::Sandbox::start(&[]);
    sb.create_org("team-p").await;
    let dir = tempfile::tempdir().unwrap();
    let cli = Cli {
        sb: &sb,
        user: sb.user(0, true).clone(),
        config: dir.path().join("config"),
    };
    let single = dir.path().join("single");
    swr_testkit::oci_layout::layout(&single, &[("arm64", "one")]);
    sb.skopeo_push_layout(&cli.user, &single, "team-p/app:one");
    let multi = dir.path().join("multi");
    swr_testkit::oci_layout::layout(&multi, &[("amd64", "a"), ("s390x", "b")]);
    sb.skopeo_push_layout(&cli.user, &multi, "team-p/app:two");
    sb.skopeo_push_layout(&cli.user, &multi, "team-p/app:also-two");

    let config = sb.skopeo_inspect(&cli.user, "team-p/app:one", true);
    let one = format!(
        "{}/{}",
        config["os"].as_str().unwrap(),
        config["architecture"].as_str().unwrap()
    );
    let index = sb.skopeo_inspect(&cli.user, "team-p/app:two", false);
    let two: Vec<String> = index["manifests"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            let p = &m["platform"];
            format!(
                "{}/{}",
                p["os"].as_str().unwrap(),
                p["architecture"].as_str().unwrap()
            )
        })
        .collect();

    let text = cli.ok(&["ls", "team-p/app", "--platforms"]);
    let mut lines: Vec<&str> = text.lines().collect();
    lines.sort_unstable();
    assert_eq!(
        lines,
        [
            format!("team-p/app:also-two\t{}", two.join(",")),
            format!("team-p/app:one\t{one}"),
            format!("team-p/app:two\t{}", two.join(",")),
        ]
    );
    // They are kept in the disk cache the app reads too.
    assert!(
        dir.path()
            .join("config/cache/inspect")
            .read_dir()
            .unwrap()
            .count()
            >= 2
    );
    let listed = cli.json(&["ls", "team-p/app", "--platforms", "--json"]);
    let of = |tag: &str| {
        listed
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["tag"] == tag)
            .unwrap()
            .clone()
    };
    assert_eq!(
        of("one")["platforms"][0]["architecture"],
        config["architecture"]
    );
    assert_eq!(of("two")["platforms"].as_array().unwrap().len(), 2);
    assert_eq!(of("two")["digest"], of("also-two")["digest"]);
    assert_eq!(of("two")["platformsProblem"], Value::Null);

    let usage = cli.run(&["ls", "team-p", "--platforms"]);
    assert_eq!(usage.status.code(), Some(2), "{}", stderr(&usage));
    assert!(
        stderr(&usage).contains("give ORG/IMAGE"),
        "{}",
        stderr(&usage)
    );
}
