#!/usr/bin/env bash
# Installs Debian's headless-capable Chromium for the browser tests (tests/browser), once.
# Playwright's own browser download cannot reach its servers here; playwright-core drives
# this binary instead (tests/support/browser.ts, NEWSGRAPH_CHROMIUM to point elsewhere).
set -euo pipefail

chromium="${NEWSGRAPH_CHROMIUM:-/usr/bin/chromium}"
if [ -x "$chromium" ] && "$chromium" --version >/dev/null 2>&1; then
  echo "== $("$chromium" --version 2>/dev/null)"
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "Chromium is missing and installing it needs root: apt-get install chromium" >&2; exit 1; }
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
echo "== installed $("$chromium" --version 2>/dev/null)"
