#!/usr/bin/env bash
# Builds the app with the UI embedded and runs the WebDriver suites under a virtual display.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"

(cd "$root/ui" && npm run build)
cargo build --manifest-path "$root/Cargo.toml" -p swr-console --features custom-protocol

rm -rf "$here/artifacts"
mkdir -p "$here/artifacts"
cd "$here"
xvfb-run -a --server-args="-screen 0 1440x900x24" dbus-run-session -- npm test
