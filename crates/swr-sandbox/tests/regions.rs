//! Several regions in one sandbox: separate endpoints, state and images over one registry.

mod common;

use common::*;

#[tokio::test]
async fn each_region_keeps_its_own_organizations_and_images() {
    let dir = tempfile::tempdir().unwrap();
    let sb = Sandbox::start(dir.path(), &["--regions", "cn-north-4,cn-east-3"]);
    let (north, east) = (sb.region(0), sb.region(1));
    assert_eq!(north.info["region"], "cn-north-4");
    assert_eq!(
        north.api(),
        sb.api(),
        "the top-level fields are the first region"
    );
    assert_eq!(east.info["region"], "cn-east-3");
    assert_ne!(east.api(), north.api());
    assert_ne!(east.registry(), north.registry());
    assert_ne!(east.info["project_id"], north.info["project_id"]);

    // The same account and keys everywhere; organizations are per region.
    create_namespace(&north, "team").await;
    let (status, _, _) = call(
        &east,
        (0, 0),
        "GET",
        "/v2/manage/namespaces/team",
        &[],
        None,
    )
    .await;
    assert_eq!(status, 404, "team exists only in cn-north-4 so far");
    create_namespace(&east, "team").await;

    // A login names its region.
    let scope = "repository:team/app:pull,push";
    let (status, _) = token(&east, &north.basic(0, 0), scope).await;
    assert_eq!(status, 401, "cn-north-4@AK is not a cn-east-3 login");
    let (_, north_token) = token(&north, &north.basic(0, 0), scope).await;
    let (_, east_token) = token(&east, &east.basic(0, 0), scope).await;
    let (north_token, east_token) = (north_token.unwrap(), east_token.unwrap());

    // The same name in both regions holds different images; uploads follow the gateway's
    // upload locations, so a region prefix leaking out would fail the second region's push.
    let in_north = push_image(&north, &north_token, "team/app", "v1", "north")
        .await
        .unwrap();
    let in_east = push_image(&east, &east_token, "team/app", "v1", "east")
        .await
        .unwrap();
    assert_ne!(in_north, in_east);
    assert_eq!(
        manifest_digest(&north, &north_token, "team/app", "v1").await,
        in_north
    );
    assert_eq!(
        manifest_digest(&east, &east_token, "team/app", "v1").await,
        in_east
    );
    let (status, list) = registry_json(&east, &east_token, "/v2/team/app/tags/list").await;
    assert_eq!(status, 200);
    assert_eq!(list["name"], "team/app", "{list}");
    assert_eq!(list["tags"], serde_json::json!(["v1"]));
    let (_, _, tag) = call(
        &east,
        (0, 0),
        "GET",
        "/v2/manage/namespaces/team/repos/app/tags/v1",
        &[],
        None,
    )
    .await;
    assert_eq!(tag["digest"], in_east.as_str());

    // A cross-repository mount inside the second region finds the blob in its own part.
    let layer = swr_sandbox::seed::image::build("east")
        .unwrap()
        .layer_digest;
    let (_, mount_token) = token(
        &east,
        &east.basic(0, 0),
        "repository:team/copy:pull,push&scope=repository:team/app:pull",
    )
    .await;
    let resp = reqwest::Client::new()
        .post(format!(
            "http://{}/v2/team/copy/blobs/uploads/?mount={layer}&from=team/app",
            east.registry()
        ))
        .bearer_auth(mount_token.unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 201, "mounted, not a new upload");
    let location = resp.headers()["location"].to_str().unwrap();
    assert!(
        location.contains("/v2/team/copy/blobs/"),
        "location {location} names the repository as the client does"
    );

    // Both regions come back after a restart, each from its own state file.
    drop((north, east));
    sb.stop();
    assert!(dir.path().join("state.json").exists());
    assert!(dir.path().join("state.cn-east-3.json").exists());
    let sb = Sandbox::start(dir.path(), &["--regions", "cn-north-4,cn-east-3"]);
    let east = sb.region(1);
    let (_, east_token) = token(&east, &east.basic(0, 0), "repository:team/app:pull").await;
    assert_eq!(
        manifest_digest(&east, &east_token.unwrap(), "team/app", "v1").await,
        in_east
    );
}

#[tokio::test]
async fn region_lists_are_checked() {
    let dir = tempfile::tempdir().unwrap();
    for bad in [
        &["--regions", "cn-north-4,cn-north-4"][..],
        &["--regions", "cn-north-4,Mars"][..],
        &["--region", "cn-north-4", "--regions", "cn-east-3"][..],
        &[
            "--regions",
            "cn-north-4",
            "--listen",
            "127.0.0.1:0,127.0.0.1:0",
        ][..],
    ] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_swr-sandbox"))
            .arg("--data")
            .arg(dir.path())
            .args(bad)
            .stdin(std::process::Stdio::null())
            .output()
            .unwrap();
        assert!(!out.status.success(), "{bad:?} was accepted");
        assert!(out.stdout.is_empty(), "{bad:?} printed a ready line");
    }
}
