#!/usr/bin/env bash
# Measures how fast the browse index is built against the official Python SDK paging the same
# listings, on swr-sandbox's `scale` seed (10,000 repositories; one image with 20,000 tags):
#   - every repository: `swrctl ls --json` (the full index + the organizations) vs the SDK's
#     v3 `list_repo_details` paged by marker, 1,000 a page;
#   - 20,000 tags of one image: `swrctl ls scale-tags/many --json` vs the SDK's v3
#     `list_repository_tag`, 1,000 a page;
# three runs each (the median is printed) and swrctl's peak memory. swrctl paces itself at 15
# requests a second per account as the app does; the SDK does not pace.
# Usage: scripts/bench-browse.sh        (BENCH_PROFILE=release measures release builds)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
profile=${BENCH_PROFILE:-debug}
flag=()
[ "$profile" = release ] && flag=(--release)
target="${CARGO_TARGET_DIR:-$ROOT/target}/$profile"

echo "== building swr-sandbox and swrctl ($profile)" >&2
cargo build --quiet "${flag[@]}" -p swr-sandbox -p swr-cli

venv="$ROOT/tests/conformance/.venv"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
if ! cmp -s tests/conformance/requirements.txt "$venv/.requirements.installed" 2>/dev/null; then
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r tests/conformance/requirements.txt
  cp tests/conformance/requirements.txt "$venv/.requirements.installed"
fi

dir=$(mktemp -d "${TMPDIR:-/tmp}/swr-bench-browse.XXXXXX")
mkfifo "$dir/stdin"
"$target/swr-sandbox" --data "$dir/data" --seed scale --exit-on-stdin-eof <"$dir/stdin" >"$dir/ready" 2>/dev/null &
exec 3>"$dir/stdin"
trap 'exec 3>&-; wait; rm -rf "$dir"' EXIT
for _ in $(seq 1 300); do [ -s "$dir/ready" ] && break; sleep 0.1; done
[ -s "$dir/ready" ] || { echo "swr-sandbox did not start" >&2; exit 1; }

field() { "$venv/bin/python" -c "import json,sys; d=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))" "$dir/ready" "$1"; }
export SWR_REGION=$(field 'd["region"]') SWR_AK=$(field 'd["accounts"][0]["users"][0]["ak"]')
export SWR_SK=$(field 'd["accounts"][0]["users"][0]["sk"]') SWR_PROJECT_ID=$(field 'd["project_id"]')
export SWR_API_ENDPOINT=$(field 'd["api_endpoint"]') SWR_REGISTRY=$(field 'd["registry"]')
export SWR_INSECURE=1 SWR_CONSOLE_CONFIG_DIR="$dir/config"

cat >"$dir/sdk.py" <<'EOF'
import os, sys, time
from huaweicloudsdkcore.auth.credentials import BasicCredentials
from huaweicloudsdkswr.v2 import SwrClient, ListRepoDetailsRequest, ListRepositoryTagRequest

creds = BasicCredentials(os.environ["SWR_AK"], os.environ["SWR_SK"], os.environ["SWR_PROJECT_ID"])
client = SwrClient.new_builder().with_credentials(creds).with_endpoint(os.environ["SWR_API_ENDPOINT"]).build()
start = time.perf_counter()
count, marker = 0, None
if sys.argv[1] == "repos":
    while True:
        page = client.list_repo_details(ListRepoDetailsRequest(limit=1000, marker=marker))
        count += len(page.repos or [])
        marker = page.next_marker
        if not page.repos or marker is None:
            break
else:
    while True:
        page = client.list_repository_tag(ListRepositoryTagRequest(namespace="scale-tags", repository="many", limit=1000, marker=marker))
        count += len(page.tags or [])
        marker = page.next_marker
        if not page.has_more or not page.tags:
            break
print(f"{time.perf_counter() - start:.3f} {count}")
EOF

median() { sort -n | sed -n 2p; }
ours() { # ARGS... → seconds of one swrctl run
  local start end
  start=$(date +%s.%N)
  "$target/swrctl" "$@" --json >"$dir/out.json"
  end=$(date +%s.%N)
  awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f\n", b - a }'
}
count_json() { "$venv/bin/python" -c "import json,sys; print(len(json.load(open(sys.argv[1]))))" "$dir/out.json"; }

printf '%-34s %10s %10s %8s %10s\n' "listing (median of 3)" "SDK s" "swrctl s" "ratio" "items"
for what in repos tags; do
  if [ "$what" = repos ]; then args=(ls); label="10,000 repositories (full index)"; else args=(ls scale-tags/many); label="20,000 tags of one image"; fi
  sdk=$(for _ in 1 2 3; do "$venv/bin/python" "$dir/sdk.py" "$what"; done | sort -n | sed -n 2p)
  mine=$(for _ in 1 2 3; do ours "${args[@]}"; done | median)
  if [ "$what" = repos ]; then
    # `ls` prints organizations; count the repositories the index holds from their image counts.
    items=$("$venv/bin/python" -c "import json,sys; print(sum(o['imageCount'] for o in json.load(open(sys.argv[1]))))" "$dir/out.json")
  else
    items=$(count_json)
  fi
  printf '%-34s %10.3f %10.3f %7.2fx %10s\n' "$label" "${sdk% *}" "$mine" "$(awk -v a="$mine" -v b="${sdk% *}" 'BEGIN { print a / b }')" "$items (SDK ${sdk#* })"
done

rss=$( { /usr/bin/time -v "$target/swrctl" ls --json >/dev/null; } 2>&1 | sed -n 's/.*Maximum resident set size (kbytes): //p')
echo "swrctl peak RSS while building the 10,000-repository index: $((rss / 1024)) MiB"
