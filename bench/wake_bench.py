#!/usr/bin/env python3
"""A returning learner: login to JupyterLab API ready when their sandbox slept (woken as it was)
against when it was stopped (started afresh); and what a sandbox holds awake and asleep.

Starts its own box (./box up, project 'lbbench', ports 19000+) whose idle timeout is seconds, so
the idle cull puts the learner's sandbox to sleep between rounds; prints Markdown for
bench/RESULTS.md. Usage: bench/wake_bench.py [--rounds N]
"""
import argparse
import json
import statistics
import time
import urllib.request

import benchbox
from benchbox import PROJECT, add_user, login_to_api, percentile, sh, wipe

IDLE = "20s"


def container(name):
    return f"{PROJECT}-sandbox-{name}"


def paused(name):
    return sh("docker", "inspect", "-f", "{{.State.Paused}}", container(name)).strip() == "true"


def await_asleep(name, deadline_s=180):
    deadline = time.monotonic() + deadline_s
    while not paused(name):
        if time.monotonic() > deadline:
            raise RuntimeError(f"{name}'s sandbox did not go to sleep")
        time.sleep(0.5)


def memory(name):
    """What the sandbox's cgroup holds, as docker stats shows it (a paused one too)."""
    return sh("docker", "stats", "--no-stream", "--format", "{{.MemUsage}}", container(name)).split("/")[0].strip()


def start_kernel(browser):
    """A Python kernel, so the sandbox asleep holds what a learner at work leaves."""
    xsrf = browser.cookie("_xsrf", f"/user/{browser.name}")
    request = urllib.request.Request(f"{benchbox.BASE}/user/{browser.name}/api/kernels", method="POST",
                                     data=json.dumps({"name": "python3"}).encode(),
                                     headers={"X-XSRFToken": xsrf, "Content-Type": "application/json"})
    with browser.opener.open(request, timeout=120) as answer:
        return json.loads(answer.read())["id"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=8, help="returns of each kind")
    parser.add_argument("--keep", action="store_true", help="leave the bench box up afterwards")
    args = parser.parse_args()

    wipe()
    benchbox.ENV.update(LEARNBOX_IDLE_TIMEOUT=IDLE, LEARNBOX_CULL_EVERY="2s")
    sh("./box", "up")
    try:
        password = add_user("back")
        browser, first = login_to_api("back", password)
        start_kernel(browser)
        time.sleep(10)  # the kernel settles
        awake = memory("back")

        woken = []
        for _ in range(args.rounds):
            await_asleep("back")
            asleep = memory("back")
            _, seconds = login_to_api("back", password)
            woken.append(seconds)

        afresh = []
        for _ in range(args.rounds):
            browser, _ = login_to_api("back", password)
            browser.stop_server()  # a stop the learner asked for: no sleep, the sandbox goes
            _, seconds = login_to_api("back", password)
            afresh.append(seconds)

        print(f"| returning learner, asleep (woken as left), {len(woken)} returns | p50 {statistics.median(woken):.2f} s"
              f" | p95 {percentile(woken, 95):.2f} s | min {min(woken):.2f} s |")
        print(f"| returning learner, stopped (started afresh), {len(afresh)} returns | p50 {statistics.median(afresh):.2f} s"
              f" | p95 {percentile(afresh, 95):.2f} s | min {min(afresh):.2f} s |")
        print(f"| first login (new home) | {first:.2f} s |")
        print(f"| sandbox memory with one Python kernel, awake / asleep (paused) | {awake} / {asleep} |")
    finally:
        if not args.keep:
            wipe()


if __name__ == "__main__":
    main()
