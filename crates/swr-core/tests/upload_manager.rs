//! The app's upload manager against a real sandboxed registry: files added as drafts are
//! validated, targeted per image, queued and pushed one after another with the chosen
//! profile; bad files and bad targets are refused with their reason; a cancel leaves no tag;
//! and a queue interrupted by the app closing comes back and finishes without resending the
//! blobs it had confirmed.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use swr_api::Sensitive;
use swr_archive::fixtures::{Archive, ImageBuilder, Layer, Layout};
use swr_core::credentials::{CredentialStore, MemoryVault, Persistence};
use swr_core::profiles::{EndpointOverrides, Profile, ProfileStore};
use swr_core::sessions::Sessions;
use swr_core::uploads::{
    FailureKind, ImageOverrideInput, ItemState, Step, TargetInput, UploadEvent, UploadManager,
    UploadsSignal, UploadsView, ValidationState,
};

type Signals = Arc<Mutex<Vec<UploadsSignal>>>;

fn layer(seed: u8, len: u32) -> Layer {
    Layer::new().file(
        "data.bin",
        (0..len)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 11) as u8 ^ seed)
            .collect::<Vec<u8>>(),
    )
}

struct App {
    config: tempfile::TempDir,
    profiles: Arc<ProfileStore>,
    credentials: Arc<CredentialStore>,
}

impl App {
    /// A config dir with one active profile for `user` of the sandbox.
    fn new(sb: &swr_testkit::Sandbox, admin: bool) -> Self {
        let config = tempfile::tempdir().unwrap();
        let profiles = Arc::new(ProfileStore::open(config.path()));
        let credentials = Arc::new(CredentialStore::new(Box::new(MemoryVault::default())));
        let user = sb.user(0, admin);
        profiles
            .upsert(Profile {
                id: "sandbox".into(),
                name: "Sandbox".into(),
                region: sb.ready.region.clone(),
                project_id: Some(sb.ready.project_id.clone()),
                access_key_id: user.ak.clone(),
                endpoints: EndpointOverrides {
                    api: Some(sb.ready.api_endpoint.clone()),
                    registry: Some(sb.ready.registry.clone()),
                    iam: None,
                    regions: None,
                },
                ca_bundle: None,
                proxy: None,
                insecure_skip_tls_verify: false,
            })
            .unwrap();
        profiles.set_active("sandbox").unwrap();
        credentials
            .save(
                &user.ak,
                &Sensitive::new(user.sk.clone()),
                Persistence::Session,
            )
            .unwrap();
        Self {
            config,
            profiles,
            credentials,
        }
    }

    fn open(&self, runtime: tokio::runtime::Handle) -> (Arc<UploadManager>, Signals) {
        let signals: Signals = Arc::default();
        let sink = signals.clone();
        let manager = UploadManager::open(
            self.config.path(),
            self.profiles.clone(),
            Arc::new(Sessions::new(
                self.profiles.clone(),
                self.credentials.clone(),
            )),
            Arc::new(move |s| sink.lock().unwrap().push(s)),
            runtime,
        )
        .unwrap();
        (manager, signals)
    }
}

async fn wait_for(
    manager: &UploadManager,
    what: &str,
    pred: impl Fn(&UploadsView) -> bool,
) -> UploadsView {
    let start = Instant::now();
    loop {
        let view = manager.view();
        if pred(&view) {
            return view;
        }
        assert!(
            start.elapsed() < Duration::from_secs(120),
            "timed out waiting for {what}; last view: {view:#?}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

fn validated(view: &UploadsView, id: u64) -> bool {
    view.items
        .iter()
        .any(|i| i.id == id && matches!(i.validation, ValidationState::Done { .. }))
}

fn state(view: &UploadsView, id: u64) -> ItemState {
    view.items
        .iter()
        .find(|i| i.id == id)
        .unwrap()
        .state
        .clone()
}

fn target(org: &str, images: Vec<ImageOverrideInput>) -> TargetInput {
    TargetInput {
        profile_id: Some("sandbox".into()),
        organization: Some(org.into()),
        images,
        compress: true,
    }
}

/// The first image of a file under another name and tag.
fn renamed(name: &str, tag: &str) -> Vec<ImageOverrideInput> {
    vec![ImageOverrideInput {
        index: 0,
        name: Some(name.into()),
        tags: vec![tag.into()],
    }]
}

fn write(path: &Path, archive: Archive) -> PathBuf {
    archive.write(path).unwrap();
    path.to_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn drafts_are_checked_targeted_and_pushed_one_after_another() {
    let sb = swr_testkit::Sandbox::start(&[]);
    sb.create_org("team-a").await;
    let app = App::new(&sb, true);
    let dir = tempfile::tempdir().unwrap();
    let tagged = write(
        &dir.path().join("web.tar"),
        Archive::new(Layout::DockerArchive).image(
            ImageBuilder::new()
                .tag("docker.io/library/web:1.2")
                .tag("docker.io/library/web:latest")
                .layer(layer(1, 300_000)),
        ),
    );
    let untagged = write(
        &dir.path().join("untagged.tar"),
        Archive::new(Layout::DockerArchive).image(ImageBuilder::new().layer(layer(2, 300_000))),
    );
    let (manager, signals) = app.open(tokio::runtime::Handle::current());
    let ids = manager
        .add_files(vec![tagged.clone(), untagged.clone()])
        .unwrap();
    let (a, b) = (ids[0], ids[1]);
    // Adding a file already in the list gives back its item instead of a second one.
    assert_eq!(manager.add_files(vec![tagged.clone()]).unwrap(), vec![a]);

    let view = wait_for(&manager, "both reports", |v| {
        validated(v, a) && validated(v, b)
    })
    .await;
    let item_a = view.items.iter().find(|i| i.id == a).unwrap();
    assert_eq!(item_a.state, ItemState::Draft);
    assert_eq!(item_a.profile_id.as_deref(), Some("sandbox"));
    assert_eq!(item_a.images[0].name.as_deref(), Some("web"));
    // One image saved with two tags keeps both, as `swrctl push` does.
    assert_eq!(item_a.images[0].tags, ["1.2", "latest"]);
    // No organization yet: that is the one thing keeping it from the queue.
    let rules: Vec<&str> = item_a
        .problems
        .iter()
        .map(|p| p.violation.rule.as_str())
        .collect();
    assert_eq!(rules, ["organization.required"]);
    let refused = manager.enqueue(&[a]).unwrap_err().to_string();
    assert!(refused.contains("organization"), "{refused}");

    manager.set_target(a, target("team-a", vec![])).unwrap();
    let item_a = manager.view_of(a).unwrap();
    assert!(item_a.problems.is_empty(), "{:?}", item_a.problems);
    assert_eq!(
        item_a.images[0].references,
        [
            format!("{}/team-a/web:1.2", sb.ready.registry),
            format!("{}/team-a/web:latest", sb.ready.registry)
        ]
    );
    // The form sends back the list it shows, edited: the preview follows it.
    manager
        .set_target(
            a,
            target(
                "team-a",
                vec![ImageOverrideInput {
                    index: 0,
                    name: None,
                    tags: vec!["1.2".into(), " latest ".into(), "1.2".into()],
                }],
            ),
        )
        .unwrap();
    let item_a = manager.view_of(a).unwrap();
    assert_eq!(item_a.images[0].tags, ["1.2", "latest"]);
    assert_eq!(item_a.images[0].references.len(), 2);

    // The untagged image needs a name; a tag with a space is named as the problem.
    manager.set_target(b, target("team-a", vec![])).unwrap();
    let item_b = manager.view_of(b).unwrap();
    assert_eq!(item_b.problems[0].image, Some(0));
    assert_eq!(item_b.problems[0].violation.rule, "repository.required");
    manager
        .set_target(b, target("team-a", renamed("jobs", "bad tag")))
        .unwrap();
    let item_b = manager.view_of(b).unwrap();
    assert_eq!(item_b.problems.len(), 1);
    assert_eq!(item_b.problems[0].violation.field, "tag");
    manager
        .set_target(b, target("team-a", renamed("jobs", "nightly")))
        .unwrap();

    manager.enqueue(&[a, b]).unwrap();
    // The end of the queue is announced once both are pushed, and the queue stops.
    let drained = || {
        signals
            .lock()
            .unwrap()
            .iter()
            .any(|s| matches!(s, UploadsSignal::Drained { done: 2, failed: 0 }))
    };
    let start = Instant::now();
    while !drained() {
        assert!(
            start.elapsed() < Duration::from_secs(120),
            "the queue never drained"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let view = manager.view();
    assert!(matches!(state(&view, b), ItemState::Done { .. }));
    assert!(!view.running, "the queue stops when it runs out of work");
    let ItemState::Done { pushed } = state(&view, a) else {
        unreachable!()
    };
    assert!(pushed[0].starts_with(&format!("{}/team-a/web:1.2@sha256:", sb.ready.registry)));
    assert_eq!(pushed.len(), 2, "{pushed:?}");
    sb.skopeo_inspect(sb.user(0, true), "team-a/web:1.2", false);
    sb.skopeo_inspect(sb.user(0, true), "team-a/web:latest", false);
    sb.skopeo_inspect(sb.user(0, true), "team-a/jobs:nightly", false);
    assert!(view.live.is_empty());

    // The next file is aimed where the last ones went.
    let next = write(
        &dir.path().join("next.tar"),
        Archive::new(Layout::DockerArchive)
            .image(ImageBuilder::new().tag("web:2").layer(layer(9, 1000))),
    );
    let c = manager.add_files(vec![next]).unwrap()[0];
    assert_eq!(
        manager.view_of(c).unwrap().organization.as_deref(),
        Some("team-a")
    );

    let signals = signals.lock().unwrap();
    let at = |pred: &dyn Fn(&UploadsSignal) -> bool| signals.iter().position(pred).unwrap();
    // One file at a time: b starts after a finished; the end of the queue is announced.
    assert!(
        at(
            &|s| matches!(s, UploadsSignal::Queue(UploadEvent::Finished { item, .. }) if *item == a)
        ) < at(
            &|s| matches!(s, UploadsSignal::Queue(UploadEvent::Started { item, .. }) if *item == b)
        )
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_files_and_targets_are_refused_with_their_reason() {
    let sb = swr_testkit::Sandbox::start(&[]);
    sb.create_org("team-b").await;
    let dir = tempfile::tempdir().unwrap();
    let junk = dir.path().join("notes.tar");
    std::fs::write(&junk, b"this is not a tar archive at all").unwrap();
    let good = write(
        &dir.path().join("app.tar"),
        Archive::new(Layout::DockerArchive).image(
            ImageBuilder::new()
                .tag("team-b/app:1")
                .layer(layer(3, 100_000)),
        ),
    );

    let app = App::new(&sb, true);
    let (manager, _) = app.open(tokio::runtime::Handle::current());
    let ids = manager.add_files(vec![junk, good.clone()]).unwrap();
    let (bad, ok) = (ids[0], ids[1]);
    wait_for(&manager, "reports", |v| {
        validated(v, bad) && validated(v, ok)
    })
    .await;
    let refused = manager.enqueue(&[bad]).unwrap_err().to_string();
    assert!(
        refused.contains("notes.tar") && refused.contains("not a valid image archive"),
        "{refused}"
    );

    // An organization that does not exist is named before anything is sent.
    manager
        .set_target(ok, target("no-such-org", vec![]))
        .unwrap();
    manager.enqueue(&[ok]).unwrap();
    let view = wait_for(&manager, "the failure", |v| {
        matches!(state(v, ok), ItemState::Failed { .. })
    })
    .await;
    let ItemState::Failed { kind, message, .. } = state(&view, ok) else {
        unreachable!()
    };
    assert_eq!(kind, FailureKind::OrganizationMissing, "{message}");
    assert!(message.contains("no-such-org"), "{message}");

    // A user without write permission on the organization is told so.
    let reader = App::new(&sb, false);
    let (manager, _) = reader.open(tokio::runtime::Handle::current());
    let id = manager.add_files(vec![good]).unwrap()[0];
    wait_for(&manager, "report", |v| validated(v, id)).await;
    manager.set_target(id, target("team-b", vec![])).unwrap();
    manager.enqueue(&[id]).unwrap();
    let view = wait_for(&manager, "the refusal", |v| {
        matches!(state(v, id), ItemState::Failed { .. })
    })
    .await;
    let ItemState::Failed {
        kind, transient, ..
    } = state(&view, id)
    else {
        unreachable!()
    };
    assert_eq!(kind, FailureKind::PermissionDenied);
    assert!(!transient);
    let denied = std::process::Command::new("skopeo")
        .args(["inspect", "--tls-verify=false", "--creds"])
        .arg(sb.skopeo_creds(sb.user(0, true)))
        .arg(format!("docker://{}/team-b/app:1", sb.ready.registry))
        .output()
        .unwrap();
    assert!(!denied.status.success(), "nothing was tagged");
}

/// Three 8 MB layers behind 150 ms of latency per request: long enough to act mid-push.
fn slow_archive(dir: &Path) -> PathBuf {
    write(
        &dir.join("big.tar"),
        Archive::new(Layout::DockerArchive).image(
            ImageBuilder::new()
                .tag("team-c/big:1")
                .layer(layer(4, 8 << 20))
                .layer(layer(5, 8 << 20))
                .layer(layer(6, 8 << 20)),
        ),
    )
}

fn tag_exists(sb: &swr_testkit::Sandbox, reference: &str) -> bool {
    std::process::Command::new("skopeo")
        .args(["inspect", "--raw", "--tls-verify=false", "--creds"])
        .arg(sb.skopeo_creds(sb.user(0, true)))
        .arg(format!("docker://{}/{reference}", sb.ready.registry))
        .output()
        .unwrap()
        .status
        .success()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_cancel_mid_push_leaves_no_tag() {
    let sb = swr_testkit::Sandbox::start(&["--fault-latency-ms", "150"]);
    sb.create_org("team-c").await;
    let dir = tempfile::tempdir().unwrap();
    let file = slow_archive(dir.path());
    let app = App::new(&sb, true);
    let (manager, signals) = app.open(tokio::runtime::Handle::current());
    let id = manager.add_files(vec![file]).unwrap()[0];
    wait_for(&manager, "report", |v| validated(v, id)).await;
    manager.set_target(id, target("team-c", vec![])).unwrap();
    manager.enqueue(&[id]).unwrap();
    let pushing = |s: &UploadsSignal| matches!(s, UploadsSignal::Queue(UploadEvent::Progress { done, total, .. }) if *done > 0 && done < total);
    let start = Instant::now();
    while !signals.lock().unwrap().iter().any(pushing) {
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "no progress; view: {:#?}\nlast signals: {:#?}",
            manager.view(),
            signals
                .lock()
                .unwrap()
                .iter()
                .rev()
                .take(5)
                .collect::<Vec<_>>()
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    manager.cancel(id).unwrap();
    // Cancelled, and the queue has let go of it.
    wait_for(&manager, "the cancel", |v| {
        state(v, id) == ItemState::Cancelled && v.current.is_none()
    })
    .await;
    assert!(!tag_exists(&sb, "team-c/big:1"));
    // Retried, it goes through.
    manager.retry(id).unwrap();
    wait_for(&manager, "the retry", |v| {
        matches!(state(v, id), ItemState::Done { .. })
    })
    .await;
    assert!(tag_exists(&sb, "team-c/big:1"));
    // Layers in flight are reported one by one, and the read-back check is a step of its own.
    let signals = signals.lock().unwrap();
    assert!(signals.iter().any(|s| matches!(
        s,
        UploadsSignal::Queue(UploadEvent::Progress { layers, .. })
            if layers.iter().any(|l| l.done > 0 && l.done <= l.total)
    )));
    assert!(signals.iter().any(|s| matches!(
        s,
        UploadsSignal::Queue(UploadEvent::Step { item, step: Step::Verifying, .. }) if *item == id
    )));
}

#[test]
fn a_queue_interrupted_by_closing_the_app_resumes_without_resending_confirmed_blobs() {
    let sb = swr_testkit::Sandbox::start(&["--fault-latency-ms", "150"]);
    let dir = tempfile::tempdir().unwrap();
    let file = slow_archive(dir.path());
    let app = App::new(&sb, true);

    // The first run of the app: queue the file, then close the app once a blob is confirmed.
    let first = tokio::runtime::Runtime::new().unwrap();
    let id = first.block_on(async {
        sb.create_org("team-c").await;
        let (manager, _) = app.open(tokio::runtime::Handle::current());
        let id = manager.add_files(vec![file.clone()]).unwrap()[0];
        wait_for(&manager, "report", |v| validated(v, id)).await;
        manager.set_target(id, target("team-c", vec![])).unwrap();
        manager.enqueue(&[id]).unwrap();
        wait_for(&manager, "a confirmed blob", |v| {
            v.items[0].confirmed_blobs > 0
        })
        .await;
        id
    });
    first.shutdown_background();
    assert!(!tag_exists(&sb, "team-c/big:1"));

    // The next run: the item comes back, is reported as resumed and finishes on its own.
    let second = tokio::runtime::Runtime::new().unwrap();
    second.block_on(async {
        let (manager, signals) = app.open(tokio::runtime::Handle::current());
        let view = manager.view();
        assert_eq!(view.resumed, [id]);
        assert!(view.items[0].resumed);
        assert!(view.running);
        // Done, and no longer reported as resumed.
        wait_for(&manager, "the resumed push", |v| {
            matches!(state(v, id), ItemState::Done { .. }) && v.resumed.is_empty()
        })
        .await;
        let skipped = signals
            .lock()
            .unwrap()
            .iter()
            .filter_map(|s| match s {
                UploadsSignal::Queue(UploadEvent::Progress { skipped, .. }) => Some(*skipped),
                _ => None,
            })
            .max()
            .unwrap();
        assert!(skipped > 0, "confirmed blobs were sent again");
    });
    assert!(tag_exists(&sb, "team-c/big:1"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_lost_network_makes_the_item_wait_and_a_cancel_ends_the_wait() {
    let sb = swr_testkit::Sandbox::start(&[]);
    let app = App::new(&sb, true);
    // The registry and API move to a port where nothing listens.
    let closed = swr_testkit::ClosedPort::new();
    let mut profile = app.profiles.get("sandbox").unwrap();
    profile.endpoints.registry = Some(closed.addr().to_string());
    profile.endpoints.api = Some(format!("http://{}", closed.addr()));
    app.profiles.upsert(profile).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        &dir.path().join("app.tar"),
        Archive::new(Layout::DockerArchive).image(
            ImageBuilder::new()
                .tag("team-d/app:1")
                .layer(layer(7, 50_000)),
        ),
    );
    let (manager, signals) = app.open(tokio::runtime::Handle::current());
    let id = manager.add_files(vec![file]).unwrap()[0];
    wait_for(&manager, "report", |v| validated(v, id)).await;
    manager.set_target(id, target("team-d", vec![])).unwrap();
    manager.enqueue(&[id]).unwrap();
    let start = Instant::now();
    let waiting = loop {
        let found = signals.lock().unwrap().iter().find_map(|s| match s {
            UploadsSignal::Queue(UploadEvent::Waiting {
                kind,
                retry_in_secs,
                ..
            }) => Some((*kind, *retry_in_secs)),
            _ => None,
        });
        if let Some(found) = found {
            break found;
        }
        assert!(
            start.elapsed() < Duration::from_secs(90),
            "it never waited: {:?}",
            signals.lock().unwrap()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    assert_eq!(waiting, (FailureKind::Network, 5));
    // While it waits the item is still the queue's current one, not failed, and a screen
    // opened now learns about the wait from the view.
    let view = manager.view();
    assert_eq!(state(&view, id), ItemState::Running);
    assert!(view.live.iter().any(|e| matches!(
        e,
        UploadEvent::Waiting { kind: FailureKind::Network, retry_in_secs, .. } if *retry_in_secs <= 5
    )));
    manager.cancel(id).unwrap();
    wait_for(&manager, "the cancel", |v| {
        state(v, id) == ItemState::Cancelled
    })
    .await;
}
