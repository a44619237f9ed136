use swr_api::model::CreateTriggerRequest;
use swr_api::ErrorKind;

use swr_testkit::Sandbox;

fn request(name: &str) -> CreateTriggerRequest {
    CreateTriggerRequest {
        name: name.to_owned(),
        enable: true,
        action: "update".into(),
        trigger_mode: "cce".into(),
        trigger_type: "tag".into(),
        condition: "v2".into(),
        app_type: "deployments".into(),
        application: "api".into(),
        cluster_id: "00000000-0000-0000-0000-000000000001".into(),
        cluster_name: "prod".into(),
        cluster_ns: "default".into(),
        container: String::new(),
    }
}

#[tokio::test]
async fn trigger_lifecycle() {
    let sb = Sandbox::start(&["--seed", "demo"]);
    let alpha = sb.admin(0);
    let (ns, repo) = ("demo-apps", "api");

    alpha
        .create_trigger(ns, repo, &request("deploy-api"))
        .await
        .unwrap();
    let list = alpha.list_triggers(ns, repo).await.unwrap();
    let t = list
        .iter()
        .find(|t| t.name == "deploy-api")
        .expect("listed");
    assert!(t.enable, "\"true\" on the wire reads as enabled");
    assert_eq!(t.trigger_type, "tag");
    assert_eq!(t.condition, "v2");

    alpha
        .set_trigger_enabled(ns, repo, "deploy-api", false)
        .await
        .unwrap();
    let shown = alpha.show_trigger(ns, repo, "deploy-api").await.unwrap();
    assert!(!shown.enable);
    assert_eq!(shown.application, "api");

    let err = alpha
        .create_trigger(ns, repo, &request("deploy__api"))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);

    alpha.delete_trigger(ns, repo, "deploy-api").await.unwrap();
    let err = alpha
        .show_trigger(ns, repo, "deploy-api")
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound, "{err}");

    // The demo's trigger on web has a history entry type that decodes.
    let web = alpha.list_triggers(ns, "web").await.unwrap();
    assert!(!web.is_empty(), "the demo seeds a trigger on web");
}
