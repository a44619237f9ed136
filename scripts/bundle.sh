#!/usr/bin/env bash
# Builds SWR Console's installers for this system from the repository root, in the release
# profile: `.deb` and `.rpm` on Linux (with `swrctl` in /usr/bin beside the app), `.msi` and
# NSIS on Windows, `.dmg` on macOS. Extra arguments go to `tauri build` (for example
# `--bundles deb`). Bundles land in target/release/bundle/ (macOS universal: under
# target/universal-apple-darwin/).
# Usage: scripts/bundle.sh [TAURI BUILD ARGS...]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
. scripts/lib/deps.sh

ensure_toolchains
if [ "$(uname -s)" = Linux ]; then
  ensure_apt "${APT_BUILD[@]}"
fi
ensure_npm "$ROOT/ui"

args=("$@")
if [ ${#args[@]} -eq 0 ]; then
  case "$(uname -s)" in
    Linux) args=(--bundles deb,rpm) ;;
    Darwin) args=(--bundles dmg) ;;
    *) args=(--bundles msi,nsis) ;;
  esac
fi

# The Linux packages carry swrctl; tauri.conf.json maps it from target/release.
log "building swrctl (release)"
cargo build --release --locked -p swr-cli

# The Tauri CLI finds the project from src-tauri/ (not from ui/, where it is installed); its
# beforeBuildCommand builds the UI.
log "building the app and its bundles: tauri build ${args[*]}"
cd src-tauri
node ../ui/node_modules/@tauri-apps/cli/tauri.js build "${args[@]}"
