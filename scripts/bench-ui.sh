#!/usr/bin/env bash
# Measures the window's responsiveness while the app checks and pushes a big archive (default
# 2048 MiB of random layers) to a local swr-sandbox, next to the same window at rest: frame gaps,
# IPC round trips and progress-bar updates per second (the queue throttles them to about 10).
# Runs the real app under Xvfb with a throw-away Secret Service, like the e2e suite.
# Usage: scripts/bench-ui.sh [SIZE_MIB]      (BENCH_SECONDS=N sets the sample length, default 8)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
size_mib=${1:-2048}

echo "== building the app, swr-sandbox, swrctl and the archive generator" >&2
(cd ui && npm run build >/dev/null)
cargo build --quiet -p swr-console -p swr-sandbox -p swr-cli --features swr-console/custom-protocol
cargo build --release --quiet -p swr-archive --features fixtures --example make-bench-archive

dir=$(mktemp -d "${TMPDIR:-/tmp}/swr-bench-ui.XXXXXX")
trap 'rm -rf "$dir"' EXIT
echo "== writing a ${size_mib} MiB archive" >&2
"${CARGO_TARGET_DIR:-target}/release/examples/make-bench-archive" plain "$dir/big-image.tar" "$size_mib"

cd tests/e2e
[ -d node_modules ] || npm ci --no-audit --no-fund >/dev/null
xvfb-run -a --server-args="-screen 0 1440x900x24" dbus-run-session -- sh -c \
  'echo -n bench | HOME="$1" gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec node bench/responsiveness.mjs "$2"' \
  sh "$dir" "$dir/big-image.tar"
