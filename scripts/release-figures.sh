#!/usr/bin/env bash
# Prints the release figures of SWR Console against their goals: size of the release binary and
# of the .deb, time from launch to the first painted window under Xvfb, and the memory of the
# app's process and of its web process once it sits idle after start. Measures the binary of
# the last `scripts/bundle.sh` (run first when there is no .deb yet, or with --bundle). Nothing
# is asserted; figures from a busy machine are not the app's, so the load average is printed.
# Usage: scripts/release-figures.sh [--bundle] [RUNS]   (RUNS: launches to time, default 5)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
. scripts/lib/deps.sh

bundle=0
if [ "${1:-}" = --bundle ]; then
  bundle=1
  shift
fi
runs="${1:-5}"
ensure_apt xvfb xauth imagemagick x11-utils dbus-x11

# The binary measured is the one the .deb ships: built by bundle.sh (quick when nothing changed).
if [ "$bundle" = 1 ] || ! ls target/release/bundle/deb/*.deb >/dev/null 2>&1; then
  scripts/bundle.sh --bundles deb >&2
fi
bin="$ROOT/target/release/swr-console"
deb="$(ls -t target/release/bundle/deb/*.deb | head -1)"
mb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1e6 }'; }

work="$(mktemp -d "${TMPDIR:-/tmp}/swr-release-figures.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# One launch under its own Xvfb display: the seconds from exec to the first screenshot of the
# window with the UI drawn in it (many colours; an unpainted window is one or two), then the
# resident and proportional memory of the app and its WebKitWebProcess after 8 s idle.
cat >"$work/launch.sh" <<'EOF'
set -eu
bin="$1" out="$2" config="$3"
rm -rf "$config"
start=$(date +%s.%N)
SWR_CONSOLE_CONFIG_DIR="$config" "$bin" >/dev/null 2>&1 &
app=$!
painted=""
for _ in $(seq 1 300); do
  if xwininfo -root -tree 2>/dev/null | grep -q '"SWR Console"'; then
    colours=$(import -window root -crop 1280x760+80+90 -format '%k' info: 2>/dev/null || echo 0)
    if [ "${colours:-0}" -gt 40 ]; then
      painted=$(awk -v a="$(date +%s.%N)" -v b="$start" 'BEGIN { printf "%.3f", a - b }')
      break
    fi
  fi
  sleep 0.02
done
sleep 8
kib() { awk -v f="$2" '$1 == f":" { print $2 }' "/proc/$1/$3" 2>/dev/null || echo 0; }
web=$(pgrep -P "$app" -f WebKitWebProcess | head -1 || true)
[ -n "$web" ] || web=$(pgrep -f WebKitWebProcess | head -1 || true)
echo "${painted:-none} $(kib "$app" VmRSS status) $(kib "$app" Pss smaps_rollup) $(kib "${web:-0}" VmRSS status) $(kib "${web:-0}" Pss smaps_rollup)" >>"$out"
kill "$app" 2>/dev/null || true
wait "$app" 2>/dev/null || true
EOF

log "launching the app $runs times under Xvfb"
for _ in $(seq 1 "$runs"); do
  xvfb-run -a --server-args="-screen 0 1440x900x24" dbus-run-session -- \
    sh "$work/launch.sh" "$bin" "$work/runs" "$work/config" 2>/dev/null
done

echo
echo "SWR Console release figures ($(git describe --always --dirty), load average $(cut -d' ' -f1 /proc/loadavg))"
printf '%-44s %10s %10s\n' "" "figure" "goal"
printf '%-44s %9s MB %7s MB\n' "release binary ($(basename "$bin"))" "$(mb "$(stat -c %s "$bin")")" 15
printf '%-44s %9s MB %10s\n' ".deb ($(basename "$deb"))" "$(mb "$(stat -c %s "$deb")")" ""
# A launch whose window was not seen painted within the wait counts as such, not as a time.
unpainted=$(grep -c '^none ' "$work/runs" || true)
grep -v '^none ' "$work/runs" | sort -n | awk -v unpainted="$unpainted" '
  { t[NR] = $1; ar[NR] = $2; ap[NR] = $3; wr[NR] = $4; wp[NR] = $5 }
  END {
    mid = int((NR + 1) / 2)
    printf "%-44s %9.2f s %8s s   (runs: ", "launch to first painted window, median", t[mid], "1.5"
    for (i = 1; i <= NR; i++) printf "%s%.2f", (i > 1 ? " " : ""), t[i]
    if (unpainted > 0) printf "; %d not seen painted", unpainted
    printf ")\n"
    printf "%-44s %9.1f MB %10s\n", "idle (median run): app process VmRSS", ar[mid] / 1024, ""
    printf "%-44s %9.1f MB %10s\n", "idle (median run): web process VmRSS", wr[mid] / 1024, ""
    printf "%-44s %9.1f MB %7s MB\n", "idle (median run): app + web VmRSS", (ar[mid] + wr[mid]) / 1024, 200
    printf "%-44s %9.1f MB %7s MB\n", "idle (median run): app + web Pss", (ap[mid] + wp[mid]) / 1024, 200
  }'
