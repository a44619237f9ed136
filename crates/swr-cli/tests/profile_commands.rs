//! `swrctl profile …` and `swrctl login-command` end to end, with the secret key in a real
//! gnome-keyring on a private D-Bus session and a throw-away home and config directory.
//!
//! Needs `dbus-run-session` and `gnome-keyring-daemon` (Debian `dbus-x11 gnome-keyring`); a
//! missing tool fails the test.

#![cfg(target_os = "linux")]
// A failed expectation in a helper is a failed test, as in the test bodies.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::Write;
use std::process::{Command, Stdio};

const SK: &str = "cli-test-secret-key-0042";
const AK: &str = "HPUACLITEST000000001";

/// Runs a shell script inside a private D-Bus session with an unlocked keyring.
fn in_keyring_session(script: &str) -> (bool, String, String) {
    let home = tempfile::tempdir().unwrap();
    let mut child = Command::new("dbus-run-session")
        .args([
            "--",
            "sh",
            "-c",
            "echo -n test | gnome-keyring-daemon --unlock --components=secrets >/dev/null && sh -e",
        ])
        .env("HOME", home.path())
        .env("XDG_DATA_HOME", home.path().join("data"))
        .env("SWR_CONSOLE_CONFIG_DIR", home.path().join("config"))
        .env("SWRCTL", env!("CARGO_BIN_EXE_swrctl"))
        .env("SK", SK)
        .env("AK", AK)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("dbus-run-session is missing: install dbus-x11 and gnome-keyring");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(script.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let config = std::fs::read_dir(home.path().join("config"))
        .map(|entries| {
            entries
                .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap_or_default())
                .collect::<String>()
        })
        .unwrap_or_default();
    assert!(
        !config.contains(SK) && !config.contains("proxy-pass-77"),
        "a secret reached the config dir"
    );
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn add_list_login_command_remove() {
    let (ok, stdout, stderr) = in_keyring_session(
        r#"
printf '%s\n' "$SK" | "$SWRCTL" profile add Sandbox --region cn-north-4 --ak "$AK" \
  --api-endpoint http://127.0.0.1:1 --registry 127.0.0.1:5000
"$SWRCTL" profile list
"$SWRCTL" login-command --profile sandbox --format docker
"$SWRCTL" login-command --format podman
"$SWRCTL" profile remove Sandbox
"$SWRCTL" login-command --profile sandbox && exit 9 || true
"#,
    );
    assert!(ok, "stdout:\n{stdout}\nstderr:\n{stderr}");
    assert!(stdout.contains("* sandbox"), "{stdout}");
    assert!(stdout.contains("secret key stored"), "{stdout}");
    let key = swr_api::login::login_key(AK, SK);
    assert!(
        stdout.contains(&format!(
            "docker login -u cn-north-4@{AK} -p {key} 127.0.0.1:5000"
        )),
        "{stdout}"
    );
    assert!(
        stdout.contains("podman login --tls-verify=false"),
        "{stdout}"
    );
    assert!(stderr.contains("no profile `sandbox`"), "{stderr}");
    assert!(!stdout.contains(SK) && !stderr.contains(SK));
}

#[test]
fn a_proxy_password_is_kept_in_the_keyring_and_never_listed() {
    // A one-shot proxy on loopback records the first request it gets.
    let (ok, stdout, stderr) = in_keyring_session(
        r#"
python3 -c '
import socket, sys
s = socket.socket()
s.bind(("127.0.0.1", 0))
s.listen(1)
open(sys.argv[1] + ".port", "w").write(str(s.getsockname()[1]))
c, _ = s.accept()
open(sys.argv[1], "wb").write(c.recv(65536))
c.close()
' "$HOME/seen" &
while [ ! -s "$HOME/seen.port" ]; do sleep 0.1; done
printf '%s\n' "$SK" | "$SWRCTL" profile add Behind --region cn-north-4 --ak "$AK" \
  --api-endpoint https://swr-api.example.test \
  --proxy "http://alice:proxy-pass-77@127.0.0.1:$(cat "$HOME/seen.port")"
"$SWRCTL" profile list --json
"$SWRCTL" ls --profile behind >/dev/null 2>&1 || true
wait
echo "proxy saw: $(grep -i '^proxy-authorization' "$HOME/seen")"
"#,
    );
    assert!(ok, "stdout:\n{stdout}\nstderr:\n{stderr}");
    let (listing, seen) = stdout.split_at(stdout.rfind(']').unwrap() + 1);
    assert!(listing.contains("http://alice@127.0.0.1:"), "{listing}");
    assert!(!listing.contains("proxy-pass-77"), "{listing}");
    // alice:proxy-pass-77, put back from the keyring for the connection.
    assert!(
        seen.contains("Basic YWxpY2U6cHJveHktcGFzcy03Nw=="),
        "the proxy got no password: {seen}\nstderr:\n{stderr}"
    );
}

#[test]
fn bad_input_creates_no_profile() {
    let (ok, stdout, stderr) = in_keyring_session(
        r#"
printf '%s\n' "$SK" | "$SWRCTL" profile add Remote --region cn-north-4 --ak "$AK" \
  --api-endpoint http://swr.example.com && exit 9
"$SWRCTL" profile add Empty --region cn-north-4 --ak "$AK" </dev/null && exit 9
"$SWRCTL" profile list
"#,
    );
    assert!(ok, "stdout:\n{stdout}\nstderr:\n{stderr}");
    assert!(stderr.contains("Plain http is allowed only"), "{stderr}");
    assert!(stderr.contains("stdin held no secret key"), "{stderr}");
    assert!(stdout.contains("no profiles"), "{stdout}");
}
