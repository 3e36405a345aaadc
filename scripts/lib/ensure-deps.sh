# Shared by start.sh and test.sh: install what a fresh Debian machine lacks, or
# stop with the exact command to run. Sourced; defines functions only.

say() { printf '\033[1m[switchyard]\033[0m %s\n' "$*"; }

# redis-server (embedded default, tests), chromium (e2e), python3-redis (interop agent)
# and prometheus (metrics scrape) from Debian.
ensure_system_packages() {
  local wanted=("$@") missing=()
  for pkg in "${wanted[@]}"; do
    case "$pkg" in
      redis-server) command -v redis-server >/dev/null 2>&1 || missing+=(redis-server) ;;
      chromium) [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || missing+=(chromium) ;;
      # The interop tests run a Python agent with Debian's python3 and its redis module.
      python3-redis) /usr/bin/python3 -c 'import redis' >/dev/null 2>&1 || missing+=(python3-redis) ;;
      # The metrics test scrapes a worker with a real Prometheus.
      prometheus) command -v prometheus >/dev/null 2>&1 || [ -x /usr/bin/prometheus ] || missing+=(prometheus) ;;
    esac
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    say "installing ${missing[*]} with apt-get"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" || {
      say "apt-get failed; install by hand: apt-get install -y ${missing[*]}"
      return 1
    }
  else
    say "missing: ${missing[*]}. Run this, then try again:"
    echo "    sudo apt-get update && sudo apt-get install -y ${missing[*]}"
    return 1
  fi
}

# npm packages: `npm ci` when node_modules is missing or does not match the lock file.
ensure_node_modules() {
  command -v npm >/dev/null 2>&1 || {
    say "Node.js 20+ and npm are needed: https://nodejs.org (or: sudo apt-get install -y nodejs npm)"
    return 1
  }
  if [ -d node_modules ] && npm ls --depth=0 >/dev/null 2>&1; then return 0; fi
  say "installing npm packages (npm ci)"
  # The Electron binary is optional: without it `npm start` serves the UI in a browser.
  ELECTRON_SKIP_BINARY_DOWNLOAD="${ELECTRON_SKIP_BINARY_DOWNLOAD:-1}" npm ci --no-audit --no-fund
}

# True when a display is there and Electron's binary is present — or can be
# fetched now: electron downloads its binary lazily on first use, and npm ci
# ran with ELECTRON_SKIP_BINARY_DOWNLOAD so that a machine without access to
# the download still installs.
electron_available() {
  [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] || [ "$(uname)" = Darwin ] || return 1
  local path_file=node_modules/electron/path.txt
  if [ -f "$path_file" ] && [ -x "node_modules/electron/dist/$(cat "$path_file")" ]; then return 0; fi
  say "fetching the Electron binary (first launch)"
  timeout 300 node -e "require('electron')" >/dev/null 2>&1
}
