#!/usr/bin/env python3
"""Single sign-on benchmark: login to JupyterLab's API ready, with the box's own form and with
Keycloak's, on the same box and the same learner; and Keycloak's memory.

Starts its own box (./box up, project 'lbbench', ports 19000+), measures N logins with the
box's form, switches the same box to single sign-on (./box up --sso), measures N logins on
Keycloak's form, and prints the figures as Markdown for bench/RESULTS.md.
Usage: bench/sso_bench.py [--logins N]
"""
import argparse
import statistics
import time

from benchbox import PROJECT, add_user, login_to_api, sh, wipe


def logins(name, password, count, sso):
    """Seconds from the login to the lab's API, for `count` spawns after a first (the home volume)."""
    figures = []
    for i in range(count + 1):
        browser, seconds = login_to_api(name, password, sso=sso)
        if i > 0:
            figures.append(seconds)
        browser.stop_server()
    return figures


def memory(service):
    usage = sh("docker", "stats", "--no-stream", "--format", "{{.MemUsage}}", f"{PROJECT}-{service}-1")
    return usage.split("/")[0].strip()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--logins", type=int, default=10, help="logins measured in each mode")
    args = parser.parse_args()

    wipe()
    try:
        sh("./box", "up", "--no-sso")
        local = logins("solo", add_user("solo"), args.logins, sso=False)

        started = time.monotonic()
        sh("./box", "up", "--sso")
        switched = time.monotonic() - started
        ready_memory = memory("keycloak")
        # Keycloak keeps the realm's users; the learner is made there too.
        sso = logins("solo-sso", add_user("solo-sso"), args.logins, sso=True)
        time.sleep(20)
        busy_memory = memory("keycloak")

        print(f"| login to lab API, box's own form, {len(local)} logins | p50 {statistics.median(local):.2f} s"
              f" | min {min(local):.2f} s | max {max(local):.2f} s |")
        print(f"| login to lab API, Keycloak's form, {len(sso)} logins | p50 {statistics.median(sso):.2f} s"
              f" | min {min(sso):.2f} s | max {max(sso):.2f} s |")
        print(f"| single sign-on adds (p50) | {statistics.median(sso) - statistics.median(local):+.2f} s |")
        print(f"| ./box up --sso on a running box (Keycloak's first start, realm import) | {switched:.1f} s |")
        print(f"| Keycloak memory | {ready_memory} when ready, {busy_memory} after {len(sso) + 1} logins |")
    finally:
        wipe()


if __name__ == "__main__":
    main()
