#!/usr/bin/env python3
"""Memory after a stranger's floods (issue 17): 100 000 login attempts with names never seen, and 100 000
requests to app host names never seen, through the box's front doors.

Starts its own box (see benchbox.py), reads the bridge's and the gateway's heap from their /metrics (their
loopback ports) and the containers' memory from `docker stats`, floods, reads them again at once and a minute
later, and checks the answers stayed right: the flooding address refused in words, an app still answering.
Prints Markdown rows for bench/RESULTS.md.

Usage: bench/flood_bench.py [--count 100000] [--threads 16] [--keep]
"""
import argparse
import concurrent.futures
import http.client
import re
import subprocess
import threading
import time
import urllib.parse

from benchbox import ENV, PORT, PROJECT, sh, wipe

BRIDGE_PORT = int(ENV["LEARNBOX_BRIDGE_PORT"])
APPS_PORT = int(ENV["LEARNBOX_APPS_PORT"])


def metrics(port, host="localhost"):
    connection = http.client.HTTPConnection("localhost", port, timeout=30)
    connection.request("GET", "/metrics", headers={"Host": host})
    text = connection.getresponse().read().decode()
    heap = sum(float(line.rsplit(" ", 1)[1]) for line in text.splitlines()
               if line.startswith("jvm_memory_used_bytes{") and 'area="heap"' in line)
    live = [float(line.rsplit(" ", 1)[1]) for line in text.splitlines() if line.startswith("jvm_gc_live_data_size_bytes")]
    return heap / 2**20, (live[0] / 2**20 if live else float("nan"))


def resident(container):
    out = subprocess.run(["docker", "stats", "--no-stream", "--format", "{{.MemUsage}}", container],
                         capture_output=True, text=True, check=True).stdout.split(" / ")[0]
    number, unit = float(out[:-3]), out[-3:]
    return number * {"KiB": 1 / 1024, "MiB": 1, "GiB": 1024}[unit]


def figures():
    bridge_heap, bridge_live = metrics(BRIDGE_PORT)
    gateway_heap, gateway_live = metrics(APPS_PORT)
    return {"bridge": (bridge_heap, bridge_live, resident(f"{PROJECT}-bridge-1")),
            "gateway": (gateway_heap, gateway_live, resident(f"{PROJECT}-gateway-1"))}


class Stranger(threading.local):
    """One keep-alive connection per thread, to the front door and to the apps' door."""

    def connection(self, port):
        if getattr(self, "port", None) != port:
            self.port, self.conn = port, http.client.HTTPConnection("localhost", port, timeout=60)
        return self.conn

    def send(self, port, method, path, body=None, headers=None):
        for attempt in range(3):
            try:
                conn = self.connection(port)
                conn.request(method, path, body=body, headers=headers or {})
                response = conn.getresponse()
                response.read()
                return response.status
            except (http.client.HTTPException, OSError):
                self.port = None  # the server closed it: a new connection
        raise RuntimeError(f"{method} {path} failed three times")


def login_form():
    """The login form's session cookie and CSRF token, as a stranger's script would take them once."""
    connection = http.client.HTTPConnection("localhost", PORT, timeout=30)
    connection.request("GET", "/login")
    response = connection.getresponse()
    html = response.read().decode()
    cookie = "; ".join(c.split(";")[0] for c in response.headers.get_all("Set-Cookie") or [])
    return cookie, re.search(r'name="_csrf" value="([^"]+)"', html).group(1)


def flood(count, threads, one):
    stranger = Stranger()
    started = time.monotonic()
    answers = {}
    with concurrent.futures.ThreadPoolExecutor(max_workers=threads) as pool:
        for status in pool.map(lambda i: one(stranger, i), range(count), chunksize=256):
            answers[status] = answers.get(status, 0) + 1
    return time.monotonic() - started, answers


def row(what, seconds, answers, before, after, later, count):
    said = ", ".join(f"{n} x {status}" for status, n in sorted(answers.items()))
    lines = [f"| {what}: {count} in {seconds:.0f} s ({said}) | part | heap used before / after / a minute later |"
             " live data after GC | resident |"]
    for part in ("bridge", "gateway"):
        b, a, l = before[part], after[part], later[part]
        lines.append(f"| | {part} | {b[0]:.0f} / {a[0]:.0f} / {l[0]:.0f} MiB | {b[1]:.0f} / {a[1]:.0f} / {l[1]:.0f} MiB"
                     f" | {b[2]:.0f} / {a[2]:.0f} / {l[2]:.0f} MiB |")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--threads", type=int, default=16)
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()
    wipe()
    sh("./box", "up")
    try:
        time.sleep(30)  # the box's own start settles (its first GCs) before the first figures
        rows = []
        cookie, csrf = login_form()

        def log_in(stranger, i):
            body = urllib.parse.urlencode({"username": f"flood-{i}", "password": "guess", "_csrf": csrf})
            return stranger.send(PORT, "POST", "/login", body,
                                 {"Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie})

        def scan(stranger, i):
            return stranger.send(APPS_PORT, "GET", "/", headers={"Host": f"scan-{i}--x.apps.localhost:{APPS_PORT}"})

        for what, one in (("login attempts, a new name each", log_in), ("app host names, a new one each", scan)):
            before = figures()
            seconds, answers = flood(args.count, args.threads, one)
            after = figures()
            time.sleep(60)
            later = figures()
            rows.append(row(what, seconds, answers, before, after, later, args.count))
            print(rows[-1], flush=True)
        # Still right after it all: the flooding address is refused, in words.
        connection = http.client.HTTPConnection("localhost", PORT, timeout=30)
        body = urllib.parse.urlencode({"username": "someone", "password": "guess", "_csrf": csrf})
        connection.request("POST", "/login", body, {"Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie})
        answer = connection.getresponse()
        print(f"after the floods, a login from the flooding address: {answer.status} {answer.getheader('Location')}")
        print("\n".join(rows))
    finally:
        if not args.keep:
            wipe()


if __name__ == "__main__":
    main()
