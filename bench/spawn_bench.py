#!/usr/bin/env python3
"""Spawn benchmark: login to JupyterLab API ready, one learner alone and many at once.

Starts its own box (./box up, project 'lbbench', ports 19000+), drives it through the front
door exactly as a browser does, and prints the figures as Markdown for bench/RESULTS.md.
Usage: bench/spawn_bench.py [--alone N] [--crowd N]
"""
import argparse
import concurrent.futures
import http.cookiejar
import json
import os
import re
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PROJECT = "lbbench"
PORT = 19000
ENV = dict(os.environ, LEARNBOX_PROJECT=PROJECT, LEARNBOX_STATE=os.path.join(ROOT, ".box-bench"),
           LEARNBOX_PORT=str(PORT), LEARNBOX_HUB_API_PORT="19081", LEARNBOX_PROXY_API_PORT="19002",
           LEARNBOX_BRIDGE_PORT="19090", LEARNBOX_SANDBOX_MAX_RUNNING="100")
BASE = f"http://localhost:{PORT}"


def sh(*cmd, stdin=None):
    return subprocess.run(cmd, cwd=ROOT, env=ENV, input=stdin, text=True, capture_output=True, check=True).stdout


class Browser:
    def __init__(self, name):
        self.name = name
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def get(self, path, headers=None):
        request = urllib.request.Request(BASE + path, headers=headers or {})
        with self.opener.open(request, timeout=120) as response:
            return response.status, response.geturl(), response.read().decode()

    def cookie(self, name, path_prefix):
        for c in self.jar:
            if c.name == name and c.path.startswith(path_prefix):
                return c.value
        raise KeyError(name)

    def log_in(self, password):
        _, _, form = self.get("/login")
        csrf = re.search(r'name="_csrf" value="([^"]+)"', form).group(1)
        body = urllib.parse.urlencode({"username": self.name, "password": password, "_csrf": csrf}).encode()
        with self.opener.open(urllib.request.Request(BASE + "/login", data=body), timeout=120) as response:
            response.read()

    def await_api(self, deadline):
        """As the spawn page does: follow the progress stream to 'ready', then open the lab."""
        self.get("/hub/home")  # a page of the hub: sets the hub's _xsrf cookie, as the spawn page has it
        xsrf = urllib.parse.quote(self.cookie("_xsrf", "/hub/"))
        progress = f"{BASE}/hub/api/users/{self.name}/server/progress?_xsrf={xsrf}"
        with self.opener.open(progress, timeout=max(1, deadline - time.monotonic())) as stream:
            for raw in stream:
                line = raw.decode().strip()
                if line.startswith("data:"):
                    event = json.loads(line[5:])
                    if event.get("failed"):
                        raise RuntimeError(f"{self.name}: spawn failed: {event.get('message')}")
                    if event.get("ready"):
                        break
        lab = f"/user/{self.name}/lab"
        status, url, _ = self.get(lab)
        if status != 200 or urllib.parse.urlparse(url).path != lab:
            raise RuntimeError(f"{self.name}: the lab answered {status} at {url}")
        xsrf = self.cookie("_xsrf", f"/user/{self.name}")
        status, _, body = self.get(f"/user/{self.name}/api/status", {"X-XSRFToken": xsrf})
        if status != 200 or "started" not in body:
            raise RuntimeError(f"{self.name}: the lab API answered {status}")

    def stop_server(self):
        self.get("/hub/home")
        request = urllib.request.Request(f"{BASE}/hub/api/users/{self.name}/server", method="DELETE",
                                         headers={"X-XSRFToken": self.cookie("_xsrf", "/hub/")})
        self.opener.open(request, timeout=120).read()
        while sh("docker", "ps", "-q", "--filter", f"name={PROJECT}-sandbox-{self.name}$").strip():
            time.sleep(0.2)


def login_to_api(name, password):
    browser = Browser(name)
    browser.started_at = time.time()
    start = time.monotonic()
    browser.log_in(password)
    browser.logged_in_after = time.monotonic() - start
    browser.await_api(start + 180)
    return browser, time.monotonic() - start


def add_user(name):
    password = f"bench-{name}-password"
    sh("./box", "user", "add", name, "--password-stdin", stdin=password)
    return password


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


def percentile(values, p):
    ordered = sorted(values)
    k = (len(ordered) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def idle_memory(name):
    time.sleep(30)
    usage = sh("docker", "stats", "--no-stream", "--format", "{{.MemUsage}}", f"{PROJECT}-sandbox-{name}")
    return usage.split("/")[0].strip()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--alone", type=int, default=10, help="sequential spawns of one learner")
    parser.add_argument("--crowd", type=int, default=20, help="learners logging in at once")
    parser.add_argument("--keep", action="store_true", help="leave the bench box up afterwards")
    args = parser.parse_args()

    sh("bash", "-c", f"LEARNBOX_SHARED_SECRET=x docker compose -p {PROJECT} -f box-image/compose.yaml down -v 2>/dev/null;"
       f" docker rm -f $(docker ps -aq --filter label=org.learnbox.box={PROJECT}) 2>/dev/null;"
       f" docker volume rm $(docker volume ls -q --filter label=org.learnbox.box={PROJECT}) 2>/dev/null;"
       f" rm -rf .box-bench; true")
    sh("./box", "up")
    try:
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
        crowd_start = time.monotonic()
        with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.crowd)) as pool:
            futures = {pool.submit(login_to_api, n, passwords[n]): n for n in names}
            results, failures = [], []
            for future in concurrent.futures.as_completed(futures):
                try:
                    results.append(future.result()[1])
                except Exception as e:  # noqa: BLE001 - every failure is counted and shown
                    failures.append(f"{futures[future]}: {e}")
        all_ready = time.monotonic() - crowd_start

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
            sh("bash", "-c", f"LEARNBOX_SHARED_SECRET=x docker compose -p {PROJECT} -f box-image/compose.yaml down -v;"
               f" docker rm -f $(docker ps -aq --filter label=org.learnbox.box={PROJECT}) 2>/dev/null;"
               f" docker volume rm $(docker volume ls -q --filter label=org.learnbox.box={PROJECT}) 2>/dev/null; true")


if __name__ == "__main__":
    main()
