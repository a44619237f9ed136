#!/usr/bin/env bash
# Runs SWR Console on the local sandbox: installs what is missing, builds the app and
# swr-sandbox, starts the sandbox (a local SWR in front of a real registry) with demo data, and
# opens the app on a ready-made "Sandbox" profile. Closing the window stops the sandbox.
#
# Sandbox data and the app's sandbox configuration live under
# ${XDG_DATA_HOME:-~/.local/share}/swr-console-sandbox, so your own profiles are left alone.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=scripts/lib/deps.sh
. "$ROOT/scripts/lib/deps.sh"

ensure_toolchains
ensure_apt "${APT_BUILD[@]}" "${APT_SANDBOX[@]}"
ensure_npm "$ROOT/ui"

log "building the UI"
(cd ui && npm run build)
log "building swr-console, swrctl and swr-sandbox"
cargo build -p swr-sandbox -p swr-cli -p swr-console --features swr-console/custom-protocol

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  die "no display: run this from a desktop session (or under xvfb-run for a headless check)"
fi

state="${XDG_DATA_HOME:-$HOME/.local/share}/swr-console-sandbox"
mkdir -p "$state/sandbox" "$state/config"
ready="$state/ready.json"
seed=demo
[ -f "$state/.seeded" ] && seed=none

log "starting swr-sandbox (data in $state/sandbox)"
bin="${CARGO_TARGET_DIR:-target}/debug"
# Two regions, so that region sync and its gap view work on the sandbox as they would on SWR.
"$bin/swr-sandbox" --data "$state/sandbox" --listen 127.0.0.1:0 --regions cn-north-4,cn-east-3 \
  --registry-bin /usr/bin/docker-registry --seed "$seed" >"$ready" 2>"$state/sandbox.log" &
sandbox_pid=$!
trap 'kill "$sandbox_pid" 2>/dev/null; wait "$sandbox_pid" 2>/dev/null || true' EXIT

for _ in $(seq 1 600); do
  [ -s "$ready" ] && break
  kill -0 "$sandbox_pid" 2>/dev/null || die "swr-sandbox stopped; see $state/sandbox.log"
  sleep 0.1
done
[ -s "$ready" ] || die "swr-sandbox did not become ready; see $state/sandbox.log"
touch "$state/.seeded"

# The Sandbox profile points the app at the sandbox's endpoints, as the first account's admin.
# swrctl keeps its secret key in the OS keyring, exactly as the app's wizard would. Ports change
# on every start, so the profile is replaced each time.
export SWR_CONSOLE_CONFIG_DIR="$state/config"
field() { python3 - "$ready" "$1" <<'PY'
import json, sys
ready = json.load(open(sys.argv[1]))
admin = next(u for a in ready["accounts"] for u in a["users"] if u.get("admin"))
print({"ak": admin["ak"], "sk": admin["sk"]}.get(sys.argv[2], ready.get(sys.argv[2], "")))
PY
}
# The sandbox's other regions, as REGION=API,REGISTRY,PROJECT_ID for --region-endpoint.
other_regions() { python3 - "$ready" <<'PY'
import json, sys
ready = json.load(open(sys.argv[1]))
for r in ready.get("regions", [])[1:]:
    print(f'{r["region"]}={r["api_endpoint"]},{r["registry"]},{r["project_id"]}')
PY
}
region_args=()
while read -r other; do
  [ -n "$other" ] && region_args+=(--region-endpoint "$other")
done < <(other_regions)
"$bin/swrctl" profile remove sandbox >/dev/null 2>&1 || true
if field sk | "$bin/swrctl" profile add Sandbox --activate --region "$(field region)" \
    --ak "$(field ak)" --project-id "$(field project_id)" \
    --api-endpoint "$(field api_endpoint)" --registry "$(field registry)" "${region_args[@]}"; then
  :
else
  # No Secret Service (a bare window manager, WSL, a container): the app takes the sandbox's
  # credentials from the environment instead, as a profile for this run that is never saved.
  log "no OS keyring: the app uses the sandbox's credentials from the environment for this run"
  export SWR_REGION="$(field region)" SWR_AK="$(field ak)" SWR_SK="$(field sk)"
  export SWR_PROJECT_ID="$(field project_id)" SWR_API_ENDPOINT="$(field api_endpoint)"
  export SWR_REGISTRY="$(field registry)"
  SWR_REGION_ENDPOINTS="$(other_regions | paste -sd';')"
  export SWR_REGION_ENDPOINTS
fi

# The demo organizations in the second region too, as targets for region sync (made once).
if [ "$seed" = demo ]; then
  python3 - "$ready" <<'PY' | while read -r region api registry project; do
import json, sys
ready = json.load(open(sys.argv[1]))
for r in ready.get("regions", [])[1:]:
    print(r["region"], r["api_endpoint"], r["registry"], r["project_id"])
PY
    for org in demo-apps demo-base; do
      SWR_AK="$(field ak)" SWR_SK="$(field sk)" SWR_REGION="$region" SWR_API_ENDPOINT="$api" \
        SWR_REGISTRY="$registry" SWR_PROJECT_ID="$project" "$bin/swrctl" org create "$org" >/dev/null ||
        log "could not create $org in $region (see the message above)"
    done
  done
fi

# Sample archives to try the Uploads screen with: a demo image saved by skopeo, as a docker
# archive and as a gzip-compressed OCI archive (made once).
samples="$state/samples"
if [ ! -f "$samples/alpine-mini.tar" ]; then
  mkdir -p "$samples"
  login_key="$(printf %s "$(field ak)" | openssl dgst -sha256 -hmac "$(field sk)" | awk '{print $NF}')"
  src="docker://$(field registry)/demo-base/alpine-mini:3.20"
  creds="$(field region)@$(field ak):$login_key"
  if skopeo copy -q --src-tls-verify=false --src-creds "$creds" "$src" \
      "docker-archive:$samples/alpine-mini.tar:sandbox/alpine-mini:3.20" 2>>"$state/sandbox.log" &&
    skopeo copy -q --src-tls-verify=false --src-creds "$creds" "$src" \
      "oci-archive:$samples/alpine-mini-oci.tar:3.20" 2>>"$state/sandbox.log"; then
    gzip -f "$samples/alpine-mini-oci.tar"
  else
    log "could not write the sample archives (see $state/sandbox.log)"
  fi
fi
log "sample archives to drop on the window: $samples"

log "sandbox API at $(python3 -c 'import json,sys;print(json.load(open(sys.argv[1]))["api_endpoint"])' "$ready")"
log "opening SWR Console"
"$bin/swr-console" "$@"
