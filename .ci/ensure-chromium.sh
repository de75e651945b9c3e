#!/usr/bin/env bash
# The browser tests drive Debian's Chromium at /usr/bin/chromium (Playwright's own download cannot work
# here). Install it when it is missing and we are allowed to.
set -euo pipefail
exec bash "$(dirname "$0")/ensure-package.sh" "${CHROMIUM_PATH:-/usr/bin/chromium}" chromium
