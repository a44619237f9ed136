#!/usr/bin/env bash
# Push benchmark: swrctl against skopeo, through the same swr-sandbox gateway, with the same
# credentials and the same ~1 GiB image (half random bytes, half text). Prints figures and
# the ratios the upload pipeline is held to; nothing here asserts, it only measures.
#
# Usage: scripts/bench-push.sh [SIZE_MIB]   (default 1024; needs skopeo, curl, /usr/bin/time,
# docker-registry, python3, openssl, gzip)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SIZE_MIB="${1:-1024}"
for tool in skopeo curl python3 openssl gzip /usr/bin/time /usr/bin/docker-registry; do
  command -v "$tool" >/dev/null || { echo "missing: $tool" >&2; exit 1; }
done

echo "building release binaries…" >&2
(cd "$ROOT" && cargo build --release --quiet -p swr-cli -p swr-sandbox)
SWRCTL="$ROOT/target/release/swrctl"
SANDBOX="$ROOT/target/release/swr-sandbox"

WORK="$(mktemp -d)"
SB_PID=""
cleanup() {
  if [ -n "$SB_PID" ]; then kill "$SB_PID" 2>/dev/null || true; wait "$SB_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# --- the image: layers of SIZE/4, two random, two text, as a docker-archive ---------------
echo "writing a ${SIZE_MIB} MiB image…" >&2
python3 - "$WORK/image.tar" "$SIZE_MIB" <<'PY'
import hashlib, io, json, os, random, sys, tarfile
out, size_mib = sys.argv[1], int(sys.argv[2])
layer_bytes = size_mib * 1024 * 1024 // 4
rng = random.Random(42)
words = ["".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(2, 10))) for _ in range(3000)]
def text_block(n):
    lines, total = [], 0
    while total < n:
        line = " ".join(rng.choice(words) for _ in range(rng.randint(4, 14))) + "\n"
        lines.append(line); total += len(line)
    return "".join(lines).encode()[:n]
block = text_block(8 << 20)
def layer_tar(kind, idx):
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.PAX_FORMAT) as t:
        data = os.urandom(layer_bytes) if kind == "random" else (block * (layer_bytes // len(block) + 1))[:layer_bytes]
        ti = tarfile.TarInfo(f"data/{kind}{idx}.bin"); ti.size = len(data); ti.mtime = 0
        t.addfile(ti, io.BytesIO(data))
    return buf.getvalue()
layers = [layer_tar(k, i) for i, k in enumerate(["random", "text", "random", "text"])]
diff_ids = ["sha256:" + hashlib.sha256(l).hexdigest() for l in layers]
config = json.dumps({"architecture": "amd64", "os": "linux", "config": {},
    "rootfs": {"type": "layers", "diff_ids": diff_ids},
    "history": [{"created_by": "bench"} for _ in layers]}).encode()
cfg_hex = hashlib.sha256(config).hexdigest()
with tarfile.open(out, mode="w", format=tarfile.PAX_FORMAT) as t:
    def add(name, data):
        ti = tarfile.TarInfo(name); ti.size = len(data); ti.mtime = 0
        t.addfile(ti, io.BytesIO(data))
    names = []
    for l, d in zip(layers, diff_ids):
        name = d.split(":")[1] + "/layer.tar"; names.append(name); add(name, l)
    add(cfg_hex + ".json", config)
    add("manifest.json", json.dumps([{"Config": cfg_hex + ".json", "RepoTags": ["bench/image:1"], "Layers": names}]).encode())
# The raw layer bytes, concatenated, for the curl baseline.
with open(out + ".layers", "wb") as f:
    for l in layers: f.write(l)
PY

# --- the sandbox ----------------------------------------------------------------------
"$SANDBOX" --data "$WORK/sandbox" --seed demo --exit-on-stdin-eof > "$WORK/ready.json" 2>"$WORK/sandbox.log" < <(sleep 100000) &
SB_PID=$!
for _ in $(seq 1 300); do [ -s "$WORK/ready.json" ] && break; sleep 0.1; done
read -r API REG REGION PROJECT AK SK < <(python3 -c '
import json,sys; d=json.load(open(sys.argv[1])); u=d["accounts"][0]["users"][0]
print(d["api_endpoint"], d["registry"], d["region"], d["project_id"], u["ak"], u["sk"])' "$WORK/ready.json")
LOGIN_KEY="$(printf %s "$AK" | openssl dgst -sha256 -hmac "$SK" | awk '{print $NF}')"
CREDS="$REGION@$AK:$LOGIN_KEY"
export SWR_API_ENDPOINT="$API" SWR_REGISTRY="$REG" SWR_REGION="$REGION" SWR_PROJECT_ID="$PROJECT"
export SWR_AK="$AK" SWR_SK="$SK" SWR_INSECURE=1 SWR_CONSOLE_CONFIG_DIR="$WORK/config"
ORG=demo-base

# timed CMD…: prints "<wall seconds> <peak RSS KiB>"
timed() {
  /usr/bin/time -f "%e %M" -o "$WORK/time" "$@" >/dev/null 2>"$WORK/last.err" || { cat "$WORK/last.err" >&2; exit 1; }
  cat "$WORK/time"
}
layer_bytes() {
  skopeo inspect --raw --tls-verify=false --creds "$CREDS" "docker://$REG/$1" \
    | python3 -c 'import json,sys; print(sum(l["size"] for l in json.load(sys.stdin)["layers"]))'
}

echo "pushing with skopeo…" >&2
read -r SK_T SK_RSS < <(timed skopeo copy --quiet --dest-tls-verify=false --dest-creds "$CREDS" \
  "docker-archive:$WORK/image.tar" "docker://$REG/$ORG/skopeo:1")
SK_BYTES=$(layer_bytes "$ORG/skopeo:1")

echo "pushing with swrctl (gzip)…" >&2
read -r SW_T SW_RSS < <(timed "$SWRCTL" push --org "$ORG" --name swrctl --tag 1 "$WORK/image.tar")
SW_BYTES=$(layer_bytes "$ORG/swrctl:1")

echo "re-pushing unchanged, same and new repository…" >&2
read -r RE_T RE_RSS < <(timed "$SWRCTL" push --org "$ORG" --name swrctl --tag 2 "$WORK/image.tar")
read -r MO_T MO_RSS < <(timed "$SWRCTL" push --org "$ORG" --name elsewhere --tag 1 "$WORK/image.tar")

echo "pushing with swrctl --no-compress…" >&2
read -r NC_T NC_RSS < <(timed "$SWRCTL" push --no-compress --org "$ORG" --name raw --tag 1 "$WORK/image.tar")

echo "pushing the image gzipped whole (.tar.gz) with swrctl, from an empty blob cache…" >&2
gzip -1 -c "$WORK/image.tar" > "$WORK/image.tar.gz"
read -r TG_T TG_RSS < <(SWR_CONSOLE_CONFIG_DIR="$WORK/config-targz" \
  timed "$SWRCTL" push --org "$ORG" --name targz --tag 1 "$WORK/image.tar.gz")

echo "uploading the same bytes with one curl -T…" >&2
TOKEN=$(curl -fsS -u "$CREDS" "http://$REG/swr/auth/v2/registry/auth/?service=dockyard&scope=repository:$ORG/curl:pull,push" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
LOC=$(curl -fsS -X POST -H "Authorization: Bearer $TOKEN" -D - -o /dev/null "http://$REG/v2/$ORG/curl/blobs/uploads/" \
  | awk 'tolower($1)=="location:" {print $2}' | tr -d '\r')
case "$LOC" in http*) ;; *) LOC="http://$REG$LOC" ;; esac
read -r CU_T CU_RSS < <(timed curl -fsS -X PATCH -H "Authorization: Bearer $TOKEN" \
  -H "Content-Type: application/octet-stream" -T "$WORK/image.tar.layers" "$LOC")

python3 - "$SK_T" "$SK_RSS" "$SK_BYTES" "$SW_T" "$SW_RSS" "$SW_BYTES" "$RE_T" "$MO_T" "$NC_T" "$NC_RSS" "$CU_T" "$RE_RSS" "$MO_RSS" "$TG_T" "$TG_RSS" <<'PY'
import sys
sk_t, sk_rss, sk_b, sw_t, sw_rss, sw_b, re_t, mo_t, nc_t, nc_rss, cu_t, re_rss, mo_rss, tg_t, tg_rss = map(float, sys.argv[1:])
mib = 1024 * 1024
print(f"skopeo copy (gzip):      {sk_t:7.2f} s  {sk_b/1e6:8.1f} MB of layers  peak RSS {sk_rss/1024:6.1f} MiB")
print(f"swrctl push (gzip):      {sw_t:7.2f} s  {sw_b/1e6:8.1f} MB of layers  peak RSS {sw_rss/1024:6.1f} MiB")
print(f"swrctl push --no-compress:{nc_t:6.2f} s                          peak RSS {nc_rss/1024:6.1f} MiB")
print(f"swrctl push of .tar.gz:  {tg_t:7.2f} s                          peak RSS {tg_rss/1024:6.1f} MiB")
print(f"curl -T of the layer bytes:{cu_t:5.2f} s")
print(f"re-push, same repository: {re_t:6.2f} s  peak RSS {re_rss/1024:6.1f} MiB")
print(f"re-push, new repository:  {mo_t:6.2f} s  peak RSS {mo_rss/1024:6.1f} MiB")
print()
def ratio(name, value, limit, unit=""):
    verdict = "ok" if value <= limit else "OVER"
    print(f"{name:44s} {value:6.2f}{unit}  (target ≤ {limit}{unit})  {verdict}")
ratio("wall time swrctl / skopeo (gzip)", sw_t / sk_t, 0.8)
ratio("pushed layer bytes swrctl / skopeo", sw_b / sk_b, 1.05)
ratio("wall time --no-compress / curl -T", nc_t / max(cu_t, 0.01), 1.3)
ratio("re-push, same repository", re_t, 0.5, " s")
ratio("re-push, new repository", mo_t, 0.5, " s")
ratio("peak RSS of swrctl push", max(sw_rss, nc_rss, re_rss, mo_rss, tg_rss) / 1024, 100, " MiB")
PY
