#!/usr/bin/env bash
# Nearest-site index benchmark (facility module, SiteIndex). One command:
#
#   bash bench/sites-index.sh
#
# On 400,000 synthetic sites (bench/java/.../SiteIndexSites: ~30 city clusters plus 15% spread over
# China, names like 丰台区卢沟桥街道暖心驿站123, 56 opening-hours schedules, realistic amenity rates):
# 1. retained heap of the index per site (JOL GraphLayout) and the time of a cold and a warm full load;
# 2. JMH, in-process, one thread: nearest-10 without filter and nearest-10 of outdoor-worker stations
#    with e-bike charging open at the query minute (SampleTime: the figure is the median, p0.50), and
#    the full load of 400,000 sites (SingleShotTime).
# Two forks each, short iterations: about 5 minutes on 2 cores. Nothing here runs in ./mvnw verify: the
# benchmark sources (bench/java) and JMH/JOL come in only with the Maven profile "bench".
#
# Environment: MVN (./mvnw; e.g. MVN="flock /tmp/lock ./mvnw" on a shared machine), JMH_ARGS (extra
# JMH options, e.g. "-f 1 -i 3" for a quicker run).
set -euo pipefail
cd "$(dirname "$0")/.."
read -r -a MVN <<< "${MVN:-./mvnw}"

echo "== machine: $(nproc) cores, $(lscpu | grep 'Model name' | sed 's/.*: *//'), $(free -g | awk '/Mem:/ {print $2}') GiB"
java -version 2>&1 | sed 's/^/   /'

"${MVN[@]}" -Pbench -B -q test-compile
"${MVN[@]}" -Pbench -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
CP="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"

echo "== retained heap and full load"
# JOL reads field offsets of records through its own means (magicFieldOffset) and may attach an agent.
java -Xmx2g -Djdk.attach.allowAttachSelf=true -Djol.magicFieldOffset=true -cp "$CP" org.gonghui.facility.internal.SiteIndexFootprint \
	2>&1 | grep -vE '^# *WARNING|^WARNING|^$' 

echo "== JMH"
out=target/site-index-jmh.txt
# shellcheck disable=SC2086
java -cp "$CP" org.openjdk.jmh.Main 'org.gonghui.facility.internal.SiteIndexBenchmark' ${JMH_ARGS:-} | tee "$out" | grep -E '^# (Benchmark|Run progress):'
echo "== results"
grep -E '^Benchmark|:p0\.50|:p0\.90|:p0\.99 | ss ' "$out"
echo "== summary"
median() { awk -v name="$1" '$1 == "SiteIndexBenchmark." name ":p0.50" { print $3 }' "$out"; }
echo "nearest-10, no filter:                             median $(median nearest10) µs"
echo "nearest-10, station + e-bike charging + open now:   median $(median nearest10StationWithEbikeChargingOpenNow) µs"
echo "full load of 400,000 sites (single shot):           $(awk '$1 == "SiteIndexBenchmark.build" { print $4 " ± " $6 " ms" }' "$out")"
