#!/usr/bin/env bash
# Benchmarks `swrctl validate` against the tools it must keep up with, on the same warm files,
# and prints the ratios next to their targets:
#   1 GiB uncompressed archive   swrctl <= 1.3 x `openssl dgst -sha256 FILE`
#   1 GiB archive as .tar.gz     swrctl <= 1.0 x `gzip -dc FILE | openssl dgst -sha256`
#   peak RSS                     <= 64 MiB for every archive, including a layer of 1.5 GiB zeros
# Needs openssl, gzip and GNU time (/usr/bin/time, Debian package `time`).
# Usage: scripts/bench-validate.sh [SIZE_MIB]   (default 1024; the bomb is 1.5 x SIZE)
set -euo pipefail
cd "$(dirname "$0")/.."
size_mib=${1:-1024}
bomb_mib=$((size_mib * 3 / 2))
runs=${BENCH_RUNS:-3}

for t in openssl gzip /usr/bin/time; do
  command -v "$t" >/dev/null || { echo "missing $t (Debian: apt-get install openssl gzip time)" >&2; exit 2; }
done

echo "== building release binaries"
cargo build --release --quiet -p swr-cli --bin swrctl
cargo build --release --quiet -p swr-archive --features fixtures --example make-bench-archive
swrctl=target/release/swrctl
make=target/release/examples/make-bench-archive

dir=$(mktemp -d "${TMPDIR:-/tmp}/swr-bench.XXXXXX")
trap 'rm -rf "$dir"' EXIT
echo "== generating archives in $dir"
$make plain "$dir/plain.tar" "$size_mib"
$make gzip "$dir/image.tar.gz" "$size_mib"
$make bomb "$dir/bomb.tar" "$bomb_mib"
ls -l "$dir"

warm() { cat "$1" > /dev/null; }

# Sets $best_t to the best wall time (seconds) over $runs runs and $rss to the largest peak RSS
# (KiB) seen. GNU time's own output goes to a file so the command's stderr cannot mix in.
best() {
  local t out
  best_t=""; rss=0
  for _ in $(seq "$runs"); do
    /usr/bin/time -o "$dir/time.out" -f "%e %M" bash -c "$1" >/dev/null 2>&1 || true
    out=$(tail -n1 "$dir/time.out")
    t=${out% *}
    if [ "${out#* }" -gt "$rss" ]; then rss=${out#* }; fi
    if [ -z "$best_t" ] || awk "BEGIN{exit !($t < $best_t)}"; then best_t=$t; fi
  done
}

ratio() { awk "BEGIN{printf \"%.2f\", $1 / $2}"; }
verdict() { awk "BEGIN{exit !($1 <= $2)}" && echo "ok" || echo "MISSED"; }

echo "== timing (best of $runs, warm cache)"
warm "$dir/plain.tar"
best "openssl dgst -sha256 '$dir/plain.tar'"; t_ssl=$best_t
best "$swrctl validate '$dir/plain.tar'"; t_plain=$best_t; rss_plain=$rss
"$swrctl" validate "$dir/plain.tar" > /dev/null || { echo "plain archive did not validate" >&2; exit 1; }

warm "$dir/image.tar.gz"
best "gzip -dc '$dir/image.tar.gz' | openssl dgst -sha256"; t_gz_ref=$best_t
best "$swrctl validate '$dir/image.tar.gz'"; t_gz=$best_t; rss_gz=$rss
"$swrctl" validate "$dir/image.tar.gz" > /dev/null || { echo "gzip archive did not validate" >&2; exit 1; }

warm "$dir/bomb.tar"
best "$swrctl validate '$dir/bomb.tar'"; t_bomb=$best_t; rss_bomb=$rss
"$swrctl" validate "$dir/bomb.tar" > /dev/null || { echo "bomb archive did not validate" >&2; exit 1; }

r_plain=$(ratio "$t_plain" "$t_ssl")
r_gz=$(ratio "$t_gz" "$t_gz_ref")
max_rss=$(( rss_plain > rss_gz ? rss_plain : rss_gz )); max_rss=$(( max_rss > rss_bomb ? max_rss : rss_bomb ))
echo
printf '%-44s %8s %8s %8s  %s\n' "measure" "swrctl" "ref" "ratio" "target"
printf '%-44s %7ss %7ss %8s  <= 1.30 %s\n' "${size_mib} MiB .tar vs openssl dgst -sha256" "$t_plain" "$t_ssl" "$r_plain" "$(verdict "$r_plain" 1.3)"
printf '%-44s %7ss %7ss %8s  <= 1.00 %s\n' "${size_mib} MiB .tar.gz vs gzip -dc | openssl" "$t_gz" "$t_gz_ref" "$r_gz" "$(verdict "$r_gz" 1.0)"
printf '%-44s %7ss\n' "${bomb_mib} MiB zeros layer (gzip) validate" "$t_bomb"
printf '%-44s %5s MiB (plain %s, gz %s, bomb %s KiB)  <= 64 MiB %s\n' "peak RSS" "$((max_rss / 1024))" "$rss_plain" "$rss_gz" "$rss_bomb" "$(verdict "$max_rss" 65536)"
