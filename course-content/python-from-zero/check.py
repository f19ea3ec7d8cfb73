"""The self-check helper of this course: each lesson runs `from check import check`.

In a LearnBox sandbox each answer is also sent to the box, so that the teacher's class page
shows how far each student got; anywhere else (or if the box does not answer) it only prints.
"""
import json
import os
import threading
import urllib.request


def _tell_the_box(what, passed):
    box = os.environ.get("LEARNBOX_URL")
    token = os.environ.get("JUPYTERHUB_API_TOKEN")
    notebook = os.environ.get("JPY_SESSION_NAME")
    if not (box and token and notebook):
        return
    request = urllib.request.Request(
        box + "/api/progress", method="POST",
        data=json.dumps({"notebook": notebook, "check": what, "passed": passed}).encode(),
        headers={"Authorization": "token " + token, "Content-Type": "application/json"})

    def send():
        try:
            urllib.request.urlopen(request, timeout=10).close()
        except Exception:  # progress is a courtesy to the teacher; the learner's answer stands anyway
            pass

    threading.Thread(target=send, daemon=True).start()


def check(what, actual, expected):
    right = actual == expected
    if right:
        print(f"✅ Right: {what}")
    else:
        print(f"❌ Not yet: {what} (expected {expected!r}, got {actual!r})")
    _tell_the_box(what, right)
