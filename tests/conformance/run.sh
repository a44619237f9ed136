#!/usr/bin/env bash
# Conformance: the official Huawei Cloud Python SDK against swr-sandbox.
# Creates tests/conformance/.venv (pinned requirements), builds the sandbox, runs pytest.
# Needs: python3 with venv, /usr/bin/docker-registry, skopeo. Exits non-zero on any failure.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
venv="$here/.venv"

for tool in python3 skopeo /usr/bin/docker-registry; do
  command -v "$tool" >/dev/null || { echo "conformance: $tool is required but missing" >&2; exit 2; }
done

if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv" || { echo "conformance: python3 -m venv failed (apt-get install python3-venv)" >&2; exit 2; }
fi
if ! cmp -s "$here/requirements.txt" "$venv/.requirements.installed" 2>/dev/null; then
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$here/requirements.txt"
  cp "$here/requirements.txt" "$venv/.requirements.installed"
fi

# A sandbox built by the caller (scripts/test.sh) is used as it is.
if [ -z "${SWR_SANDBOX_BIN:-}" ] || [ ! -x "$SWR_SANDBOX_BIN" ]; then
  (cd "$root" && cargo build --quiet -p swr-sandbox)
  export SWR_SANDBOX_BIN="${CARGO_TARGET_DIR:-$root/target}/debug/swr-sandbox"
fi
cd "$here"
exec "$venv/bin/python" -m pytest -p no:cacheprovider "$@"
