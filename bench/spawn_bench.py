#!/usr/bin/env python3
"""Spawn benchmark: login to JupyterLab API ready, one learner alone and many at once.

Starts its own box (./box up, project 'lbbench', ports 19000+), drives it through the front
door exactly as a browser does, and prints the figures as Markdown for bench/RESULTS.md.
Usage: bench/spawn_bench.py [--alone N] [--crowd N] [--opened N] [--pool N]
--opened N: a class of N whose teacher pressed "Open the class" logs in at once, once every
server is ready.
--pool N: the box keeps N sandboxes started for new learners (LEARNBOX_SANDBOX_POOL); the crowd
logs in once all N wait, their servers loaded.
"""
import argparse
import concurrent.futures
import json
import re
import statistics
import subprocess
import sys
import time
import urllib.parse

import benchbox
from benchbox import PROJECT, Browser, add_user, login_to_api, percentile, sh, wipe


def seconds_since(start, stamp):
    """Seconds from a time.time() value to a Docker or Jupyter UTC time stamp."""
    from datetime import datetime, timezone
    stamp = stamp.replace("T", " ").rstrip("Z")
    whole, _, fraction = stamp.partition(".")
    moment = datetime.strptime(whole, "%Y-%m-%d %H:%M:%S").replace(tzinfo=timezone.utc).timestamp()
    return moment + float("0." + (fraction or "0")) - start


def breakdown(name, browser, total):
    """Where one spawn's time went, from Docker's and the servers' own clocks (same machine)."""
    info = json.loads(sh("docker", "inspect", f"{PROJECT}-sandbox-{name}"))[0]
    logs = subprocess.run(["docker", "logs", f"{PROJECT}-sandbox-{name}"], capture_output=True, text=True).stderr
    listening = re.search(r"\[I (\S+ \S+) ServerApp\] Jupyter Server .* is running at", logs)
    t0 = browser.started_at
    return (f"login form answered {browser.logged_in_after:.2f} s, container created {seconds_since(t0, info['Created']):.2f} s,"
            f" started {seconds_since(t0, info['State']['StartedAt']):.2f} s,"
            f" Jupyter Server listening {seconds_since(t0, listening.group(1)):.2f} s, lab API answers {total:.2f} s")


def idle_memory(name):
    time.sleep(30)
    usage = sh("docker", "stats", "--no-stream", "--format", "{{.MemUsage}}", f"{PROJECT}-sandbox-{name}")
    return usage.split("/")[0].strip()


def crowd_logs_in(names, passwords):
    """Every learner logs in at once; answers how long until all were ready, their times, failures."""
    start = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, len(names))) as pool:
        futures = {pool.submit(login_to_api, n, passwords[n]): n for n in names}
        results, failures, logins, hops = [], [], [], []
        for future in concurrent.futures.as_completed(futures):
            try:
                browser, seconds = future.result()
                results.append(seconds)
                logins.append(browser.logged_in_after)
                hops.append(browser.login_hops)
            except Exception as e:  # noqa: BLE001 - every failure is counted and shown
                failures.append(f"{futures[future]}: {e}")
    if logins:
        print(f"login form answered: p50 {statistics.median(logins):.2f} s, max {max(logins):.2f} s", file=sys.stderr)
        print_hops(hops)
    return time.monotonic() - start, results, failures


def print_hops(logins):
    """Where a login's redirects waited: per hop, the path answered (a learner's name as NAME) and its p50 / max."""
    for hop in range(min(len(h) for h in logins) - 1):
        seconds = [h[hop + 1][1] - h[hop][1] for h in logins]
        path = re.sub(r"/(open|crowd)\d+", "/NAME", logins[0][hop + 1][0])
        print(f"  hop {hop} {path}: p50 {statistics.median(seconds) * 1000:.0f} ms, max {max(seconds) * 1000:.0f} ms", file=sys.stderr)


def open_the_class(size):
    """A teacher's class of `size`, opened ahead of the lesson; answers the names, passwords, and seconds to all ready."""
    names = [f"open{i:02d}" for i in range(size)]
    passwords = {n: add_user(n) for n in names}
    teacher = Browser("opener")
    teacher.log_in(add_user("opener", "teacher"))
    page, html = teacher.submit("/classes", "/classes", {"name": "Opened class"})
    code = re.search(r'id="join-code">([A-Z0-9-]+)<', html).group(1)
    sh("./box", "class", "enrol", code, *names)
    class_page = urllib.parse.urlparse(page).path
    start = time.monotonic()
    teacher.submit(class_page, class_page + "/open", {})
    while True:
        _, _, html = teacher.get(class_page)
        if html.count('class="state running"') >= size:
            return names, passwords, time.monotonic() - start
        if time.monotonic() - start > 600:
            raise RuntimeError("the opened class was not all running after 10 minutes")
        time.sleep(1)


def pool_waiting(size):
    """Seconds until the box's pool holds `size` sandboxes, each quiet (its server loaded and waiting)."""
    began = time.monotonic()
    while True:
        names = sh("docker", "ps", "--filter", f"label=org.learnbox.box={PROJECT}", "--filter", "label=org.learnbox.pool",
                   "--filter", f"name={PROJECT}-pool-", "--format", "{{.Names}}").split()
        if len(names) >= size:
            cpu = sh("docker", "stats", "--no-stream", "--format", "{{.CPUPerc}}", *names).split()
            if all(float(p.rstrip("%")) < 2 for p in cpu):
                return time.monotonic() - began
        if time.monotonic() - began > 900:
            raise RuntimeError(f"the pool did not fill: {len(names)} of {size}")
        time.sleep(2)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--alone", type=int, default=10, help="sequential spawns of one learner")
    parser.add_argument("--crowd", type=int, default=20, help="learners logging in at once")
    parser.add_argument("--opened", type=int, default=0, help="a class of N, opened first, logging in at once")
    parser.add_argument("--pool", type=int, default=0, help="sandboxes the box keeps started for new learners")
    parser.add_argument("--keep", action="store_true", help="leave the bench box up afterwards")
    args = parser.parse_args()

    wipe()
    if args.pool:
        benchbox.ENV.update(LEARNBOX_SANDBOX_POOL=str(args.pool))
    sh("./box", "up")
    try:
        if args.opened:
            names, passwords, opened = open_the_class(args.opened)
            all_ready, results, failures = crowd_logs_in(names, passwords)
            print(f"| a class of {args.opened}, opened (all running after {opened:.1f} s), logging in at once"
                  f" | all ready in {all_ready:.1f} s | p50 {statistics.median(results):.2f} s"
                  f" | p95 {percentile(results, 95):.2f} s | failures {len(failures)} |")
            for failure in failures:
                print("failure:", failure, file=sys.stderr)
            return
        password = add_user("solo")
        alone = []
        browser = None
        for i in range(args.alone + 1):
            browser, seconds = login_to_api("solo", password)
            if i > 0:  # the first spawn makes the home volume; it is reported apart
                alone.append(seconds)
            else:
                first = seconds
            if i == args.alone:
                clock = breakdown("solo", browser, seconds)
                memory = idle_memory("solo")
            browser.stop_server()

        names = [f"crowd{i:02d}" for i in range(args.crowd)]
        passwords = {n: add_user(n) for n in names}
        if args.pool:
            print(f"| a pool of {args.pool} | all waiting, their servers loaded, after {pool_waiting(args.pool):.0f} s |")
        all_ready, results, failures = crowd_logs_in(names, passwords)

        if alone:
            print(f"| one learner, {len(alone)} spawns | p50 {statistics.median(alone):.2f} s | p95 {percentile(alone, 95):.2f} s"
                  f" | first spawn (new home volume) {first:.2f} s |")
        if results:
            print(f"| {args.crowd} learners at once | all ready in {all_ready:.1f} s | p50 {statistics.median(results):.2f} s"
                  f" | p95 {percentile(results, 95):.2f} s | failures {len(failures)} |")
        print(f"| idle sandbox memory (30 s after ready) | {memory} |")
        print(f"| one spawn, from the login POST | {clock} |")
        for failure in failures:
            print("failure:", failure, file=sys.stderr)
            who = failure.split(":")[0]
            for service in ("bridge", "hub"):
                logs = subprocess.run(["docker", "logs", f"{PROJECT}-{service}-1"], capture_output=True, text=True)
                for line in (logs.stdout + logs.stderr).splitlines():
                    if who in line and "xsrf" not in line:
                        print(f"  {service}: {line}", file=sys.stderr)
    finally:
        if not args.keep:
            wipe()


if __name__ == "__main__":
    main()
