#!/usr/bin/env bash
# Installs what shufa needs on Debian: the XML engine, libxlsxwriter and SQLite for building, and for
# printing and the tests: headless LibreOffice, CJK fonts, qpdf, poppler's PDF tools, openpyxl and python-docx, and
# for the browser desk's end-to-end test headless Chromium with its WebDriver and Selenium.
# The free faces that stand in for the official 公文 fonts (fonts/fonts.conf) are the Fandol family
# (FandolFang 仿宋, FandolSong Bold 小标宋, FandolKai 楷体, FandolHei 黑体), which Debian ships only in
# texlive-lang-chinese.
# Usage: scripts/setup.sh [build|full]   (default: full). Safe to run again: installs only what is missing.
set -euo pipefail
want=(libxml2-dev zlib1g-dev libdeflate-dev libxlsxwriter-dev libsqlite3-dev pkg-config)
if [ "${1:-full}" = full ]; then
  want+=(libreoffice-writer-nogui libreoffice-calc-nogui fonts-noto-cjk fonts-arphic-ukai texlive-lang-chinese qpdf
         poppler-utils libxml2-utils python3-openpyxl python3-docx chromium chromium-driver python3-selenium)
fi
# fonts.conf marks the Fandol bold faces as bold while fontconfig scans them: refresh the cache of
# their folder when an earlier scan (without fonts.conf) left them marked regular.
refresh_fonts() {
  local conf dir
  conf="$(cd "$(dirname "$0")/.." && pwd)/fonts/fonts.conf"
  dir=/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol
  [ -d "$dir" ] && command -v fc-cache >/dev/null || return 0
  FONTCONFIG_FILE="$conf" fc-list ':weight=bold' family | grep -q FandolSong || FONTCONFIG_FILE="$conf" fc-cache -f "$dir"
}
missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then refresh_fonts; exit 0; fi
echo "setup: installing ${missing[*]}" >&2
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
refresh_fonts
