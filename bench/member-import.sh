#!/usr/bin/env bash
# Roster import benchmark (issue 3, "Rosters in and out" and "Performance"). One command:
#
#   bash bench/member-import.sh            # 1,000,000 rows; ROWS=100000 bash bench/member-import.sh for a quick run
#
# 1. Generates ROWS valid synthetic members as CSV (UTF-8 with BOM) and, with other people, as .xlsx
#    (shared strings, phones as numbers, dates as date cells), plus search texts.
# 2. Starts the packaged application on a fresh PostgreSQL database (demo data, -Xmx512m, GC log) and
#    imports the CSV, then the .xlsx, through POST /api/members/import, polling
#    GET /api/members/import/{id} (a joint union created under 延庆区总工会): full validation, employer matching, encryption, duplicate checks,
#    member history lines and MemberJoined events, as in production. Reports rows/s and the peak heap
#    (largest heap occupancy before a collection while the import ran, from the GC log).
# 3. Yardstick in the same run: PostgreSQL COPY of the same member rows, already validated and encrypted
#    (exported from the imported table), into a copy of the member table with the same indexes.
# 4. Member search through GET /api/members at ROWS members: name prefix (2 characters), surname (1),
#    exact 身份证号, exact phone, 50 texts each; p50/p95/p99 from one client, one request at a time,
#    after a warm-up of 40 requests.
#
# Needs: java 17+, PostgreSQL on 127.0.0.1:5432 with trust auth for user postgres (createdb, psql), curl.
# 5. The cost of MemberJoined: EVENT_ROWS more rows imported with the default settings, so each new
#    member is announced (Spring Modulith event publication registry + the welcome-package listener);
#    the bulk runs above use gonghui.import.publish-member-joined=false.
#
# Environment: ROWS (1000000), EVENT_ROWS (50000), BENCH_DB (gonghui_bench, dropped and re-created), BENCH_PORT (18090),
# KEEP=1 keeps the work directory, SEARCH_ONLY=1 runs the CSV import and the search only (steps 1, 2 CSV, 4),
# MEASURE_LOCK=/tmp/mvn.lock holds that lock (flock) while the search is measured, so builds sharing the machine
# wait instead of disturbing the figures.
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${ROWS:-1000000}
DB=${BENCH_DB:-gonghui_bench}
PORT=${BENCH_PORT:-18090}
JAR=target/gonghui-0.1.0-SNAPSHOT.jar
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -U postgres)
BASE="http://127.0.0.1:$PORT"

[ -f "$JAR" ] || ./mvnw -q -B -DskipTests package
work=$(mktemp -d /tmp/gonghui-bench.XXXXXX)
chmod 755 "$work"
app=""
cleanup() {
	if [ -n "$app" ]; then kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; fi
	if [ "${KEEP:-}" != 1 ]; then rm -rf "$work"; else echo "work directory kept: $work"; fi
}
trap cleanup EXIT
now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1), $(${PSQL[@]} -d postgres -tAc 'show server_version') PostgreSQL"

# --- data -------------------------------------------------------------------------------------------
unzip -q -o "$JAR" 'BOOT-INF/lib/fastexcel-*.jar' 'BOOT-INF/lib/opczip-*.jar' -d "$work"
CP=$(ls "$work"/BOOT-INF/lib/*.jar | tr '\n' ':')
GEN=(java -Xmx3g -cp "$CP" bench/MemberRosterGenerator.java)
EMPLOYER="延庆名册基准测试有限公司"
CODE=$("${GEN[@]}" creditcode 91110229MA01BEN00)
t0=$(now)
"${GEN[@]}" csv "$work/roster.csv" 0 "$ROWS" "$EMPLOYER" "$CODE"
if [ "${SEARCH_ONLY:-}" = 1 ]; then : > "$work/roster.xlsx"; else "${GEN[@]}" xlsx "$work/roster.xlsx" "$ROWS" "$ROWS" "$EMPLOYER" "$CODE"; fi
"${GEN[@]}" queries "$work/queries.txt" 0 "$ROWS" "$EMPLOYER" "$CODE"
echo "== generated $ROWS rows as CSV ($(du -m "$work/roster.csv" | cut -f1) MB) and .xlsx ($(du -m "$work/roster.xlsx" | cut -f1) MB) in $(secs "$t0" "$(now)") s"

# --- application on a fresh database ----------------------------------------------------------------
"${PSQL[@]}" -d postgres -c "drop database if exists $DB" -c "create database $DB"
start_app() {
	: > "$work/gc.log"
	GONGHUI_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" GONGHUI_DB_USER=postgres GONGHUI_SECURE_COOKIES=false \
		java -Xmx512m -Xlog:gc:file="$work/gc.log" -jar "$JAR" --spring.profiles.active=demo,postgres --server.port="$PORT" \
		--gonghui.import.max-file-size=300MB --spring.servlet.multipart.max-request-size=301MB "$@" >> "$work/app.log" 2>&1 &
	app=$!
	until curl -sf "$BASE/actuator/health" | grep -q UP; do
		kill -0 "$app" 2>/dev/null || { tail -50 "$work/app.log"; exit 1; }
		sleep 0.5
	done
}
stop_app() {
	kill "$app"; wait "$app" 2>/dev/null || true; app=""
}
# Bulk runs: MemberJoined off (gonghui.import.publish-member-joined=false), see the second part for its cost.
start_app --gonghui.import.publish-member-joined=false
# Members belong to grassroots or joint unions: a joint union under 延庆区总工会, with one employer.
DISTRICT=$("${PSQL[@]}" -d "$DB" -tAc "select id from organization where name = '延庆区总工会'")
curl -sf -u yanqing:gonghui-demo -H 'Content-Type: application/json' -o /dev/null "$BASE/api/organizations" \
	-d "{\"parentId\":$DISTRICT,\"name\":\"延庆区名册基准测试联合工会\",\"level\":\"DISTRICT\",\"type\":\"JOINT_UNION\"}"
UNION=$("${PSQL[@]}" -d "$DB" -tAc "select id from organization where name = '延庆区名册基准测试联合工会'")
curl -sf -u yanqing:gonghui-demo -H 'Content-Type: application/json' -o /dev/null "$BASE/api/employers" \
	-d "{\"name\":\"$EMPLOYER\",\"creditCode\":\"$CODE\",\"ownership\":\"PRIVATE\",\"headcount\":5000,\"organizationId\":$UNION}"

# A signed-in session for polling: HTTP Basic would run BCrypt (strength 12, ~0.3 s of CPU) on every poll.
login() {
	rm -f "$work/cookies"
	local csrf
	csrf=$(curl -sf -c "$work/cookies" -b "$work/cookies" "$BASE/login" | grep -oE 'name="_csrf" value="[^"]+"' | sed -E 's/.*value="([^"]+)"/\1/')
	curl -sf -o /dev/null -c "$work/cookies" -b "$work/cookies" --data-urlencode "_csrf=$csrf" -d username=yanqing -d password=gonghui-demo "$BASE/login"
}

# import FILE: POST, poll until finished; prints the job JSON and sets SECONDS_TAKEN and HEAP_PEAK_MB
run_import() {
	local file=$1 gc_from start id status json
	login
	gc_from=$(wc -l < "$work/gc.log")
	start=$(now)
	id=$(curl -sf -u yanqing:gonghui-demo -F "file=@$file" -F "unionId=$UNION" "$BASE/api/members/import" | sed -E 's/.*"id":([0-9]+).*/\1/')
	while :; do
		json=$(curl -sf -b "$work/cookies" "$BASE/api/members/import/$id")
		status=$(echo "$json" | sed -E 's/.*"status":"([A-Z]+)".*/\1/')
		[ "$status" = DONE ] || [ "$status" = FAILED ] && break
		sleep 1
	done
	t_events_end=$(now)
	SECONDS_TAKEN=$(secs "$start" "$t_events_end")
	HEAP_PEAK_MB=$(tail -n +"$((gc_from + 1))" "$work/gc.log" | grep -oE '[0-9]+M->[0-9]+M' | cut -dM -f1 | sort -n | tail -1)
	echo "$json" | sed -E 's/,"errors":.*//'
}

# --- CSV ------------------------------------------------------------------------------------------------
echo "== CSV import of $ROWS rows"
run_import "$work/roster.csv"
CSV_SECONDS=$SECONDS_TAKEN
CSV_HEAP=$HEAP_PEAK_MB
echo "   $CSV_SECONDS s, $(awk -v n="$ROWS" -v s="$CSV_SECONDS" 'BEGIN { printf "%.0f", n / s }') rows/s, peak heap ${CSV_HEAP:-?} MB of 512"

# --- COPY yardstick -------------------------------------------------------------------------------------
if [ "${SEARCH_ONLY:-}" != 1 ]; then
COLS="id, name, gender, id_number_cipher, id_number_hash, id_number_masked, phone_cipher, phone_hash, phone_masked, union_id, union_path, employer_id, work_form, occupation, platform_company, join_date, status, card_number, created_at, updated_at, version"
"${PSQL[@]}" -d "$DB" -c "create table member_copy (like member including all)" \
	-c "\\copy (select $COLS from member where union_id = $UNION order by id) to '$work/member_rows.csv' with (format csv)"
chmod 644 "$work/member_rows.csv"
t0=$(now)
"${PSQL[@]}" -d "$DB" -c "copy member_copy ($COLS) from '$work/member_rows.csv' with (format csv)"
COPY_SECONDS=$(secs "$t0" "$(now)")
COPIED=$("${PSQL[@]}" -d "$DB" -tAc "select count(*) from member_copy")
echo "== COPY of the same $COPIED member rows (validated, encrypted): $COPY_SECONDS s; CSV import / COPY = $(awk -v a="$CSV_SECONDS" -v b="$COPY_SECONDS" 'BEGIN { printf "%.1f", a / b }')x"
"${PSQL[@]}" -d "$DB" -c "drop table member_copy"
fi

# --- search at ROWS members -------------------------------------------------------------------------
"${PSQL[@]}" -d "$DB" -c "vacuum analyze member"
echo "== member search through the API, $("${PSQL[@]}" -d "$DB" -tAc "select count(*) from member where union_id = $UNION") members in the benchmark union ($("${PSQL[@]}" -d "$DB" -tAc "select count(*) from member") in all)"
measure_lock=()
[ -z "${MEASURE_LOCK:-}" ] || measure_lock=(flock "$MEASURE_LOCK")
"${measure_lock[@]}" java bench/MemberSearchLoad.java "$BASE" yanqing gonghui-demo "$work/queries.txt" 40
[ "${SEARCH_ONLY:-}" = 1 ] && exit 0

# --- .xlsx ------------------------------------------------------------------------------------------------
echo "== .xlsx import of $ROWS rows (other people)"
run_import "$work/roster.xlsx"
echo "   $SECONDS_TAKEN s, $(awk -v n="$ROWS" -v s="$SECONDS_TAKEN" 'BEGIN { printf "%.0f", n / s }') rows/s, peak heap ${HEAP_PEAK_MB:-?} MB of 512"
echo "== heap after both imports: $(grep -oE '[0-9]+M->[0-9]+M\([0-9]+M\)' "$work/gc.log" | tail -1)"
stop_app

# --- the same pipeline with MemberJoined per new member (the default) -------------------------------------
EVENT_ROWS=${EVENT_ROWS:-50000}
"${GEN[@]}" csv "$work/events.csv" "$((2 * ROWS))" "$EVENT_ROWS" "$EMPLOYER" "$CODE"
start_app
echo "== CSV import of $EVENT_ROWS rows with MemberJoined published for each new member (welcome-package listener on)"
run_import "$work/events.csv"
echo "   $SECONDS_TAKEN s, $(awk -v n="$EVENT_ROWS" -v s="$SECONDS_TAKEN" 'BEGIN { printf "%.0f", n / s }') rows/s, peak heap ${HEAP_PEAK_MB:-?} MB of 512"
until [ "$("${PSQL[@]}" -d "$DB" -tAc "select count(*) from event_publication where completion_date is null")" = 0 ]; do sleep 1; done
echo "   all $("${PSQL[@]}" -d "$DB" -tAc "select count(*) from event_publication where completion_date is not null") event publications completed $(secs "$t_events_end" "$(now)") s after the import finished"
