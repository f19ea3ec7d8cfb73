#!/usr/bin/env python3
"""Java kernel benchmark, run inside learnbox/sandbox: python3 kernel_bench.py [--kernel java] [--runs 200]

Measures what issue 3 asks for and prints Markdown table rows for bench/RESULTS.md:
- start: from starting the kernel process to its kernel_info_reply, and to the result of a first
  cell sent at once;
- round trip of `1 + 1`: execute_request sent to status idle received, p50 and p99 over --runs runs after warm-up;
- idle memory: RSS of the kernel process and every process under it, after the runs, once idle.
It only measures; it asserts nothing.
"""

import argparse
import os
import statistics
import time

from jupyter_client.manager import KernelManager

TIMEOUT = 60


def rss_bytes(pid):
    """RSS of a process and its descendants, from /proc."""
    total = 0
    todo = [pid]
    while todo:
        current = todo.pop()
        try:
            with open(f"/proc/{current}/status") as status:
                for line in status:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1]) * 1024
            with open(f"/proc/{current}/task/{current}/children") as children:
                todo.extend(int(child) for child in children.read().split())
        except FileNotFoundError:
            continue
    return total


def wait_idle(kc, msg_id):
    deadline = time.monotonic() + TIMEOUT
    while True:
        msg = kc.get_iopub_msg(timeout=max(0.1, deadline - time.monotonic()))
        if (msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "status"
                and msg["content"]["execution_state"] == "idle"):
            return


def round_trip(kc, code):
    start = time.perf_counter()
    msg_id = kc.execute(code, store_history=False)
    wait_idle(kc, msg_id)
    elapsed = time.perf_counter() - start
    kc.get_shell_msg(timeout=TIMEOUT)  # the execute_reply, so the shell channel stays empty
    return elapsed


def percentile(samples, p):
    ordered = sorted(samples)
    index = min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))
    return ordered[index]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kernel", default="java")
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--warmup", type=int, default=50)
    args = parser.parse_args()

    km = KernelManager(kernel_name=args.kernel)
    started = time.perf_counter()
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=TIMEOUT)  # sends kernel_info_request until a kernel_info_reply comes
        start_s = time.perf_counter() - started
        round_trip(kc, "1 + 1")  # the first cell also waits for JShell, made beside the connection
        first_result_s = time.perf_counter() - started

        for _ in range(args.warmup):
            round_trip(kc, "1 + 1")
        samples = [round_trip(kc, "1 + 1") for _ in range(args.runs)]

        time.sleep(2)  # let the JVM settle before reading memory
        pid = km.provisioner.process.pid if km.provisioner else km.kernel.pid
        rss = rss_bytes(pid)
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=False)

    p50 = percentile(samples, 50) * 1000
    p99 = percentile(samples, 99) * 1000
    print(f"| measure ({args.kernel} kernel) | value | aim |")
    print("| --- | --- | --- |")
    print(f"| start to kernel_info_reply | {start_s:.2f} s | <= 2 s |")
    print(f"| start to the first `1 + 1` result (a cell run at once) | {first_result_s:.2f} s | |")
    print(f"| `1 + 1` round trip p50 ({args.runs} runs, {args.warmup} warm-up) | {p50:.1f} ms | <= 10 ms |")
    print(f"| `1 + 1` round trip p99 | {p99:.1f} ms | |")
    print(f"| idle memory (RSS, kernel and its processes) | {rss / 2**20:.0f} MiB | <= 200 MiB |")
    print(f"| mean round trip | {statistics.mean(samples) * 1000:.1f} ms | |")
    print(f"<!-- host: {os.uname().nodename}, cpus: {os.cpu_count()} -->")


if __name__ == "__main__":
    main()
