#!/usr/bin/env bash
# The 风采录 booklet at scale (issue #13). One command:
#
#   bash bench/booklet.sh          # HONOREES=2000, A5, 3 measured downloads without and with photos
#
# 1. A fresh PostgreSQL database; the packaged jar on it (demo,postgres profiles, -Xmx$HEAP, GC log).
# 2. HONOREES synthetic honorees (SQL) in 丰台's 泛华集团工会, each with a title, a short account of ~120
#    characters and deeds of ~700, as a district's real registry would hold them; one booklet of all of them
#    made through POST /api/booklets (staff fengtai, HTTP Basic).
# 3. GET /api/booklets/{id}.pdf: one warm-up, then RUNS timed downloads with the surname placeholders;
#    then every honoree gets a photo (bench/BookletPhoto.java: a 480 × 640 JPEG silhouette, never a real
#    person) and RUNS timed downloads again. Each: time to the first byte and to the last, PDF size, and the
#    heap: the largest occupancy before a collection and the largest live heap after one (GC log) while it ran.
#    bench/BookletCheck.java reads the last PDF back (pages, size, pictures, every font embedded).
#
# Needs: java 17+, PostgreSQL on 127.0.0.1:5432 (trust auth, user postgres), curl, python3.
# Environment: HONOREES (2000), PAPER (A5 or A4), RUNS (3), HEAP (512m), BENCH_DB (gonghui_bench_booklet),
# BENCH_PORT (18095), JAR (target/gonghui-0.1.0-SNAPSHOT.jar), MVN (./mvnw; e.g. MVN="flock /tmp/mvn.lock ./mvnw").
set -euo pipefail
cd "$(dirname "$0")/.."
read -r -a MVN <<< "${MVN:-./mvnw}"
HONOREES=${HONOREES:-2000}
PAPER=${PAPER:-A5}
RUNS=${RUNS:-3}
HEAP=${HEAP:-512m}
DB=${BENCH_DB:-gonghui_bench_booklet}
PORT=${BENCH_PORT:-18095}
JAR=${JAR:-target/gonghui-0.1.0-SNAPSHOT.jar}
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -U postgres)
[ -f "$JAR" ] || "${MVN[@]}" -q -B -DskipTests package
"${MVN[@]}" -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt > /dev/null
work=$(mktemp -d /tmp/gonghui-booklet.XXXXXX)
app=""
cleanup() {
	local rc=$?
	if [ "$rc" != 0 ]; then echo "== failed ($rc)"; tail -20 "$work/app.log" 2>/dev/null || true; fi
	[ -n "$app" ] && { kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; }
	rm -rf "$work"
}
trap cleanup EXIT
echo "== $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(free -g | awk '/Mem:/ {print $2}') GiB,"\
" $(java -version 2>&1 | head -1), $(psql --version); HONOREES=$HONOREES PAPER=$PAPER RUNS=$RUNS -Xmx$HEAP"

"${PSQL[@]}" -d postgres -c "drop database if exists $DB" -c "create database $DB"
: > "$work/gc.log"
GONGHUI_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" GONGHUI_DB_USER=postgres GONGHUI_SECURE_COOKIES=false \
	java -Xmx"$HEAP" -Xlog:gc:file="$work/gc.log" -jar "$JAR" --spring.profiles.active=demo,postgres --server.port="$PORT" > "$work/app.log" 2>&1 &
app=$!
until curl -sf "http://127.0.0.1:$PORT/actuator/health" | grep -q UP; do sleep 0.5; done
BASE="http://127.0.0.1:$PORT"

echo "== $HONOREES honorees"
"${PSQL[@]}" -d "$DB" -v n="$HONOREES" <<-'SQL'
	insert into honoree (organization_id, organization_path, name, employer, occupation, summary, deeds, is_public, created_at, updated_at, version)
	select o.id, o.path,
	       (array['王','李','张','刘','陈','杨','黄','赵','吴','周','欧阳','司马'])[1 + g % 12]
	         || (array['建国','秀英','志强','丽娟','海涛','春生','玉梅','卫东','晓东','雅琴','振华','立新'])[1 + (g / 12) % 12] || g,
	       '北京市基准精密制造有限公司第' || (g % 40 + 1) || '分厂', (array['数控车工','焊工','维修电工','钳工','装配工'])[1 + g % 5],
	       repeat('立足岗位、刻苦钻研、带徒传艺，', 8),
	       repeat('三十年如一日扎根生产一线，攻克关键技术难题，带出一批技术骨干，牵头成立劳模创新工作室，完成多项技术革新。', 14),
	       false, now(), now(), 0
	from generate_series(1, :n) g, organization o where o.name = '泛华集团工会';
	insert into honor (honoree_id, title_id, conferred_year, status, allowance, created_at, created_by)
	select h.id, t.id, 2020 + h.id % 6, 'ACTIVE', false, now(), 'bench'
	from honoree h, honor_title t where h.employer like '北京市基准精密制造%' and t.name = '丰台区工匠';
SQL
ids=$("${PSQL[@]}" -d "$DB" -tAc "select string_agg(id::text, ',' order by id) from honoree where employer like '北京市基准精密制造%'")
booklet=$(curl -sf -u fengtai:gonghui-demo -H 'Content-Type: application/json' "$BASE/api/booklets" \
	-d "{\"title\":\"基准测试职工风采录\",\"paper\":\"$PAPER\",\"honoreeIds\":[$ids]}" | grep -oE '"id":[0-9]+' | head -1 | cut -d: -f2)
echo "   booklet $booklet"

download() { # label -> one line of figures
	local from figures before after
	from=$(wc -l < "$work/gc.log")
	figures=$(curl -sf -u fengtai:gonghui-demo -o "$work/booklet.pdf" -w '%{time_starttransfer} %{time_total} %{size_download}' "$BASE/api/booklets/$booklet.pdf")
	before=$(tail -n +"$((from + 1))" "$work/gc.log" | grep -oE '[0-9]+M->[0-9]+M' | cut -dM -f1 | sort -n | tail -1)
	after=$(tail -n +"$((from + 1))" "$work/gc.log" | grep -oE '[0-9]+M->[0-9]+M' | sed -E 's/.*->([0-9]+)M/\1/' | sort -n | tail -1)
	read -r first total size <<< "$figures"
	printf '   %-12s first byte %5.1f s, last %5.1f s, %6.1f MB, heap peak %s MB before GC, %s MB live after GC (of %s)\n' \
		"$1" "$first" "$total" "$(awk -v b="$size" 'BEGIN { print b / 1048576 }')" "${before:-?}" "${after:-?}" "$HEAP"
}
check() {
	java -cp "$(cat target/bench-classpath.txt)" bench/BookletCheck.java "$work/booklet.pdf" | sed 's/^/   /'
}

echo "== placeholders (no photos)"
download warm-up
for ((i = 1; i <= RUNS; i++)); do download "run $i"; done
check

echo "== with a photo each"
java bench/BookletPhoto.java "$work/photo.jpg"
photo_hex=$(python3 -c "import sys; print(open(sys.argv[1], 'rb').read().hex())" "$work/photo.jpg")
photo_size=$(stat -c %s "$work/photo.jpg")
"${PSQL[@]}" -d "$DB" -v hex="$photo_hex" -v size="$photo_size" <<-'SQL'
	insert into honoree_photo (honoree_id, content_type, content, byte_size, width, height, version, uploaded_by, uploaded_at)
	select id, 'image/jpeg', decode(:'hex', 'hex'), :size, 480, 640, 1, 'bench', now() from honoree where employer like '北京市基准精密制造%';
SQL
echo "   photo $photo_size bytes each"
download warm-up
for ((i = 1; i <= RUNS; i++)); do download "run $i"; done
check
