//! The credential store against a real Secret Service: gnome-keyring on a private D-Bus.
//!
//! The test re-runs itself inside `dbus-run-session` with an unlocked gnome-keyring and a
//! throw-away home directory, so it never touches the developer's keyring. Missing tools fail
//! the test (CI installs `gnome-keyring dbus-x11`); a test that skipped would prove nothing.

// A failed expectation in a helper is a failed test, as in the test bodies.
#![allow(clippy::unwrap_used, clippy::expect_used)]
#![cfg(target_os = "linux")]

use std::process::Command;

use swr_api::Sensitive;
use swr_core::credentials::{CredentialError, CredentialStore, OsKeyring, Persistence};

const CHILD: &str = "SWR_CORE_KEYRING_TEST_CHILD";

fn in_private_keyring(test: &str) {
    for tool in ["dbus-run-session", "gnome-keyring-daemon"] {
        let found = Command::new("sh")
            .args(["-c", &format!("command -v {tool}")])
            .output()
            .is_ok_and(|o| o.status.success());
        assert!(
            found,
            "{tool} is missing: install gnome-keyring and dbus-x11"
        );
    }
    let home = tempfile::tempdir().unwrap();
    let exe = std::env::current_exe().unwrap();
    let status = Command::new("dbus-run-session")
        .args([
            "--",
            "sh",
            "-c",
            "echo -n test | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec \"$@\"",
            "sh",
        ])
        .arg(exe)
        .args([test, "--exact", "--nocapture"])
        .env(CHILD, "1")
        .env("HOME", home.path())
        .env("XDG_DATA_HOME", home.path().join("data"))
        .env("XDG_RUNTIME_DIR", home.path())
        .status()
        .expect("run dbus-run-session");
    assert!(
        status.success(),
        "the keyring test failed inside dbus-run-session"
    );
}

#[test]
fn secret_keys_round_trip_through_the_secret_service() {
    if std::env::var_os(CHILD).is_none() {
        return in_private_keyring("secret_keys_round_trip_through_the_secret_service");
    }
    let store = CredentialStore::new(Box::new(OsKeyring));
    let ak = "HPUAKEYRINGTEST00001";
    let sk = Sensitive::new("keyring-test-secret-value".to_owned());
    store.save(ak, &sk, Persistence::Keyring).unwrap();

    // A second store (as after an app restart) finds it in the keyring, not in memory.
    let reopened = CredentialStore::new(Box::new(OsKeyring));
    assert_eq!(reopened.secret_key(ak).unwrap().expose(), sk.expose());
    assert_eq!(reopened.persistence(ak), Some(Persistence::Keyring));

    reopened.delete(ak).unwrap();
    assert!(matches!(
        CredentialStore::new(Box::new(OsKeyring)).secret_key(ak),
        Err(CredentialError::Missing(_))
    ));
}

#[test]
fn without_a_session_bus_the_keyring_is_reported_unavailable() {
    if std::env::var_os(CHILD).is_some() {
        return;
    }
    // No D-Bus session at all, as on a headless server.
    let output = Command::new(std::env::current_exe().unwrap())
        .args(["probe_without_bus", "--exact", "--nocapture", "--ignored"])
        .env("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus")
        .env(CHILD, "probe")
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
}

#[test]
#[ignore = "run by without_a_session_bus_the_keyring_is_reported_unavailable"]
fn probe_without_bus() {
    let store = CredentialStore::new(Box::new(OsKeyring));
    let err = store
        .save("AKNOBUS", &Sensitive::new("s".into()), Persistence::Keyring)
        .unwrap_err();
    assert!(
        matches!(err, CredentialError::KeyringUnavailable(_)),
        "{err:?}"
    );
    store
        .save("AKNOBUS", &Sensitive::new("s".into()), Persistence::Session)
        .unwrap();
    assert_eq!(store.secret_key("AKNOBUS").unwrap().expose(), "s");
}
