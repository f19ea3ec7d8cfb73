"""What the benchmarks share: their own box (project 'lbbench', ports 19000+) and a learner
who drives it through the front door exactly as a browser does."""
import http.cookiejar
import json
import os
import re
import subprocess
import time
import urllib.parse
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PROJECT = "lbbench"
PORT = 19000
ENV = dict(os.environ, LEARNBOX_PROJECT=PROJECT, LEARNBOX_STATE=os.path.join(ROOT, ".box-bench"),
           LEARNBOX_PORT=str(PORT), LEARNBOX_HUB_API_PORT="19081", LEARNBOX_PROXY_API_PORT="19002",
           LEARNBOX_BRIDGE_PORT="19090", LEARNBOX_APPS_PORT="19001", LEARNBOX_SANDBOX_MAX_RUNNING="100")
BASE = f"http://localhost:{PORT}"
# A learner's smallest web app (Python), answering VERSION: published or pushed by the benchmarks.
PYTHON_APP = """import http.server, os
class Hello(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        body = b"VERSION"
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
    def log_message(self, *args):
        pass
http.server.ThreadingHTTPServer(("0.0.0.0", int(os.environ["PORT"])), Hello).serve_forever()
"""


def sh(*cmd, stdin=None):
    return subprocess.run(cmd, cwd=ROOT, env=ENV, input=stdin, text=True, capture_output=True, check=True).stdout


class LocalhostIsSecure(http.cookiejar.DefaultCookiePolicy):
    """As browsers do: http://localhost is a secure context, so cookies marked Secure (Keycloak's) go there."""

    def return_ok_secure(self, cookie, request):
        return urllib.parse.urlparse(request.get_full_url()).hostname == "localhost" or super().return_ok_secure(cookie, request)


class LongRedirects(urllib.request.HTTPRedirectHandler):
    """A login through Keycloak takes a dozen hops; browsers follow twenty. Each hop's path and the
    moment its answer came are kept in `hops`, to see where a login waits."""
    max_redirections = 20
    max_repeats = 10

    def __init__(self, hops):
        self.hops = hops

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        self.hops.append((urllib.parse.urlparse(req.full_url).path, time.monotonic()))
        return super().redirect_request(req, fp, code, msg, headers, newurl)


class Browser:
    def __init__(self, name):
        self.name = name
        self.jar = http.cookiejar.CookieJar(LocalhostIsSecure())
        self.hops = []
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), LongRedirects(self.hops))

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
        self.hops.clear()
        self.hops.append(("start", time.monotonic()))
        with self.opener.open(urllib.request.Request(BASE + "/login", data=body), timeout=120) as response:
            response.read()
            self.hops.append((urllib.parse.urlparse(response.geturl()).path, time.monotonic()))

    def log_in_on_keycloak(self, password):
        """With single sign-on: the box sends the browser to Keycloak's form, which is filled in."""
        _, _, form = self.get("/login")
        action = re.search(r'<form id="kc-form-login"[^>]*action="([^"]+)"', form).group(1).replace("&amp;", "&")
        body = urllib.parse.urlencode({"username": self.name, "password": password, "credentialId": ""}).encode()
        with self.opener.open(urllib.request.Request(action, data=body), timeout=120) as response:
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

    def submit(self, page, action, fields):
        """Fills in a form of `page` (its CSRF token) and posts it to `action`, as the browser does."""
        _, _, html = self.get(page)
        csrf = re.search(r'name="_csrf" value="([^"]+)"', html).group(1)
        body = urllib.parse.urlencode({**fields, "_csrf": csrf}).encode()
        with self.opener.open(urllib.request.Request(BASE + action, data=body), timeout=120) as response:
            return response.geturl(), response.read().decode()

    def stop_server(self):
        self.get("/hub/home")
        request = urllib.request.Request(f"{BASE}/hub/api/users/{self.name}/server", method="DELETE",
                                         headers={"X-XSRFToken": self.cookie("_xsrf", "/hub/")})
        self.opener.open(request, timeout=120).read()
        while sh("docker", "ps", "-q", "--filter", f"name={PROJECT}-sandbox-{self.name}$").strip():
            time.sleep(0.2)


def percentile(values, p):
    """The p-th percentile, between the two nearest values."""
    ordered = sorted(values)
    k = (len(ordered) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def login_to_api(name, password, sso=False):
    browser = Browser(name)
    browser.started_at = time.time()
    start = time.monotonic()
    if sso:
        browser.log_in_on_keycloak(password)
    else:
        browser.log_in(password)
    browser.logged_in_after = time.monotonic() - start
    browser.login_hops = list(browser.hops)
    browser.await_api(start + 180)
    return browser, time.monotonic() - start


def add_user(name, role="student"):
    password = f"bench-{name}-password"
    sh("./box", "user", "add", name, "--role", role, "--password-stdin", stdin=password)
    return password


def make_class(teacher, name):
    """A teacher makes a class on the class pages; returns its join code."""
    browser = Browser(teacher)
    browser.log_in(add_user(teacher, "teacher"))
    _, html = browser.submit("/classes", "/classes", {"name": name})
    return re.search(r'id="join-code">([A-Z0-9-]+)<', html).group(1)


def wipe():
    """Takes the bench box down and removes everything it made."""
    sh("bash", "-c", f"docker compose -p {PROJECT} -f box-image/compose.yaml --profile sso down -v 2>/dev/null;"
       f" docker rm -f $(docker ps -aq --filter label=org.learnbox.box={PROJECT}) 2>/dev/null;"
       f" docker volume rm $(docker volume ls -q --filter label=org.learnbox.box={PROJECT}) 2>/dev/null;"
       f" docker rmi -f $(docker images -q --filter label=org.learnbox.box={PROJECT}) 2>/dev/null;"
       f" docker network rm {PROJECT}-sandboxes {PROJECT}-apps 2>/dev/null;"
       f" rm -rf .box-bench; true")
