#!/usr/bin/env bash
# Installs Debian's chromium and chromium-driver when either is missing, for the report's browser
# test (bitbench-report HtmlReportBrowserTest drives /usr/bin/chromium through /usr/bin/chromedriver).
# Idempotent and non-interactive; uses sudo when not root. Progress goes to stderr.
#   .ci/chromium.sh
set -euo pipefail

log() { echo "chromium.sh: $*" >&2; }

if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
  log "already installed: $(chromium --version 2>/dev/null | head -1); $(chromedriver --version | head -1)"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi

log "installing Debian's chromium and chromium-driver"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >&2
$SUDO apt-get install -y -qq --no-install-recommends chromium chromium-driver >&2
log "installed: $(chromium --version 2>/dev/null | head -1); $(chromedriver --version | head -1)"
