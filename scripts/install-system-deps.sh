#!/bin/sh
# Debian packages the browser tests need: chromium (driven by Playwright, never a downloaded
# browser) and a CJK font, without which screenshots show boxes instead of Chinese.
set -e
need=""
[ -x /usr/bin/chromium ] || need="$need chromium chromium-driver"
dpkg -s fonts-wqy-microhei >/dev/null 2>&1 || need="$need fonts-wqy-microhei"
[ -z "$need" ] && exit 0
if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $need >/dev/null
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $need >/dev/null
else
    echo "note: install the Debian packages$need for the browser tests (they skip without chromium)" >&2
fi
