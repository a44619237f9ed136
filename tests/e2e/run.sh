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
# Should that daemon end during the run, every later keyring call fails or waits on a prompt no
# one answers, so the run says so beside the failures.
keyring_home="$(mktemp -d)"
trap 'rm -rf "$keyring_home"' EXIT
xvfb-run -a --server-args="-screen 0 1440x900x24" dbus-run-session -- sh -c '
  echo -n test | HOME="$1" gnome-keyring-daemon --unlock --components=secrets >/dev/null || exit
  keyring="$(pgrep -n -x gnome-keyring-d)"
  npm test
  status=$?
  case "$(ps -o stat= -p "$keyring")" in
    "" | Z*) echo "e2e: the test keyring (gnome-keyring-daemon, pid $keyring) ended during the run; failures after that come from its absence" >&2 ;;
  esac
  exit $status' sh "$keyring_home"
