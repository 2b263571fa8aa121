"""Watches a running process and all its descendants until it exits, then prints two figures
that GNU time cannot give for a process tree: the CPU seconds (user + sys) every process of the
tree used itself, and the tree's peak memory as the sum of its processes' PSS (proportional set
size: shared pages split between the processes sharing them).

Why: `sanad build` starts Chromium, whose helper processes are not all reaped through the CLI, so
GNU time's CPU figure leaves part of Chromium's work out and its peak RSS is the largest single
process only. Sampled every 0.1 s from /proc (Linux); a process that lives less than that is
missed. Runs beside the measured command (bench/compare-python-bundler.sh starts it on the
`/usr/bin/time` process's id), so its own work is not counted.

usage: python3 proc-tree-usage.py PID      prints "TREE_CPU_SECONDS PEAK_PSS_KB"
"""

import os
import sys
import time

TICK = os.sysconf("SC_CLK_TCK")


def stat(pid: int):
    """(ppid, own user + sys seconds) of a live process, or None when it is gone."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            s = f.read()
    except OSError:
        return None
    fields = s[s.rindex(")") + 2 :].split()
    return int(fields[1]), (int(fields[11]) + int(fields[12])) / TICK


def pss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def main() -> int:
    if len(sys.argv) != 2:
        sys.stderr.write(__doc__)
        return 2
    root = int(sys.argv[1])
    parent_of: dict[int, int] = {}
    tree = {root}
    cpu: dict[int, float] = {}
    peak = 0
    while os.path.exists(f"/proc/{root}"):
        # Lowest first, so a new parent is classified before its new children in the same pass.
        for pid in sorted(int(n) for n in os.listdir("/proc") if n.isdigit()):
            if pid not in parent_of:
                st = stat(pid)
                if st is None:
                    continue
                parent_of[pid] = st[0]
                if st[0] in tree:
                    tree.add(pid)
        total = 0
        for pid in list(tree):
            st = stat(pid)
            if st is None:
                continue
            cpu[pid] = st[1]
            total += pss_kb(pid)
        peak = max(peak, total)
        time.sleep(0.1)
    print(f"{sum(cpu.values()):.2f} {peak}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
