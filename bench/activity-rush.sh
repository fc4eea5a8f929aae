#!/usr/bin/env bash
# The sign-up rush (issue 5). One command:
#
#   bash bench/activity-rush.sh          # MEMBERS=10000, 32 clients, a 109-seat activity with a waitlist
#
# 1. A fresh PostgreSQL database with the demo data and MEMBERS members (SQL) in a 丰台 union.
# 2. One application instance (packaged jar, -Xmx512m): staff (fengtai, one signed-in session) register
#    every member twice — 2 × MEMBERS attempts, double clicks side by side — from CLIENTS concurrent
#    clients (bench/ActivityRush.java, a second process). Then the check: exactly 109 REGISTERED, nobody
#    twice, everyone else WAITLISTED, seats_taken = 109.
# 3. The same with two instances on different ports sharing the database (attempts alternate).
# 4. Yardstick: pgbench running the equivalent SQL transaction (conditional seat update, then the insert
#    of the registration, skipped when the member has one) at the same concurrency, same database.
#
# Needs: java 17+, PostgreSQL on 127.0.0.1:5432 (trust auth, user postgres), curl, pgbench.
# Environment: MEMBERS (10000), CLIENTS (32), BENCH_DB (gonghui_bench_rush), BENCH_PORT (18092; the second
# instance uses BENCH_PORT + 1).
set -euo pipefail
cd "$(dirname "$0")/.."
MEMBERS=${MEMBERS:-10000}
CLIENTS=${CLIENTS:-32}
DB=${BENCH_DB:-gonghui_bench_rush}
PORT=${BENCH_PORT:-18092}
PORT2=$((PORT + 1))
JAR=${JAR:-target/gonghui-0.1.0-SNAPSHOT.jar}
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -U postgres)
[ -f "$JAR" ] || ./mvnw -q -B -DskipTests package
work=$(mktemp -d /tmp/gonghui-rush.XXXXXX)
apps=()
cleanup() {
	local rc=$?
	if [ "$rc" != 0 ]; then echo "== failed ($rc)"; tail -20 "$work"/app*.log 2>/dev/null || true; fi
	for p in "${apps[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
	rm -rf "$work"
}
trap cleanup EXIT
echo "== $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(java -version 2>&1 | head -1), $(psql --version)"

start_app() { # port
	GONGHUI_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" GONGHUI_DB_USER=postgres GONGHUI_SECURE_COOKIES=false \
		java -Xmx512m ${APP_JAVA_OPTS:-} -jar "$JAR" --spring.profiles.active=demo,postgres --server.port="$1" >> "$work/app-$1.log" 2>&1 &
	apps+=($!)
	until curl -sf "http://127.0.0.1:$1/actuator/health" | grep -q UP; do sleep 0.5; done
}
# A staff session (HTTP Basic would run BCrypt on every request) and its CSRF token.
login() { # port
	local base="http://127.0.0.1:$1" token
	rm -f "$work/cookies"
	token=$(curl -sf -c "$work/cookies" -b "$work/cookies" "$base/login" | grep -oE 'name="_csrf" value="[^"]+"' | sed -E 's/.*value="([^"]+)"/\1/')
	curl -sf -o /dev/null -c "$work/cookies" -b "$work/cookies" --data-urlencode "_csrf=$token" -d username=fengtai -d password=gonghui-demo "$base/login"
	COOKIE=$(awk 'NF == 7 { print $6 "=" $7 }' "$work/cookies" | paste -sd ';' -)
	CSRF=$(curl -sf -b "$work/cookies" "$base/sites/manage/new" | grep -oE 'name="_csrf" value="[^"]+"' | head -1 | sed -E 's/.*value="([^"]+)"/\1/')
}
new_activity() { # port -> prints id
	curl -sf -b "$work/cookies" -H "X-CSRF-TOKEN: $CSRF" -H 'Content-Type: application/json' "http://127.0.0.1:$1/api/activities" \
		-d "{\"title\":\"基准测试报名 $RANDOM\",\"kind\":\"TRAINING_CAMP\",\"organizationId\":$FENGTAI,\"capacity\":109,\"waitlistEnabled\":true,
		     \"sessions\":[{\"title\":\"开班\",\"type\":\"CEREMONY\",\"startsAt\":\"2030-07-01T01:00:00Z\",\"endsAt\":\"2030-07-01T03:00:00Z\"}]}" \
		| grep -oE '"id":[0-9]+' | head -1 | cut -d: -f2
}
check() { # activity
	"${PSQL[@]}" -d "$DB" -tAc "select 'registered=' || count(*) filter (where status = 'REGISTERED') || ' waitlisted=' || count(*) filter (where status = 'WAITLISTED')
		|| ' rows=' || count(*) || ' distinct members=' || count(distinct member_id) || ' seats_taken=' || (select seats_taken from activity where id = $1)
		|| ' waitlist in arrival order=' || (select bool_and(ok) from (select created_at >= lag(created_at) over (order by id) as ok
		   from registration where activity_id = $1 and status = 'WAITLISTED') w where ok is not null)
		from registration where activity_id = $1"
}

"${PSQL[@]}" -d postgres -c "drop database if exists $DB" -c "create database $DB"
start_app "$PORT"
FENGTAI=$("${PSQL[@]}" -d "$DB" -tAc "select id from organization where name = '丰台区总工会'")
UNION=$("${PSQL[@]}" -d "$DB" -tAc "select id from organization where name = '泛华集团工会'")
"${PSQL[@]}" -d "$DB" -c "insert into member (name, gender, id_number_cipher, id_number_hash, id_number_masked, union_id, work_form, join_date,
	status, card_number, created_at, updated_at) select '基准会员' || g, 'MALE', 'x', lpad(to_hex(g), 64, '0'), '110***********0000', $UNION,
	'EMPLOYEE', current_date, 'ACTIVE', 'B' || lpad(g::text, 18, '0'), now(), now() from generate_series(1, $MEMBERS) g"
FIRST=$("${PSQL[@]}" -d "$DB" -tAc "select min(id) from member where card_number like 'B%'")
echo "== $MEMBERS members, ids from $FIRST"
login "$PORT"

# Warm-up: a small rush on a throw-away activity (JIT), then the measured one.
WARM=$(new_activity "$PORT")
java bench/ActivityRush.java "$WARM" "$FIRST" 2000 "$CLIENTS" "$COOKIE" "$CSRF" "http://127.0.0.1:$PORT" > /dev/null
ACT=$(new_activity "$PORT")
curl -sf -o /dev/null -b "$work/cookies" -H "X-CSRF-TOKEN: $CSRF" -X POST "http://127.0.0.1:$PORT/api/activities/$ACT/publish"
curl -sf -o /dev/null -b "$work/cookies" -H "X-CSRF-TOKEN: $CSRF" -X POST "http://127.0.0.1:$PORT/api/activities/$WARM/publish" || true
echo "== one instance"
if [ -n "${PROFILE_DIR:-}" ]; then # what the database's sessions wait for, 5 times a second, during the measured rush
	"${PSQL[@]}" -d "$DB" -o "$PROFILE_DIR/pg_activity.txt" > /dev/null 2>&1 <<-SQL &
		select now()::time(1) as t, coalesce(wait_event_type, '-') as type, coalesce(wait_event, 'running') as event, state,
		  left(regexp_replace(query, '\s+', ' ', 'g'), 70) as query from pg_stat_activity
		  where datname = '$DB' and backend_type = 'client backend' and pid <> pg_backend_pid() \watch 0.2
	SQL
	watcher=$!
	jcmd "${apps[0]}" JFR.start name=rush settings=profile > /dev/null
fi
java bench/ActivityRush.java "$ACT" "$FIRST" "$MEMBERS" "$CLIENTS" "$COOKIE" "$CSRF" "http://127.0.0.1:$PORT"
if [ -n "${PROFILE_DIR:-}" ]; then
	kill "$watcher" 2>/dev/null || true
	jcmd "${apps[0]}" JFR.stop name=rush filename="$PROFILE_DIR/rush.jfr" > /dev/null
fi
echo "   check: $(check "$ACT")"

if [ "${TWO_INSTANCES:-1}" = 1 ]; then
	echo "== two instances"
	start_app "$PORT2"
	ACT2=$(new_activity "$PORT")
	curl -sf -o /dev/null -b "$work/cookies" -H "X-CSRF-TOKEN: $CSRF" -X POST "http://127.0.0.1:$PORT/api/activities/$ACT2/publish"
	java bench/ActivityRush.java "$ACT2" "$FIRST" "$MEMBERS" "$CLIENTS" "$COOKIE" "$CSRF" "http://127.0.0.1:$PORT" "http://127.0.0.1:$PORT2"
	echo "   check: $(check "$ACT2")"
fi
for p in "${apps[@]}"; do kill "$p"; wait "$p" 2>/dev/null || true; done
apps=()

echo "== yardstick: pgbench, the same transaction, $CLIENTS clients, $((2 * MEMBERS)) transactions"
ACT3=$("${PSQL[@]}" -d "$DB" -tAc "insert into activity (organization_id, kind, title, capacity, waitlist_enabled, audience, status, created_by,
	created_at, updated_at) values ($FENGTAI, 'TRAINING_CAMP', 'pgbench', 109, true, 'ORGANIZATION_SUBTREE', 'PUBLISHED', 'bench', now(), now()) returning id")
cat > "$work/rush.sql" <<SQL
\set m random($FIRST, $((FIRST + MEMBERS - 1)))
BEGIN;
UPDATE activity SET seats_taken = seats_taken + 1 WHERE id = $ACT3 AND seats_taken < capacity;
INSERT INTO registration (activity_id, member_id, status, check_in_code, registered_by, created_at, updated_at)
  VALUES ($ACT3, :m, 'REGISTERED', md5(random()::text), 'bench', now(), now()) ON CONFLICT (activity_id, member_id) DO NOTHING;
END;
SQL
pgbench -h 127.0.0.1 -U postgres -n -c "$CLIENTS" -j 2 -t $((2 * MEMBERS / CLIENTS)) -f "$work/rush.sql" "$DB" 2>&1 | grep -E "^(tps|latency|number of transactions actually)"
