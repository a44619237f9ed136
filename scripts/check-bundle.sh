#!/usr/bin/env bash
# The release check of the Linux packages, as a user meets them: builds the .deb and .rpm
# (scripts/bundle.sh), prints the Debian control fields, installs the .deb with apt-get, checks
# the desktop entry (file associations for .tar and .tgz), the icon and `swrctl` on PATH, starts
# the *installed* app under Xvfb with an image archive as its argument, takes a screenshot,
# checks that the archive reached the upload queue, and removes the package again.
# Needs root (or sudo) for apt-get. Prints what it checked; exits non-zero on the first failure.
# Usage: scripts/check-bundle.sh [--no-build]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
. scripts/lib/deps.sh

[ "${1:-}" = --no-build ] || scripts/bundle.sh --bundles deb,rpm
ensure_apt xvfb xauth imagemagick buildah desktop-file-utils dbus-x11

deb="$(ls -t target/release/bundle/deb/*.deb | head -1)"
rpm="$(ls -t target/release/bundle/rpm/*.rpm | head -1)"
[ -f "$deb" ] || die "no .deb under target/release/bundle/deb"
[ -f "$rpm" ] || die "no .rpm under target/release/bundle/rpm"
ok() { printf '  ok  %s\n' "$*"; }

log "packages"
printf '  %s  %s\n' "$(du -h "$deb" | cut -f1)" "$deb" "$(du -h "$rpm" | cut -f1)" "$rpm"
log "Debian control fields"
for field in Package Version Architecture Maintainer Homepage Section Depends; do
  value="$(dpkg-deb -f "$deb" "$field")"
  [ -n "$value" ] || die "the .deb has no $field field"
  printf '  %-12s %s\n' "$field:" "$value"
done
case "$(dpkg-deb -f "$deb" Maintainer)" in *'<'*@*'>') ok "Maintainer names an address" ;; *) die "Maintainer has no e-mail address" ;; esac
package="$(dpkg-deb -f "$deb" Package)"
# Listings are read whole first: `grep -q` stops early, and with pipefail the writer's SIGPIPE
# would read as a failure.
listing="$(dpkg-deb -c "$deb")"
for path in usr/bin/swr-console usr/bin/swrctl; do
  grep -Eq " (\./)?$path\$" <<<"$listing" || die "the .deb does not hold /$path"
done
ok ".deb holds /usr/bin/swr-console and /usr/bin/swrctl"
if command -v rpm >/dev/null 2>&1; then
  grep -qx /usr/bin/swrctl <<<"$(rpm -qlp "$rpm")" || die "the .rpm does not hold /usr/bin/swrctl"
  ok ".rpm holds /usr/bin/swrctl"
fi

log "installing $deb"
as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$ROOT/$deb" >/dev/null
trap 'log "removing $package"; as_root env DEBIAN_FRONTEND=noninteractive apt-get remove -y -q "$package" >/dev/null' EXIT

command -v swrctl >/dev/null || die "swrctl is not on PATH after installing"
ok "swrctl on PATH: $(command -v swrctl) ($(swrctl --version))"
files="$(dpkg -L "$package")"
entry="$(grep '/usr/share/applications/.*\.desktop$' <<<"$files" | head -1)"
[ -n "$entry" ] || die "the package installs no desktop entry"
desktop-file-validate "$entry" || die "$entry does not validate"
ok "desktop entry $entry validates"
grep -q '^MimeType=.*application/x-tar' "$entry" || die "$entry does not open .tar archives"
grep -q '^MimeType=.*application/x-compressed-tar' "$entry" || die "$entry does not open .tgz archives"
ok "$(grep '^MimeType=' "$entry")"
grep -q '^Exec=.*%[fFuU]' "$entry" || die "$entry does not pass files to the app: $(grep '^Exec=' "$entry")"
ok "$(grep '^Exec=' "$entry")"
icon="$(grep '^Icon=' "$entry" | cut -d= -f2)"
grep -q "/usr/share/icons/hicolor/.*/apps/$icon\.png$" <<<"$files" || die "no icon $icon in the hicolor theme"
ok "icon $icon: $(grep -c "/apps/$icon\.png$" <<<"$files") sizes"

log "starting the installed app with an image archive"
work="$(mktemp -d "${TMPDIR:-/tmp}/swr-check-bundle.XXXXXX")"
trap 'rm -rf "$work"; log "removing $package"; as_root env DEBIAN_FRONTEND=noninteractive apt-get remove -y -q "$package" >/dev/null' EXIT
ctr="$(buildah from scratch)"
printf 'hello\n' >"$work/hello.txt"
buildah copy -q "$ctr" "$work/hello.txt" /hello.txt >/dev/null
buildah commit -q "$ctr" check-bundle/hello:v1 >/dev/null
buildah push -q check-bundle/hello:v1 "docker-archive:$work/hello.tar:check-bundle/hello:v1" >/dev/null
buildah rm "$ctr" >/dev/null
buildah rmi -f check-bundle/hello:v1 >/dev/null
ok "archive $work/hello.tar (made by buildah)"
shot="$ROOT/target/release/bundle/installed-app.png"
SWR_CONSOLE_CONFIG_DIR="$work/config" xvfb-run -a --server-args="-screen 0 1440x900x24" \
  dbus-run-session -- sh -c '
    /usr/bin/swr-console "$1" >"$2/app.log" 2>&1 &
    app=$!
    for _ in $(seq 1 60); do
      grep -qs hello.tar "$2/config/uploads.json" && break
      sleep 0.5
    done
    sleep 3
    import -window root "$3"
    kill "$app"; wait "$app" 2>/dev/null || true
  ' sh "$work/hello.tar" "$work" "$shot"
grep -qs hello.tar "$work/config/uploads.json" ||
  die "the installed app did not take the archive into its queue (log: $(tail -5 "$work/app.log"))"
ok "the installed app took $work/hello.tar into its upload queue"
ok "screenshot: $shot"
log "all package checks passed"
