#!/usr/bin/env bash
# Fuzzing the import, by hand (not part of `npm test`: it is random and takes minutes).
# Damaged copies of real files (test/fuzz/mutate.py) are imported one by one with `sanad import`
# into a fresh workspace; each must either import or be refused with one sentence that names the
# file ("sanad: <file> ..."), never an "unexpected error". The survivors are then built into one
# bundle, which must verify, and must hold none of the active content the hostile file carries.
#
#   test/fuzz/run.sh [COPIES-PER-FILE] [SEED] [DIR]     (defaults: 20, 1, a new temporary folder)
#
# Needs the command line built (npm run build:cli), qpdf, and ImageMagick for the image bases.
# Exits 1 and lists the offending files when anything above does not hold.
set -uo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
copies="${1:-20}"
seed="${2:-1}"
dir="${3:-$(mktemp -d /tmp/sanad-fuzz-XXXXXX)}"
sanad() { node "$repo/bin/sanad.js" --workspace "$dir/ws" "$@"; }
mkdir -p "$dir/bases" "$dir/copies"

cp "$repo"/examples/sources/*.pdf "$repo"/examples/sources/*.html "$dir/bases/"
node --import tsx "$repo/test/fuzz/make-bases.ts" "$dir/bases"
qpdf --linearize "$dir/bases/hostile.pdf" "$dir/bases/hostile-linearized.pdf"
qpdf --object-streams=generate "$dir/bases/hostile.pdf" "$dir/bases/hostile-objstm.pdf"
if command -v convert > /dev/null; then
  convert -size 800x500 xc:white -pointsize 28 -draw "text 40,80 'Threat letter from Karachi'" "$dir/bases/photo.jpg"
  convert "$dir/bases/photo.jpg" "$dir/bases/photo.png"
  convert "$dir/bases/photo.jpg" "$dir/bases/photo.webp"
fi
n=0
for base in "$dir"/bases/*; do
  n=$((n + 1))
  python3 "$repo/test/fuzz/mutate.py" "$base" "$copies" "$((seed * 1000 + n))" "$dir/copies"
done

sanad init > /dev/null
imported=0 refused=0 wrong=0
for f in "$dir"/copies/*; do
  name="$(basename "$f")"
  out="$(timeout 300 node "$repo/bin/sanad.js" --workspace "$dir/ws" import --ocr never "$f" 2>&1)"
  rc=$?
  last="$(printf '%s\n' "$out" | tail -n 1)"
  if [ "$rc" = 0 ]; then
    imported=$((imported + 1))
  elif [ "$rc" = 1 ] && [[ "$last" == "sanad: $name "* ]]; then
    refused=$((refused + 1))
  else
    wrong=$((wrong + 1))
    echo "NOT CLEAR ($rc): $name: $last"
  fi
done
echo "$imported imported, $refused refused with a clear message, $wrong otherwise"

status=0
[ "$wrong" = 0 ] || status=1
if [ "$imported" -gt 0 ]; then
  sanad case new fuzz --title "Fuzz" --appellant "A B" --hearing 2026-12-20 > /dev/null
  ids="$(sanad --json sources | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).map(x=>x.id).join(" ")))')"
  # shellcheck disable=SC2086
  sanad case add fuzz $ids --section C > /dev/null
  if sanad build fuzz --out "$dir/out/bundle.pdf" > "$dir/build.log" 2>&1 && sanad verify "$dir/out/bundle.pdf" > /dev/null 2>&1; then
    qpdf --qdf --object-streams=disable "$dir/out/bundle.pdf" "$dir/out/bundle.qdf.pdf" 2> /dev/null
    active="$(grep -a -c -E '/JavaScript|/JS[ (<]|/Launch|/EmbeddedFile|/OpenAction|/AA |/SubmitForm|/ImportData|/GoToR|file:|/XFA' "$dir/out/bundle.qdf.pdf")"
    echo "bundle of the $imported imported: $(pdfinfo "$dir/out/bundle.pdf" 2> /dev/null | awk '/^Pages:/ {print $2}') pages, verified; active content found: $active"
    [ "$active" = 0 ] || status=1
  else
    echo "BUILD OR VERIFY FAILED: $(tail -n 1 "$dir/build.log")"
    status=1
  fi
fi
echo "files kept in $dir"
exit "$status"
