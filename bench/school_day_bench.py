#!/usr/bin/env python3
"""A school's day on one box (issue 17): how many learners it holds with a cell's round trip p95 <= 100 ms.

Starts its own box (see benchbox.py), adds the learners, then for each step of N learners runs
school_day_driver.py in a container of the sandbox image on the host's network: N learners log in through the
front door, open a kernel (every 4th a Java one) and run a small cell every 10 to 20 s for --minutes, saving a
notebook now and then; every 10th publishes an app from their lab and every 10th pushes one with git, a minute in. Learners of a step stay logged in for the next. While a step runs, `docker stats` is
sampled: CPU and memory of each service and of the sandboxes. Prints a Markdown row per step for bench/RESULTS.md.
The driver's own CPU (the browsers' work) is on the same machine, and is shown.

Usage: bench/school_day_bench.py [--steps 20,40,60,80] [--minutes 3] [--keep]
"""
import argparse
import json
import pathlib
import statistics
import subprocess
import threading
import time
import concurrent.futures

from benchbox import BASE, PROJECT, add_user, sh, wipe

DRIVER = "school-day-driver"


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))]


def mebibytes(text):
    number, unit = float(text[:-3]), text[-3:]
    return number * {"KiB": 1 / 1024, "MiB": 1, "GiB": 1024}.get(unit, 1 / (1024 * 1024))


def sample_stats(samples, stop):
    """docker stats, every 20 s: CPU % and memory (MiB) by part of the box."""
    while not stop.is_set():
        out = subprocess.run(["docker", "stats", "--no-stream", "--format", "{{.Name}}\t{{.CPUPerc}}\t{{.MemUsage}}"],
                             capture_output=True, text=True).stdout
        parts = {}
        for line in out.splitlines():
            name, cpu, memory = line.split("\t")
            part = ("sandboxes" if name.startswith(f"{PROJECT}-sandbox-") else "driver" if name == DRIVER
                    else name.removeprefix(f"{PROJECT}-").removesuffix("-1") if name.startswith(PROJECT) else None)
            if part:
                cpu_now, mem_now = parts.get(part, (0.0, 0.0))
                parts[part] = (cpu_now + float(cpu.rstrip("%")), mem_now + mebibytes(memory.split(" / ")[0]))
        samples.append(parts)
        stop.wait(20)


def run_step(names, minutes):
    samples, stop = [], threading.Event()
    sampler = threading.Thread(target=sample_stats, args=(samples, stop), daemon=True)
    sampler.start()
    bench = pathlib.Path(__file__).resolve().parent
    started = time.monotonic()
    out = subprocess.run(["docker", "run", "--rm", "--name", DRIVER, "--network", "host", "-v", f"{bench}:/bench:ro",
                          "learnbox/sandbox", "python3", "/bench/school_day_driver.py", "--base", BASE,
                          "--learners", ",".join(names), "--passwords", "bench-{}-password", "--minutes", str(minutes)],
                         capture_output=True, text=True)
    stop.set()
    sampler.join()
    if out.returncode != 0:
        raise SystemExit(f"the driver failed: {out.stderr[-2000:]}")
    result = json.loads(out.stdout.strip().splitlines()[-1])
    result["seconds"] = time.monotonic() - started
    result["stats"] = samples[1:] or samples  # the first sample is taken while logins are still under way
    return result


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--steps", default="20,40,60,80")
    parser.add_argument("--minutes", type=float, default=3)
    parser.add_argument("--settled", type=float, default=2,
                        help="also the round trips after each learner's first this many minutes (kernels warm, first imports done)")
    parser.add_argument("--keep", action="store_true", help="leave the bench box up afterwards")
    args = parser.parse_args()
    steps = [int(n) for n in args.steps.split(",")]

    wipe()
    sh("./box", "up")
    try:
        names = [f"pupil{i:03d}" for i in range(max(steps))]
        with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
            list(pool.map(add_user, names))
        rows = []
        for n in steps:
            result = run_step(names[:n], args.minutes)
            # Each learner's first cell is left out: a kernel's first run (its imports, Java's JIT) is not the day's pace.
            trips = [t * 1000 for ts in result["round_trips"].values() for t in ts[1:]]
            java = [t * 1000 for name, ts in result["round_trips"].items() if result["kernels"][name] == "java" for t in ts[1:]]
            parts = {}
            for sample in result["stats"]:
                for part, (cpu, memory) in sample.items():
                    parts.setdefault(part, []).append((cpu, memory))
            usage = ", ".join(f"{part} {statistics.mean(c for c, _ in v):.0f} % / {statistics.mean(m for _, m in v):.0f} MiB"
                              for part, v in sorted(parts.items()))
            rows.append(f"| {n} ({result['working']} working) | {len(trips)} cells | p50 {percentile(trips, 50):.0f} ms,"
                        f" p95 {percentile(trips, 95):.0f} ms (Java p95 {percentile(java, 95) if java else 0:.0f} ms)"
                        f" | {len(result['failures'])} failures | {usage} |")
            print(rows[-1], flush=True)
            settled = [t * 1000 for name, ts in result["round_trips"].items()
                       for t, at in zip(ts, result["offsets"][name]) if at >= args.settled * 60]
            if settled:
                print(f"    after each learner's first {args.settled:g} minutes: {len(settled)} cells, p50"
                      f" {percentile(settled, 50):.0f} ms, p95 {percentile(settled, 95):.0f} ms, max {max(settled):.0f} ms", flush=True)
            by_kind = {}
            for name, ts in result["round_trips"].items():
                for t, kind in list(zip(ts, result["kinds"][name]))[1:]:
                    by_kind.setdefault(kind, []).append(t * 1000)
            for kind, ts in sorted(by_kind.items()):
                print(f"    {kind}: {len(ts)} cells, p50 {percentile(ts, 50):.0f} ms, p95 {percentile(ts, 95):.0f} ms,"
                      f" max {max(ts):.0f} ms", flush=True)
            for what in ("publish", "push"):
                took = [d[what] for d in result.get("deploys", {}).values() if what in d]
                if took:
                    print(f"    {what}: {len(took)}, ask to the app's first answer p50 {statistics.median(took):.1f} s,"
                          f" max {max(took):.1f} s", flush=True)
            for failure in result["failures"][:10]:
                print("   ", failure, flush=True)
        print("\n".join(rows))
    finally:
        if not args.keep:
            wipe()


if __name__ == "__main__":
    main()
