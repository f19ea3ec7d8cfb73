#!/usr/bin/env python3
"""Live apps benchmark: publish to first answer, wake from sleep, gateway overhead, memory.

Starts its own box (./box up, project 'lbbench', ports 19000+, apps asleep after 20 s idle),
logs a learner in, writes a small Python app and a small Java app into their home through
JupyterLab's API, publishes each (POST /api/apps) and measures, printing Markdown rows for
bench/RESULTS.md. Usage: bench/apps_bench.py [--requests N]
"""
import argparse
import http.client
import json
import re
import statistics
import subprocess
import time
import urllib.parse
import urllib.request

from benchbox import BASE, ENV, PROJECT, Browser, add_user, percentile, sh, wipe

APPS_PORT = int(ENV["LEARNBOX_APPS_PORT"])
PYTHON_APP = """import http.server, os
class Hello(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True
    def do_GET(self):
        body = b"hello"
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
    def log_message(self, *args):
        pass
http.server.ThreadingHTTPServer(("0.0.0.0", int(os.environ["PORT"])), Hello).serve_forever()
"""
JAVA_APP = """import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
public class Main {
    public static void main(String[] args) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(Integer.parseInt(System.getenv("PORT"))), 0);
        server.createContext("/", exchange -> {
            byte[] body = "hello".getBytes();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }
}
"""


def write_file(browser, path, text):
    xsrf = browser.cookie("_xsrf", f"/user/{browser.name}")
    folder = path.rsplit("/", 1)[0]
    for target, model in ((folder, {"type": "directory"}), (path, {"type": "file", "format": "text", "content": text})):
        request = urllib.request.Request(f"{BASE}/user/{browser.name}/api/contents/{target}", method="PUT",
                                         data=json.dumps(model).encode(),
                                         headers={"X-XSRFToken": xsrf, "Content-Type": "application/json"})
        browser.opener.open(request, timeout=60).read()


def publish(browser, folder):
    _, _, page = browser.get("/")
    csrf = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
    request = urllib.request.Request(f"{BASE}/api/apps", data=json.dumps({"folder": folder}).encode(),
                                     headers={"X-CSRF-TOKEN": csrf, "Content-Type": "application/json",
                                              "Accept": "application/json"})
    start = time.monotonic()
    with browser.opener.open(request, timeout=120) as answer:
        answer.read()
    host = f"{folder}--{browser.name}.apps.localhost"
    first_answer(host)
    return time.monotonic() - start


def first_answer(host):
    connection = http.client.HTTPConnection("127.0.0.1", APPS_PORT, timeout=60)
    connection.request("GET", "/", headers={"Host": host, "Accept": "*/*"})
    response = connection.getresponse()
    response.read()
    if response.status != 200:
        raise RuntimeError(f"{host} answered {response.status}")


def latencies(address, port, host, count):
    return side_by_side([(address, port)], host, count)[0]


def side_by_side(addresses, host, count):
    """Milliseconds per keep-alive GET to each address in turn; the gateway's requests keep the app awake."""
    connections = [http.client.HTTPConnection(address, port, timeout=10) for address, port in addresses]
    figures = [[] for _ in addresses]
    for _ in range(count):
        for connection, times in zip(connections, figures):
            start = time.perf_counter()
            connection.request("GET", "/", headers={"Host": host})
            response = connection.getresponse()
            response.read()
            times.append((time.perf_counter() - start) * 1000)
    return figures


def container(name):
    return f"{PROJECT}-app-solo-{name}"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=2000, help="requests for the overhead figures")
    parser.add_argument("--warmup", type=int, default=5000, help="requests on each path before measuring")
    args = parser.parse_args()
    wipe()
    # Apps sleep soon, to measure a wake; the gateway's per-app request limit is out of the way of the figures.
    ENV.update(LEARNBOX_APPS_IDLE_TIMEOUT="20s", LEARNBOX_APPS_SLEEP_CHECK_EVERY="2s",
               LEARNBOX_APPS_REQUESTS_PER_MINUTE="10000000")
    sh("./box", "up")
    try:
        browser = Browser("solo")
        browser.log_in(add_user("solo"))
        browser.await_api(time.monotonic() + 120)
        write_file(browser, "hello-py/app.py", PYTHON_APP)
        write_file(browser, "hello-java/Main.java", JAVA_APP)

        python_publish = publish(browser, "hello-py")
        java_publish = publish(browser, "hello-java")

        first_answer("hello-java--solo.apps.localhost")
        running_memory = {name: sh("docker", "stats", "--no-stream", "--format", "{{.MemUsage}}", container(name)).split("/")[0].strip()
                          for name in ("hello-py", "hello-java")}
        host = "hello-py--solo.apps.localhost"
        ip = sh("docker", "inspect", "-f", "{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}",
                container("hello-py")).strip()
        # Warm both paths until the gateway's JVM has compiled its hot path (C2 needs thousands of calls):
        # the figures are the steady state a busy app sees, not the first minute after the gateway starts.
        side_by_side([(ip, 8080), ("127.0.0.1", APPS_PORT)], host, args.warmup)
        direct, through = side_by_side([(ip, 8080), ("127.0.0.1", APPS_PORT)], host, args.requests)
        started = time.monotonic()
        count = len(latencies("127.0.0.1", APPS_PORT, host, 500))
        per_second = count / (time.monotonic() - started)

        wakes = []
        for name in ("hello-py", "hello-java"):
            while sh("docker", "inspect", "-f", "{{.State.Running}}", container(name)).strip() == "true":
                time.sleep(0.5)
            start = time.monotonic()
            first_answer(f"{name}--solo.apps.localhost")
            wakes.append(time.monotonic() - start)

        logs = subprocess.run(["docker", "logs", f"{PROJECT}-bridge-1"], capture_output=True, text=True).stdout
        for line in logs.splitlines():
            if "published " in line or "read in" in line:
                print("| (bridge's log) " + line.split(" : ", 1)[-1] + " | | |")
        print(f"| publish to first answer, Python app | {python_publish:.2f} s | aim 2 s |")
        print(f"| publish to first answer, Java app (compiled in its image build) | {java_publish:.2f} s | aim 3 s |")
        print(f"| wake from sleep to first answer, Python / Java | {wakes[0]:.2f} s / {wakes[1]:.2f} s | aim 1.5 s |")
        print(f"| request to the app directly, p50 / p99 ({args.requests} keep-alive GETs) | {statistics.median(direct):.2f} ms"
              f" / {percentile(direct, 99):.2f} ms | |")
        print(f"| the same through the gateway, p50 / p99 | {statistics.median(through):.2f} ms / {percentile(through, 99):.2f} ms | |")
        print(f"| gateway overhead, p50 / p99 | {statistics.median(through) - statistics.median(direct):.2f} ms"
              f" / {percentile(through, 99) - percentile(direct, 99):.2f} ms | aim p50 1 ms |")
        print(f"| requests per second through the gateway, one client, keep-alive | {per_second:.0f} | |")
        print(f"| memory of a running app, Python / Java | {running_memory['hello-py']} / {running_memory['hello-java']} | |")
        print("| memory of a sleeping app | none: its container is stopped (its image stays on disk) | |")
    finally:
        wipe()


if __name__ == "__main__":
    main()
