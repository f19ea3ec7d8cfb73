#!/usr/bin/env python3
"""A class at work, through the front door as browsers go: run by school_day_bench.py in a container of the
sandbox image on the host's network (its Python has tornado, whose WebSocket client speaks to the kernels).

Each learner logs in (the box's form), waits for their lab as the spawn page does, starts a kernel (Python, or
Java for every --java-every-th learner) through the lab's REST API and opens its channels over a WebSocket at
/user/NAME/api/kernels/ID/channels; then, for --minutes, runs a small cell every 10 to 20 s (a computation, a
print, now and then a plot with matplotlib) and now and then saves a notebook
(PUT /api/contents). Every --publish-every-th learner publishes a small Python app from a folder of their lab
(POST /api/apps, as the dashboard does) and every --push-every-th pushes one with git (the box builds and deploys
it), both a minute into their work; each is then asked for through the apps' gateway, and timed. A cell's round trip is from its execute_request sent to its kernel's status idle
received, as kernel_bench.py counts it. Prints one JSON object: the round trips and every failure, in words.

Usage: school_day_driver.py --base http://localhost:19000 --apps-port 19001 --learners a,b,c --passwords "bench-{}-password" --minutes 3
"""
import argparse
import asyncio
import concurrent.futures
import http.cookiejar
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
import uuid

from benchbox import PYTHON_APP
from tornado.httpclient import HTTPRequest
from tornado.websocket import websocket_connect

PYTHON_CELLS = [
    "sum(i * i for i in range(20000))",
    "words = 'the quick brown fox jumps over the lazy dog'.split()\nprint(sorted(words, key=len))",
    "def fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)\nfib(18)",
    "squares = {n: n * n for n in range(50)}\nprint(len(squares), squares[49])",
]
PLOT_CELL = ("import matplotlib.pyplot as plt, numpy as np\n"
             "x = np.linspace(0, 10, 200)\nplt.plot(x, np.sin(x))\nplt.show()")
JAVA_CELLS = [
    "int total = 0;\nfor (int i = 0; i < 20000; i++) total += i % 7;\ntotal",
    "var words = java.util.List.of(\"the\", \"quick\", \"brown\", \"fox\");\nSystem.out.println(words.stream().sorted().toList());",
    "String.join(\"-\", java.util.Collections.nCopies(5, \"box\"))",
]


PUBLISHED, PUSHED = "school-day-app", "school-day-push"


class Learner:
    def __init__(self, base, name, password, kernel, apps_port=None, publishes=False, pushes=False):
        self.base, self.name, self.password, self.kernel_name = base, name, password, kernel
        self.apps_port, self.publishes, self.pushes = apps_port, publishes, pushes
        self.deploys = {}  # "publish" / "push": seconds from the ask to the app's first answer
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))
        self.session = uuid.uuid4().hex
        self.round_trips = []
        self.kinds = []  # each cell's kind, and whether this kernel ran that code for the first time
        self.offsets = []  # when each cell was sent, in seconds after the learner's work began
        self.ran = set()
        self.failures = []

    def request(self, path, data=None, method=None, headers=None):
        request = urllib.request.Request(self.base + path, data=data, method=method, headers=headers or {})
        with self.opener.open(request, timeout=180) as response:
            return response.status, response.geturl(), response.read().decode()

    def cookie(self, name, path_prefix):
        return next(c.value for c in self.jar if c.name == name and c.path.startswith(path_prefix))

    def cookie_header(self, path):
        return "; ".join(f"{c.name}={c.value}" for c in self.jar if path.startswith(c.path))

    def log_in_and_open(self):
        """The login form, then the lab as the spawn page waits for it, then a kernel (blocking: run in a thread)."""
        _, _, form = self.request("/login")
        csrf = re.search(r'name="_csrf" value="([^"]+)"', form).group(1)
        self.request("/login", urllib.parse.urlencode({"username": self.name, "password": self.password, "_csrf": csrf}).encode())
        self.request("/hub/home")
        xsrf = urllib.parse.quote(self.cookie("_xsrf", "/hub/"))
        with self.opener.open(f"{self.base}/hub/api/users/{self.name}/server/progress?_xsrf={xsrf}", timeout=300) as stream:
            for raw in stream:
                line = raw.decode().strip()
                if line.startswith("data:"):
                    event = json.loads(line[5:])
                    if event.get("failed"):
                        raise RuntimeError(f"the spawn failed: {event.get('message')}")
                    if event.get("ready"):
                        break
        self.request(f"/user/{self.name}/lab")
        self.lab_xsrf = self.cookie("_xsrf", f"/user/{self.name}")
        _, _, kernel = self.request(f"/user/{self.name}/api/kernels", json.dumps({"name": self.kernel_name}).encode(), "POST",
                                    {"X-XSRFToken": self.lab_xsrf, "Content-Type": "application/json"})
        self.kernel_id = json.loads(kernel)["id"]

    def save_notebook(self, number):
        notebook = {"type": "notebook", "content": {"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [
            {"cell_type": "code", "id": f"c{number}", "metadata": {}, "execution_count": None, "outputs": [],
             "source": f"print({number})"}]}}
        self.request(f"/user/{self.name}/api/contents/school-day.ipynb", json.dumps(notebook).encode(), "PUT",
                     {"X-XSRFToken": self.lab_xsrf, "Content-Type": "application/json"})

    def app_answers(self, label, words):
        """The app, asked through the gateway by its host name, as a visitor's browser does."""
        request = urllib.request.Request(f"http://127.0.0.1:{self.apps_port}/",
                                         headers={"Host": f"{label}.apps.localhost:{self.apps_port}"})
        with urllib.request.urlopen(request, timeout=120) as answer:
            body = answer.read().decode()
        if body != words:
            raise RuntimeError(f"the app {label} answered {body[:80]!r}, not {words!r}")

    def publish(self):
        """A folder of the lab with an app.py, published from the dashboard's API."""
        words = f"published by {self.name}"
        lab = {"X-XSRFToken": self.lab_xsrf, "Content-Type": "application/json"}
        self.request(f"/user/{self.name}/api/contents/{PUBLISHED}", json.dumps({"type": "directory"}).encode(), "PUT", lab)
        self.request(f"/user/{self.name}/api/contents/{PUBLISHED}/app.py", json.dumps(
            {"type": "file", "format": "text", "content": PYTHON_APP.replace("VERSION", words)}).encode(), "PUT", lab)
        _, _, dashboard = self.request("/")
        csrf = re.search(r'name="_csrf" value="([^"]+)"', dashboard).group(1)
        asked = time.perf_counter()
        self.request("/api/apps", json.dumps({"folder": PUBLISHED}).encode(), "POST",
                     {"X-CSRF-TOKEN": csrf, "Content-Type": "application/json", "Accept": "application/json"})
        self.app_answers(f"{PUBLISHED}--{self.name}", words)
        self.deploys["publish"] = time.perf_counter() - asked

    def push(self):
        """A project committed and pushed with git, as from a learner's computer: the box builds and deploys it."""
        words = f"pushed by {self.name}"
        with tempfile.TemporaryDirectory() as project:
            with open(os.path.join(project, "app.py"), "w") as app:
                app.write(PYTHON_APP.replace("VERSION", words))
            env = dict(os.environ, HOME=project, GIT_TERMINAL_PROMPT="0", GIT_CONFIG_NOSYSTEM="1")
            for step in (["init", "-q", "-b", "main"], ["add", "app.py"],
                         ["-c", "user.name=Bench", "-c", "user.email=bench@example.org", "commit", "-qm", "first"]):
                subprocess.run(["git", *step], cwd=project, env=env, check=True, capture_output=True)
            host = self.base.split("://", 1)[1]
            remote = f"http://{self.name}:{urllib.parse.quote(self.password, safe='')}@{host}/git/{self.name}/{PUSHED}.git"
            asked = time.perf_counter()
            pushed = subprocess.run(["git", "push", remote, "main"], cwd=project, env=env, capture_output=True, text=True, timeout=900)
            if pushed.returncode != 0 or "is live at" not in pushed.stderr:
                raise RuntimeError(f"the push was refused: {pushed.stderr.strip()[-300:]}")
        self.app_answers(f"{PUSHED}--{self.name}", words)
        self.deploys["push"] = time.perf_counter() - asked

    def deploy(self, what):
        try:
            what()
        except Exception as e:  # noqa: BLE001 - every failure is reported, in words
            self.failures.append(f"{what.__name__}: {e}")

    def message(self, code):
        msg_id = uuid.uuid4().hex
        return msg_id, json.dumps({
            "header": {"msg_id": msg_id, "username": self.name, "session": self.session, "msg_type": "execute_request",
                       "version": "5.3", "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())},
            "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
            "content": {"code": code, "silent": False, "store_history": True, "user_expressions": {}, "allow_stdin": False,
                        "stop_on_error": True}})

    async def work(self, until, pool):
        path = f"/user/{self.name}/api/kernels/{self.kernel_id}/channels"
        url = self.base.replace("http", "ws", 1) + path + f"?session_id={self.session}"
        socket = await websocket_connect(HTTPRequest(url, headers={"Cookie": self.cookie_header(path), "Origin": self.base},
                                                     request_timeout=120), max_message_size=16 << 20)
        await asyncio.sleep(random.uniform(0, 10))  # the class does not press Run together
        cells = 0
        loop = asyncio.get_running_loop()
        began = time.perf_counter()
        while time.monotonic() < until:
            cells += 1
            code = (random.choice(JAVA_CELLS) if self.kernel_name == "java"
                    else PLOT_CELL if cells % 5 == 0 else random.choice(PYTHON_CELLS))
            kind = ("java" if self.kernel_name == "java" else "plot" if code == PLOT_CELL else "python")
            kind += " (its first)" if code not in self.ran else ""
            self.ran.add(code)
            msg_id, text = self.message(code)
            sent = time.perf_counter()
            await socket.write_message(text)
            errored = None
            while True:
                raw = await asyncio.wait_for(socket.read_message(), timeout=120)
                if raw is None:
                    raise RuntimeError("the kernel's WebSocket closed")
                reply = json.loads(raw)
                if reply.get("parent_header", {}).get("msg_id") != msg_id:
                    continue
                if reply["msg_type"] == "error":
                    errored = reply["content"].get("ename")
                if reply["msg_type"] == "status" and reply["content"]["execution_state"] == "idle":
                    break
            self.round_trips.append(time.perf_counter() - sent)
            self.kinds.append(kind)
            self.offsets.append(round(sent - began, 1))
            if errored:
                self.failures.append(f"a cell raised {errored}")
            if cells % 6 == 0:
                await loop.run_in_executor(pool, self.save_notebook, cells)
            # A minute in (four to six cells), while the class goes on working: a publish, a push.
            if cells == 5 and self.publishes:
                await loop.run_in_executor(pool, self.deploy, self.publish)
            if cells == 5 and self.pushes:
                await loop.run_in_executor(pool, self.deploy, self.push)
            await asyncio.sleep(random.uniform(10, 20))
        socket.close()
        # Shut down as a learner closing the notebook does, so that a step's kernels do not weigh on the next.
        await loop.run_in_executor(pool, lambda: self.request(f"/user/{self.name}/api/kernels/{self.kernel_id}", None, "DELETE",
                                                               {"X-XSRFToken": self.lab_xsrf}))


async def main(args):
    names = args.learners.split(",")
    learners = [Learner(args.base, n, args.passwords.format(n),
                        "java" if args.java_every and i % args.java_every == args.java_every - 1 else "python3",
                        args.apps_port, bool(args.publish_every) and i % args.publish_every == 1,
                        bool(args.push_every) and i % args.push_every == 2) for i, n in enumerate(names)]
    failures = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.logins_at_once) as logins:
        opened = {logins.submit(learner.log_in_and_open): learner for learner in learners}
        for done in concurrent.futures.as_completed(opened):
            try:
                done.result()
            except Exception as e:  # noqa: BLE001 - every failure is reported, in words
                failures.append(f"{opened[done].name} could not open a kernel: {e}")
    working = [learner for learner in learners if hasattr(learner, "kernel_id")]
    until = time.monotonic() + args.minutes * 60
    with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
        outcomes = await asyncio.gather(*(learner.work(until, pool) for learner in working), return_exceptions=True)
    for learner, outcome in zip(working, outcomes):
        if isinstance(outcome, Exception):
            failures.append(f"{learner.name}: {type(outcome).__name__}: {outcome}")
        failures.extend(f"{learner.name}: {f}" for f in learner.failures)
    print(json.dumps({"learners": len(learners), "working": len(working),
                      "round_trips": {l.name: [round(t, 4) for t in l.round_trips] for l in working},
                      "kinds": {l.name: l.kinds for l in working},
                      "offsets": {l.name: l.offsets for l in working},
                      "kernels": {l.name: l.kernel_name for l in working},
                      "deploys": {l.name: {k: round(v, 2) for k, v in l.deploys.items()} for l in working if l.deploys},
                      "failures": failures}))


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", required=True)
    parser.add_argument("--learners", required=True)
    parser.add_argument("--passwords", required=True, help="each learner's password, {} their name")
    parser.add_argument("--minutes", type=float, default=3)
    parser.add_argument("--java-every", type=int, default=4, help="every Nth learner runs Java (0: none)")
    parser.add_argument("--logins-at-once", type=int, default=4)
    parser.add_argument("--apps-port", type=int, default=19001, help="the apps' gateway, on this machine")
    parser.add_argument("--publish-every", type=int, default=10, help="every Nth learner publishes an app (0: none)")
    parser.add_argument("--push-every", type=int, default=10, help="every Nth learner pushes one with git (0: none)")
    asyncio.run(main(parser.parse_args(sys.argv[1:])))
