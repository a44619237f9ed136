#!/usr/bin/env bash
# Runs every check and test of SWR Console: formatting, lints, Rust tests, UI type checks, lint
# and unit tests, the bindings and licenses drift checks, the SDK conformance suite against the
# sandbox, and the end-to-end suite on the real app. Installs what is missing first.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=scripts/lib/deps.sh
. "$ROOT/scripts/lib/deps.sh"

ensure_toolchains
ensure_apt "${APT_BUILD[@]}" "${APT_SANDBOX[@]}" "${APT_TEST[@]}"
ensure_npm "$ROOT/ui"
ensure_npm "$ROOT/tests/e2e"
ensure_cargo_tool cargo-nextest cargo-nextest
ensure_cargo_tool tauri-driver tauri-driver@2.1.0
ensure_cargo_tool cargo-deny cargo-deny@0.20.2
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

# Known vulnerabilities in the npm packages that ship, from npm's advisory database. Where that
# database cannot be reached (a closed network answers the bulk endpoint with an error, not with
# advisories), the check says so and is left to the release workflow.
npm_audit() {
  local dir="$1" out
  if out="$(cd "$dir" && npm audit --omit=dev --json 2>/dev/null)"; then
    log "npm audit ($dir): no known vulnerabilities"
    return 0
  fi
  if ! grep -q '"vulnerabilities"' <<<"$out"; then
    log "npm audit ($dir): skipped, npm's advisory database is not reachable from here"
    return 0
  fi
  (cd "$dir" && npm audit --omit=dev) || true
  die "npm audit ($dir): the packages above have known vulnerabilities"
}

log "rustfmt"
cargo fmt --all --check
log "clippy"
cargo clippy --workspace --all-targets -- -D warnings

log "layering: no crate under crates/ depends on Tauri"
for manifest in crates/*/Cargo.toml; do
  pkg="$(sed -n 's/^name = "\(.*\)"$/\1/p' "$manifest" | head -n 1)"
  deps="$(cargo tree -p "$pkg" -e normal,build --prefix none --format '{p}')"
  if grep -q '^tauri ' <<<"$deps"; then
    die "$pkg depends on tauri; keep Tauri in src-tauri and the logic in crates/"
  fi
done

log "supply chain: licenses, banned crates and sources of the Rust graph (deny.toml); npm advisories"
cargo deny --log-level error check licenses bans sources
# Only the UI's packages ship; the end-to-end suite has dev dependencies alone.
npm_audit ui

log "ui: types, lint, unit tests, licenses"
(cd ui && npm run typecheck && npm run lint && npm test && npm run licenses -- --check)

log "Rust tests (includes the bindings drift check)"
# The sandbox the suites start is the one this build makes (with the workspace's features); left
# to themselves, the test harnesses would each build it again with its own feature set.
export SWR_SANDBOX_BIN="${CARGO_TARGET_DIR:-$ROOT/target}/debug/swr-sandbox"
cargo nextest run --workspace

if [ -x tests/conformance/run.sh ]; then
  log "conformance: the official Python SDK against swr-sandbox"
  tests/conformance/run.sh
fi

log "end-to-end: the real app under Xvfb"
tests/e2e/run.sh
