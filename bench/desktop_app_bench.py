#!/usr/bin/env python3
"""Desktop app benchmark (issue 18): a Swing program published as a live app, as its visitors get it.

Builds an app image from learnbox/app-desktop as the bridge does (the app's files in /app, compiled
there) and runs it with a live app's limits (half a CPU, 256 MiB, 128 processes, read-only, 16 MiB
/tmp), without a box around it. Then visitors come one after another (bench/desktop_app_probe.py,
in the container): for each, the seconds from opening the page to the program's window on their
screen (the JVM's start included), and the memory (RSS) of their instance (Xvnc, openbox, the
program) and of the app's container. A third visitor is refused: what the app's memory holds.
Usage: bench/desktop_app_bench.py (images built: ./box images)
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

CONTAINER = "lbbench-desktop-app"
IMAGE = "lbbench/desktop-app:latest"
COUNTER = """
import javax.swing.*;

public class Main {
    public static void main(String[] args) {
        SwingUtilities.invokeLater(() -> {
            JFrame frame = new JFrame("Counter");
            JButton button = new JButton("Click me");
            int[] clicks = {0};
            button.addActionListener(event -> button.setText("Clicked " + ++clicks[0]));
            frame.add(button);
            frame.setDefaultCloseOperation(JFrame.EXIT_ON_CLOSE);
            frame.setSize(400, 300);
            frame.setVisible(true);
        });
    }
}
"""

PROCESSES = """
import glob, os
for folder in glob.glob("/proc/[0-9]*"):
    if folder == "/proc/%d" % os.getpid():
        continue
    try:
        rss = [l.split()[1] for l in open(folder + "/status") if l.startswith("VmRSS:")]
        command = open(folder + "/cmdline", "rb").read().replace(b"\\0", b" ").decode().strip()
    except OSError:
        continue
    if rss and command:
        print(rss[0], command)
"""


def sh(*command, check=True):
    done = subprocess.run(command, capture_output=True, text=True, timeout=600)
    if check and done.returncode != 0:
        sys.exit(" ".join(command) + " failed:\n" + done.stdout + done.stderr)
    return done.stdout


def instance_memory():
    """RSS in MiB of the server and of each visitor's processes, by display."""
    # The image has no ps: the processes' RSS (KiB) and command lines from /proc, by Python there.
    lines = sh("docker", "exec", CONTAINER, "python3", "-c", PROCESSES).splitlines()
    memory = {}
    for line in lines:
        rss, command = line.strip().split(" ", 1)
        kind = ("xvnc" if command.startswith("Xvnc") else "wm" if command.startswith("openbox")
                else "program" if command.startswith("java") else "server" if command.startswith("/usr/bin/python3 ")
                and "learnbox-window-app" in command else None)
        if kind:
            memory.setdefault(kind, []).append(round(int(rss) / 1024, 1))
    return memory


def main():
    folder = tempfile.mkdtemp()
    try:
        os.makedirs(folder + "/app")
        with open(folder + "/app/Main.java", "w") as source:
            source.write(COUNTER)
        with open(folder + "/Dockerfile", "w") as dockerfile:
            dockerfile.write("FROM learnbox/app-desktop:latest\nCOPY app/ /app/\nUSER root\n"
                             "RUN javac -encoding UTF-8 -d /app/.classes /app/Main.java\nUSER app\nENV PORT=8080\n"
                             'CMD ["learnbox-window-app", "java -cp /app/.classes Main"]\n')
        sh("docker", "build", "-q", "-t", IMAGE, folder)
    finally:
        shutil.rmtree(folder)
    sh("docker", "rm", "-f", CONTAINER, check=False)
    sh("docker", "run", "-d", "--name", CONTAINER, "--cpus", "0.5", "--memory", "256m", "--memory-swap", "256m",
       "--pids-limit", "128", "--cap-drop", "ALL", "--security-opt", "no-new-privileges:true", "--read-only",
       "--tmpfs", "/tmp:rw,nosuid,nodev,size=16m", IMAGE)
    try:
        # The root file system is read-only and docker cp does not write to its /tmp: through exec.
        with open("bench/desktop_app_probe.py", "rb") as probe:
            subprocess.run(["docker", "exec", "-i", CONTAINER, "sh", "-c", "cat > /tmp/desktop_app_probe.py"],
                           stdin=probe, check=True, timeout=60)
        results = {"visitors": []}
        holders = []
        for _ in range(2):
            visitor = subprocess.Popen(["docker", "exec", CONTAINER, "python3", "/tmp/desktop_app_probe.py", "--hold", "60"],
                                       stdout=subprocess.PIPE, text=True)
            results["visitors"].append(json.loads(visitor.stdout.readline()))
            holders.append(visitor)
            results["memory_after_%d" % len(holders)] = instance_memory()
            results["container_mib_after_%d" % len(holders)] = sh(
                "docker", "stats", "--no-stream", "--format", "{{.MemUsage}}", CONTAINER).strip()
        third = subprocess.run(["docker", "exec", CONTAINER, "python3", "/tmp/desktop_app_probe.py"],
                               capture_output=True, text=True, timeout=60)
        results["third_visitor"] = "refused" if third.returncode != 0 and "503" in third.stderr else "let in"
        print(json.dumps(results, indent=2))
        for visitor in holders:
            visitor.kill()
    finally:
        sh("docker", "rm", "-f", CONTAINER, check=False)
        sh("docker", "rmi", IMAGE, check=False)


if __name__ == "__main__":
    main()
