# shellcheck shell=bash
# What SWR Console needs on a Debian 12 / Ubuntu machine, and how to get it.
#
# Sourced by run.sh, test.sh and .ci/run. Every step checks first and installs only what is
# missing, so running it again costs a few seconds. System packages are installed when the
# script runs as root or can use sudo; otherwise it prints the command to run.

# Tauri's build and runtime libraries.
APT_BUILD=(build-essential pkg-config libssl-dev libwebkit2gtk-4.1-dev libgtk-3-dev
  libsoup-3.0-dev libjavascriptcoregtk-4.1-dev librsvg2-dev libayatana-appindicator3-dev
  libdbus-1-dev)
# The local SWR sandbox: a real registry and tools that read images back.
APT_SANDBOX=(docker-registry skopeo buildah zstd python3 python3-venv)
# Headless desktop testing, the OS keyring (procps: the e2e run watches its daemon), fonts for
# both UI languages.
APT_TEST=(xvfb xauth xclip webkit2gtk-driver dbus-x11 gnome-keyring procps imagemagick time
  fonts-wqy-microhei openssl gzip)

log() { printf '\033[1;34m==>\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31merror:\033[0m %s\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    return 1
  fi
}

# ensure_apt PKG... : installs the packages that are not installed yet.
ensure_apt() {
  local missing=() pkg
  for pkg in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
      missing+=("$pkg")
    fi
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  command -v apt-get >/dev/null 2>&1 ||
    die "missing system packages: ${missing[*]} (install them with your package manager)"
  log "installing system packages: ${missing[*]}"
  if ! as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q ||
    ! as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"; then
    die "could not install system packages; run as root: apt-get install -y ${missing[*]}"
  fi
}

ensure_toolchains() {
  command -v cargo >/dev/null 2>&1 ||
    die "Rust is not installed: install rustup (https://rustup.rs); the toolchain version is pinned in rust-toolchain.toml"
  command -v node >/dev/null 2>&1 || die "Node.js 20 or newer is required"
  local major
  major="$(node -p 'process.versions.node.split(".")[0]')"
  [ "$major" -ge 20 ] || die "Node.js 20 or newer is required (found $(node --version))"
}

# ensure_npm DIR : `npm ci` when node_modules is missing or older than the lock file.
ensure_npm() {
  local dir="$1"
  if [ ! -f "$dir/node_modules/.package-lock.json" ] ||
    [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    log "installing npm packages in ${dir#"$ROOT"/}"
    (cd "$dir" && npm ci --no-audit --no-fund)
  fi
}

ensure_cargo_tool() {
  local bin="$1" crate="$2"
  command -v "$bin" >/dev/null 2>&1 && return 0
  [ -x "${CARGO_HOME:-$HOME/.cargo}/bin/$bin" ] && return 0
  log "installing $crate"
  cargo install --locked "$crate"
}
