#!/bin/sh
# Install the Debian packages the test suite needs, when they are missing and we may.
set -eu
missing=""
[ -x /usr/bin/chromium ] || missing="$missing chromium"
# Fonts for the right-to-left and Ethiopic scripts in letters and their PDF tests.
[ -d /usr/share/fonts/truetype/noto ] || missing="$missing fonts-noto-core"
command -v msgfmt >/dev/null 2>&1 || missing="$missing gettext"
[ -n "$missing" ] || exit 0
if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "Missing system packages:$missing — install them (e.g. sudo apt-get install$missing)." >&2
    echo "Browser tests are skipped without /usr/bin/chromium." >&2
    exit 0
fi
echo "Installing:$missing"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing
