#!/usr/bin/env bash
# Remakes the README's pictures of the generated documents (docs/images/*.png) from the demo:
# each document is opened by LibreOffice, turned into a PDF, and one page of it is drawn at
# 80 dpi at its own size (a landscape page stays landscape).
#
#   scripts/document-pictures.sh                    all of them
#   scripts/document-pictures.sh rectification-list statistics-tables
#
# PICTURES_OUT=folder writes them there instead, to look at first. Needs LibreOffice (soffice)
# and poppler (pdftoppm, pdfinfo); see scripts/setup.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

ALL=(reply-letter cohandling-opinion annual-report statistics-tables rectification-report rectification-list feedback-form)
if (($#)); then WANTED=("$@"); else WANTED=("${ALL[@]}"); fi
for name in "${WANTED[@]}"; do
  [[ " ${ALL[*]} " == *" $name "* ]] || { echo "没有这张图：$name（可选：${ALL[*]}）" >&2; exit 2; }
done

out=${PICTURES_OUT:-docs/images}
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cli() { npx tsx electron/node/cli/main.ts "$@" >"$work/cli.log" 2>&1 || { cat "$work/cli.log" >&2; return 1; }; }

# The demo district on a fixed day, so the pictures are the same on every run.
cli demo --out "$work/demo" --today 2024-07-15
cli letters --db "$work/demo/demo.db" --session 区七届人大三次会议 --out "$work/forms" --only 1 --feedback-forms \
  --today 2024-07-15

first() { find "$1" -maxdepth 1 -name "$2" | sort | head -n 1; }
# The first landscape page of a PDF (the 整改清单 after the report's portrait pages).
first_landscape() {
  pdfinfo -f 1 -l 999 "$1" | awk '/^Page +[0-9]+ size:/ { if ($4 + 0 > $6 + 0) { print $2; exit } }'
}

declare -A source page
source[reply-letter]=$(first "$work/demo/答复函" '0001-*.docx')
source[cohandling-opinion]=$(first "$work/demo/会办意见" '0001-*.docx')
source[annual-report]="$work/demo/办理情况报告-区七届人大三次会议.docx"
source[statistics-tables]="$work/demo/统计表-区七届人大三次会议.docx"
source[rectification-report]="$work/demo/审议意见办理报告和整改清单.docx"
source[rectification-list]="$work/demo/审议意见办理报告和整改清单.docx"
source[feedback-form]=$(first "$work/forms" '0001-*-征询意见表.docx')

for name in "${WANTED[@]}"; do
  docx=${source[$name]}
  pdf="$work/pdf/$(basename "${docx%.docx}").pdf"
  [[ -f "$pdf" ]] || soffice --headless --convert-to pdf --outdir "$work/pdf" "$docx" >/dev/null 2>&1
  [[ -f "$pdf" ]] || { echo "LibreOffice 没能把「$docx」转成 PDF" >&2; exit 1; }
  page[$name]=1
  if [[ $name == rectification-list ]]; then
    page[$name]=$(first_landscape "$pdf")
    [[ -n ${page[$name]} ]] || { echo "「$docx」里没有横排的整改清单页" >&2; exit 1; }
  fi
  pdftoppm -png -r 80 -f "${page[$name]}" -l "${page[$name]}" -singlefile "$pdf" "$out/$name"
  echo "$out/$name.png ← $(basename "$docx") 第 ${page[$name]} 页"
done
