#!/usr/bin/env bash
# Installs what shufa needs on Debian: the XML engine and SQLite for building, and for printing
# and the LibreOffice tests: headless LibreOffice, CJK fonts, qpdf and poppler's PDF tools.
# Usage: scripts/setup.sh [build|full]   (default: full). Safe to run again: installs only what is missing.
set -euo pipefail
want=(libxml2-dev zlib1g-dev pkg-config libsqlite3-dev)
if [ "${1:-full}" = full ]; then
  want+=(libreoffice-writer-nogui fonts-noto-cjk fonts-arphic-ukai qpdf poppler-utils libxml2-utils)
fi
missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "setup: installing ${missing[*]}" >&2
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
