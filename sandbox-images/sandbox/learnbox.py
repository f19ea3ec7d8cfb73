"""learnbox: the box, from a sandbox's terminal or notebook.

  learnbox publish [FOLDER]   publish FOLDER (default: the current one) as a live app
  learnbox apps               your live apps, their state and address
  learnbox unpublish NAME     take one of your apps down
  learnbox save FILE... [--title TITLE] [--class | --public]
                              save files as a snippet (private unless you say)
  learnbox assignments        your assignments, their due dates and your latest score
  learnbox validate ID        run the tests you can see on ~/assignments/ID (nothing is submitted)
  learnbox submit ID          submit ~/assignments/ID and wait for its score

In a notebook: import learnbox; learnbox.publish("my-site")
               learnbox.save_snippet("My loop", code="for i in range(3): print(i)")
               %load_ext learnbox, then a cell that starts with: %%snippet My loop
It calls the box's API with your own JupyterHub token, which your sandbox has.
"""
import json
import os
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

HOME = "/home/learner"


class Refused(Exception):
    """The box said no, or cannot be reached; the message says why in words."""


def _hub_environment():
    """The hub's environment as the bridge handed it to a sandbox started at login (the server and
    its kernels have it in their own; a command run in the sandbox from outside finds it here)."""
    try:
        with open(os.environ.get("LEARNBOX_HUB_ENV_FILE", ""), encoding="utf-8") as given:
            return json.load(given)
    except (OSError, ValueError):
        return {}


def _call(method, path, body=None):
    base = os.environ.get("LEARNBOX_URL", "http://host.docker.internal:8000")
    token = os.environ.get("JUPYTERHUB_API_TOKEN") or _hub_environment().get("JUPYTERHUB_API_TOKEN")
    if not token:
        raise Refused("There is no JupyterHub token here: run learnbox inside your LearnBox sandbox.")
    request = urllib.request.Request(base + path, method=method,
                                     data=None if body is None else json.dumps(body).encode(),
                                     headers={"Authorization": "token " + token, "Accept": "application/json",
                                              "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=300) as answer:
            raw = answer.read()
            return json.loads(raw) if raw else None
    except urllib.error.HTTPError as refused:
        try:
            message = json.loads(refused.read()).get("message")
        except ValueError:
            message = None
        raise Refused(message or f"The box answered {refused.code}.") from None
    except urllib.error.URLError as down:
        raise Refused(f"The box does not answer ({down.reason}); try again in a minute, and tell your teacher if it goes on.") from None


def _in_home(folder):
    path = os.path.realpath(os.path.abspath(folder))
    if not path.startswith(HOME + "/"):
        raise Refused(f"'{folder}' is not a folder inside your home ({HOME}); publish one of its folders.")
    return os.path.relpath(path, HOME)


def publish(folder="."):
    """Publishes the folder as a live app and returns it (name, url, state) once it answers."""
    return _call("POST", "/api/apps", {"folder": _in_home(folder)})


def apps():
    return _call("GET", "/api/apps")


def unpublish(name):
    _call("DELETE", "/api/apps/" + urllib.parse.quote(name, safe=""))


def assignments():
    return _call("GET", "/api/assignments")


def submit(assignment, wait_seconds=300):
    """Submits ~/assignments/ASSIGNMENT as it is now; returns its grading once done (or the submission, still queued)."""
    quoted = urllib.parse.quote(assignment, safe="")
    submitted = _call("POST", f"/api/assignments/{quoted}/submissions")
    deadline = time.monotonic() + wait_seconds
    while time.monotonic() < deadline:
        # The box answers as soon as it is graded (in a container of its own, within seconds), or after 20 s.
        graded = _call("GET", f"/api/assignments/{quoted}/submissions/latest?wait=20")
        if graded["submission"]["state"] != "queued":
            return graded
    return {"submission": dict(submitted, state="queued"), "cells": []}


def validate(assignment):
    """Runs the visible tests on ~/assignments/ASSIGNMENT as it is now; nothing is kept."""
    return _call("POST", f"/api/assignments/{urllib.parse.quote(assignment, safe='')}/validation")


def _validate_command(assignment):
    print(f"running the tests you can see on ~/assignments/{assignment} ...", flush=True)
    found = validate(assignment)
    for cell in found["cells"]:
        said = "passes" if cell["status"] == "OK" else "does not pass yet: " + (cell["error"] or cell["status"].lower())
        print(f"  {cell['notebook']:<28} {cell['gradeId']:<24} {said}")
    for problem in found["problems"]:
        print("  " + problem)
    passed = sum(1 for cell in found["cells"] if cell["status"] == "OK")
    print(f"{passed} of {len(found['cells'])} tests you can see pass; grading runs hidden tests too")


def _points(value):
    return "-" if value is None else f"{value:g}"


def _submit_command(assignment):
    print(f"submitting ~/assignments/{assignment} ...", flush=True)
    graded = submit(assignment)
    submission = graded["submission"]
    if submission["state"] == "queued":
        print("submitted; it waits for a grader: see `learnbox assignments` in a while")
        return
    if submission.get("scoreFrom"):
        print(f"submitted and graded; your score, the tests and the feedback are shown after the due date, {submission['scoreFrom']}")
        return
    for cell in graded["cells"]:
        said = "a teacher grades it" if cell["points"] is None else cell["error"] or cell["status"].lower().replace("_", " ")
        print(f"  {cell['notebook']:<28} {cell['gradeId']:<24} {_points(cell['points'])}/{_points(cell['maxPoints'])}  {said}")
    late = f" ({submission['lateDays']} days late)" if submission["lateDays"] else ""
    print(f"score: {_points(submission['score'])} of {_points(submission['maxScore'])}{late}")
    if submission.get("problem"):
        print(submission["problem"])
    print(f"feedback: ~/assignments/{assignment}/feedback/")


LANGUAGES = {".java": "java", ".py": "python", ".ipynb": "notebook", ".html": "web", ".css": "web", ".js": "web"}


def save_snippet(title, code=None, files=None, language=None, visibility="private"):
    """Saves code (one file) or files (paths) as a snippet; returns it (id, title, ...)."""
    contents = []
    if code is not None:
        language = language or "python"
        name = {"java": "Main.java", "python": "main.py", "web": "index.html", "notebook": "snippet.ipynb"}[language]
        contents.append({"name": name, "content": code})
    for path in files or []:
        with open(path, encoding="utf-8") as file:
            contents.append({"name": os.path.basename(path), "content": file.read()})
    if not contents:
        raise Refused("Give the code, or the files, to save as a snippet.")
    if language is None:
        found = {LANGUAGES.get(os.path.splitext(c["name"])[1]) for c in contents} - {None}
        if len(found) != 1:
            raise Refused("Say the snippet's language (java, python, web or notebook) with --language.")
        language = found.pop()
    return _call("POST", "/api/snippets", {"title": title, "language": language, "visibility": visibility,
                                           "files": contents})


def load_ipython_extension(ipython):
    """%%snippet TITLE [--class|--public]: saves the cell's code as a Python snippet."""
    def snippet(line, cell):
        words = line.split()
        visibility = "public" if "--public" in words else "class" if "--class" in words else "private"
        title = " ".join(w for w in words if not w.startswith("--")) or "A cell"
        try:
            saved = save_snippet(title, code=cell, language="python", visibility=visibility)
            print(f"saved as snippet {saved['id']}: open /s/{saved['id']} on the box")
        except Refused as refused:
            print(f"learnbox: {refused}")
    ipython.register_magic_function(snippet, magic_kind="cell")


def _save_command(rest):
    files, title, visibility, language = [], None, "private", None
    words = iter(rest)
    for word in words:
        if word == "--title":
            title = next(words, None)
        elif word == "--language":
            language = next(words, None)
        elif word in ("--class", "--public"):
            visibility = word[2:]
        else:
            files.append(word)
    saved = save_snippet(title or (os.path.basename(files[0]) if files else ""), files=files, language=language,
                         visibility=visibility)
    print(f"saved as snippet {saved['id']} ({saved['visibility']}): open /s/{saved['id']} on the box")


def main(argv):
    command, rest = (argv[0], argv[1:]) if argv else ("help", [])
    try:
        if command == "publish" and len(rest) <= 1:
            print(f"publishing {rest[0] if rest else 'this folder'}; the box builds and starts it ...", flush=True)
            app = publish(*rest)
            print(f"{app['name']} is live at {app['url']}")
        elif command == "apps" and not rest:
            for app in apps():
                print(f"{app['name']:<24} {app['state']:<9} {app['url']}")
        elif command == "save" and rest:
            _save_command(rest)
        elif command == "assignments" and not rest:
            for given in assignments():
                latest = given["latest"]
                score = "not submitted" if latest is None else f"{latest['state']}, score after the due date" if latest.get("scoreFrom") \
                    else f"{latest['state']} {_points(latest['score'])}/{_points(given['points'])}"
                print(f"{given['id']:<20} {given['title'][:32]:<32} due {given['due'] or '-':<22} {score}")
        elif command == "validate" and len(rest) == 1:
            _validate_command(rest[0])
        elif command == "submit" and len(rest) == 1:
            _submit_command(rest[0])
        elif command == "unpublish" and len(rest) == 1:
            unpublish(rest[0])
            print(f"{rest[0]} is unpublished")
        else:
            print(__doc__.strip())
            return 0 if command in ("help", "-h", "--help") else 2
    except Refused as refused:
        print(f"learnbox: {refused}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
