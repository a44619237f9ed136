//! `swrctl sync` against a sandbox serving two regions: an image is synced to the second
//! region and read back from that region's registry with skopeo, digest for digest; the gap
//! view shows no gap afterwards, and a gap after a new push.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod swrctl;

use std::path::Path;
use std::process::Command;

use sha2::{Digest, Sha256};
use swr_archive::fixtures::{Archive, ImageBuilder, Layer, Layout};
use swrctl::Cli;

fn push(cli: &Cli<'_>, dir: &Path, tag: &str) {
    let archive = dir.join(format!("{tag}.tar"));
    Archive::new(Layout::DockerArchive)
        .image(
            ImageBuilder::new()
                .tag(&format!("team-a/web:{tag}"))
                .layer(Layer::new().file("version", tag))
                .layer(Layer::new().file("shared", "base")),
        )
        .write(&archive)
        .unwrap();
    cli.ok(&["push", "--json", archive.to_str().unwrap()]);
}

/// The manifest digest skopeo reads from `registry`, logged in to `region`.
fn digest_in(
    sb: &swr_testkit::Sandbox,
    region: &str,
    registry: &str,
    reference: &str,
) -> Option<String> {
    let user = sb.user(0, true);
    let creds = format!(
        "{}:{}",
        swr_api::login::login_username(region, &user.ak),
        swr_api::login::login_key(&user.ak, &user.sk)
    );
    let out = Command::new("skopeo")
        .args(["inspect", "--raw", "--tls-verify=false", "--creds", &creds])
        .arg(format!("docker://{registry}/{reference}"))
        .output()
        .expect("run skopeo");
    out.status
        .success()
        .then(|| format!("sha256:{}", hex::encode(Sha256::digest(&out.stdout))))
}

fn wait_for_jobs(cli: &Cli<'_>) -> Vec<(String, String)> {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    loop {
        let jobs = cli.json(&["sync", "status", "team-a/web", "--json"]);
        let states: Vec<(String, String)> = jobs
            .as_array()
            .unwrap()
            .iter()
            .map(|j| {
                (
                    j["tag"].as_str().unwrap().to_owned(),
                    j["status"].as_str().unwrap().to_owned(),
                )
            })
            .collect();
        if states.iter().all(|(_, s)| s != "running") {
            return states;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "jobs still running: {states:?}"
        );
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
}

#[tokio::test]
async fn an_image_synced_to_another_region_is_pulled_from_there_and_the_gap_view_agrees() {
    let sb = swr_testkit::Sandbox::start(&["--regions", "cn-north-4,cn-east-3"]);
    let east = sb.ready.regions[1].clone();
    assert_eq!(east.region, "cn-east-3");
    sb.create_org("team-a").await;
    let dir = tempfile::tempdir().unwrap();
    let cli = Cli {
        sb: &sb,
        user: sb.user(0, true).clone(),
        config: dir.path().join("config"),
    };
    push(&cli, dir.path(), "v1");
    let here = cli.skopeo_digest("team-a/web:v1").unwrap();

    // The target organization exists in the second region only once created there.
    let mut config = sb.api_config(sb.user(0, true));
    config.region = east.region.clone();
    config.project_id = Some(east.project_id.clone());
    config.endpoints.api = Some(east.api_endpoint.clone());
    config.endpoints.registry = Some(east.registry.clone());
    swr_api::Client::new(config)
        .unwrap()
        .create_namespace("team-a")
        .await
        .unwrap();

    let regions = cli.ok(&[
        "sync",
        "add",
        "team-a/web",
        "--region",
        "cn-east-3",
        "--namespace",
        "team-a",
    ]);
    assert!(regions.contains("when asked"), "{regions}");
    let gap = cli.json(&["sync", "ls", "team-a/web", "--json"]);
    assert_eq!(gap[0]["region"], "cn-east-3");
    assert_eq!(
        (gap[0]["missing"].as_u64(), gap[0]["same"].as_u64()),
        (Some(1), Some(0))
    );
    assert!(gap[0]["problem"].is_null(), "{}", gap[0]["problem"]);

    cli.ok(&[
        "sync",
        "run",
        "team-a/web",
        "v1",
        "--region",
        "cn-east-3",
        "--namespace",
        "team-a",
    ]);
    assert_eq!(
        wait_for_jobs(&cli),
        [("v1".to_owned(), "success".to_owned())]
    );
    assert_eq!(
        digest_in(&sb, &east.region, &east.registry, "team-a/web:v1"),
        Some(here.clone()),
        "the second region serves the same manifest"
    );
    let gap = cli.json(&["sync", "ls", "team-a/web", "--json"]);
    assert_eq!(
        (gap[0]["missing"].as_u64(), gap[0]["same"].as_u64()),
        (Some(0), Some(1))
    );

    // A new push here is a gap there until it is synced.
    push(&cli, dir.path(), "v2");
    let gap = cli.json(&["sync", "ls", "team-a/web", "--json"]);
    let missing: Vec<&str> = gap[0]["rows"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["state"] == "missing")
        .map(|r| r["tag"].as_str().unwrap())
        .collect();
    assert_eq!(missing, ["v2"]);
    assert!(digest_in(&sb, &east.region, &east.registry, "team-a/web:v2").is_none());

    let journal = cli.json(&["journal", "--json"]);
    let ops: Vec<&str> = journal
        .as_array()
        .unwrap()
        .iter()
        .rev()
        .map(|e| e["operation"].as_str().unwrap())
        .filter(|o| o.starts_with("sync"))
        .collect();
    assert_eq!(ops, ["syncRuleCreate", "syncRun"]);
    cli.ok(&[
        "sync",
        "rm",
        "team-a/web",
        "--region",
        "cn-east-3",
        "--namespace",
        "team-a",
        "--yes",
    ]);
    assert_eq!(
        cli.json(&["sync", "ls", "team-a/web", "--json"]),
        serde_json::json!([])
    );
}
