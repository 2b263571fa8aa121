#!/usr/bin/env bash
# Whole-process comparison of `sanad build` with BunTool, the open-source Python bundler for UK
# courts (issue 10, item 4: Sanad at least 3× faster on the same files). Both build a bundle of
# the same 40 PDFs × 25 pages (no excerpts) from the command line, in turns (A B, B A, …), each
# under /usr/bin/time; prints each run, then the medians of wall and CPU seconds and of peak
# memory (GNU time's: the largest single process), and the ratios. The whole tree's CPU and peak
# PSS (Chromium's processes included) come from further runs with proc-tree-usage.py watching the
# tree: its sampling takes CPU from a program that uses both cores (Sanad), not from one that uses
# one (BunTool), so the timed runs go unwatched.
#
# BunTool is not part of Sanad: set BUNTOOL_DIR to a folder holding its `buntool` package (and,
# optionally, a venv/ with its dependencies). bench/README.md ("Python bundler comparison") says
# how to set one up.
#
#   BUNTOOL_DIR=/tmp/buntool-run bench/compare-python-bundler.sh [DIR]
#
# DIR (default /tmp/sanad-vs-python-bundler) keeps the corpus, the Sanad workspace and the
# outputs; the corpus and workspace (`npm run bench -- corpus --keep DIR`) are reused until the
# commit or PAGES changes.
# Environment: RUNS (counted runs of each, default 5), WARMUP (uncounted runs of each first,
# default 1), WATCHED (watched runs of each for the tree's figures, default 3), PAGES (corpus pages, default 1000 = 40 files × 25), BUNTOOL_PYTHON (default
# $BUNTOOL_DIR/venv/bin/python, else python3), SKIP_BUILD_CLI=1 (do not recompile dist/ first).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/.." && pwd)"
dir="${1:-/tmp/sanad-vs-python-bundler}"
runs="${RUNS:-5}"
watched="${WATCHED:-3}"
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
# The workspace is remade when the code (its storage format may have changed) or PAGES did.
made="$(git rev-parse HEAD 2> /dev/null || echo unknown) $pages"
if [ ! -f "$dir/index.csv" ] || [ ! -d "$dir/ws" ] || [ "$(cat "$dir/made-by" 2> /dev/null)" != "$made" ]; then
  echo "making the corpus and the workspace in $dir" >&2
  rm -rf "$dir/corpus" "$dir/ws" "$dir/index.csv" "$dir/made-by"
  npm run --silent bench -- corpus --keep "$dir" --pages "$pages" > "$dir/corpus.json"
  echo "$made" > "$dir/made-by"
fi
if [ "${SKIP_BUILD_CLI:-}" != 1 ]; then
  echo "compiling the command line (npm run build:cli)" >&2
  npm run --silent build:cli >&2
fi

sanad_cmd=(node "$repo/bin/sanad.js" --workspace "$dir/ws" build bench-case --out "$dir/out-sanad/bundle.pdf")
buntool_cmd=("$python" "$here/python-bundler-driver.py" "$dir/index.csv" "$dir/corpus" "$dir/out-buntool")

# One run of one tool: fresh output folder, GNU time around it; prints "wall user sys maxrssKB". With
# WATCH=1, proc-tree-usage.py watches its tree too and "treeCPU treePssKB" follow.
run_one() {
  local name="$1" log="$dir/$1.log"
  shift
  rm -rf "$dir/out-$name"
  local status=0 timed watcher
  /usr/bin/time -f '%e %U %S %M' -o "$dir/time.tmp" "$@" >> "$log" 2>&1 &
  timed=$!
  if [ "${WATCH:-0}" = 1 ]; then
    python3 "$here/proc-tree-usage.py" "$timed" > "$dir/tree.tmp" &
    watcher=$!
  fi
  wait "$timed" || status=$?
  [ -z "${watcher:-}" ] || wait "$watcher"
  [ "$status" = 0 ] || { echo "$name failed (exit $status): see $log" >&2; exit 1; }
  if [ "${WATCH:-0}" = 1 ]; then echo "$(tail -n 1 "$dir/time.tmp") $(cat "$dir/tree.tmp")"; else tail -n 1 "$dir/time.tmp"; fi
}

rm -f "$dir/sanad.log" "$dir/buntool.log" "$dir/sanad.runs" "$dir/buntool.runs" "$dir/sanad.tree" "$dir/buntool.tree"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo); node $(node --version); $("$python" --version 2>&1)" >&2
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
for ((i = 1; i <= warmup; i++)); do
  echo "warm-up $i" >&2
  run_one buntool "${buntool_cmd[@]}" > /dev/null
  run_one sanad "${sanad_cmd[@]}" > /dev/null
done
# COUNT runs of each tool in turn, each line appended to <tool>.SUFFIX and shown as WHAT (LEGEND);
# WATCH=1 watches the tree.
rounds() {
  local count="$1" suffix="$2" what="$3" legend="$4" i name line order
  for ((i = 1; i <= count; i++)); do
    # Alternate which goes first, so a drift in the machine's load falls on both.
    if ((i % 2)); then order=(buntool sanad); else order=(sanad buntool); fi
    for name in "${order[@]}"; do
      if [ "$name" = sanad ]; then line="$(run_one sanad "${sanad_cmd[@]}")"; else line="$(run_one buntool "${buntool_cmd[@]}")"; fi
      echo "$line" >> "$dir/$name.$suffix"
      echo "$what $i $name: $line ($legend) load $(cut -d' ' -f1 /proc/loadavg)" >&2
    done
  done
}
WATCH=0 rounds "$runs" runs run "wall user sys maxrssKB"
WATCH=1 rounds "$watched" tree "watched run" "wall user sys maxrssKB treeCPU treePssKB"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

# Figures by column: 1 wall, 2 user, 3 sys, 4 peak RSS KB (the timed runs), 5 tree CPU, 6 tree PSS
# KB (the watched runs); 0 = user + sys. Median over the runs of one tool, and (paired) the median
# over i of BunTool's run i / sanad's run i: those went back to back, so that holds better when the
# load drifts.
fig() { awk -v c="$1" '{ print (c == 0) ? $2 + $3 : $c }'; }
med() { sort -g | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
runs_of() { if [ "$2" -ge 5 ]; then echo "$dir/$1.tree"; else echo "$dir/$1.runs"; fi; }
median() { fig "$2" < "$(runs_of "$1" "$2")" | med; }
paired() { paste -d' ' <(fig "$1" < "$(runs_of buntool "$1")") <(fig "$1" < "$(runs_of sanad "$1")") | awk '{ print $1 / $2 }' | med; }
pages_of() { command -v pdfinfo > /dev/null && pdfinfo "$1" 2> /dev/null | awk '/^Pages:/ { print $2 }' || echo "?"; }

row() { # label, then one tool's medians or the ratios
  printf '| %s | %s | %s | %s | %s | %s |\n' "$@"
}
mb() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }
x() { awk -v a="$1" -v b="${2:-}" 'BEGIN { printf "%.2fx", (b == "") ? a : a / b }'; }
s2() { awk -v v="$1" 'BEGIN { printf "%.2f", v }'; }
bp="$(pages_of "$dir/out-buntool/buntool-bundle.pdf")"; sp="$(pages_of "$dir/out-sanad/bundle.pdf")"
echo "| $runs timed runs each ($watched watched for the tree), medians | wall s | CPU s (GNU time: user+sys, reaped children) | CPU s (whole tree, sampled) | peak RSS MB (largest process) | peak PSS MB (whole tree, sampled) |"
echo "| --- | --- | --- | --- | --- | --- |"
for t in buntool sanad; do
  if [ "$t" = buntool ]; then label="BunTool (Python), $bp pages"; else label="sanad build, $sp pages"; fi
  row "$label" "$(s2 "$(median $t 1)")" "$(s2 "$(median $t 0)")" "$(s2 "$(median $t 5)")" "$(mb "$(median $t 4)")" "$(mb "$(median $t 6)")"
done
row "BunTool / sanad, ratio of the medians (goal: wall >= 3)" "$(x "$(median buntool 1)" "$(median sanad 1)")" "$(x "$(median buntool 0)" "$(median sanad 0)")" \
  "$(x "$(median buntool 5)" "$(median sanad 5)")" "$(x "$(median buntool 4)" "$(median sanad 4)")" "$(x "$(median buntool 6)" "$(median sanad 6)")"
row "BunTool / sanad, median of the paired ratios" "$(x "$(paired 1)")" "$(x "$(paired 0)")" "$(x "$(paired 5)")" "$(x "$(paired 4)")" "$(x "$(paired 6)")"
