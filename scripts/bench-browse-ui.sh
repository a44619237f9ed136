#!/usr/bin/env bash
# Measures the browsing screens of the real app on a large account (swr-sandbox's `scale` seed:
# 10,000 repositories, one image with 20,000 tags): going back to the Images list with its index
# loaded, rebuilding that index with Refresh, frame gaps while the 20,000-tag list is scrolled
# fast, how soon the tag filter's result shows, and the resident memory of the app and its web
# process. Runs the real app under Xvfb with a throw-away Secret Service, like the e2e suite.
# Prints tables; the targets are beside the figures, nothing is asserted.
# Usage: scripts/bench-browse-ui.sh      (BENCH_SCROLL_SECONDS=N sets the scroll length, default 3;
#        SWR_CONSOLE_GPU=on|off measures the webview composited or not, instead of the app's choice)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

# Figures are a user's: the release build, as the packages ship it.
echo "== building the app, swr-sandbox and swrctl (release)" >&2
(cd ui && npm run build >/dev/null)
cargo build --quiet --release -p swr-console -p swr-sandbox -p swr-cli --features swr-console/custom-protocol
export SWR_BUILD_PROFILE=release

dir=$(mktemp -d "${TMPDIR:-/tmp}/swr-bench-browse-ui.XXXXXX")
trap 'rm -rf "$dir"' EXIT

cd tests/e2e
[ -d node_modules ] || npm ci --no-audit --no-fund >/dev/null
xvfb-run -a --server-args="-screen 0 1440x900x24" dbus-run-session -- sh -c \
  'echo -n bench | HOME="$1" gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec node bench/browse.mjs' \
  sh "$dir"
