#!/usr/bin/env bash
# Nearest-site benchmark over HTTP, with PostgreSQL's own KNN as the yardstick (issue 4). One command:
#
#   bash bench/sites.sh              # 400,000 sites; SITES=100000 DURATION=15 bash bench/sites.sh for a quick run
#
# 1. A fresh PostgreSQL database with the demo data and SITES open public sites spread like real ones
#    (clusters around 30 Chinese cities, 80 % outdoor worker stations, amenities and 8 kinds of opening
#    hours in realistic shares), written by SQL.
# 2. The packaged application (-Xmx512m) starts on it and builds its nearest index from the table (the
#    log line "Nearest index loaded" gives the time, database read included).
# 3. wrk (a second process, 2 threads, 32 connections) calls GET /api/sites/nearest for 10 nearest with
#    10,000 query points around the same cities; every other request filtered (type + e-bike charging +
#    open now). Reports requests/s and latency percentiles, after a warm-up.
# 4. Yardstick, with the application stopped: the same queries over JDBC, answered by PostgreSQL's KNN
#    ordering — point(lon, lat) <-> point with an SP-GiST index, and, when PostGIS is installed
#    (apt-get install postgresql-15-postgis-3), geography <-> with a GiST index — at 32 and at 2 client
#    threads. The in-process figures (JMH) come from bench/sites-index.sh.
#
# Needs: java 17+, PostgreSQL on 127.0.0.1:5432 (trust auth, user postgres), curl, wrk (installed if missing).
# Environment: SITES (400000), DURATION (30 s per measured wrk run), WARMUP (30 s, four rounds), BENCH_DB (gonghui_bench_sites), BENCH_PORT (18091).
set -euo pipefail
cd "$(dirname "$0")/.."
SITES=${SITES:-400000}
DURATION=${DURATION:-30}
DB=${BENCH_DB:-gonghui_bench_sites}
PORT=${BENCH_PORT:-18091}
JAR=target/gonghui-0.1.0-SNAPSHOT.jar
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -U postgres)
BASE="http://127.0.0.1:$PORT"

command -v wrk > /dev/null || apt-get install -y wrk > /dev/null
[ -f "$JAR" ] || ./mvnw -q -B -DskipTests package
PGJAR=$(ls ~/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar | grep -v sources | sort -V | tail -1)
work=$(mktemp -d /tmp/gonghui-sites-bench.XXXXXX)
app=""
cleanup() {
	local rc=$?
	if [ "$rc" != 0 ] && [ -f "$work/app.log" ]; then echo "== failed ($rc); application log:"; tail -30 "$work/app.log"; fi
	if [ -n "$app" ]; then kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; fi
	rm -rf "$work"
}
trap cleanup EXIT

echo "== $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(java -version 2>&1 | head -1)"
echo "== $(psql --version), $(wrk --version 2>&1 | head -1)"

start_app() {
	GONGHUI_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" GONGHUI_DB_USER=postgres GONGHUI_SECURE_COOKIES=false \
		java -Xmx512m -jar "$JAR" --spring.profiles.active=demo,postgres --server.port="$PORT" \
		--logging.level.org.gonghui=info >> "$work/app.log" 2>&1 &
	app=$!
	until curl -sf "$BASE/actuator/health" | grep -q UP; do
		kill -0 "$app" 2>/dev/null || { tail -50 "$work/app.log"; exit 1; }
		sleep 0.5
	done
}
stop_app() {
	kill "$app"; wait "$app" 2>/dev/null || true; app=""
}

# --- data ---------------------------------------------------------------------------------------------
"${PSQL[@]}" -d postgres -c "drop database if exists $DB" -c "create database $DB"
start_app
stop_app
t0=$(date +%s%N)
"${PSQL[@]}" -d "$DB" <<SQL
create temporary table city (n int, lat float8, lon float8);
insert into city values (0,39.90,116.40),(1,31.23,121.47),(2,23.13,113.26),(3,22.54,114.06),(4,30.57,104.07),(5,29.56,106.55),
  (6,30.27,120.16),(7,34.27,108.95),(8,32.06,118.80),(9,30.59,114.31),(10,39.13,117.20),(11,41.80,123.43),(12,45.80,126.53),
  (13,43.82,125.32),(14,36.07,120.38),(15,36.65,117.12),(16,34.75,113.63),(17,28.23,112.94),(18,26.08,119.30),(19,24.48,118.09),
  (20,25.04,102.71),(21,26.65,106.63),(22,22.82,108.37),(23,20.04,110.34),(24,38.04,114.51),(25,37.87,112.55),(26,40.84,111.75),
  (27,36.06,103.83),(28,43.83,87.62),(29,29.65,91.17);
insert into site (organization_id, type, name, address, lat, lon, opening_hours, amenities, capacity, status, status_since, opened_on,
    is_public, revision, created_at, updated_at)
select (select id from organization where name = '丰台区总工会'),
  case when r.t < 0.80 then 'OUTDOOR_WORKER_STATION' when r.t < 0.90 then 'WORKERS_HOME' when r.t < 0.95 then 'DECOMPRESSION_ROOM' else 'NURSING_ROOM' end,
  '基准测试驿站' || g, '基准测试地址' || g,
  case when r.u < 0.9 then c.lat + (r.a + r.b + r.c - 1.5) * 0.16 else 22 + r.a * 22 end,
  case when r.u < 0.9 then c.lon + (r.d + r.e + r.f - 1.5) * 0.20 else 100 + r.b * 22 end,
  (array['24/7','Mo-Su 07:00-21:00','Mo-Su 06:00-22:00','Mo-Fr 08:00-18:00','Mo-Fr 07:00-20:00; Sa,Su 09:00-18:00','Mo-Su 22:00-06:00',
         'Mo-Su 08:00-20:00','Mo-Su 18:00-08:00'])[1 + (g % 8)],
  (case when r.a < 0.9 then 1 else 0 end) | (case when r.b < 0.6 then 2 else 0 end) | (case when r.c < 0.4 then 4 else 0 end)
    | (case when r.d < 0.4 then 8 else 0 end) | (case when r.e < 0.3 then 16 else 0 end) | (case when r.f < 0.8 then 32 else 0 end)
    | (case when r.t < 0.5 then 64 else 0 end) | (case when r.u < 0.5 then 128 else 0 end) | (case when r.a < 0.3 then 256 else 0 end),
  10, 'OPEN', current_date, current_date, true, nextval('site_revision_seq'), now(), now()
from generate_series(1, $SITES) g
cross join lateral (select random() t, random() u, random() a, random() b, random() c, random() d, random() e, random() f, g x) r
join city c on c.n = g % 30;
analyze site;
SQL
echo "== $SITES sites written by SQL in $(( ($(date +%s%N) - t0) / 1000000 )) ms"

# --- HTTP ---------------------------------------------------------------------------------------------
java bench/SiteKnnYardstick.java points "$work/points.txt" 10000
start_app
grep -o "Nearest index loaded.*" "$work/app.log" | tail -1 || echo "== (no index log line)"
# Warm-up: on 2 cores the JIT needs a minute or two under load before the figures settle (first rounds
# run at a third of the final rate); the rounds are printed so the climb is visible.
for round in 1 2 3 4; do
	wrk -t2 -c32 -d"${WARMUP:-30}s" -s "$work/points.txt.lua" "$BASE" | sed -n "s/^Requests\/sec: */== warm-up round $round: requests\/s /p"
done
for connections in 32 8; do
	wrk -t2 -c"$connections" -d"${DURATION}s" --latency -s "$work/points.txt.lua" "$BASE" > "$work/wrk.txt"
	rps=$(sed -n 's/^Requests\/sec: *//p' "$work/wrk.txt")
	p50=$(awk '$1 == "50%" { print $2 }' "$work/wrk.txt")
	p99=$(awk '$1 == "99%" { print $2 }' "$work/wrk.txt")
	errors=$(grep -E "Non-2xx|Socket errors" "$work/wrk.txt" || true)
	echo "== HTTP GET /api/sites/nearest, $connections connections: $rps requests/s, p50 $p50, p99 $p99 ${errors:+; $errors}"
done
curl -sf "$BASE/api/sites/nearest?lat=39.9&lon=116.4&k=3&type=OUTDOOR_WORKER_STATION&amenity=EBIKE_CHARGING&openNow=true" | head -c 400; echo
stop_app

# --- yardstick: PostgreSQL KNN over JDBC ----------------------------------------------------------------
URL="jdbc:postgresql://127.0.0.1:5432/$DB?user=postgres"
"${PSQL[@]}" -d "$DB" -c "create index ix_bench_site_point on site using spgist (point(lon, lat))" -c "analyze site"
java -cp "$PGJAR" bench/SiteKnnYardstick.java knn "$URL" point 32 "$DURATION" "$work/points.txt"
java -cp "$PGJAR" bench/SiteKnnYardstick.java knn "$URL" point 2 20 "$work/points.txt"
if "${PSQL[@]}" -d "$DB" -c "create extension if not exists postgis" 2> /dev/null; then
	"${PSQL[@]}" -d "$DB" -c "alter table site add column geog geography(Point, 4326)" \
		-c "update site set geog = cast(ST_SetSRID(ST_MakePoint(lon, lat), 4326) as geography)" \
		-c "create index ix_bench_site_geog on site using gist (geog)" -c "analyze site"
	java -cp "$PGJAR" bench/SiteKnnYardstick.java knn "$URL" geography 32 "$DURATION" "$work/points.txt"
	java -cp "$PGJAR" bench/SiteKnnYardstick.java knn "$URL" geography 2 20 "$work/points.txt"
else
	echo "== PostGIS not installed: geography yardstick skipped (apt-get install postgresql-15-postgis-3)"
fi
