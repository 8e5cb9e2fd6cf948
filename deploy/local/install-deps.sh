#!/usr/bin/env bash
# Installs the npm packages exactly as package-lock.json pins them.
#
# `npm ci` is tried first. It refuses a lock that lacks entries for other platforms' optional native binaries
# (e.g. @swc/core-darwin-arm64), and npm leaves those entries out when the registry in use does not serve that
# version, as some registry mirrors do not. Then `npm install` is used: it installs the same pinned versions from
# the same lock and only skips what this platform cannot use anyway.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
log=$(mktemp)
trap 'rm -f "$log"' EXIT

if npm ci --no-audit --no-fund 2>"$log"; then
  exit 0
fi
if grep -q "can only install packages when your package.json and package-lock.json" "$log"; then
  echo "[install] npm ci refused the lock (optional binaries for other platforms are not in it); using npm install" >&2
  npm install --no-audit --no-fund
  git diff --quiet -- package-lock.json 2>/dev/null || echo "[install] note: npm install rewrote package-lock.json" >&2
  exit 0
fi
cat "$log" >&2
rm -f "$log"
exit 1
