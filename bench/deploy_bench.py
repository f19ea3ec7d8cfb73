#!/usr/bin/env python3
"""git push to deploy benchmark: push to live, a redeploy under load, rollback.

Starts its own box (./box up, project 'lbbench', ports 19000+), and as a learner pushes with the
real git client: a Python app, a static site, and a small Maven app twice (first build with an
empty Maven cache, then with it warm). Then a second release of the Python app while a client
polls it (requests failed during the switch), and a rollback through `./box app rollback`.
Prints Markdown rows for bench/RESULTS.md. Usage: bench/deploy_bench.py
"""
import os
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.request

from benchbox import ENV, PORT, PYTHON_APP, add_user, sh, wipe

APPS_PORT = int(ENV["LEARNBOX_APPS_PORT"])
POM = """<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
<groupId>demo</groupId><artifactId>web</artifactId><version>1</version>
<properties><maven.compiler.release>21</maven.compiler.release><project.build.sourceEncoding>UTF-8</project.build.sourceEncoding></properties>
<build><plugins><plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-jar-plugin</artifactId><version>3.4.2</version>
<configuration><archive><manifest><mainClass>web.Main</mainClass></manifest></archive></configuration></plugin></plugins></build>
</project>
"""
MAIN = """package web;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
public class Main {
    public static void main(String[] args) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(Integer.parseInt(System.getenv("PORT"))), 0);
        server.createContext("/", exchange -> {
            byte[] body = "VERSION".getBytes();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }
}
"""
GIT_ENV = dict(os.environ, GIT_TERMINAL_PROMPT="0", GIT_CONFIG_NOSYSTEM="1", GIT_AUTHOR_NAME="Bench",
               GIT_AUTHOR_EMAIL="bench@example.org", GIT_COMMITTER_NAME="Bench", GIT_COMMITTER_EMAIL="bench@example.org")


def git(folder, *args):
    return subprocess.run(["git", *args], cwd=folder, env=GIT_ENV, capture_output=True, text=True, check=True)


def fetch(app, version=None):
    request = urllib.request.Request(f"http://127.0.0.1:{APPS_PORT}/", headers={"Host": f"{app}--pusher.apps.localhost"})
    with urllib.request.urlopen(request, timeout=30) as answer:
        body = answer.read().decode()
        return version is None or body == version


def push_to_live(root, password, app, files, version):
    """Seconds from `git push` to the new version's first answer at the app's address."""
    folder = os.path.join(root, app)
    for path, text in files.items():
        os.makedirs(os.path.dirname(os.path.join(folder, path)), exist_ok=True)
        with open(os.path.join(folder, path), "w") as file:
            file.write(text.replace("VERSION", version))
    if not os.path.isdir(os.path.join(folder, ".git")):
        git(folder, "init", "-q", "-b", "main")
    git(folder, "add", "-A")
    git(folder, "commit", "-qm", version)
    started = time.monotonic()
    git(folder, "push", "-q", f"http://pusher:{password}@localhost:{PORT}/git/pusher/{app}.git", "main")
    while True:
        try:
            if fetch(app, version):
                return time.monotonic() - started
        except urllib.error.URLError:
            pass
        time.sleep(0.05)


def main():
    wipe()
    # The poll during the redeploy asks as fast as it can: the gateway's per-app request limit is out of its way.
    ENV.update(LEARNBOX_APPS_REQUESTS_PER_MINUTE="10000000")
    sh("./box", "up")
    try:
        password = add_user("pusher")
        root = tempfile.mkdtemp(prefix="deploy-bench-")
        python = push_to_live(root, password, "py-app", {"app.py": PYTHON_APP}, "v1")
        static = push_to_live(root, password, "site", {"index.html": "<h1>v1</h1>"}, "<h1>v1</h1>")
        maven_cold = push_to_live(root, password, "maven-app", {"pom.xml": POM, "src/main/java/web/Main.java": MAIN}, "m1")
        maven_warm = push_to_live(root, password, "maven-app", {"src/main/java/web/Main.java": MAIN}, "m2")

        failed, answered, polling = [], [0], [True]

        def poll():
            while polling[0]:
                try:
                    fetch("py-app")
                    answered[0] += 1
                except Exception as error:
                    failed.append(repr(error))

        poller = threading.Thread(target=poll)
        poller.start()
        redeploy = push_to_live(root, password, "py-app", {"app.py": PYTHON_APP}, "v2")
        time.sleep(6)  # the replaced release stops a few seconds after the switch
        polling[0] = False
        poller.join()

        started = time.monotonic()
        sh("./box", "app", "rollback", "pusher/py-app")
        while not fetch("py-app", "v1"):
            time.sleep(0.05)
        rollback = time.monotonic() - started

        print(f"| push to live, Python app | {python:.2f} s | aim 5 s |")
        print(f"| push to live, static site | {static:.2f} s | aim 5 s |")
        print(f"| push to live, Maven app, first build (empty Maven cache) | {maven_cold:.2f} s | |")
        print(f"| push to live, Maven app, second build (warm cache) | {maven_warm:.2f} s | aim 20 s |")
        print(f"| redeploy of the Python app: requests failed / answered while it switched | {len(failed)} / {answered[0]} | goal 0 |")
        print(f"| rollback (./box app rollback) to the first answer of the earlier release | {rollback:.2f} s | aim 3 s |")
    finally:
        wipe()


if __name__ == "__main__":
    main()
