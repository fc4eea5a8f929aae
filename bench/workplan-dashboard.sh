#!/usr/bin/env bash
# The district work-plan dashboard at scale (issue 16). One command:
#
#   bash bench/workplan-dashboard.sh          # REQUESTS=200 by default
#
# 1. A fresh PostgreSQL database with the demo data (丰台's adopted plan of this year and its targets), then, by SQL,
#    under 丰台区总工会: 20 streets with 49 grassroots unions each (1,000 organisations with the streets), 1,000,000
#    members (joined over three years, three work forms, 95 % active), 10,000 sites (four types, opened over two
#    years) and 50,000 activities (seven kinds, 70 % finished, one session each over two years).
# 2. Three targets are added to the plan (all members joined, activities held, training camps held) so every large
#    table is counted. The packaged application starts on it; 丰台's staff sign in once and, with the session
#    cookie, make REQUESTS calls (after a warm-up of 20, one client) of: a floor (GET /api/metrics, no figure),
#    GET /api/plans/{id}/progress (the whole dashboard: every target's figure from live rows, the last-seven-days
#    count, expected progress, status, the children's shares) and the dashboard page; p50 / p95 / p99 from curl.
# 3. EXPLAIN (ANALYZE, BUFFERS) of the metric queries the targets use, as the application binds them.
#
# Needs: java 17+, PostgreSQL on 127.0.0.1:5432 (trust auth, user postgres), curl.
# Environment: REQUESTS (200), BENCH_DB (gonghui_bench_workplan), BENCH_PORT (18093), REUSE_DB=1 to measure again on the
# database a previous run left (after a code change: rebuild the jar first; Flyway migrates it at start).
set -euo pipefail
cd "$(dirname "$0")/.."
REQUESTS=${REQUESTS:-200}
DB=${BENCH_DB:-gonghui_bench_workplan}
PORT=${BENCH_PORT:-18093}
JAR=target/gonghui-0.1.0-SNAPSHOT.jar
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -U postgres)
BASE="http://127.0.0.1:$PORT"

[ -f "$JAR" ] || ./mvnw -q -B -DskipTests package
work=$(mktemp -d /tmp/gonghui-workplan-bench.XXXXXX)
app=""
cleanup() {
	local rc=$?
	if [ "$rc" != 0 ] && [ -f "$work/app.log" ]; then echo "== failed ($rc); application log:"; tail -30 "$work/app.log"; fi
	if [ -n "$app" ]; then kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; fi
	rm -rf "$work"
}
trap cleanup EXIT

echo "== $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(java -version 2>&1 | head -1)"
echo "== $(psql --version)"

start_app() {
	GONGHUI_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" GONGHUI_DB_USER=postgres GONGHUI_SECURE_COOKIES=false \
		java -Xmx1g -jar "$JAR" --spring.profiles.active=demo,postgres --server.port="$PORT" >> "$work/app.log" 2>&1 &
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
year=$(TZ=Asia/Shanghai date +%Y)
if [ "${REUSE_DB:-0}" = 1 ] && "${PSQL[@]}" -d "$DB" -tAc "select 1 from wp_target where metric = 'activities-held.TRAINING_CAMP'" 2>/dev/null | grep -q 1; then
	echo "== reusing database $DB"; reused=1
else
reused=0
"${PSQL[@]}" -d postgres -c "drop database if exists $DB" -c "create database $DB"
start_app
stop_app
t0=$(date +%s)
"${PSQL[@]}" -d "$DB" <<'SQL'
create temporary table district as select id, path from organization where name = '丰台区总工会';
insert into organization (parent_id, name, org_level, org_type, path, created_at, updated_at)
select d.id, '基准街道总工会' || g, 'STREET', 'REGIONAL_FEDERATION', 'bench-s' || g, now(), now() from district d, generate_series(1, 20) g;
update organization o set path = p.path || o.id || '/' from organization p where o.parent_id = p.id and o.path like 'bench-s%';
insert into organization (parent_id, name, org_level, org_type, path, created_at, updated_at)
select s.id, '基准工会' || s.id || '-' || g, 'GRASSROOTS', 'WORKPLACE_UNION', 'bench-g' || s.id || '-' || g, now(), now()
from organization s, generate_series(1, 49) g where s.name like '基准街道总工会%';
update organization o set path = p.path || o.id || '/' from organization p where o.parent_id = p.id and o.path like 'bench-g%';
create temporary table unions as select row_number() over (order by id) - 1 as n, id, path from organization where name like '基准工会%';
insert into member (name, gender, id_number_cipher, id_number_hash, id_number_masked, union_id, union_path, work_form, join_date, status,
    card_number, created_at, updated_at)
select '基准会员' || g, case when g % 2 = 0 then 'MALE' else 'FEMALE' end, 'bench', md5('id' || g) || md5('x' || g), '110105********0000',
  u.id, u.path, (array['EMPLOYEE', 'EMPLOYEE', 'PLATFORM', 'FLEXIBLE'])[1 + g % 4], current_date - (g % 1095),
  case when g % 20 = 0 then 'LEFT' else 'ACTIVE' end, 'BENCH' || g, now(), now()
from generate_series(1, 1000000) g join unions u on u.n = g % 980;
insert into site (organization_id, type, name, address, lat, lon, opening_hours, amenities, status, status_since, opened_on, is_public,
    revision, created_at, updated_at)
select u.id, (array['OUTDOOR_WORKER_STATION', 'OUTDOOR_WORKER_STATION', 'OUTDOOR_WORKER_STATION', 'WORKERS_HOME', 'DECOMPRESSION_ROOM',
  'NURSING_ROOM'])[1 + g % 6], '基准驿站' || g, '基准地址' || g, 39.85 + (g % 100) / 1000.0, 116.28 + (g % 97) / 1000.0, '24/7', 0, 'OPEN',
  current_date - (g % 730), current_date - (g % 730), true, g, now(), now()
from generate_series(1, 10000) g join unions u on u.n = g % 980;
insert into activity (organization_id, kind, title, capacity, waitlist_enabled, audience, status, created_by, created_at, updated_at)
select u.id, (array['TRAINING_CAMP', 'COMPETITION', 'GROUP_COUNSELLING', 'VISIT', 'CARAVAN', 'LECTURE', 'OTHER'])[1 + g % 7], '基准活动' || g,
  100, false, 'ALL_MEMBERS', case when g % 10 < 7 then 'FINISHED' else 'PUBLISHED' end, 'bench', now(), now()
from generate_series(1, 50000) g join unions u on u.n = g % 980;
insert into activity_session (activity_id, title, type, starts_at, ends_at, position)
select a.id, '第一场', 'LECTURE', now() - ((a.id % 730) || ' days')::interval, now() - ((a.id % 730) || ' days')::interval + interval '2 hours', 0
from activity a where a.title like '基准活动%';
update activity a set first_session_at = (select min(s.starts_at) from activity_session s where s.activity_id = a.id) where a.title like '基准活动%';
vacuum analyze;
SQL
echo "== data written in $(( $(date +%s) - t0 )) s: $("${PSQL[@]}" -d "$DB" -tAc "select (select count(*) from organization where path like (select path from organization where name = '丰台区总工会') || '%') || ' organisations under 丰台, ' || (select count(*) from member) || ' members, ' || (select count(*) from site) || ' sites, ' || (select count(*) from activity) || ' activities'")"
fi

# --- the dashboard over HTTP ----------------------------------------------------------------------------
# The demo plan's targets count sites, employers, gig members, packages and aid; three more, added here as the
# district's staff would, make the dashboard count every large table: all members joined, activities held, and
# training camps held.
plan=$("${PSQL[@]}" -d "$DB" -tAc "select p.id from wp_plan p join organization o on o.id = p.organization_id where o.name = '丰台区总工会' and p.plan_year = $year order by p.id limit 1")
[ -n "$plan" ] || { echo "no plan of 丰台 for $year"; exit 1; }
[ "$reused" = 1 ] || "${PSQL[@]}" -d "$DB" <<SQL
insert into wp_target (plan_id, position, metric, label, target_value, livelihood)
values ($plan, 100, 'members-joined', '发展会员', 300000, false),
       ($plan, 101, 'activities-held', '开展活动', 15000, false),
       ($plan, 102, 'activities-held.TRAINING_CAMP', '劳模工匠培训营', 2000, false);
SQL
start_app
# One sign-in, then the session cookie, as a browser does: HTTP Basic on every call would add a BCrypt check
# (tens of milliseconds) to each request and measure the password hash rather than the dashboard.
token=$(curl -sf -c "$work/cookies" -b "$work/cookies" "$BASE/login" | grep -oE 'name="_csrf" value="[^"]+"' | sed -E 's/.*value="([^"]+)"/\1/')
curl -sf -o /dev/null -c "$work/cookies" -b "$work/cookies" --data-urlencode "_csrf=$token" -d username=fengtai -d password=gonghui-demo "$BASE/login"
SESSION=(-b "$work/cookies")
curl -sf "${SESSION[@]}" "$BASE/api/plans/$plan/progress" > "$work/progress.json"
echo "== plan $plan: $(grep -o '"metric"' "$work/progress.json" | wc -l) targets; actuals: $(grep -o '"actual":[0-9]*' "$work/progress.json" | cut -d: -f2 | paste -sd, -)"
org=$("${PSQL[@]}" -d "$DB" -tAc "select organization_id from wp_plan where id = $plan")
measure() { # label, path
	for i in $(seq 1 20); do curl -sf -o /dev/null "${SESSION[@]}" "$BASE$2"; done
	for i in $(seq 1 "$REQUESTS"); do
		curl -sf -o /dev/null -w '%{time_total}\n' "${SESSION[@]}" "$BASE$2"
	done > "$work/times"
	sort -n "$work/times" | awk -v n="$REQUESTS" -v label="$1" '{ t[NR] = $1 * 1000 } END {
		printf "== %s, %d calls, one client: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms\n",
			label, n, t[int(n * 0.50)], t[int(n * 0.95)], t[int(n * 0.99)], t[n] }'
}
measure "floor: GET /api/metrics (the metric list, no figure) with the session" "/api/metrics"
measure "GET /api/plans/{id}/progress (the whole dashboard as JSON)" "/api/plans/$plan/progress"
measure "GET /workplan/dashboard (the page, with the chart's data)" "/workplan/dashboard?org=$org&year=$year"
stop_app

# --- the plans of the metric queries ------------------------------------------------------------------------
scope=$("${PSQL[@]}" -d "$DB" -tAc "select path || '%' from organization where name = '丰台区总工会'")
explain() {
	echo "-- $1"
	"${PSQL[@]}" -d "$DB" -tAc "explain (analyze, buffers, costs off, summary on) $2" | sed 's/^/    /'
}
explain "members joined this year (members-joined)" \
	"select count(*) from member m where m.union_path like '$scope' and m.join_date between date '$year-01-01' and date '$year-12-31'"
explain "members active (members-active)" \
	"select count(*) from member m where m.union_path like '$scope' and m.status = 'ACTIVE' and m.join_date <= date '$year-12-31'"
explain "outdoor stations opened this year (sites-opened.OUTDOOR_WORKER_STATION)" \
	"select count(*) from site s join organization o on o.id = s.organization_id where o.path like '$scope' and s.type = 'OUTDOOR_WORKER_STATION' and s.opened_on between date '$year-01-01' and date '$year-12-31'"
explain "activities held this year (activities-held, on the first session's start kept on the row)" \
	"select count(*) from activity a join organization o on o.id = a.organization_id where o.path like '$scope' and a.status in ('ONGOING', 'FINISHED') and a.first_session_at >= timestamp with time zone '$year-01-01 00:00+08' and a.first_session_at < timestamp with time zone '$((year + 1))-01-01 00:00+08'"
