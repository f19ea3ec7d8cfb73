"""The box on a simulated NAS (issue 13): the bundle's size, the time from the install's start
(its docker load) to the login page answering, and the memory of the box's own services at rest.

Usage: python3 bench/nas_bench.py [--rest 60]
Makes the bundle with ./box bundle (images already built), starts the test's simulated NAS (a
nested Docker engine with compose and nothing else, hub-bridge/src/test/docker/nas) as the
tests do, installs the box there by the README's steps on ports 29000/29001, and removes it all.
"""
import argparse
import os
import re
import subprocess
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NAS = "lbnas-bench"
DIST = os.path.join(ROOT, ".box-bench", "nas-dist")
PORT, APPS_PORT = 29000, 29001
IMAGE = "learnbox/nas-sim:test"


def run(*cmd, check=True, env=None):
    return subprocess.run(cmd, cwd=ROOT, text=True, capture_output=True, check=check, env=env)


def in_nas(script, check=True):
    return run("docker", "exec", "-w", "/volume1/learnbox", NAS, "sh", "-c", script, check=check)


def start_nas():
    run("docker", "build", "-q", "--build-arg", "BASE_IMAGE=" + os.environ.get("LEARNBOX_BASE_IMAGE", "learnbox/base:trixie"),
        "-t", IMAGE, "hub-bridge/src/test/docker/nas")
    common = ["docker", "run", "-d", "--name", NAS, "-v", NAS + "-engine:/var/lib/docker", "-v", DIST + ":/volume1/incoming:ro",
              "-p", f"{PORT}:{PORT}", "-p", f"{APPS_PORT}:{APPS_PORT}"]
    started = run(*common, "--privileged", IMAGE, check=False)
    if started.returncode != 0 and "apply caps" in started.stderr:  # as NestedEngines: a machine without CAP_SYS_RESOURCE
        remove_nas()
        run(*common, "--cap-add", "ALL", "--cap-drop", "SYS_RESOURCE", "--security-opt", "seccomp=unconfined",
            "--security-opt", "apparmor=unconfined", "--security-opt", "systempaths=unconfined",
            "--device-cgroup-rule", "a *:* rwm", "-v", "/sys/fs/cgroup:/sys/fs/cgroup", IMAGE)
    deadline = time.monotonic() + 120
    while in_nas("docker info >/dev/null 2>&1", check=False).returncode != 0:
        if time.monotonic() > deadline:
            raise SystemExit("the simulated NAS's engine did not start")
        time.sleep(0.5)


def remove_nas():
    run("docker", "rm", "-f", "-v", NAS, check=False)
    run("docker", "volume", "rm", "-f", NAS + "-engine", check=False)


def answers(url):
    try:
        with urllib.request.urlopen(url, timeout=2) as page:
            return page.status == 200
    except OSError:
        return False


def mib(text):
    number, unit = re.match(r"([\d.]+)\s*([KMG]i?B)", text).groups()
    return float(number) * {"KiB": 1 / 1024, "MiB": 1, "GiB": 1024, "kB": 1 / 1000, "MB": 1, "GB": 1000}[unit]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rest", type=int, default=60, help="seconds at rest before the memory is read")
    parser.add_argument("--gzip", action="store_true", help="the bundle gzipped (./box bundle --gzip)")
    args = parser.parse_args()
    remove_nas()
    run("rm", "-rf", DIST)
    began = time.monotonic()
    run("./box", "bundle", *(["--gzip"] if args.gzip else []), env=dict(os.environ, LEARNBOX_DIST=DIST))
    bundled = time.monotonic() - began
    bundle = next(name for name in os.listdir(DIST) if name.endswith(".tar.gz" if args.gzip else ".tar"))
    size = os.path.getsize(os.path.join(DIST, bundle))
    try:
        start_nas()
        in_nas(f"tar -xf /volume1/incoming/{bundle} learnbox-install.sh learnbox.env && cp learnbox.env .env"
               f" && printf 'LEARNBOX_PORT={PORT}\\nLEARNBOX_APPS_PORT={APPS_PORT}\\nLEARNBOX_PUBLIC_URL=http://localhost:{PORT}\\n' >> .env")
        began = time.monotonic()
        install = subprocess.Popen(["docker", "exec", "-w", "/volume1/learnbox", NAS, "sh", "learnbox-install.sh",
                                    f"/volume1/incoming/{bundle}"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        marks = {}
        for line in install.stdout:
            for mark in ("Loading", "Starting"):
                if line.startswith(mark):
                    marks[mark] = time.monotonic() - began
        if install.wait() != 0:
            raise SystemExit("the install failed")
        while not answers(f"http://localhost:{PORT}/login"):
            time.sleep(0.2)
        to_login = time.monotonic() - began
        time.sleep(args.rest)
        stats = in_nas("docker stats --no-stream --format '{{.Name}} {{.MemUsage}}'").stdout
        memory = {line.split()[0]: mib(line.split(None, 1)[1]) for line in stats.splitlines() if line.strip()}
        own = {name: value for name, value in memory.items() if re.match(r"learnbox-(proxy|hub|bridge|gateway)-1$", name)}
    finally:
        remove_nas()
        run("rm", "-rf", DIST)
    day = time.strftime("%Y-%m-%d %H:%M")
    print(f"| {day} | bundle `{bundle}` (./box bundle, images built) | {size / 2**30:.2f} GiB, written in {bundled:.0f} s |")
    print(f"| {day} | install on the simulated NAS to the login page: check {marks.get('Loading', 0):.0f} s,"
          f" docker load {marks.get('Starting', 0) - marks.get('Loading', 0):.0f} s, start {to_login - marks.get('Starting', 0):.0f} s | {to_login:.0f} s |")
    each = ", ".join(f"{name.split('-')[1]} {value:.0f} MiB" for name, value in sorted(own.items()))
    print(f"| {day} | the box's own services at rest ({args.rest} s after the login page answered): {each}"
          f" | {sum(own.values()):.0f} MiB |")


if __name__ == "__main__":
    main()
