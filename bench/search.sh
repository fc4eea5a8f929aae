#!/usr/bin/env bash
# The platform search at 1,000,000 records (issue 17). One command:
#
#   bash bench/search.sh                      # REQUESTS=50 per query and caller
#   BENCH_LOCK=/tmp/mvn.lock bash bench/search.sh   # on a shared machine: no build runs while it measures
#
# 1. A fresh PostgreSQL database with the demo data, then, by SQL: under 丰台区总工会 20 streets × 49 grassroots
#    unions, under 朝阳区总工会 5 streets × 20 (outside 丰台's scope); 880,000 members (Chinese names from a weighted
#    surname list × given-name characters, occupations, platforms; 85 % in 丰台), 40,000 employers, 20,000 sites
#    (驿站, 职工之家, 减压室, 母婴室 at numbers of 30 roads; a name is unique within its union), 50,000 activities and 10,000 published articles —
#    1,001,105 searchable records besides the demo's.
# 2. The packaged application starts on it twice: the index in memory (the default), then in a local folder
#    (gonghui.search.directory, memory-mapped). Each time: the index build time from the start-up log line, the heap
#    after a full collection (jcmd GC.run, GC.heap_info), the folder's size; then a fixed set of 1- to 4-character
#    queries through GET /api/search as 丰台's staff (scope: 丰台's subtree) and as the city federation's staff
#    (北京市总工会), and through GET /api/public/search; REQUESTS calls per query and caller after 5 warm-up calls,
#    one client; p50 / p95 / p99 per query length from curl's own timing.
#
# Needs: java 17+ (jcmd), PostgreSQL on 127.0.0.1:5432 (trust auth, user postgres), curl.
# Environment: REQUESTS (50), BENCH_JAR (the packaged jar), BENCH_DB (gonghui_bench_search), BENCH_PORT (18095), BENCH_XMX (2g),
#   REUSE_DB=1 (keep the database of a previous run: skip step 1), BENCH_LOCK (a file to flock while measuring),
#   MODES ("heap folder": the index in memory, then in a folder; "heap" or "folder" for one of them).
set -euo pipefail
cd "$(dirname "$0")/.."
REQUESTS=${REQUESTS:-50}
DB=${BENCH_DB:-gonghui_bench_search}
PORT=${BENCH_PORT:-18095}
XMX=${BENCH_XMX:-2g}
MODES=${MODES:-heap folder}
JAR=${BENCH_JAR:-target/gonghui-0.1.0-SNAPSHOT.jar}
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -U postgres)
BASE="http://127.0.0.1:$PORT"

[ -f "$JAR" ] || ./mvnw -q -B -DskipTests package
work=$(mktemp -d /tmp/gonghui-search-bench.XXXXXX)
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
	: > "$work/app.log"
	GONGHUI_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" GONGHUI_DB_USER=postgres GONGHUI_SECURE_COOKIES=false \
		java -Xmx"$XMX" -jar "$JAR" --spring.profiles.active=demo,postgres --server.port="$PORT" "$@" >> "$work/app.log" 2>&1 &
	app=$!
	until curl -sf "$BASE/actuator/health" | grep -q UP; do
		kill -0 "$app" 2>/dev/null || { tail -50 "$work/app.log"; exit 1; }
		sleep 0.5
	done
}
stop_app() {
	kill "$app"; wait "$app" 2>/dev/null || true; app=""
}
lock() { if [ -n "${BENCH_LOCK:-}" ]; then exec 9> "$BENCH_LOCK"; flock 9; echo "== holding $BENCH_LOCK"; fi; }
unlock() { if [ -n "${BENCH_LOCK:-}" ]; then flock -u 9; exec 9>&-; fi; }

# --- data ---------------------------------------------------------------------------------------------
if [ "${REUSE_DB:-0}" != 1 ]; then
"${PSQL[@]}" -d postgres -c "drop database if exists $DB with (force)" -c "create database $DB encoding 'UTF8' template template0"
start_app
stop_app
t0=$(date +%s)
"${PSQL[@]}" -d "$DB" <<'SQL'
select setseed(0.17);
-- Words the names are made of. The first surnames come several times: 王, 李, 张, 刘, 陈 are a third of China.
create temporary table w (k text, v text[]);
insert into w values
 ('surname', array['王','王','王','王','王','李','李','李','李','李','张','张','张','张','张','刘','刘','刘','刘','陈','陈','陈','陈',
   '杨','杨','赵','赵','黄','黄','周','周','吴','吴','徐','孙','胡','朱','高','林','何','郭','马','罗','梁','宋','郑','谢','韩','唐',
   '冯','于','董','萧','程','曹','袁','邓','许','傅','沈','曾','彭','吕','苏','卢','蒋','蔡','贾','丁','魏','薛','叶','阎','余','潘',
   '杜','戴','夏','钟','汪','田','任','姜','范','方','石','姚','谭','廖','邹','熊','金','陆','郝','孔','白','崔','康','毛','邱','秦',
   '江','史','顾','侯','邵','孟','龙','万','段','雷','钱','汤','尹','黎','易','常','武','乔','贺','赖','龚','文']),
 ('given', array['伟','芳','娜','秀','英','敏','静','丽','强','磊','军','洋','勇','艳','杰','娟','涛','明','超','霞','平','刚','桂',
   '华','建','国','玉','兰','文','辉','力','民','永','志','海','春','红','梅','金','林','云','飞','宇','鹏','斌','波','凤','莉','婷',
   '雪','琳','晶','燕','慧','新','亮','鑫','浩','俊','峰','宁','凯','佳','欣','颖','倩','晓','东','振','成','荣','德','福','庆','昌',
   '子','博','思','雨','梓','涵','轩','睿','泽','悦','诗','琪','嘉','怡','瑞','晨','阳','光','祥','兵','利','清','青','彬','健','山',
   '松','树','立','淑','珍','爱','萍','丹','彤','蕾','薇','璐','宏','伦','义','安','良','杰','海','江','河','湖','豪','翔','家','天']),
 ('occupation', array['快递员','外卖骑手','网约车司机','货车司机','保洁员','保安员','家政服务员','教师','护士','医生','工程师','会计',
   '电工','焊工','车工','钳工','厨师','售货员','客服','仓管员','公交司机','环卫工人','社区工作者','技术员','程序员','营业员']),
 ('platform', array['美团','饿了么','顺丰速运','京东物流','中通快递','圆通速递','滴滴出行','货拉拉','闪送','达达快送']),
 ('road', array['丰台路','南四环西路','西四环南路','马家堡东路','角门路','草桥东路','樊羊路','万丰路','小屯路','卢沟桥路','京开路',
   '大红门路','南苑路','方庄路','蒲黄榆路','石榴庄路','宋家庄路','郭公庄路','看丹路','科学城路','汽车博物馆路','总部基地路',
   '丽泽路','菜户营路','玉泉营路','花乡路','长辛店大街','云岗路','青塔路','五里店路']),
 ('street', array['卢沟桥','新村','丰台','右安门','太平桥','西罗园','大红门','南苑','东高地','东铁匠营','马家堡','宛平城','和义',
   '方庄','长辛店','云岗','青塔','五里店','成寿寺','花乡']),
 ('chaoyang', array['建外','朝外','呼家楼','三里屯','望京']),
 ('firm1', array['华信','恒通','兴达','永安','鑫源','博远','中联','金桥','天成','宏图','瑞丰','众诚','安泰','新航','嘉禾','泰和']),
 ('firm2', array['科技','物流','建设','商贸','餐饮','物业','医疗','家政','印刷','汽车服务','文化传媒','电子','环保','制药']),
 ('activity', array['劳模工匠进基层宣讲','职工之家读书会','户外驿站送清凉','新就业形态劳动者健康体检','职工技能大赛','心理健康讲座',
   '金秋助学','冬送温暖','职工趣味运动会','劳模精神进校园','快递小哥安全培训','女职工权益知识讲座','职工书法摄影展','工会干部培训营',
   '普法宣传进驿站','户外劳动者爱心早餐','职工亲子活动','劳动和技能竞赛','职工文艺汇演','健步走']),
 ('headline', array['暖心驿站温暖户外劳动者','劳模工匠走进车间','职工之家成为温馨港湾','新就业形态劳动者入会','技能大赛决出能手',
   '工会送清凉到一线','户外驿站添新功能','职工心理健康服务进园区','劳模精神代代传','女职工关爱行动']);
create function pick(name text) returns text language sql volatile as
 $$ select v[1 + floor(random() * array_length(v, 1))::int] from w where k = name $$;

create temporary table district as select id, path from organization where name = '丰台区总工会';
create temporary table chaoyang as select id, path from organization where name = '朝阳区总工会';
insert into organization (parent_id, name, org_level, org_type, path, address, created_at, updated_at)
select d.id, s || '街道总工会', 'STREET', 'REGIONAL_FEDERATION', 'bench-s' || s, '北京市丰台区' || s || '街道', now(), now()
from district d, unnest((select v from w where k = 'street')) s;
insert into organization (parent_id, name, org_level, org_type, path, address, created_at, updated_at)
select c.id, s || '街道总工会', 'STREET', 'REGIONAL_FEDERATION', 'bench-s' || s, '北京市朝阳区' || s || '街道', now(), now()
from chaoyang c, unnest((select v from w where k = 'chaoyang')) s;
update organization o set path = p.path || o.id || '/' from organization p where o.parent_id = p.id and o.path like 'bench-s%';
-- 49 unions per 丰台 street, 20 per 朝阳 street; the name is unique among its siblings (16 × 14 words, by position).
create temporary table streets as
select o.id, o.address, o.parent_id = (select id from district) as fengtai from organization o
where o.path like 'bench-s%' or (o.org_level = 'STREET' and o.parent_id in ((select id from district), (select id from chaoyang))
  and o.name in (select unnest(v) || '街道总工会' from w where k in ('street', 'chaoyang')));
insert into organization (parent_id, name, org_level, org_type, path, address, created_at, updated_at)
select s.id, '北京' || (select v[1 + g % 16] from w where k = 'firm1') || (select v[1 + (g / 16) % 14] from w where k = 'firm2')
    || '有限公司工会', 'GRASSROOTS', 'WORKPLACE_UNION', 'bench-g' || s.id || '-' || g,
  replace(s.address, '街道', '') || (select v[1 + (s.id + g) % 30] from w where k = 'road') || (1 + g * 7 % 300) || '号', now(), now()
from streets s, generate_series(0, 48) g where s.fengtai or g < 20;
update organization o set path = p.path || o.id || '/' from organization p where o.parent_id = p.id and o.path like 'bench-g%';
create temporary table unions as
select row_number() over (order by s.fengtai desc, o.id) - 1 as n, o.id, o.path, s.fengtai
from organization o join streets s on s.id = o.parent_id;
create temporary table counts as select count(*) filter (where fengtai) as f, count(*) as a from unions;

-- Members: 85 % in 丰台's unions, the rest in 朝阳's; 30 % have one given-name character (张伟), 70 % two.
insert into member (name, gender, id_number_cipher, id_number_hash, id_number_masked, phone_masked, union_id, union_path, work_form,
    occupation, platform_company, join_date, status, card_number, created_at, updated_at)
select pick('surname') || pick('given') || case when random() < 0.7 then pick('given') else '' end,
  case when g % 2 = 0 then 'MALE' else 'FEMALE' end, 'bench', md5('id' || g) || md5('x' || g), '110106********' || lpad((g % 10000)::text, 4, '0'),
  '138****' || lpad((g % 10000)::text, 4, '0'), u.id, u.path, wf, pick('occupation'),
  case when wf = 'PLATFORM' then pick('platform') end, current_date - (g % 1095), 'ACTIVE', 'BENCH' || g, now(), now()
from (select g, (array['EMPLOYEE', 'EMPLOYEE', 'PLATFORM', 'FLEXIBLE'])[1 + g % 4] as wf,
        case when g % 100 < 85 then g % (select f from counts) else (select f from counts) + g % ((select a from counts) - (select f from counts)) end as n
      from generate_series(1, 880000) g) x join unions u on u.n = x.n;
insert into employer (name, credit_code, ownership, headcount, address, organization_id, created_at, updated_at)
select '北京' || pick('firm1') || pick('firm1') || pick('firm2') || '有限公司', '91110106BN' || lpad(g::text, 7, '0') || 'X',
  (array['STATE', 'PRIVATE', 'NEW_ECONOMY', 'SOCIAL_ORG'])[1 + g % 4], 10 + g % 500,
  '北京市丰台区' || pick('road') || (1 + g % 300) || '号', u.id, now(), now()
from generate_series(1, 40000) g join unions u on u.n = g % (select a from counts);
insert into site (organization_id, type, name, address, lat, lon, opening_hours, amenities, status, status_since, opened_on, is_public,
    revision, created_at, updated_at)
select u.id, t, case t when 'OUTDOOR_WORKER_STATION' then r || no || '号户外劳动者服务驿站' when 'WORKERS_HOME' then r || no || '号职工之家'
    when 'DECOMPRESSION_ROOM' then r || no || '号职工心理减压室' else r || no || '号爱心妈咪小屋' end,
  '北京市丰台区' || r || no || '号', 39.80 + random() * 0.1, 116.20 + random() * 0.2, '24/7', 0,
  case when g % 50 = 0 then 'SUSPENDED' else 'OPEN' end, current_date - (g % 730), current_date - (g % 730), g % 10 <> 0, g, now(), now()
from (select g, (select v[1 + g % 30] from w where k = 'road') as r, 1 + (g / 30) % 300 as no,
        (array['OUTDOOR_WORKER_STATION', 'OUTDOOR_WORKER_STATION', 'OUTDOOR_WORKER_STATION', 'WORKERS_HOME', 'DECOMPRESSION_ROOM',
          'NURSING_ROOM'])[1 + g % 6] as t from generate_series(1, 20000) g) x
join unions u on u.n = g % (select a from counts);
insert into activity (organization_id, kind, title, description, venue, capacity, waitlist_enabled, audience, status, created_by,
    created_at, updated_at)
select u.id, (array['TRAINING_CAMP', 'COMPETITION', 'GROUP_COUNSELLING', 'VISIT', 'CARAVAN', 'LECTURE', 'OTHER'])[1 + g % 7],
  (2024 + g % 3) || '年' || pick('activity') || '（第' || (1 + g % 12) || '期）', '面向全体会员，报名从速。', pick('road') || (1 + g % 300) || '号',
  100, false, 'ALL_MEMBERS', (array['DRAFT', 'PUBLISHED', 'FINISHED', 'FINISHED', 'FINISHED', 'FINISHED', 'FINISHED', 'CLOSED', 'ONGOING', 'PUBLISHED'])[1 + g % 10],
  'bench', now(), now()
from generate_series(1, 50000) g join unions u on u.n = g % (select a from counts);
insert into news_article (organization_id, kicker, headline, body, status, published_on, published_at, created_by, created_at, updated_at)
select u.id, pick('street') || '街道', pick('headline'),
  '<p>本报讯（记者 ' || pick('surname') || pick('given') || pick('given') || '）近日，' || pick('road') || '的' || pick('activity')
    || '活动举行，' || pick('occupation') || '等职工参加。</p>', 'PUBLISHED', current_date - (g % 700), now() - ((g % 700) || ' days')::interval,
  'bench', now(), now()
from generate_series(1, 10000) g join unions u on u.n = g % (select a from counts);
drop function pick(text);
vacuum analyze;
SQL
echo "== data written in $(( $(date +%s) - t0 )) s"
fi
"${PSQL[@]}" -d "$DB" -tA <<'SQL'
select '== under 丰台: ' || (select count(*) from organization where path like (select path from organization where name = '丰台区总工会') || '%')
  || ' organisations, ' || (select count(*) from member where union_path like (select path from organization where name = '丰台区总工会') || '%')
  || ' members; in all: ' || (select count(*) from member where status = 'ACTIVE') || ' active members, ' || (select count(*) from employer)
  || ' employers, ' || (select count(*) from site) || ' sites, ' || (select count(*) from activity) || ' activities, '
  || (select count(*) from news_article) || ' articles, ' || (select count(*) from organization) || ' organisations';
SQL

# --- the measurements -------------------------------------------------------------------------------------
# Query length in characters: 1, 2, 3, 4 ("3号" is two).
QUERIES=(1:王 1:李 1:站 1:工 2:张伟 2:驿站 2:丰台 2:劳模 2:3号 3:王秀英 3:快递员 3:读书会 3:马家堡 4:户外驿站 4:职工之家 4:劳模工匠 4:3号驿站)
# Callers: who, path, account (none for the public search). Staff sign in once and send the session cookie, as the
# pages do: HTTP Basic would run BCrypt (strength 12, ~0.3 s of CPU) on every call and measure that instead.
CALLERS=("丰台 staff:/api/search:fengtai" "北京市 staff:/api/search:beijing" "public:/api/public/search:")

login() {
	local jar=$work/cookies-$1 csrf
	rm -f "$jar"
	csrf=$(curl -sf -c "$jar" -b "$jar" "$BASE/login" | grep -oE 'name="_csrf" value="[^"]+"' | sed -E 's/.*value="([^"]+)"/\1/')
	curl -sf -o /dev/null -c "$jar" -b "$jar" --data-urlencode "_csrf=$csrf" -d username="$1" -d password=gonghui-demo "$BASE/login"
}

heap_used() {
	jcmd "$app" GC.run > /dev/null; sleep 1; jcmd "$app" GC.run > /dev/null
	jcmd "$app" GC.heap_info | sed -n 's/.*total \([0-9]*\)K, used \([0-9]*\)K.*/\2/p' | head -1
}

measure() {
	local mode=$1; shift
	lock
	start_app "$@"
	local loaded; loaded=$(grep -o 'Search index loaded: .*' "$work/app.log" | tail -1)
	echo "== [$mode] $loaded; started: $(grep -o 'Started GonghuiApplication in [0-9.]* seconds' "$work/app.log" | tail -1)"
	local used; used=$(heap_used)
	echo "== [$mode] heap after full GC: $((used / 1024)) MB"
	echo "$used" > "$work/heap-$mode"
	if [ -d "$work/index" ]; then echo "== [$mode] index folder: $(du -sm "$work/index" | cut -f1) MB"; fi
	for caller in "${CALLERS[@]}"; do
		local who=${caller%%:*} rest=${caller#*:}; local path=${rest%%:*} account=${rest#*:} auth=()
		if [ -n "$account" ]; then login "$account"; auth=(-b "$work/cookies-$account"); fi
		: > "$work/times"
		for entry in "${QUERIES[@]}"; do
			local len=${entry%%:*} q=${entry#*:}
			local first; first=$(curl -sf -G "${auth[@]}" --data-urlencode "q=$q" "$BASE$path")
			printf '   %-8s %-10s total %-7s %s\n' "$who" "$q" "$(echo "$first" | grep -o '"total":[0-9]*' | cut -d: -f2)" \
				"$(echo "$first" | grep -o '"groups":\[[^]]*\]' | sed 's/"kind"://g; s/"count"://g; s/[{}"]//g; s/groups:\[//; s/\]//')"
			for i in 1 2 3 4 5; do curl -sf -o /dev/null -G "${auth[@]}" --data-urlencode "q=$q" "$BASE$path"; done
			for i in $(seq 1 "$REQUESTS"); do
				curl -sf -o /dev/null -w "$len %{time_total}\n" -G "${auth[@]}" --data-urlencode "q=$q" "$BASE$path"
			done >> "$work/times"
		done
		for len in 1 2 3 4 all; do
			if [ "$len" = all ]; then cut -d' ' -f2 "$work/times"; else awk -v l="$len" '$1 == l { print $2 }' "$work/times"; fi | sort -n |
				awk -v who="$who" -v mode="$mode" -v len="$len" '{ t[NR] = $1 * 1000 } END {
					printf "== [%s] %-11s %-3s chars: %4d calls  p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms  max %6.1f ms\n",
						mode, who, len, NR, t[int(NR * 0.50)], t[int(NR * 0.95)], t[int(NR * 0.99)], t[NR] }'
		done
	done
	stop_app
	unlock
}

for mode in $MODES; do
	case $mode in
		heap) measure heap ;;
		folder) rm -rf "$work/index"; measure folder --gonghui.search.directory="$work/index" ;;
	esac
done
records=$(grep -o 'Search index loaded: [0-9]*' "$work/app.log" | tail -1 | grep -o '[0-9]*$' || true)
if [ -f "$work/heap-heap" ] && [ -f "$work/heap-folder" ] && [ -n "$records" ]; then
	echo "== heap of the in-memory index over the folder's: $(( ($(cat "$work/heap-heap") - $(cat "$work/heap-folder")) / 1024 )) MB," \
		"$(( ($(cat "$work/heap-heap") - $(cat "$work/heap-folder")) * 1024 / records )) bytes per record ($records records)"
fi
