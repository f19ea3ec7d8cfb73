#!/usr/bin/env python3
"""`1 + 1` round trip through the front door, Python and Java (issue 15): browser -> proxy -> Jupyter Server's
WebSocket -> kernel and back, as JupyterLab sends a cell.

Starts its own box (see benchbox.py), adds one learner, then runs cell_driver.py in a container of the sandbox
image on the host's network (it logs in, opens a kernel, runs `1 + 1` --runs times after --warmup). Prints a
Markdown row per kernel for bench/RESULTS.md: p50, p99 and min.

Usage: bench/cell_bench.py [--runs 200] [--warmup 50] [--keep]
"""
import argparse
import json
import pathlib
import subprocess

from benchbox import BASE, add_user, sh, wipe
from school_day_bench import percentile


def run(kernel, runs, warmup):
    bench = pathlib.Path(__file__).resolve().parent
    out = subprocess.run(["docker", "run", "--rm", "--network", "host", "-v", f"{bench}:/bench:ro", "-w", "/bench",
                          "learnbox/sandbox", "python3", "/bench/cell_driver.py", "--base", BASE, "--learner", "cellbench",
                          "--password", "bench-cellbench-password", "--kernel", kernel, "--runs", str(runs),
                          "--warmup", str(warmup)], capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(f"the driver failed: {out.stderr[-2000:]}")
    return [t * 1000 for t in json.loads(out.stdout.strip().splitlines()[-1])["round_trips"]]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--warmup", type=int, default=50)
    parser.add_argument("--keep", action="store_true", help="leave the bench box up afterwards")
    args = parser.parse_args()
    wipe()
    sh("./box", "up")
    try:
        add_user("cellbench")
        for kernel in ("python3", "java"):
            trips = run(kernel, args.runs, args.warmup)
            print(f"| `1 + 1`, {kernel}, {len(trips)} runs after {args.warmup} | p50 {percentile(trips, 50):.1f} ms,"
                  f" p99 {percentile(trips, 99):.1f} ms, min {min(trips):.1f} ms |", flush=True)
    finally:
        if not args.keep:
            wipe()


if __name__ == "__main__":
    main()
