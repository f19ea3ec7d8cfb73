#!/usr/bin/env python3
"""Grading benchmark: submit to score shown, and a class's submissions graded in bulk (issue 16).

Starts its own box (see benchbox.py), imports two generated assignments from a git server on this
machine (one 10-cell Python notebook, one 10-cell Java notebook: 5 answers and 5 test cells each),
releases them to a class whose learners are logged in (their sandboxes run), then times:
  - one learner's `learnbox submit` in their sandbox until it prints the score (the submit-to-score
    a student waits for), for the Python and the Java assignment, several times each;
  - N learners submitting the Python assignment at the same moment, until every score is printed.
Usage: bench/grading_bench.py [--learners N] [--repeat N] [--keep] [--cpu-breakdown FILE]
"""
import argparse
import concurrent.futures
import functools
import http.server
import json
import pathlib
import statistics
import subprocess
import tempfile
import threading
import time

from benchbox import PROJECT, add_user, login_to_api, make_class, sh, wipe


class QuietFiles(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def cell(kind, grade_id, source, points=None):
    nbgrader = {"grade_id": grade_id, "schema_version": 3, "solution": kind == "answer", "grade": kind == "test",
                "locked": kind == "test", "task": False}
    if points is not None:
        nbgrader["points"] = points
    return {"cell_type": "code", "id": grade_id, "metadata": {"nbgrader": nbgrader}, "execution_count": None,
            "outputs": [], "source": source}


def python_notebook():
    cells = []
    for i in range(5):
        cells.append(cell("answer", f"f{i}", f"def f{i}(n):\n    ### BEGIN SOLUTION\n    return n * {i}\n    ### END SOLUTION\n"))
        cells.append(cell("test", f"test_f{i}", f"assert f{i}(3) == {3 * i}\nassert f{i}(0) == 0", 1))
    return {"nbformat": 4, "nbformat_minor": 5, "cells": cells,
            "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}}}


def java_notebook():
    cells = [cell("helper", "helpers", 'void check(boolean ok, String what) { if (!ok) throw new AssertionError(what); }')]
    cells[0]["metadata"]["nbgrader"].update({"solution": False, "grade": False, "locked": True})
    for i in range(5):
        cells.append(cell("answer", f"f{i}", f"int f{i}(int n) {{\n    // BEGIN SOLUTION\n    return n * {i};\n    // END SOLUTION\n}}"))
        cells.append(cell("test", f"test_f{i}", f'check(f{i}(3) == {3 * i}, "f{i}(3)");', 1))
    return {"nbformat": 4, "nbformat_minor": 5, "cells": cells,
            "metadata": {"kernelspec": {"name": "java", "display_name": "Java", "language": "java"}}}


def write_assignment(folder, assignment_id, notebook):
    folder.mkdir(parents=True)
    (folder / "assignment.yaml").write_text(f"id: {assignment_id}\ntitle: Bench {assignment_id}\n")
    (folder / "work.ipynb").write_text(json.dumps(notebook, indent=1))
    for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["-c", "user.name=B", "-c", "user.email=b@x", "commit", "-qm", "a"]):
        subprocess.run(["git", *args], cwd=folder, check=True, capture_output=True)
    served = folder.parent / f"{assignment_id}.git"
    subprocess.run(["git", "clone", "-q", "--bare", str(folder), str(served)], check=True)
    subprocess.run(["git", "update-server-info"], cwd=served, check=True)


def answer(learner, assignment_id, language):
    """Fills the answers in, as a learner who got every one right."""
    script = ("import json,sys\np=sys.argv[1]\nnb=json.load(open(p))\n"
              "for c in nb['cells']:\n"
              "    g=c['metadata'].get('nbgrader',{}).get('grade_id','')\n"
              "    if g.startswith('f'):\n"
              "        i=g[1:]\n"
              + ("        c['source']=f'def f{i}(n):\\n    return n * {i}\\n'\n" if language == "python" else
                 "        c['source']='int f'+i+'(int n) { return n * '+i+'; }'\n")
              + "json.dump(nb,open(p,'w'))\n")
    subprocess.run(["docker", "exec", "-u", "1000", f"{PROJECT}-sandbox-{learner}", "python3", "-c", script,
                    f"/home/learner/assignments/{assignment_id}/work.ipynb"], check=True)


def submit(learner, assignment_id):
    start = time.monotonic()
    out = subprocess.run(["docker", "exec", f"{PROJECT}-sandbox-{learner}", "learnbox", "submit", assignment_id],
                         capture_output=True, text=True)
    seconds = time.monotonic() - start
    if "score: 5 of 5" not in out.stdout:
        raise SystemExit(f"{learner} {assignment_id}: {out.stdout} {out.stderr}")
    return seconds


def await_release(learners, assignment_id):
    deadline = time.monotonic() + 120
    for learner in learners:
        while subprocess.run(["docker", "exec", f"{PROJECT}-sandbox-{learner}", "test", "-f",
                              f"/home/learner/assignments/{assignment_id}/work.ipynb"]).returncode != 0:
            if time.monotonic() > deadline:
                raise SystemExit(f"{assignment_id} did not reach {learner}")
            time.sleep(0.2)


REST_SECONDS = 5


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--learners", type=int, default=30)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--keep", action="store_true", help="leave the bench box up afterwards")
    parser.add_argument("--cpu-breakdown", metavar="FILE", help="where the CPU went during the bulk, by container and process (cpu_breakdown.py)")
    args = parser.parse_args()

    wipe()
    sh("./box", "up")
    scratch = pathlib.Path(tempfile.mkdtemp(prefix="learnbox-grading-bench-"))
    server = http.server.ThreadingHTTPServer(("0.0.0.0", 0), functools.partial(QuietFiles, directory=str(scratch)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        write_assignment(scratch / "py", "bench-py", python_notebook())
        write_assignment(scratch / "java", "bench-java", java_notebook())
        port = server.server_address[1]
        for assignment_id in ("bench-py", "bench-java"):
            start = time.monotonic()
            print(sh("./box", "assignment", "import", f"http://host.docker.internal:{port}/{assignment_id}.git").strip(),
                  f"({time.monotonic() - start:.1f} s, the solution graded)")

        code = make_class("bench-teacher", "Bench class")
        names = [f"grader{i:02d}" for i in range(args.learners)]
        passwords = {n: add_user(n) for n in names}
        # A few at a time: logins all at once are issue 15's own measure, not this one's.
        with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
            browsers = list(pool.map(lambda n: login_to_api(n, passwords[n])[0], names))
        for browser in browsers:
            browser.submit("/", "/join", {"code": code})
        for assignment_id in ("bench-py", "bench-java"):
            print(sh("./box", "assignment", "release", assignment_id, code).strip())
            await_release(names, assignment_id)
        for n in names:
            answer(n, "bench-py", "python")
        answer(names[0], "bench-java", "java")

        one = {}
        for assignment_id in ("bench-py", "bench-java"):
            one[assignment_id] = []
            for _ in range(args.repeat):
                # One submission as a student makes it: to a box at rest, not on the heels of the one before.
                time.sleep(REST_SECONDS)
                one[assignment_id].append(submit(names[0], assignment_id))
        sampler = subprocess.Popen(["python3", str(pathlib.Path(__file__).with_name("cpu_breakdown.py")), args.cpu_breakdown]) \
            if args.cpu_breakdown else None
        start = time.monotonic()
        with concurrent.futures.ThreadPoolExecutor(max_workers=len(names)) as pool:
            each = list(pool.map(lambda n: submit(n, "bench-py"), names))
        bulk = time.monotonic() - start
        if sampler:
            sampler.terminate()
            sampler.wait()

        for assignment_id, times in one.items():
            print(f"| one submission of {assignment_id} (10 cells), submit to score shown, {len(times)} runs {REST_SECONDS} s apart"
                  f" | p50 {statistics.median(times):.2f} s, min {min(times):.2f} s, max {max(times):.2f} s |")
        print(f"| {len(names)} learners submit bench-py at the same moment: all scores shown"
              f" | {bulk:.1f} s (each waited p50 {statistics.median(each):.1f} s, max {max(each):.1f} s) |")
        print(sh("./box", "assignment", "grades", "bench-py").strip())
    finally:
        server.shutdown()
        subprocess.run(["rm", "-rf", str(scratch)])
        if not args.keep:
            wipe()


if __name__ == "__main__":
    main()
