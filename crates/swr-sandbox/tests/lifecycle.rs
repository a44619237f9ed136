//! Process-level behaviour: persistence across restarts, no orphaned registry, faults.

mod common;

use std::time::Duration;

use common::*;

#[tokio::test]
async fn state_and_images_survive_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let sb = Sandbox::start(dir.path(), &[]);
    let keys = sb.user(0, 0);
    create_namespace(&sb, "kept").await;
    let (_, t) = token(&sb, &sb.basic(0, 0), "repository:kept/app:pull,push").await;
    push_image(&sb, &t.unwrap(), "kept/app", "v1", "persist")
        .await
        .unwrap();
    sb.stop();

    let sb = Sandbox::start(dir.path(), &[]);
    assert_eq!(
        sb.user(0, 0),
        keys,
        "the same data directory answers to the same keys"
    );
    let (status, _, ns) = call(&sb, (0, 0), "GET", "/v2/manage/namespaces/kept", &[], None).await;
    assert_eq!(status, 200, "{ns}");
    let (_, t) = token(&sb, &sb.basic(0, 0), "repository:kept/app:pull").await;
    assert_eq!(
        manifest_status(&sb, &t.unwrap(), "kept/app", "v1").await,
        200
    );
}

fn registry_children_of(data: &std::path::Path) -> usize {
    let config = data.join("registry.yml");
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return 0;
    };
    entries
        .filter_map(|e| e.ok())
        .filter_map(|e| std::fs::read(e.path().join("cmdline")).ok())
        .filter(|cmd| String::from_utf8_lossy(cmd).contains(&*config.to_string_lossy()))
        .count()
}

#[tokio::test]
async fn stopping_the_sandbox_stops_its_registry() {
    let dir = tempfile::tempdir().unwrap();
    let sb = Sandbox::start(dir.path(), &[]);
    assert_eq!(registry_children_of(dir.path()), 1);
    sb.stop();
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(registry_children_of(dir.path()), 0);
}

#[tokio::test]
async fn wrong_keys_and_stale_dates_get_the_gateway_401() {
    let dir = tempfile::tempdir().unwrap();
    let sb = Sandbox::start(dir.path(), &[]);
    let (ak, sk) = sb.user(0, 0);
    let (status, headers, body) = call_with_keys(
        &sb,
        &ak,
        "wrong",
        "GET",
        "/v2/manage/namespaces",
        &[],
        None,
        None,
    )
    .await;
    assert_eq!(status, 401);
    assert_eq!(body["error_code"], "APIGW.0301");
    assert_eq!(
        body["request_id"].as_str(),
        headers["x-request-id"].to_str().ok()
    );
    let stale = swr_api::signing::format_sdk_date(
        std::time::SystemTime::now() - Duration::from_secs(16 * 60),
    );
    let (status, _, _) = call_with_keys(
        &sb,
        &ak,
        &sk,
        "GET",
        "/v2/manage/namespaces",
        &[],
        None,
        Some(&stale),
    )
    .await;
    assert_eq!(status, 401);
    let (status, headers, _) = call_with_keys(
        &sb,
        &ak,
        &sk,
        "GET",
        "/v2/manage/namespaces",
        &[],
        None,
        None,
    )
    .await;
    assert_eq!(status, 200);
    assert!(headers.contains_key("x-request-id"));
}

#[tokio::test]
async fn an_upload_cut_once_fails_then_succeeds() {
    let dir = tempfile::tempdir().unwrap();
    let sb = Sandbox::start(dir.path(), &["--fault-drop-upload-after", "50"]);
    create_namespace(&sb, "flaky").await;
    let (_, t) = token(&sb, &sb.basic(0, 0), "repository:flaky/app:pull,push").await;
    let t = t.unwrap();
    assert_eq!(
        push_image(&sb, &t, "flaky/app", "v1", "cut me").await,
        Err(599),
        "connection dropped"
    );
    push_image(&sb, &t, "flaky/app", "v1", "cut me")
        .await
        .unwrap();
}

#[tokio::test]
async fn push_rate_limit_and_random_503s() {
    let dir = tempfile::tempdir().unwrap();
    let sb = Sandbox::start(dir.path(), &["--push-qps", "2"]);
    create_namespace(&sb, "busy").await;
    let (_, t) = token(&sb, &sb.basic(0, 0), "repository:busy/app:pull,push").await;
    // one image is 5 push requests; beyond 2 per second the gateway answers 503
    assert_eq!(
        push_image(&sb, &t.unwrap(), "busy/app", "v1", "limited").await,
        Err(503)
    );
    sb.stop();

    let dir = tempfile::tempdir().unwrap();
    let sb = Sandbox::start(dir.path(), &["--fault-503-rate", "1.0"]);
    create_namespace(&sb, "down").await;
    let (_, t) = token(&sb, &sb.basic(0, 0), "repository:down/app:pull,push").await;
    assert_eq!(
        manifest_status(&sb, &t.unwrap(), "down/app", "v1").await,
        503
    );
}

#[tokio::test]
async fn short_token_lifetimes_expire() {
    let dir = tempfile::tempdir().unwrap();
    let sb = Sandbox::start(dir.path(), &["--token-ttl", "2"]);
    create_namespace(&sb, "brief").await;
    let (_, t) = token(&sb, &sb.basic(0, 0), "repository:brief/app:pull,push").await;
    let t = t.unwrap();
    push_image(&sb, &t, "brief/app", "v1", "quick")
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(3100)).await;
    assert_eq!(manifest_status(&sb, &t, "brief/app", "v1").await, 401);
}

#[tokio::test]
async fn demo_seed_creates_a_living_account_once() {
    let dir = tempfile::tempdir().unwrap();
    let sb = Sandbox::start(dir.path(), &["--seed", "demo"]);
    let (_, _, list) = call(&sb, (0, 0), "GET", "/v2/manage/namespaces", &[], None).await;
    let names: Vec<&str> = list["namespaces"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, vec!["demo-apps", "demo-base"]);
    let (_, _, hist) = call(
        &sb,
        (0, 0),
        "GET",
        "/v2/manage/namespaces/demo-apps/repos/api/retentions/histories",
        &[],
        None,
    )
    .await;
    assert_eq!(hist["total"], 1);
    let (_, _, trig) = call(
        &sb,
        (0, 0),
        "GET",
        "/v2/manage/namespaces/demo-apps/repos/web/triggers/deploy-web",
        &[],
        None,
    )
    .await;
    assert_eq!(trig["trigger_history"][0]["tag"], "latest");
    let (_, t) = token(&sb, &sb.basic(1, 0), "repository:demo-apps/web:pull").await;
    assert_eq!(
        manifest_status(&sb, &t.unwrap(), "demo-apps/web", "latest").await,
        200,
        "shared with beta"
    );
    sb.stop();
    let sb = Sandbox::start(dir.path(), &["--seed", "demo"]);
    let (_, _, tags) = call(
        &sb,
        (0, 0),
        "GET",
        "/v2/manage/namespaces/demo-apps/repos/api/tags",
        &[],
        None,
    )
    .await;
    assert_eq!(
        tags.as_array().unwrap().len(),
        3,
        "the seed is not applied twice"
    );
}

#[tokio::test]
async fn unknown_operations_answer_in_the_swr_error_shape() {
    let dir = tempfile::tempdir().unwrap();
    let sb = Sandbox::start(dir.path(), &[]);
    let (status, headers, body) =
        call(&sb, (0, 0), "PUT", "/v2/manage/namespaces", &[], None).await;
    assert_eq!(status, 405);
    assert_eq!(body[0]["errorCode"], "SVCSTG.SWR.4050001");
    assert!(headers.contains_key("x-request-id"));
    let (status, _, body) = call(&sb, (0, 0), "GET", "/v2/manage/nothing-here", &[], None).await;
    assert_eq!(status, 404);
    assert!(body[0]["errorMessage"].is_string());
    let (status, _, body) = call(
        &sb,
        (0, 0),
        "POST",
        "/v2/manage/namespaces",
        &[],
        Some(serde_json::json!({"name": "x"})),
    )
    .await;
    assert_eq!(status, 400, "a body without the required field is refused");
    assert_eq!(body[0]["errorCode"], "SVCSTG.SWR.4000014");
}

#[tokio::test]
async fn accounts_file_defines_the_tenants() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("accounts.toml");
    std::fs::write(
        &file,
        "[[account]]\ndomain_name = \"acme\"\n[[account.user]]\nuser_name = \"boss\"\nadmin = true\nak = \"ACMEBOSSAK0000000001\"\nsk = \"acme-secret\"\n",
    )
    .unwrap();
    let data = dir.path().join("data");
    let sb = Sandbox::start(&data, &["--accounts", file.to_str().unwrap()]);
    assert_eq!(sb.info["accounts"].as_array().unwrap().len(), 1);
    assert_eq!(sb.info["accounts"][0]["domain_name"], "acme");
    assert_eq!(
        sb.user(0, 0),
        (
            "ACMEBOSSAK0000000001".to_string(),
            "acme-secret".to_string()
        )
    );
    let (status, _, _) = call(&sb, (0, 0), "GET", "/v2/manage/namespaces", &[], None).await;
    assert_eq!(status, 200);
}

#[test]
fn closing_stdin_stops_the_sandbox_when_asked() {
    use std::io::{BufRead, BufReader};
    use std::process::{Command, Stdio};

    swr_testkit::require("/usr/bin/docker-registry", "docker-registry");
    let dir = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_swr-sandbox"))
        .arg("--data")
        .arg(dir.path())
        .arg("--exit-on-stdin-eof")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    assert!(line.starts_with("{\"api_endpoint\":"), "{line}");
    drop(child.stdin.take());
    let mut exited = None;
    for _ in 0..100 {
        exited = child.try_wait().unwrap();
        if exited.is_some() {
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    if exited.is_none() {
        let _ = child.kill();
    }
    assert!(
        exited.is_some_and(|s| s.success()),
        "exits cleanly once stdin closes"
    );
    std::thread::sleep(Duration::from_millis(200));
    assert_eq!(registry_children_of(dir.path()), 0);
}

#[tokio::test]
async fn added_latency_slows_every_request() {
    let dir = tempfile::tempdir().unwrap();
    let sb = Sandbox::start(dir.path(), &["--fault-latency-ms", "300"]);
    let started = std::time::Instant::now();
    let resp = reqwest::get(format!("http://{}/v2/", sb.registry()))
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 401);
    assert!(started.elapsed() >= Duration::from_millis(300));
    let started = std::time::Instant::now();
    let (status, _, _) = call(&sb, (0, 0), "GET", "/v2/manage/namespaces", &[], None).await;
    assert_eq!(status, 200);
    assert!(started.elapsed() >= Duration::from_millis(300));
}
