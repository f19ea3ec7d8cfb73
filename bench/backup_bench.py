"""Backup and restore of a school-sized box (issue 13): 30 learners with 20 MiB each in their homes.

Usage: python3 bench/backup_bench.py [--learners 30] [--mib 20]
Starts its own box (./box up, project 'lbbench', ports 19000+), adds the learners, fills each
home (the volume a learner's sandbox mounts) with random data as a learner's files would be,
times ./box backup and the restore (the bridge's one-off container, `learnbox restore --replace`,
with the box stopped: its start again is not counted), checks the homes came back whole, and
removes the box.
"""
import argparse
import os
import re
import subprocess
import time

from benchbox import ENV, PROJECT, ROOT, add_user, sh, wipe

FILL = ("cd /home/learner && mkdir -p work notes && head -c $(({mib} * 1048576 - 1048576)) /dev/urandom > work/data.bin"
        " && for i in $(seq 1 64); do head -c 16384 /dev/urandom > notes/note-$i.txt; done && chown -R 1000:1000 .")
HASHES = "cd /home/learner && find . -type f -exec sha256sum {} + | sort -k2 | sha256sum"


def home(name):
    return f"{PROJECT}-home-{name}"


def in_home(name, script):
    return sh("docker", "run", "--rm", "--user", "0", "-v", f"{home(name)}:/home/learner", "learnbox/sandbox:latest", "bash", "-c", script)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--learners", type=int, default=30)
    parser.add_argument("--mib", type=int, default=20)
    args = parser.parse_args()
    wipe()
    sh("./box", "up")
    archive = os.path.join(ROOT, ".box-bench", "backup.tar.gz")
    try:
        names = [f"learner{i:02d}" for i in range(args.learners)]
        for name in names:
            add_user(name)
            sh("docker", "volume", "create", "--label", f"org.learnbox.box={PROJECT}", "--label", "org.learnbox.role=home",
               "--label", f"org.learnbox.user={name}", home(name))
            in_home(name, FILL.format(mib=args.mib))
        before = {name: in_home(name, HASHES) for name in names}

        began = time.monotonic()
        said = subprocess.run(["./box", "backup", archive], cwd=ROOT, env=ENV, text=True, capture_output=True, check=True)
        backup_seconds = time.monotonic() - began
        size = os.path.getsize(archive)
        files = re.search(r"(\d+) files, (\d+) bytes", said.stderr).groups()

        compose = ["docker", "compose", "-p", PROJECT, "-f", "box-image/compose.yaml"]
        sh(*compose, "stop")
        began = time.monotonic()
        with open(archive, "rb") as stdin:
            subprocess.run(compose + ["run", "--rm", "-T", "--no-deps", "bridge", "learnbox", "restore", "-", "--replace"],
                           cwd=ROOT, env=ENV, stdin=stdin, capture_output=True, check=True)
        restore_seconds = time.monotonic() - began
        sh(*compose, "up", "-d")
        after = {name: in_home(name, HASHES) for name in names}
        whole = sum(1 for name in names if before[name] == after[name])
    finally:
        wipe()
    day = time.strftime("%Y-%m-%d %H:%M")
    data = args.learners * args.mib
    print(f"| {day} | backup of {args.learners} learners x {args.mib} MiB ({data} MiB of homes; {files[0]} files,"
          f" {int(files[1]) / 2**20:.0f} MiB before compression) | {backup_seconds:.1f} s, {size / 2**20:.0f} MiB |")
    print(f"| {day} | restore of that backup (learnbox restore --replace, box stopped) | {restore_seconds:.1f} s;"
          f" {whole} of {args.learners} homes whole |")


if __name__ == "__main__":
    main()
