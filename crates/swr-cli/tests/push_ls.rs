//! `swrctl push` and `swrctl ls` end to end against a sandboxed SWR with a real registry,
//! credentials from the environment as a pipeline would set them.

#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../../swr-registry/tests/common/mod.rs"]
mod common;

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;
use swr_archive::fixtures::{sample_image, Archive, ImageBuilder, Layer, Layout};

fn swrctl(sb: &common::Sandbox, user: &common::User, config: &Path, args: &[&str]) -> Output {
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

#[tokio::test]
async fn push_then_list_organizations_images_and_tags() {
    let sb = common::Sandbox::start(&[]);
    sb.create_org("team-a").await;
    let admin = sb.user(true).clone();
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
    assert!(
        out.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let events: Vec<Value> = lines(&out)
        .iter()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
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
    let sb = common::Sandbox::start(&[]);
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
    let admin = sb.user(true).clone();
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
    let reader = sb.user(false).clone();
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
