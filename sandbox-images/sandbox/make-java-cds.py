#!/usr/bin/python3
"""Makes the Java kernel's class-data-sharing archive while the image is built.

A training run of the real kernel (started by jupyter_client, as JupyterLab starts it) runs a
few cells and shuts down; the JVM then writes the classes it loaded to an archive that every
later kernel maps at start instead of loading and verifying them again.
"""
import json
import os
import sys
import tempfile

from jupyter_client.manager import start_new_kernel

archive = sys.argv[1]
spec = json.load(open("/usr/local/share/jupyter/kernels/java/kernel.json"))
argv = [arg for arg in spec["argv"] if not arg.startswith("-XX:SharedArchiveFile=")]  # not made yet
jar_at = argv.index("-jar")
spec["argv"] = argv[:jar_at] + [f"-XX:ArchiveClassesAtExit={archive}"] + argv[jar_at:]

with tempfile.TemporaryDirectory() as path:
    os.makedirs(f"{path}/kernels/java-training")
    json.dump(spec, open(f"{path}/kernels/java-training/kernel.json", "w"))
    os.environ["JUPYTER_PATH"] = path
    manager, client = start_new_kernel(kernel_name="java-training", startup_timeout=120)
    for cell in ['1 + 1', 'String s = "x"; s.length()', 'var list = new ArrayList<Integer>(List.of(3, 1, 2)); Collections.sort(list); list',
                 'int square(int n) { return n * n; }', 'square(7)', 'System.out.println("hi")', 'display(html("<b>x</b>"));']:
        client.execute_interactive(cell, timeout=120)
    # The JVM writes the archive as it exits, which takes seconds on a busy machine: jupyter_client's
    # 5 s before it kills a kernel that has not ended would leave none.
    manager.shutdown_wait_time = 120
    manager.shutdown_kernel(now=False)
    client.stop_channels()

if not os.path.exists(archive):
    sys.exit(f"no archive was written to {archive}")
