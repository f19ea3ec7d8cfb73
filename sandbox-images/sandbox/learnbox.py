"""learnbox: the box, from a sandbox's terminal or notebook.

  learnbox publish [FOLDER]   publish FOLDER (default: the current one) as a live app
  learnbox apps               your live apps, their state and address
  learnbox unpublish NAME     take one of your apps down

In a notebook: import learnbox; learnbox.publish("my-site")
It calls the box's API with your own JupyterHub token, which your sandbox has.
"""
import json
import os
import sys
import urllib.error
import urllib.parse
import urllib.request

HOME = "/home/learner"


class Refused(Exception):
    """The box said no, or cannot be reached; the message says why in words."""


def _call(method, path, body=None):
    base = os.environ.get("LEARNBOX_URL", "http://host.docker.internal:8000")
    token = os.environ.get("JUPYTERHUB_API_TOKEN")
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
        raise Refused(f"The box does not answer at {base}: {down.reason}") from None


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
