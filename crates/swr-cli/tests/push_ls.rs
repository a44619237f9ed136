//! `swrctl push` and `swrctl ls` end to end against a sandboxed SWR with a real registry,
//! credentials from the environment as a pipeline would set them.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;
use swr_archive::fixtures::{sample_image, Archive, ImageBuilder, Layer, Layout};

fn swrctl(
    sb: &swr_testkit::Sandbox,
    user: &swr_testkit::User,
    config: &Path,
    args: &[&str],
) -> Output {
    Command::new(env!("CARGO_BIN_EXE_swrctl"))
        .args(args)
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("SWR_REGION", &sb.ready.region)
        .env("SWR_AK", &user.ak)
        .env("SWR_SK", &user.sk)
        .env("SWR_PROJECT_ID", &sb.ready.project_id)
        .env("SWR_API_ENDPOINT", &sb.ready.api_endpoint)
        .env("SWR_REGISTRY", &sb.ready.registry)
        .env("SWR_INSECURE", "1")
        .env("SWR_CONSOLE_CONFIG_DIR", config)
        .output()
        .unwrap()
}

fn lines(out: &Output) -> Vec<String> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_owned)
        .collect()
}

/// The JSON events of a `swrctl push --json` that succeeded.
fn pushed_events(out: &Output) -> Vec<Value> {
    assert!(
        out.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    lines(out)
        .iter()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[tokio::test]
async fn push_then_list_organizations_images_and_tags() {
    let sb = swr_testkit::Sandbox::start(&[]);
    sb.create_org("team-a").await;
    let admin = sb.user(0, true).clone();
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config");
    let archive = dir.path().join("app.tar");
    Archive::new(Layout::DockerArchive)
        .image(
            ImageBuilder::new()
                .tag("team-a/web:1")
                .tag("team-a/web:2")
                .layer(Layer::new().file("a", "x")),
        )
        .write(&archive)
        .unwrap();

    let out = swrctl(
        &sb,
        &admin,
        &config,
        &["push", "--json", archive.to_str().unwrap()],
    );
    let events = pushed_events(&out);
    let finished = events
        .iter()
        .find(|e| e["event"] == "finished")
        .expect("a finished event");
    let pushed: Vec<&str> = finished["pushed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap())
        .collect();
    assert_eq!(pushed.len(), 2);
    assert!(pushed[0].contains("/team-a/web:1@sha256:"), "{pushed:?}");

    let out = swrctl(&sb, &admin, &config, &["ls"]);
    assert!(out.status.success());
    assert!(lines(&out).contains(&"team-a".to_owned()));
    let out = swrctl(&sb, &admin, &config, &["ls", "team-a"]);
    assert_eq!(lines(&out), vec!["team-a/web"]);
    let out = swrctl(&sb, &admin, &config, &["ls", "team-a/web"]);
    let mut tags = lines(&out);
    tags.sort();
    assert_eq!(tags, vec!["team-a/web:1", "team-a/web:2"]);
}

#[tokio::test]
async fn failures_exit_non_zero_with_a_clear_message() {
    let sb = swr_testkit::Sandbox::start(&[]);
    sb.create_org("team-a").await;
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config");
    let good = dir.path().join("good.tar");
    Archive::new(Layout::DockerArchive)
        .image(sample_image())
        .write(&good)
        .unwrap();
    let bad = dir.path().join("bad.tar");
    std::fs::write(&bad, b"not an image").unwrap();

    // An invalid file fails; the valid one after it still goes.
    let admin = sb.user(0, true).clone();
    let out = swrctl(
        &sb,
        &admin,
        &config,
        &[
            "push",
            "--org",
            "team-a",
            bad.to_str().unwrap(),
            good.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("not a valid image archive"), "{stderr}");
    assert!(stderr.contains("pushed and verified"), "{stderr}");

    // A user without push rights is refused and the registry gets no tag.
    let reader = sb.user(0, false).clone();
    let out = swrctl(
        &sb,
        &reader,
        &config,
        &[
            "push",
            "--org",
            "team-a",
            "--name",
            "other",
            good.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("denied") || stderr.contains("refused"),
        "{stderr}"
    );
    assert!(
        !stderr.contains(&reader.sk),
        "the secret key leaked into an error"
    );
    let reg = sb.registry_for(&admin);
    assert_eq!(
        reg.manifest_digest("team-a/other", "1.0").await.unwrap(),
        None
    );
}

/// The journal a killed `swrctl push` leaves: its item still running, with the blobs it
/// confirmed, and an item of another file queued behind it.
fn killed_run_journal(config: &Path, archive: &Path, confirmed: &[String]) -> (u64, u64) {
    use swr_core::uploads::{ItemState, Journal};
    let mut j = Journal::open(&config.join("swrctl-uploads.json")).unwrap();
    let file = std::fs::canonicalize(archive).unwrap();
    let ours = j
        .add(file, Some("team-a".into()), None, vec!["2".into()], false)
        .unwrap();
    j.set_state(ours, ItemState::Running).unwrap();
    for digest in confirmed {
        j.confirm(ours, "team-a/web", digest).unwrap();
    }
    let other = j
        .add(
            "/elsewhere/other.tar".into(),
            Some("team-a".into()),
            None,
            vec![],
            true,
        )
        .unwrap();
    (ours, other)
}

#[tokio::test]
async fn a_push_after_a_kill_takes_up_the_unfinished_item_and_prunes_it_when_done() {
    let sb = swr_testkit::Sandbox::start(&[]);
    sb.create_org("team-a").await;
    let admin = sb.user(0, true).clone();
    let dir = tempfile::tempdir().unwrap();
    let archive = dir.path().join("app.tar");
    Archive::new(Layout::DockerArchive)
        .image(
            ImageBuilder::new()
                .tag("team-a/web:1")
                .layer(Layer::new().file("a", "first"))
                .layer(Layer::new().file("b", "second")),
        )
        .write(&archive)
        .unwrap();
    let file = archive.to_str().unwrap();
    // The blobs the killed run had confirmed are in the repository (pushed under tag 1).
    let out = swrctl(
        &sb,
        &admin,
        &dir.path().join("elsewhere"),
        &["push", "--no-compress", file],
    );
    assert!(out.status.success());
    let report = swr_archive::validate_path(&archive).report;
    let image = &report.images[0];
    let confirmed = vec![image.config_digest.clone(), image.layers[0].diff_id.clone()];
    let config = dir.path().join("config");
    let (ours, other) = killed_run_journal(&config, &archive, &confirmed);

    let args = [
        "push",
        "--json",
        "--no-compress",
        "--org",
        "team-a",
        "--tag",
        "2",
        file,
    ];
    let out = swrctl(&sb, &admin, &config, &args);
    let events = pushed_events(&out);
    let started: Vec<u64> = events
        .iter()
        .filter(|e| e["event"] == "started")
        .map(|e| e["item"].as_u64().unwrap())
        .collect();
    assert_eq!(started, vec![ours], "the journalled item, and only it, ran");
    let last = events.iter().rfind(|e| e["event"] == "progress").unwrap();
    assert_eq!(last["skipped"], last["total"], "nothing was sent again");
    let reg = sb.registry_for(&admin);
    assert!(reg
        .manifest_digest("team-a/web", "2")
        .await
        .unwrap()
        .is_some());

    // Done items are pruned; the other file's item waits for a push of that file.
    let j = swr_core::uploads::Journal::open(&config.join("swrctl-uploads.json")).unwrap();
    let left: Vec<u64> = j.items().iter().map(|i| i.id).collect();
    assert_eq!(left, vec![other]);

    // Pushed again, the same file is a new item: the finished one is gone.
    let out = swrctl(&sb, &admin, &config, &args);
    let events = pushed_events(&out);
    let started = events.iter().find(|e| e["event"] == "started").unwrap();
    assert!(started["item"].as_u64().unwrap() > other);
}
