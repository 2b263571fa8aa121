#!/usr/bin/env bash
# Whole-process comparison of `sanad build` with BunTool, the open-source Python bundler for UK
# courts (issue 10, item 4: Sanad at least 3× faster on the same files). Both build a bundle of
# the same 40 PDFs × 25 pages (no excerpts) from the command line, in turns (A B, B A, …), each
# under /usr/bin/time; prints each run, then the medians of wall and CPU seconds and of peak
# memory (the largest single process of each run's tree, as GNU time reports it), and the ratios.
#
# BunTool is not part of Sanad: set BUNTOOL_DIR to a folder holding its `buntool` package (and,
# optionally, a venv/ with its dependencies). bench/README.md ("Python bundler comparison") says
# how to set one up.
#
#   BUNTOOL_DIR=/tmp/buntool-run bench/compare-python-bundler.sh [DIR]
#
# DIR (default /tmp/sanad-vs-python-bundler) keeps the corpus, the Sanad workspace and the
# outputs; the corpus is made once (`npm run bench -- corpus --keep DIR`) and reused.
# Environment: RUNS (counted runs of each, default 5), WARMUP (uncounted runs of each first,
# default 1), PAGES (corpus pages, default 1000 = 40 files × 25), BUNTOOL_PYTHON (default
# $BUNTOOL_DIR/venv/bin/python, else python3), SKIP_BUILD_CLI=1 (do not recompile dist/ first).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/.." && pwd)"
dir="${1:-/tmp/sanad-vs-python-bundler}"
runs="${RUNS:-5}"
warmup="${WARMUP:-1}"
pages="${PAGES:-1000}"

die() { echo "compare-python-bundler: $*" >&2; exit 2; }
[ -n "${BUNTOOL_DIR:-}" ] || die "set BUNTOOL_DIR to the folder holding BunTool's buntool/ package (see bench/README.md)."
[ -f "$BUNTOOL_DIR/buntool/bundle.py" ] || die "no buntool/bundle.py in BUNTOOL_DIR=$BUNTOOL_DIR."
[ -x /usr/bin/time ] || die "GNU time is missing: apt-get install -y time."
python="${BUNTOOL_PYTHON:-}"
if [ -z "$python" ]; then
  if [ -x "$BUNTOOL_DIR/venv/bin/python" ]; then python="$BUNTOOL_DIR/venv/bin/python"; else python=python3; fi
fi
export BUNTOOL_DIR

cd "$repo"
mkdir -p "$dir"
dir="$(cd "$dir" && pwd)"
if [ ! -f "$dir/index.csv" ] || [ ! -d "$dir/ws" ]; then
  echo "making the corpus and the workspace in $dir (once)" >&2
  rm -rf "$dir/corpus" "$dir/ws"
  npm run --silent bench -- corpus --keep "$dir" --pages "$pages" > "$dir/corpus.json"
fi
if [ "${SKIP_BUILD_CLI:-}" != 1 ]; then
  echo "compiling the command line (npm run build:cli)" >&2
  npm run --silent build:cli >&2
fi

sanad_cmd=(node "$repo/bin/sanad.js" --workspace "$dir/ws" build bench-case --out "$dir/out-sanad/bundle.pdf")
buntool_cmd=("$python" "$here/python-bundler-driver.py" "$dir/index.csv" "$dir/corpus" "$dir/out-buntool")

# One run of one tool: fresh output folder, then "wall user sys maxrssKB exit" appended to its file.
run_one() {
  local name="$1" log="$dir/$1.log"
  shift
  rm -rf "$dir/out-$name"
  local status=0
  /usr/bin/time -f '%e %U %S %M' -o "$dir/time.tmp" "$@" >> "$log" 2>&1 || status=$?
  [ "$status" = 0 ] || { echo "$name failed (exit $status): see $log" >&2; exit 1; }
  echo "$(tail -n 1 "$dir/time.tmp") $status"
}

rm -f "$dir/sanad.log" "$dir/buntool.log" "$dir/sanad.runs" "$dir/buntool.runs"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo); node $(node --version); $("$python" --version 2>&1)" >&2
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
for ((i = 1; i <= warmup; i++)); do
  echo "warm-up $i" >&2
  run_one buntool "${buntool_cmd[@]}" > /dev/null
  run_one sanad "${sanad_cmd[@]}" > /dev/null
done
for ((i = 1; i <= runs; i++)); do
  # Alternate which goes first, so a drift in the machine's load falls on both.
  if ((i % 2)); then order=(buntool sanad); else order=(sanad buntool); fi
  for name in "${order[@]}"; do
    if [ "$name" = sanad ]; then line="$(run_one sanad "${sanad_cmd[@]}")"; else line="$(run_one buntool "${buntool_cmd[@]}")"; fi
    echo "$line" >> "$dir/$name.runs"
    echo "run $i $name: $line (wall user sys maxrssKB exit) load $(cut -d' ' -f1 /proc/loadavg)" >&2
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

# Median of one column of a runs file (column 5 = user + sys).
median() {
  awk -v c="$2" '{ v = (c == 5) ? $2 + $3 : $c; print v }' "$1" | sort -g |
    awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}
# Run i of each tool went back to back: the median of the pairwise ratios BunTool / sanad holds
# better than the ratio of the medians when the machine's load drifts.
paired() {
  paste -d' ' "$dir/buntool.runs" "$dir/sanad.runs" | awk -v c="$1" '{ print (c == 5) ? ($2 + $3) / ($7 + $8) : $c / $(c + 5) }' | sort -g |
    awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}
pages_of() { command -v pdfinfo > /dev/null && pdfinfo "$1" 2> /dev/null | awk '/^Pages:/ { print $2 }' || echo "?"; }

bw="$(median "$dir/buntool.runs" 1)"; sw="$(median "$dir/sanad.runs" 1)"
bc="$(median "$dir/buntool.runs" 5)"; sc="$(median "$dir/sanad.runs" 5)"
bm="$(median "$dir/buntool.runs" 4)"; sm="$(median "$dir/sanad.runs" 4)"
pw="$(paired 1)"; pc="$(paired 5)"; pm="$(paired 4)"
bp="$(pages_of "$dir/out-buntool/buntool-bundle.pdf")"; sp="$(pages_of "$dir/out-sanad/bundle.pdf")"
awk -v runs="$runs" -v bw="$bw" -v sw="$sw" -v bc="$bc" -v sc="$sc" -v bm="$bm" -v sm="$sm" -v pw="$pw" -v pc="$pc" -v pm="$pm" -v bp="$bp" -v sp="$sp" 'BEGIN {
  printf "| %d runs each, medians | wall s | CPU s (user+sys) | peak RSS MB (largest process) | bundle pages |\n", runs
  print "| --- | --- | --- | --- | --- |"
  printf "| BunTool (Python) | %.2f | %.2f | %.0f | %s |\n", bw, bc, bm / 1024, bp
  printf "| sanad build | %.2f | %.2f | %.0f | %s |\n", sw, sc, sm / 1024, sp
  printf "| BunTool / sanad, ratio of the medians (goal: wall >= 3) | %.2fx | %.2fx | %.2fx | |\n", bw / sw, bc / sc, bm / sm
  printf "| BunTool / sanad, median of the paired ratios | %.2fx | %.2fx | %.2fx | |\n", pw, pc, pm
}'
