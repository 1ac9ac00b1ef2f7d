#!/usr/bin/env bash
# Sets up a fresh clone: the Debian packages the tests and document checks use (where apt-get
# is available), then the npm dependencies. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

# A compiler toolchain for better-sqlite3, Chromium for the browser tests, LibreOffice, CJK
# fonts and poppler to open the generated documents as a real client would, and lxml for the
# schema check of the generated documents (scripts/ooxml/validate.py).
PACKAGES=(python3 make g++ chromium libreoffice-writer-nogui fonts-noto-cjk poppler-utils python3-lxml)
if command -v apt-get >/dev/null 2>&1 && command -v dpkg >/dev/null 2>&1; then
  missing=()
  for pkg in "${PACKAGES[@]}"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    echo "安装系统软件包：${missing[*]}"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
else
  echo "提示：没有 apt-get，请自行安装 LibreOffice（soffice）、poppler（pdftoppm、pdftotext）和 Python 3 的 lxml，测试要用它们打开和检查生成的文档。"
fi

# The Electron binary cannot be downloaded on intranet machines; the product runs without it.
export ELECTRON_SKIP_BINARY_DOWNLOAD=1
if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi
