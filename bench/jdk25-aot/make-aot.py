#!/usr/bin/python3
"""Kernelspecs of the Java kernel on JDK 25: java25 (AOT cache, C1 only as shipped), java25-c2 (AOT cache, full tiers), java25-noaot."""
import json, os, tempfile, subprocess
from jupyter_client.manager import start_new_kernel

JAVA25 = "/usr/lib/jvm/java-25-openjdk-amd64/bin/java"
base = json.load(open("/usr/local/share/jupyter/kernels/java/kernel.json"))
def spec(name, opts):
    argv = [base["argv"][0], JAVA25] + opts + ["-Xss1m", "-jar", "/usr/local/share/learnbox/learnbox-java-kernel.jar", "{connection_file}"]
    os.makedirs(f"/usr/local/share/jupyter/kernels/{name}", exist_ok=True)
    s = dict(base, argv=argv, display_name=name)
    json.dump(s, open(f"/usr/local/share/jupyter/kernels/{name}/kernel.json", "w"))

def train(cache, opts):
    with tempfile.TemporaryDirectory() as path:
        os.makedirs(f"{path}/kernels/t")
        argv = [base["argv"][0], JAVA25] + opts + [f"-XX:AOTCacheOutput={cache}", "-Xss1m", "-jar", "/usr/local/share/learnbox/learnbox-java-kernel.jar", "{connection_file}"]
        json.dump(dict(base, argv=argv), open(f"{path}/kernels/t/kernel.json", "w"))
        os.environ["JUPYTER_PATH"] = path
        km, kc = start_new_kernel(kernel_name="t", startup_timeout=180)
        for cell in ['1 + 1', 'String s = "x"; s.length()', 'var list = new ArrayList<Integer>(List.of(3, 1, 2)); Collections.sort(list); list',
                     'int square(int n) { return n * n; }', 'square(7)', 'System.out.println("hi")', 'display(html("<b>x</b>"));'] + ['1 + 1'] * 30:
            kc.execute_interactive(cell, timeout=120)
        km.shutdown_kernel(now=False)
        kc.stop_channels()
        del os.environ["JUPYTER_PATH"]
    assert os.path.exists(cache), cache

c1 = ["-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"]
c2 = ["-XX:+UseSerialGC"]
train("/usr/local/share/learnbox/java25-c1.aot", c1)
train("/usr/local/share/learnbox/java25-c2.aot", c2)
spec("java25", c1 + ["-XX:AOTCache=/usr/local/share/learnbox/java25-c1.aot"])
spec("java25-c2", c2 + ["-XX:AOTCache=/usr/local/share/learnbox/java25-c2.aot"])
spec("java25-noaot", c1)
