#!/usr/bin/env bash
# The sign-up rush (issue 5). One command:
#
#   bash bench/activity-rush.sh          # MEMBERS=10000, 32 clients, a 109-seat activity with a waitlist
#
# 1. A fresh PostgreSQL database with the demo data and MEMBERS members (SQL) in a 丰台 union.
# 2. One application instance (packaged jar, -Xmx512m): staff (fengtai, one signed-in session) register
#    every member twice — 2 × MEMBERS attempts, double clicks side by side — from CLIENTS concurrent
#    clients (bench/ActivityRush.java, a second process on the same cores). The client first runs the
#    same rush on WARMUPS throw-away activities (JIT of the application and of the client itself), then
#    the measured rush. Checks: the client's (every attempt answered, both attempts of a member answered
#    with the same registration, registration ids in real-time arrival order, no seat given after a
#    WAITLISTED answer) and the database's (exactly 109 REGISTERED, nobody twice, everyone else WAITLISTED,
#    seats_taken = 109); then three seats are cancelled through the API and the three offers must go to
#    the three longest-waiting registrations (lowest ids).
# 3. The same with two instances on different ports sharing the database (attempts alternate).
# 4. Yardstick: pgbench running the equivalent SQL transaction (conditional seat update, then the insert
#    of the registration, skipped when the member has one) at the same concurrency, same database: once
#    before the HTTP phases and once after, with the ratios to both.
# 5. The HTTP floor (if wrk is installed): a static file through the same filters with the same session
#    cookie on the warm first instance, i.e. what any request costs here before the application does anything.
#    The sign-up rate is reported as a share of it (target: >= 50 %), next to the pgbench ratio.
# 6. Two instances behind HAProxy (Debian's haproxy, if installed; round robin, no stickiness): sign in
#    through the balancer, page requests that must land on both instances with the same session, sign out
#    and check the session is gone on both; then the rush through the balancer (same checks: nobody twice,
#    exactly 109 seats) and the HTTP floor through the balancer. Exit status 1 if a check fails.
#
# Needs: java 17+, PostgreSQL on 127.0.0.1:5432 (trust auth, user postgres), curl, pgbench; wrk and haproxy
# (optional: apt-get install wrk haproxy).
# Environment: MEMBERS (10000), CLIENTS (32), WARMUPS (3), BENCH_DB (gonghui_bench_rush), BENCH_PORT (18092; the
# second instance uses BENCH_PORT + 1, HAProxy BENCH_PORT + 2), JAR (target/gonghui-0.1.0-SNAPSHOT.jar), APP_JAVA_OPTS (extra JVM
# options of the instances), TWO_INSTANCES (1; 0 skips step 3), PROFILE_DIR (if set: a Java Flight Recorder
# recording of the first instance and 5-a-second samples of pg_stat_activity during the measured one-instance
# rush; see docs/benchmarks.md). The CPU time of the machine, the application and PostgreSQL during the measured
# one-instance rush is always printed; the client prints its own.
set -euo pipefail
cd "$(dirname "$0")/.."
MEMBERS=${MEMBERS:-10000}
CLIENTS=${CLIENTS:-32}
WARMUPS=${WARMUPS:-3}
DB=${BENCH_DB:-gonghui_bench_rush}
PORT=${BENCH_PORT:-18092}
PORT2=$((PORT + 1))
PORT_LB=$((PORT + 2))
FAILED=0
JAR=${JAR:-target/gonghui-0.1.0-SNAPSHOT.jar}
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -U postgres)
[ -f "$JAR" ] || ./mvnw -q -B -DskipTests package
work=$(mktemp -d /tmp/gonghui-rush.XXXXXX)
apps=()
cleanup() {
	local rc=$?
	if [ "$rc" != 0 ]; then echo "== failed ($rc)"; tail -20 "$work"/app*.log 2>/dev/null || true; fi
	for p in "${apps[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
	[ -f "$work/haproxy.pid" ] && kill "$(cat "$work/haproxy.pid")" 2>/dev/null || true
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
api() { # method path: a call with the staff session
	curl -sf -o /dev/null -b "$work/cookies" -H "X-CSRF-TOKEN: $CSRF" -X "$1" "http://127.0.0.1:$PORT$2"
}
new_activity() { # -> prints the id of a new published 109-seat activity with a waitlist
	local id
	id=$(curl -sf -b "$work/cookies" -H "X-CSRF-TOKEN: $CSRF" -H 'Content-Type: application/json' "http://127.0.0.1:$PORT/api/activities" \
		-d "{\"title\":\"基准测试报名 $RANDOM\",\"kind\":\"TRAINING_CAMP\",\"organizationId\":$FENGTAI,\"capacity\":109,\"waitlistEnabled\":true,
		     \"sessions\":[{\"title\":\"开班\",\"type\":\"CEREMONY\",\"startsAt\":\"2030-07-01T01:00:00Z\",\"endsAt\":\"2030-07-01T03:00:00Z\"}]}" \
		| grep -oE '"id":[0-9]+' | head -1 | cut -d: -f2)
	api POST "/api/activities/$id/publish"
	echo "$id"
}
warmups() { # -> prints WARMUPS new activities, comma-separated
	local ids=() i
	for ((i = 0; i < WARMUPS; i++)); do ids+=("$(new_activity)"); done
	(IFS=,; echo "${ids[*]}")
}
check() { # activity
	"${PSQL[@]}" -d "$DB" -tAc "select 'registered=' || count(*) filter (where status = 'REGISTERED') || ' waitlisted=' || count(*) filter (where status = 'WAITLISTED')
		|| ' rows=' || count(*) || ' distinct members=' || count(distinct member_id) || ' seats_taken=' || (select seats_taken from activity where id = $1)
		from registration where activity_id = $1"
}
# The waitlist serves in arrival order, which is id order (ids come from one sequence, in the order the
# inserts run; created_at is the application's clock read before the insert, so two concurrent inserts may
# swap it by a microsecond and it proves nothing). Cancel three seats: the offers must go to the three
# lowest waitlisted ids.
check_offers() { # activity
	local id
	for id in $("${PSQL[@]}" -d "$DB" -tAc "select id from registration where activity_id = $1 and status = 'REGISTERED' order by random() limit 3"); do
		api POST "/api/registrations/$id/cancel"
	done
	"${PSQL[@]}" -d "$DB" -tAc "select 'offers to the head of the waitlist=' || ((select array_agg(id order by id) from registration where activity_id = $1 and status = 'OFFERED')
		= (select array_agg(id) from (select id from registration where activity_id = $1 and status in ('WAITLISTED', 'OFFERED') order by id limit 3) h))
		|| ' seats_taken=' || (select seats_taken from activity where id = $1)"
}
profile_start() {
	cpu_sample > "$work/cpu0"
	[ -n "${PROFILE_DIR:-}" ] || return 0
	"${PSQL[@]}" -d "$DB" -o "$PROFILE_DIR/pg_activity.txt" > /dev/null 2>&1 <<-SQL &
		select now()::time(1) as t, coalesce(wait_event_type, '-') as type, coalesce(wait_event, 'running') as event, state,
		  left(regexp_replace(query, '\s+', ' ', 'g'), 70) as query from pg_stat_activity
		  where datname = '$DB' and backend_type = 'client backend' and pid <> pg_backend_pid() \watch 0.2
	SQL
	echo $! > "$work/watcher"
	jcmd "${apps[0]}" JFR.start name=rush settings=profile > /dev/null
}
profile_stop() {
	cpu_sample > "$work/cpu1"
	paste "$work/cpu0" "$work/cpu1" | awk '{ printf "%s %.1f s, ", $1, ($4 - $2) / 100 }' | sed 's/, $//; s/^/   CPU time during the measured rush: /; s/$/\n/'
	[ -n "${PROFILE_DIR:-}" ] || return 0
	kill "$(cat "$work/watcher")" 2>/dev/null || true
	jcmd "${apps[0]}" JFR.stop name=rush filename="$PROFILE_DIR/rush.jfr" > /dev/null
}
cpu_sample() { # CPU ticks of the machine (busy), the application and PostgreSQL (the client reports its own)
	local pg=0 p
	for p in $(pgrep -u postgres postgres); do pg=$((pg + $(awk '{ print $14 + $15 }' "/proc/$p/stat" 2>/dev/null || echo 0))); done
	awk '/^cpu / { print "machine(busy)", $2 + $3 + $4 + $7 + $8 }' /proc/stat
	echo "application $(awk '{ print $14 + $15 }' "/proc/${apps[0]}/stat")"
	echo "postgresql $pg"
}

# Yardstick: pgbench running the issue's transaction (conditional seat update, then the insert of the
# registration, skipped when the member has one) on a fresh 109-seat activity, CLIENTS clients, 2 × MEMBERS
# transactions. Run twice: before the HTTP phases (after a checkpoint) and after them (while autovacuum
# works through what they wrote); its figure moves a lot on a small VM, so both are reported.
yardstick() { # label
	local act tps
	"${PSQL[@]}" -d "$DB" -c "checkpoint" > /dev/null
	act=$("${PSQL[@]}" -d "$DB" -tAc "insert into activity (organization_id, kind, title, capacity, waitlist_enabled, audience, status, created_by,
		created_at, updated_at) values ($FENGTAI, 'TRAINING_CAMP', 'pgbench', 109, true, 'ORGANIZATION_SUBTREE', 'PUBLISHED', 'bench', now(), now()) returning id")
	cat > "$work/rush.sql" <<-SQL
		\set m random($FIRST, $((FIRST + MEMBERS - 1)))
		BEGIN;
		UPDATE activity SET seats_taken = seats_taken + 1 WHERE id = $act AND seats_taken < capacity;
		INSERT INTO registration (activity_id, member_id, status, check_in_code, registered_by, created_at, updated_at)
		  VALUES ($act, :m, 'REGISTERED', md5(random()::text), 'bench', now(), now()) ON CONFLICT (activity_id, member_id) DO NOTHING;
		END;
	SQL
	tps=$(pgbench -h 127.0.0.1 -U postgres -n -c "$CLIENTS" -j 2 -t $((2 * MEMBERS / CLIENTS)) -f "$work/rush.sql" "$DB" 2>&1 | sed -n 's/^tps = \([0-9.]*\).*/\1/p')
	echo "== yardstick ($1): pgbench, the same transaction, $CLIENTS clients, $((2 * MEMBERS)) transactions: $tps tps"
	echo "$tps" >> "$work/yardstick"
}
# What the HTTP stack alone costs here: a static file (no database work but reading the session) through the
# same filters with the same session cookie, CLIENTS connections, after the rush has warmed the instance.
http_floor() { # port file
	if ! command -v wrk > /dev/null; then echo "   (wrk not installed: no HTTP floor)"; return 0; fi
	local rps
	rps=$(wrk -t2 -c"$CLIENTS" -d15s -H "Cookie: $COOKIE" "http://127.0.0.1:$1/css/app.css" | sed -n 's/^Requests\/sec: *\([0-9.]*\).*/\1/p')
	echo "   HTTP floor: a static file with the session cookie, $CLIENTS connections, port $1: $rps requests/s"
	echo "$rps" > "$work/$2"
}
database_ok() { # activity: exactly 109 seats, nobody twice
	"${PSQL[@]}" -d "$DB" -tAc "select count(*) filter (where status = 'REGISTERED') = 109 and count(*) = count(distinct member_id)
		and (select seats_taken from activity where id = $1) = 109 from registration where activity_id = $1" | grep -q t
}
# Two instances behind HAProxy, round robin without stickiness: the session lives in the database
# (spring-session JDBC), so a sign-in on one instance holds on the other, and a sign-out ends it on both.
balancer() {
	cat > "$work/haproxy.cfg" <<-CFG
		global
		  maxconn 512
		defaults
		  mode http
		  timeout connect 5s
		  timeout client 120s
		  timeout server 120s
		frontend gonghui
		  bind 127.0.0.1:$PORT_LB
		  default_backend instances
		backend instances
		  balance roundrobin
		  http-response set-header X-Gonghui-Instance %s
		  server a 127.0.0.1:$PORT check
		  server b 127.0.0.1:$PORT2 check
	CFG
	haproxy -f "$work/haproxy.cfg" -D -p "$work/haproxy.pid"
	until curl -sf "http://127.0.0.1:$PORT_LB/actuator/health" | grep -q UP; do sleep 0.2; done
	local base="http://127.0.0.1:$PORT_LB" seen="" i code inst token
	login "$PORT_LB"
	for i in 1 2 3 4 5 6; do
		read -r code inst < <(curl -s -o /dev/null -b "$work/cookies" -D "$work/headers" -w '%{http_code} ' "$base/members"
			sed -n 's/^X-Gonghui-Instance: *\([a-z]*\).*/\1/Ip' "$work/headers" | tr -d '\r')
		[ "$code" = 200 ] || { echo "   !! signed in, request $i answered $code on instance $inst"; FAILED=1; }
		seen="$seen$inst"
	done
	[[ $seen == *a* && $seen == *b* ]] || { echo "   !! the requests did not reach both instances ($seen)"; FAILED=1; }
	token=$(curl -s -b "$work/cookies" "$base/members" | grep -oE 'name="_csrf" value="[^"]+"' | head -1 | sed -E 's/.*value="([^"]+)"/\1/')
	code=$(curl -s -o /dev/null -b "$work/cookies" -c "$work/cookies" -w '%{http_code}' --data-urlencode "_csrf=$token" "$base/logout")
	[ "$code" = 302 ] || { echo "   !! sign-out answered $code"; FAILED=1; }
	for i in 1 2 3 4; do
		# The old session cookie, sent again on purpose: it must be dead on both instances.
		code=$(curl -s -o /dev/null -H "Cookie: $COOKIE" -w '%{http_code}' "$base/members")
		[ "$code" = 302 ] || { echo "   !! after sign-out, request $i with the old cookie answered $code"; FAILED=1; }
	done
	echo "   session across the balancer: 6 requests signed in (instances: $seen), sign-out, 4 requests refused: $([ $FAILED = 0 ] && echo ok || echo FAILED)"
	login "$PORT_LB"
	WARM=$(warmups)
	ACT3=$(new_activity)
	java bench/ActivityRush.java --warmup "$WARM" "$ACT3" "$FIRST" "$MEMBERS" "$CLIENTS" "$COOKIE" "$CSRF" "$base" \
		| tee "$work/client3" | sed 's/^/   /' || { echo "   !! the client's checks failed"; FAILED=1; }
	sed -n 's/^rush: .* = \([0-9]*\) attempts\/s.*/\1/p' "$work/client3" > "$work/http3"
	echo "   database: $(check "$ACT3")"
	database_ok "$ACT3" || { echo "   !! oversold or twice"; FAILED=1; }
	http_floor "$PORT_LB" floor3
}

"${PSQL[@]}" -d postgres -c "drop database if exists $DB" -c "create database $DB"
start_app "$PORT"
FENGTAI=$("${PSQL[@]}" -d "$DB" -tAc "select id from organization where name = '丰台区总工会'")
UNION=$("${PSQL[@]}" -d "$DB" -tAc "select id from organization where name = '泛华集团工会'")
# Ids of their own (from 1,000,001), so that they are contiguous even if the demo data is still being written.
FIRST=1000001
"${PSQL[@]}" -d "$DB" -c "insert into member (id, name, gender, id_number_cipher, id_number_hash, id_number_masked, union_id, union_path, work_form, join_date,
	status, card_number, created_at, updated_at) select $FIRST - 1 + g, '基准会员' || g, 'MALE', 'x', lpad(to_hex(g), 64, '0'), '110***********0000',
	$UNION, (select path from organization where id = $UNION), 'EMPLOYEE', current_date, 'ACTIVE', 'B' || lpad(g::text, 18, '0'), now(), now() from generate_series(1, $MEMBERS) g"
echo "== $MEMBERS members, ids from $FIRST"
yardstick "before the HTTP phases"
login "$PORT"

echo "== one instance ($WARMUPS warm-up rushes first)"
WARM=$(warmups)
ACT=$(new_activity)
java bench/ActivityRush.java --warmup "$WARM" "$ACT" "$FIRST" "$MEMBERS" "$CLIENTS" "$COOKIE" "$CSRF" "http://127.0.0.1:$PORT" |
	while IFS= read -r line; do
		if [[ $line == "warm-up done"* ]]; then profile_start; fi
		echo "   $line"
		if [[ $line == "rush:"* ]]; then echo "$line" | sed -n 's/.* = \([0-9]*\) attempts\/s.*/\1/p' > "$work/http1"; fi
	done || echo "   !! the client's checks failed"
profile_stop
http_floor "$PORT" floor1
echo "   database: $(check "$ACT")"
database_ok "$ACT" || { echo "   !! oversold or twice"; FAILED=1; }
echo "   $(check_offers "$ACT")"

if [ "${TWO_INSTANCES:-1}" = 1 ]; then
	echo "== two instances ($WARMUPS warm-up rushes first)"
	start_app "$PORT2"
	WARM=$(warmups)
	ACT2=$(new_activity)
	java bench/ActivityRush.java --warmup "$WARM" "$ACT2" "$FIRST" "$MEMBERS" "$CLIENTS" "$COOKIE" "$CSRF" "http://127.0.0.1:$PORT" \
		"http://127.0.0.1:$PORT2" | tee "$work/client2" | sed 's/^/   /' || echo "   !! the client's checks failed"
	sed -n 's/^rush: .* = \([0-9]*\) attempts\/s.*/\1/p' "$work/client2" > "$work/http2"
	echo "   database: $(check "$ACT2")"
	database_ok "$ACT2" || { echo "   !! oversold or twice"; FAILED=1; }
	echo "   $(check_offers "$ACT2")"
	if command -v haproxy > /dev/null; then
		echo "== two instances behind HAProxy ($WARMUPS warm-up rushes first)"
		balancer
	else
		echo "   (haproxy not installed: no balancer phase)"
	fi
fi
for p in "${apps[@]}"; do kill "$p"; wait "$p" 2>/dev/null || true; done
apps=()

yardstick "after the HTTP phases"
awk -v http="$(cat "$work/http1" 2>/dev/null)" -v http2="$(cat "$work/http2" 2>/dev/null)" '{ t[NR] = $1 } END {
	printf "== HTTP / pgbench: one instance %.1f %% of the yardstick before, %.1f %% after", 100 * http / t[1], 100 * http / t[2]
	if (http2 != "") printf "; two instances %.1f %%, %.1f %%", 100 * http2 / t[1], 100 * http2 / t[2]
	printf " (target 60 %%)\n" }' "$work/yardstick"
share() { # rush-file floor-file label
	[ -s "$work/$1" ] && [ -s "$work/$2" ] || return 0
	awk -v r="$(cat "$work/$1")" -v f="$(cat "$work/$2")" -v l="$3" 'BEGIN { printf "== sign-up / HTTP floor, %s: %d / %d = %.1f %% (target 50 %%)\n", l, r, f, 100 * r / f }'
}
share http1 floor1 "one instance"
share http2 floor1 "two instances, client alternating (floor of one instance)"
share http3 floor3 "two instances behind HAProxy (floor through HAProxy)"
exit "$FAILED"
