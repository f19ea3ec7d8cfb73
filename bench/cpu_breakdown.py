#!/usr/bin/env python3
"""Where a machine's CPU goes while something runs: by container (cgroup v1 or v2) and by host process.

Usage: bench/cpu_breakdown.py OUT.json  (samples every 0.2 s until SIGTERM or SIGINT, then writes OUT.json).
Containers that end while it samples are counted up to their last sample; the box's grading containers
are counted together. Host processes that live less than a sample are in "busy" but not in the rows.
Its own sampling costs a few percent of one CPU, counted under host:python3.
"""
import json
import os
import signal
import subprocess
import sys
import time

HZ = os.sysconf("SC_CLK_TCK")
V1 = "/sys/fs/cgroup/cpuacct/docker"
V2 = "/sys/fs/cgroup/system.slice"


def busy_seconds():
    fields = list(map(int, open("/proc/stat").readline().split()[1:]))
    return (sum(fields) - fields[3] - fields[4]) / HZ  # all but idle and iowait


def containers():
    found = {}
    if os.path.isdir(V1):
        for name in os.listdir(V1):
            try:
                found[name] = int(open(os.path.join(V1, name, "cpuacct.usage")).read()) / 1e9
            except OSError:
                pass
    elif os.path.isdir(V2):
        for name in os.listdir(V2):
            if name.startswith("docker-") and name.endswith(".scope"):
                try:
                    usage = dict(line.split() for line in open(os.path.join(V2, name, "cpu.stat")))
                    found[name[7:-6]] = int(usage["usage_usec"]) / 1e6
                except (OSError, KeyError):
                    pass
    return found


def host_processes():
    found = {}
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            if "/docker" in open("/proc/%s/cgroup" % pid).read():
                continue  # counted with its container
            stat = open("/proc/%s/stat" % pid).read()
            name = stat[stat.index("(") + 1:stat.rindex(")")]
            fields = stat[stat.rindex(")") + 2:].split()
            found[(pid, fields[19])] = (name, (int(fields[11]) + int(fields[12])) / HZ)
        except (OSError, ValueError, IndexError):
            pass
    return found


def main(out):
    stopped = []
    signal.signal(signal.SIGTERM, lambda *_: stopped.append(True))
    signal.signal(signal.SIGINT, lambda *_: stopped.append(True))
    busy_before, started = busy_seconds(), time.time()
    containers_before, processes_before = containers(), host_processes()
    containers_last, processes_last = dict(containers_before), dict(processes_before)
    while not stopped:
        containers_last.update(containers())
        processes_last.update(host_processes())
        time.sleep(0.2)
    names = dict(line.split(maxsplit=1) for line in subprocess.run(
        ["docker", "ps", "-a", "--no-trunc", "--format", "{{.ID}} {{.Names}}"], capture_output=True, text=True).stdout.splitlines())
    rows = {}
    for container, seconds in containers_last.items():
        name = names.get(container, "ended")
        name = "grading containers" if "-grade-" in name or name == "ended" else name
        rows["container:" + name] = rows.get("container:" + name, 0) + seconds - containers_before.get(container, 0)
    for key, (name, seconds) in processes_last.items():
        rows["host:" + name] = rows.get("host:" + name, 0) + seconds - processes_before.get(key, (name, 0))[1]
    json.dump({"wall_seconds": round(time.time() - started, 1), "busy_cpu_seconds": round(busy_seconds() - busy_before, 1),
               "in_rows": round(sum(rows.values()), 1),
               "rows": sorted(([name, round(seconds, 2)] for name, seconds in rows.items() if seconds >= 0.05), key=lambda r: -r[1])},
              open(out, "w"), indent=1)


if __name__ == "__main__":
    main(sys.argv[1])
