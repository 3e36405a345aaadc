#!/usr/bin/env bash
# npm start: launch Switchyard on the embedded Redis (or REDIS_URL).
# Electron when its binary and a display are available; otherwise the same UI
# on a printed loopback URL (headless host).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/ensure-deps.sh

ensure_node_modules
# redis-server is needed only for the embedded default.
if [ -z "${REDIS_URL:-}" ]; then ensure_system_packages redis-server; fi

say "building"
npx electron-vite build >/dev/null
npx tsup --silent

if electron_available; then
  say "starting the desktop app"
  exec npx electron-vite preview
fi
say "the Electron binary (or a display) is not available here: serving the same UI in your browser instead"
exec node bin/switchyard.js serve
