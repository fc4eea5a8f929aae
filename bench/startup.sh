#!/usr/bin/env bash
# Start-up time of the packaged application on the embedded default (H2 file + demo data), measured
# from process start to /actuator/health answering UP, over N runs (fresh ./data each run, so the
# figure includes migrations and demo data). Usage: bash bench/startup.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
[ -f target/gonghui-0.1.0-SNAPSHOT.jar ] || ./mvnw -q -B -DskipTests package
work=$(mktemp -d)
port=18080
times=()
for i in $(seq 1 "$runs"); do
	rm -rf "$work/data"
	start=$(date +%s%N)
	(cd "$work" && exec java -jar "$OLDPWD/target/gonghui-0.1.0-SNAPSHOT.jar" --server.port=$port > "$work/log" 2>&1) &
	pid=$!
	until curl -sf "http://127.0.0.1:$port/actuator/health" | grep -q UP; do sleep 0.05; done
	end=$(date +%s%N)
	kill "$pid"; wait "$pid" 2>/dev/null || true
	times+=($(( (end - start) / 1000000 )))
	echo "run $i: ${times[-1]} ms"
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
echo "median: ${sorted[$((runs / 2))]} ms over $runs runs ($(nproc) cores, $(java -version 2>&1 | head -1))"
rm -rf "$work"
