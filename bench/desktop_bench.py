#!/usr/bin/env python3
"""Desktop benchmark (issue 18): a learner's desktop as a viewer sees it.

Starts its own box (see benchbox.py), logs a learner in, and runs bench/desktop_probe.py in their
sandbox: an RFB viewer on /user/NAME/desktop/websockify through the box's front door (the proxy,
as a browser goes), signed in with the learner's cookie. Figures:
  - first frame: from opening the connection to the whole first picture, with the desktop not yet
    started (cold: Xvnc and the window manager start for it) and already running (warm, p50 of 5);
  - a click to the changed frame: a tkinter window flips its colour on a click; p50 and p95 of 20;
  - bytes per second while nothing moves (30 s) and while a ball moves at 60 frames a second (20 s);
  - memory (RSS) of Xvnc and openbox, idle and during the animation.
Usage: bench/desktop_bench.py [--keep]
"""
import argparse
import json
import subprocess
import sys

from benchbox import PROJECT, add_user, login_to_api, sh, wipe


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--keep", action="store_true", help="leave the bench box up afterwards")
    args = parser.parse_args()

    wipe()
    sh("./box", "up")
    try:
        name = "painter"
        browser, _ = login_to_api(name, add_user(name))
        cookie = "; ".join(f"{c.name}={c.value}" for c in browser.jar if c.path.startswith(f"/user/{name}"))
        sandbox = f"{PROJECT}-sandbox-{name}"
        box_url = sh("docker", "exec", sandbox, "printenv", "LEARNBOX_URL").strip()
        url = box_url.replace("http", "ws", 1) + f"/user/{name}/desktop/websockify"
        sh("docker", "cp", "bench/desktop_probe.py", f"{sandbox}:/tmp/desktop_probe.py")
        probe = subprocess.run(["docker", "exec", sandbox, "python3", "/tmp/desktop_probe.py", "--url", url,
                                "--cookie", cookie], capture_output=True, text=True, timeout=600)
        if probe.returncode != 0:
            sys.exit("the probe failed:\n" + probe.stdout + probe.stderr)
        figures = json.loads(probe.stdout.strip().splitlines()[-1])
        kbit = lambda per_second: f"{per_second * 8 / 1000:.1f} kbit/s"  # noqa: E731
        print("| figure | ours | aim |")
        print("|---|---|---|")
        print(f"| first frame, desktop not started | {figures['first_frame_cold_s']:.2f} s | <= 1.5 s |")
        print(f"| first frame, desktop running (p50 of 5) | {figures['first_frame_warm_s'] * 1000:.0f} ms | |")
        clicks = figures["click_to_frame_ms"]
        print(f"| a click to the changed frame (20) | p50 {clicks['p50']:.1f} ms, p95 {clicks['p95']:.1f} ms | <= 50 ms |")
        print(f"| idle desktop, 30 s | {kbit(figures['idle_bytes_per_s'])} | <= 20 kbit/s |")
        print(f"| a ball moving at 60 frames/s, 20 s | {kbit(figures['animation_bytes_per_s'])} | |")
        idle, busy = figures["memory_idle_kib"], figures["memory_animation_kib"]
        print(f"| memory: Xvnc + openbox, idle / animating | {(idle['Xvnc'] + idle['openbox']) / 1024:.0f} MiB"
              f" / {(busy['Xvnc'] + busy['openbox']) / 1024:.0f} MiB | |")
    finally:
        if not args.keep:
            wipe()


if __name__ == "__main__":
    main()
