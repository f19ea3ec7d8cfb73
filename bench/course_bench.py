#!/usr/bin/env python3
"""Course delivery benchmark: a 20-notebook course into 30 running sandboxes at once.

Starts its own box (see benchbox.py), logs 30 learners in so that 30 sandboxes run, imports a
generated 20-notebook course from a git server on this machine, then times the bridge
delivering it to every running sandbox (`./box course deliver`), first as a clone and then
as an update where 5 notebooks changed upstream and 10 learners had edited one.
Usage: bench/course_bench.py [--learners N] [--notebooks N] [--keep]
"""
import argparse
import concurrent.futures
import functools
import http.server
import json
import pathlib
import subprocess
import tempfile
import threading
import time

from benchbox import PROJECT, add_user, login_to_api, make_class, sh, wipe

COURSE = "bench-course"


class QuietFiles(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def notebook(lesson, version):
    cells = []
    for i in range(30):
        cells.append({"cell_type": "markdown", "id": f"m{i}", "metadata": {},
                      "source": f"## Lesson {lesson}, step {i} (version {version})\n\n" + "Some explaining text. " * 20})
        cells.append({"cell_type": "code", "id": f"c{i}", "metadata": {}, "execution_count": None, "outputs": [],
                      "source": f"int x{i} = {i} * {lesson};\nSystem.out.println(x{i});"})
    return json.dumps({"nbformat": 4, "nbformat_minor": 5, "cells": cells,
                       "metadata": {"kernelspec": {"name": "java", "display_name": "Java", "language": "java"}}}, indent=1)


def write_course(folder, notebooks, version, changed):
    lessons = "\n".join(f"  - file: {n:02d}-lesson.ipynb\n    title: Lesson {n}" for n in range(1, notebooks + 1))
    (folder / "course.yaml").write_text(f"id: {COURSE}\ntitle: Bench course\nlanguage: java\nkernel: java\n"
                                        f"version: {version}\nlessons:\n{lessons}\n")
    for n in range(1, notebooks + 1):
        (folder / f"{n:02d}-lesson.ipynb").write_text(notebook(n, version if n <= changed else 1))


def git(folder, *args):
    subprocess.run(["git", *args], cwd=folder, check=True, capture_output=True)


def publish(work, served):
    git(work, "add", "-A")
    git(work, "-c", "user.name=Bench", "-c", "user.email=bench@x", "commit", "-qm", "course")
    subprocess.run(["rm", "-rf", str(served)], check=True)
    subprocess.run(["git", "clone", "-q", "--bare", str(work), str(served)], check=True)
    git(served, "update-server-info")


def deliver():
    start = time.monotonic()
    answer = sh("bash", "-c", f"curl -sS -X POST -H \"Authorization: Bearer $(docker exec {PROJECT}-bridge-1 cat /run/learnbox/shared-secret)\""
                              f" http://127.0.0.1:19090/admin-api/courses/{COURSE}/deliver")
    return time.monotonic() - start, json.loads(answer)


def notebooks_in(user):
    out = subprocess.run(["docker", "exec", f"{PROJECT}-sandbox-{user}", "sh", "-c",
                          f"ls ~/courses/{COURSE}/*-lesson.ipynb | wc -l"], capture_output=True, text=True)
    return int(out.stdout.strip() or 0)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--learners", type=int, default=30)
    parser.add_argument("--notebooks", type=int, default=20)
    parser.add_argument("--keep", action="store_true", help="leave the bench box up afterwards")
    args = parser.parse_args()

    wipe()
    sh("./box", "up")
    scratch = pathlib.Path(tempfile.mkdtemp(prefix="learnbox-course-bench-"))
    handler = functools.partial(QuietFiles, directory=str(scratch))
    server = http.server.ThreadingHTTPServer(("0.0.0.0", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        code = make_class("bench-teacher", "Bench class")
        names = [f"class{i:02d}" for i in range(args.learners)]
        passwords = {n: add_user(n) for n in names}
        with concurrent.futures.ThreadPoolExecutor(max_workers=len(names)) as pool:
            browsers = list(pool.map(lambda n: login_to_api(n, passwords[n])[0], names))
        for browser in browsers:
            browser.submit("/", "/join", {"code": code})

        work, served = scratch / "work", scratch / "bench.git"
        work.mkdir()
        git(work, "init", "-q", "-b", "main")
        write_course(work, args.notebooks, 1, 0)
        publish(work, served)
        url = f"http://host.docker.internal:{server.server_address[1]}/bench.git"
        print(sh("./box", "course", "import", url).strip())
        print(sh("./box", "course", "assign", COURSE, code).strip())

        first_wall, first = deliver()
        complete = sum(1 for n in names if notebooks_in(n) == args.notebooks)

        for n in names[:10]:
            subprocess.run(["docker", "exec", f"{PROJECT}-sandbox-{n}", "sh", "-c",
                            f"echo my-work > ~/courses/{COURSE}/01-lesson.ipynb"], check=True)
        write_course(work, args.notebooks, 2, 5)
        publish(work, served)
        print(sh("./box", "course", "import", url).strip())
        update_wall, update = deliver()
        kept = sum(1 for n in names[:10] if "my-work" in subprocess.run(
            ["docker", "exec", f"{PROJECT}-sandbox-{n}", "cat", f"/home/learner/courses/{COURSE}/01-lesson.ipynb"],
            capture_output=True, text=True).stdout)

        size = sum(p.stat().st_size for p in work.glob("*.ipynb")) / 1024
        print(f"| {args.notebooks}-notebook course ({size:.0f} KiB), first delivery to {first['sandboxes']} running sandboxes"
              f" | {first_wall:.2f} s (bridge: {first['seconds']:.2f} s) | failed {first['failed']}"
              f" | sandboxes with all {args.notebooks} notebooks: {complete} |")
        print(f"| update (5 notebooks changed, 10 learners had edited one) to {update['sandboxes']} sandboxes"
              f" | {update_wall:.2f} s (bridge: {update['seconds']:.2f} s) | failed {update['failed']}"
              f" | learners' edits kept: {kept}/10 |")
    finally:
        server.shutdown()
        subprocess.run(["rm", "-rf", str(scratch)])
        if not args.keep:
            wipe()


if __name__ == "__main__":
    main()
