//! Two `swrctl push` runs on one machine share one journal. The second waits for the first
//! instead of taking the first one's running items for ones a crash left behind (it would
//! re-queue and then cancel them). No registry is needed: the run is held before it connects.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use swr_core::uploads::JournalLock;

#[test]
fn a_second_push_waits_for_the_journal_and_then_runs() {
    let config = tempfile::tempdir().unwrap();
    let journal = config.path().join("swrctl-uploads.json");
    let first = JournalLock::try_acquire(&journal)
        .unwrap()
        .expect("the journal starts free");

    let archive = config.path().join("missing.tar");
    let mut second = Command::new(env!("CARGO_BIN_EXE_swrctl"))
        .args(["push", "--org", "team"])
        .arg(&archive)
        .env("SWR_CONSOLE_CONFIG_DIR", config.path())
        .env("SWR_REGION", "cn-north-4")
        .env("SWR_AK", "AKAKAKAKAKAKAKAKAKAK")
        .env("SWR_SK", "secret")
        .env("SWR_PROJECT_ID", "p1")
        .env("SWR_API_ENDPOINT", "http://127.0.0.1:1")
        .env("SWR_REGISTRY", "127.0.0.1:1")
        .env("SWR_INSECURE", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = BufReader::new(second.stderr.take().unwrap());
    let mut line = String::new();
    stderr.read_line(&mut line).unwrap();
    assert!(
        line.contains("another swrctl push is running") && line.contains("swrctl-uploads.json"),
        "{line}"
    );

    // While the first run holds the journal, the second one neither ends nor writes it.
    std::thread::sleep(Duration::from_millis(800));
    assert!(
        second.try_wait().unwrap().is_none(),
        "the second run gave up"
    );
    assert!(
        !journal.exists(),
        "the second run wrote the journal while waiting"
    );

    // Once the first run ends, the second one goes on: its item is journalled (and fails,
    // since the archive does not exist).
    drop(first);
    let deadline = Instant::now() + Duration::from_secs(60);
    let status = loop {
        if let Some(status) = second.try_wait().unwrap() {
            break status;
        }
        assert!(Instant::now() < deadline, "the second run did not go on");
        std::thread::sleep(Duration::from_millis(100));
    };
    let mut rest = String::new();
    std::io::Read::read_to_string(&mut stderr, &mut rest).unwrap();
    assert_eq!(status.code(), Some(1), "{rest}");
    assert!(rest.contains("missing.tar"), "{rest}");
    let written = std::fs::read_to_string(&journal).unwrap();
    assert!(written.contains("missing.tar"), "{written}");
}
