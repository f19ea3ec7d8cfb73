#!/bin/sh
# Figures of the box's Swarm runtime on a cluster of three nested engines (the tests' SwarmCluster):
# one sandbox placed and running against a plain container of the same image, 30 learners at once,
# a drained node's learners back elsewhere. Needs the images (./box images or ./box test).
# Usage: bench/swarm_bench.sh   (prints lines starting SWARM-BENCH)
set -eu
cd "$(dirname "$0")/.."
# A JDK of 21 or newer, as ./box test finds one.
for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-2* /usr/lib/jvm/java-2*-openjdk*; do
  if [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ]; then export JAVA_HOME="$candidate"; break; fi
done
TESTCONTAINERS_RYUK_DISABLED=true mvn -q -B verify -pl hub-bridge -Dit.test=SwarmClusterBench -Dtest=none \
  -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false 2>&1 | grep 'SWARM-BENCH' || true
grep -h 'SWARM-BENCH' hub-bridge/target/failsafe-reports/*SwarmClusterBench-output.txt 2>/dev/null || true
