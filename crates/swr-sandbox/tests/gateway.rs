//! The registry gateway as docker-style clients see it: challenge, realm, scope cutting,
//! pushes recorded for the management API, permissions and shares honoured at pull time.

mod common;

use common::*;
use serde_json::json;

#[tokio::test]
async fn base_endpoint_challenges_with_the_swr_realm() {
    let dir = tempfile::tempdir().unwrap();
    let sb = Sandbox::start(dir.path(), &[]);
    let resp = reqwest::get(format!("http://{}/v2/", sb.registry()))
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 401);
    let challenge = resp.headers()["www-authenticate"]
        .to_str()
        .unwrap()
        .to_string();
    assert_eq!(
        challenge,
        format!(
            "Bearer realm=\"http://{}/swr/auth/v2/registry/auth/\",service=\"dockyard\"",
            sb.registry()
        )
    );
    assert!(resp.headers().contains_key("x-request-id"));
    let catalog = reqwest::get(format!("http://{}/v2/_catalog", sb.registry()))
        .await
        .unwrap();
    assert_ne!(catalog.status().as_u16(), 200, "_catalog is not served");
}

#[tokio::test]
async fn realm_refuses_bad_keys_and_unknown_organizations() {
    let dir = tempfile::tempdir().unwrap();
    let sb = Sandbox::start(dir.path(), &[]);
    let good = sb.basic(0, 0);
    let (status, _) = token(&sb, &good, "repository:nosuchorg/app:pull,push").await;
    assert_eq!(status, 401);
    let bad = format!(
        "Basic {}",
        base64::Engine::encode(
            &base64::engine::general_purpose::STANDARD,
            "cn-north-4@AK:nope"
        )
    );
    let (status, _) = token(&sb, &bad, "").await;
    assert_eq!(status, 401);
}

#[tokio::test]
async fn push_is_recorded_and_permissions_cut_scopes() {
    let dir = tempfile::tempdir().unwrap();
    let sb = Sandbox::start(dir.path(), &[]);
    create_namespace(&sb, "team").await;
    let scope = "repository:team/app:pull,push";
    let (_, admin_token) = token(&sb, &sb.basic(0, 0), scope).await;
    let admin_token = admin_token.unwrap();
    let digest = push_image(&sb, &admin_token, "team/app", "v1", "one")
        .await
        .unwrap();

    // the management API sees the tag with its digest and the repository created by the push
    let (status, _, tag) = call(
        &sb,
        (0, 0),
        "GET",
        "/v2/manage/namespaces/team/repos/app/tags/v1",
        &[],
        None,
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(tag["digest"], digest.as_str());
    assert!(tag["size"].as_u64().unwrap() > 0);
    let (_, _, repo) = call(
        &sb,
        (0, 0),
        "GET",
        "/v2/manage/namespaces/team/repos/app",
        &[],
        None,
    )
    .await;
    assert_eq!(repo["is_public"], false);
    assert_eq!(repo["num_images"], 1);

    // the IAM user without rights gets a token without actions: no pull, no push
    let (status, dev_token) = token(&sb, &sb.basic(0, 1), scope).await;
    assert_eq!(status, 200);
    let dev_token = dev_token.unwrap();
    assert_eq!(
        manifest_status(&sb, &dev_token, "team/app", "v1").await,
        403
    );
    assert_eq!(
        push_image(&sb, &dev_token, "team/app", "v2", "two").await,
        Err(403)
    );

    // another account cannot pull until the repository is shared with it
    let (_, beta_token) = token(&sb, &sb.basic(1, 0), scope).await;
    assert_eq!(
        manifest_status(&sb, &beta_token.unwrap(), "team/app", "v1").await,
        403
    );
    let share = json!({"access_domain": "sandbox-beta", "permit": "read", "deadline": "forever"});
    let (status, _, _) = call(
        &sb,
        (0, 0),
        "POST",
        "/v2/manage/namespaces/team/repositories/app/access-domains",
        &[],
        Some(share),
    )
    .await;
    assert_eq!(status, 201);
    let (_, beta_token) = token(&sb, &sb.basic(1, 0), scope).await;
    let beta_token = beta_token.unwrap();
    assert_eq!(
        manifest_status(&sb, &beta_token, "team/app", "v1").await,
        200
    );
    assert_eq!(
        push_image(&sb, &beta_token, "team/app", "v3", "three").await,
        Err(403)
    );
}

#[tokio::test]
async fn deleting_a_tag_keeps_other_tags_of_the_same_image() {
    let dir = tempfile::tempdir().unwrap();
    let sb = Sandbox::start(dir.path(), &[]);
    create_namespace(&sb, "team").await;
    let (_, t) = token(&sb, &sb.basic(0, 0), "repository:team/app:pull,push").await;
    let t = t.unwrap();
    push_image(&sb, &t, "team/app", "a", "same").await.unwrap();
    push_image(&sb, &t, "team/app", "b", "same").await.unwrap();
    let (status, _, _) = call(
        &sb,
        (0, 0),
        "DELETE",
        "/v2/manage/namespaces/team/repos/app/tags/a",
        &[],
        None,
    )
    .await;
    assert_eq!(status, 204);
    assert_eq!(manifest_status(&sb, &t, "team/app", "a").await, 404);
    assert_eq!(manifest_status(&sb, &t, "team/app", "b").await, 200);
}

#[tokio::test]
async fn blob_uploads_stream_through_without_being_buffered() {
    use futures::StreamExt;
    use sha2::Digest;

    const CHUNK: usize = 1 << 20;
    const CHUNKS: usize = 128;
    let dir = tempfile::tempdir().unwrap();
    let sb = Sandbox::start(dir.path(), &[]);
    create_namespace(&sb, "big").await;
    let (_, t) = token(&sb, &sb.basic(0, 0), "repository:big/blob:pull,push").await;
    let t = t.unwrap();
    let chunk = bytes::Bytes::from(
        (0..CHUNK)
            .map(|i| (i * 31 % 251) as u8)
            .collect::<Vec<u8>>(),
    );
    let mut hasher = sha2::Sha256::new();
    for _ in 0..CHUNKS {
        hasher.update(&chunk);
    }
    let digest = format!("sha256:{}", hex::encode(hasher.finalize()));
    let client = reqwest::Client::new();
    let base = format!("http://{}", sb.registry());
    let start = client
        .post(format!("{base}/v2/big/blob/blobs/uploads/"))
        .bearer_auth(&t)
        .send()
        .await
        .unwrap();
    let location = start.headers()["location"].to_str().unwrap().to_string();
    let url = if location.starts_with("http") {
        location
    } else {
        format!("{base}{location}")
    };
    let sep = if url.contains('?') { '&' } else { '?' };
    let body =
        futures::stream::iter((0..CHUNKS).map(move |_| Ok::<_, std::io::Error>(chunk.clone())));
    let put = client
        .put(format!("{url}{sep}digest={digest}"))
        .bearer_auth(&t)
        .header("Content-Length", (CHUNK * CHUNKS).to_string())
        .body(reqwest::Body::wrap_stream(body.boxed()))
        .send()
        .await
        .unwrap();
    assert_eq!(put.status().as_u16(), 201);
    let peak = sb.peak_rss_kib();
    assert!(
        peak > 0 && peak < 64 * 1024,
        "sandbox peak RSS {peak} KiB for a 128 MiB blob"
    );
}

#[tokio::test]
async fn manifest_deleted_through_the_registry_leaves_the_tag_list() {
    let dir = tempfile::tempdir().unwrap();
    let sb = Sandbox::start(dir.path(), &[]);
    create_namespace(&sb, "team").await;
    let (_, t) = token(&sb, &sb.basic(0, 0), "repository:team/app:pull,push").await;
    let digest = push_image(&sb, &t.unwrap(), "team/app", "gone", "delete me")
        .await
        .unwrap();
    let delete = |bearer: String| {
        let url = format!("http://{}/v2/team/app/manifests/{digest}", sb.registry());
        async move {
            reqwest::Client::new()
                .delete(url)
                .bearer_auth(bearer)
                .send()
                .await
                .unwrap()
                .status()
                .as_u16()
        }
    };
    // delete is granted on existing repositories, to users with manage only
    let (_, dev) = token(&sb, &sb.basic(0, 1), "repository:team/app:delete").await;
    assert_eq!(delete(dev.unwrap()).await, 403);
    let (_, admin) = token(&sb, &sb.basic(0, 0), "repository:team/app:delete").await;
    assert_eq!(delete(admin.unwrap()).await, 202);
    let (status, _, _) = call(
        &sb,
        (0, 0),
        "GET",
        "/v2/manage/namespaces/team/repos/app/tags/gone",
        &[],
        None,
    )
    .await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn a_name_with_dot_segments_cannot_reach_another_organization() {
    let dir = tempfile::tempdir().unwrap();
    let sb = Sandbox::start(dir.path(), &[]);
    // Account 0 owns `team/app`; account 1 owns only `beta-org`.
    create_namespace(&sb, "team").await;
    let (_, admin) = token(&sb, &sb.basic(0, 0), "repository:team/app:pull,push").await;
    let admin = admin.unwrap();
    push_image(&sb, &admin, "team/app", "v1", "one")
        .await
        .unwrap();
    let (status, _, body) = call(
        &sb,
        (1, 0),
        "POST",
        "/v2/manage/namespaces",
        &[],
        Some(json!({"namespace": "beta-org"})),
    )
    .await;
    assert_eq!(status, 201, "{body}");

    // The other account asks for its own organization with a path that climbs out of it, and
    // puts a manifest whose blobs `team/app` already holds.
    let manifest = swr_sandbox::seed::image::build("one").unwrap().manifest;
    for name in [
        "beta-org/../team/app",
        "beta-org/%2e%2e/team/app",
        "beta-org/./../team/app",
    ] {
        let (_, intruder) = token(
            &sb,
            &sb.basic(1, 0),
            &format!("repository:{name}:pull,push"),
        )
        .await;
        let intruder = intruder.unwrap_or_default();
        let (status, answer) = raw_request(
            &sb,
            "PUT",
            &format!("/v2/{name}/manifests/planted"),
            &intruder,
            &manifest,
        )
        .await;
        assert_eq!(status, 400, "{name}: {answer}");
        assert!(answer.contains("NAME_INVALID"), "{name}: {answer}");
        let (status, answer) = raw_request(
            &sb,
            "POST",
            &format!("/v2/{name}/blobs/uploads/"),
            &intruder,
            b"",
        )
        .await;
        assert_eq!(status, 400, "{name}: {answer}");
    }

    // Nothing appeared in the first account's organization, as its owner sees it.
    let (status, tags) = registry_json(&sb, &admin, "/v2/team/app/tags/list").await;
    assert_eq!(status, 200);
    assert_eq!(tags["tags"], json!(["v1"]));
    let (status, _, planted) = call(
        &sb,
        (0, 0),
        "GET",
        "/v2/manage/namespaces/team/repos/app/tags/planted",
        &[],
        None,
    )
    .await;
    assert_eq!(status, 404, "{planted}");
}
