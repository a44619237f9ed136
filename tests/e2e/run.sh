#!/usr/bin/env bash
# Builds the app with the UI embedded and runs the WebDriver suites under a virtual display.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"

(cd "$root/ui" && npm run build)
cargo build --manifest-path "$root/Cargo.toml" -p swr-console -p swr-sandbox -p swr-cli --features swr-console/custom-protocol

rm -rf "$here/artifacts"
mkdir -p "$here/artifacts"
cd "$here"
# The wizard stores secret keys in the OS keyring: an unlocked gnome-keyring on the test's own
# D-Bus session, with its files in a throw-away home so a developer's keyring is never touched.
keyring_home="$(mktemp -d)"
trap 'rm -rf "$keyring_home"' EXIT
xvfb-run -a --server-args="-screen 0 1440x900x24" dbus-run-session -- sh -c \
  'echo -n test | HOME="$1" gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec npm test' \
  sh "$keyring_home"
