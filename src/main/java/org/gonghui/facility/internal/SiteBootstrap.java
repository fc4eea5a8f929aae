package org.gonghui.facility.internal;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import org.gonghui.facility.Amenity;
import org.gonghui.facility.Crs;
import org.gonghui.facility.SiteStatus;
import org.gonghui.facility.SiteType;
import org.gonghui.facility.internal.SiteService.SiteCommand;
import org.gonghui.platform.StartupData;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo sites for the seed page's stories: 丰台's plan of "3 public-area workers' homes and 50 outdoor
 * workers' warm-heart stations" part-way through the year (one home open, one being built, one planned;
 * a dozen stations open), the riders' station of the joint union, 泛华集团's decompression and nursing
 * rooms for its own staff, 龙潭's stations near the courier depot, and sites in 朝阳 and 延庆. Places are
 * real Beijing neighbourhoods; names and phone numbers are made up.
 */
@Component
@Profile("demo")
@Order(300)
class SiteBootstrap implements StartupData {

	private static final Set<Amenity> STATION = EnumSet.of(Amenity.DRINKING_WATER, Amenity.HOT_WATER, Amenity.MICROWAVE, Amenity.EBIKE_CHARGING,
			Amenity.SEATS, Amenity.AIR_CONDITIONING, Amenity.FIRST_AID_KIT, Amenity.WIFI);
	private static final Set<Amenity> STATION_NO_CHARGER = EnumSet.of(Amenity.DRINKING_WATER, Amenity.HOT_WATER, Amenity.SEATS,
			Amenity.AIR_CONDITIONING, Amenity.FIRST_AID_KIT);
	private static final Set<Amenity> HOME = EnumSet.of(Amenity.DRINKING_WATER, Amenity.HOT_WATER, Amenity.MICROWAVE, Amenity.TOILET,
			Amenity.SEATS, Amenity.AIR_CONDITIONING, Amenity.FIRST_AID_KIT, Amenity.WIFI, Amenity.BOOKS);
	private static final Set<Amenity> ROOM = EnumSet.of(Amenity.DRINKING_WATER, Amenity.SEATS, Amenity.AIR_CONDITIONING);

	private final JdbcClient jdbc;
	private final SiteService sites;
	private final SiteQueries queries;

	SiteBootstrap(JdbcClient jdbc, SiteService sites, SiteQueries queries) {
		this.jdbc = jdbc;
		this.sites = sites;
		this.queries = queries;
	}

	@Override
	@Transactional
	public void load() {
		if (jdbc.sql("select count(*) from site").query(Long.class).single() > 0
				|| jdbc.sql("select count(*) from organization where name = '丰台区总工会'").query(Long.class).single() == 0) {
			return;
		}
		LocalDate today = queries.today();
		LocalDate jan = LocalDate.of(today.getYear(), 1, 1);
		// 丰台: the year's plan in progress.
		site("丰台区总工会", SiteType.WORKERS_HOME, "丰台区丽泽职工之家", "丰台区丽泽路18号院1号楼一层", 39.8653, 116.3079, "Mo-Su 08:00-20:00", HOME,
				SiteStatus.OPEN, notAfter(jan.plusDays(80), today), true, 40);
		site("丰台区总工会", SiteType.WORKERS_HOME, "丰台科技园职工之家", "丰台区汉威国际广场三区", 39.8280, 116.2870, "Mo-Fr 08:30-18:30", HOME,
				SiteStatus.BUILDING, today.minusDays(20), true, 60);
		site("丰台区总工会", SiteType.WORKERS_HOME, "卢沟桥职工之家", "丰台区卢沟桥街道晓月中路", 39.8500, 116.2200, "Mo-Fr 09:00-17:00", HOME,
				SiteStatus.PLANNED, today.minusDays(5), true, null);
		String[][] stations = {
				{ "丰台站暖心驿站", "丰台区丰台站南广场东侧", "39.8480", "116.3050", "24/7" },
				{ "西客站南广场暖心驿站", "丰台区莲花池东路北京西站南广场", "39.8890", "116.3210", "24/7" },
				{ "方庄暖心驿站", "丰台区方庄路芳群园一区", "39.8660", "116.4290", "Mo-Su 07:00-21:00" },
				{ "马家堡暖心驿站", "丰台区马家堡东路角门北路口", "39.8480", "116.3700", "Mo-Su 07:00-21:00" },
				{ "北大地暖心驿站", "丰台区北大地西区", "39.8650", "116.2950", "Mo-Su 06:30-22:00" },
				{ "总部基地暖心驿站", "丰台区总部基地十八区", "39.8320", "116.2900", "Mo-Fr 07:00-20:00; Sa,Su 09:00-18:00" },
				{ "宛平城暖心驿站", "丰台区宛平城西街", "39.8510", "116.2170", "Mo-Su 08:00-18:00" },
				{ "青塔暖心驿站", "丰台区青塔西路", "39.8930", "116.2720", "Mo-Su 07:00-21:00" },
				{ "大红门暖心驿站", "丰台区大红门路服装城北门", "39.8450", "116.4000", "Mo-Su 06:00-22:00" },
				{ "玉泉营暖心驿站", "丰台区玉泉营桥西南角", "39.8550", "116.3550", "Mo-Su 07:00-21:00" } };
		for (int i = 0; i < stations.length; i++) {
			String[] s = stations[i];
			site("丰台区总工会", SiteType.OUTDOOR_WORKER_STATION, s[0], s[1], Double.parseDouble(s[2]), Double.parseDouble(s[3]), s[4],
					i % 3 == 2 ? STATION_NO_CHARGER : STATION, SiteStatus.OPEN, notAfter(jan.plusDays(20 + 15 * i), today), true, 12);
		}
		site("六里桥街道总工会", SiteType.WORKERS_HOME, "六里桥街道职工之家", "丰台区六里桥街道莲怡园社区", 39.8835, 116.3105, "Mo-Fr 09:00-17:30", HOME,
				SiteStatus.OPEN, today.minusDays(700), true, 30);
		long liuliqiao = site("六里桥街道总工会", SiteType.OUTDOOR_WORKER_STATION, "六里桥暖心驿站", "丰台区六里桥长途客运站北侧", 39.8870, 116.3090, "24/7",
				STATION, SiteStatus.OPEN, today.minusDays(400), true, 10);
		sites.moveAsSystem(liuliqiao, SiteStatus.SUSPENDED, today.minusDays(10), "客运站改造施工，暂停开放");
		// Riders rest at night: the joint union's station opens overnight, for the late delivery shift.
		site("丰台区新就业形态劳动者联合工会", SiteType.OUTDOOR_WORKER_STATION, "骑手夜间驿站（丰台东大街）", "丰台区丰台东大街美团站点旁", 39.8610, 116.2860,
				"Mo-Su 18:00-08:00", STATION, SiteStatus.OPEN, today.minusDays(90), true, 20);
		site("泛华集团工会", SiteType.DECOMPRESSION_ROOM, "泛华集团职工心理减压室", "泛华集团总部大楼5层", 39.8200, 116.2950, "Mo-Fr 09:00-18:00", ROOM,
				SiteStatus.OPEN, today.minusDays(400), false, 6);
		site("泛华集团工会", SiteType.NURSING_ROOM, "泛华集团母婴关爱室", "泛华集团总部大楼3层", 39.8201, 116.2952, "Mo-Fr 08:30-18:00",
				EnumSet.of(Amenity.DRINKING_WATER, Amenity.HOT_WATER, Amenity.MICROWAVE, Amenity.SEATS, Amenity.AIR_CONDITIONING), SiteStatus.OPEN,
				today.minusDays(400), false, 3);
		site("丰台区总工会", SiteType.NURSING_ROOM, "丰台区职工服务中心母婴关爱室", "丰台区文体路职工服务中心二层", 39.8600, 116.2900, "Mo-Fr 08:30-17:30",
				EnumSet.of(Amenity.DRINKING_WATER, Amenity.HOT_WATER, Amenity.SEATS, Amenity.AIR_CONDITIONING, Amenity.TOILET), SiteStatus.OPEN,
				today.minusDays(500), true, 4);
		// 龙潭: where 京东快递 couriers and 良苑餐厅 workers rest.
		site("龙潭街道总工会", SiteType.OUTDOOR_WORKER_STATION, "龙潭公园暖心驿站", "东城区龙潭路8号龙潭公园北门", 39.8750, 116.4380, "Mo-Su 06:00-22:00",
				STATION, SiteStatus.OPEN, today.minusDays(250), true, 10);
		site("龙潭街道总工会", SiteType.OUTDOOR_WORKER_STATION, "京东快递龙潭站暖心驿站", "东城区龙潭街道京东快递站点一层", 39.8790, 116.4330, "24/7", STATION,
				SiteStatus.OPEN, today.minusDays(60), true, 8);
		long xizhaosi = site("龙潭街道总工会", SiteType.OUTDOOR_WORKER_STATION, "夕照寺驿站", "东城区夕照寺街", 39.8830, 116.4300, "Mo-Fr 08:00-18:00",
				STATION_NO_CHARGER, SiteStatus.OPEN, today.minusDays(800), true, 6);
		sites.moveAsSystem(xizhaosi, SiteStatus.CLOSED, today.minusDays(30), "租用场地到期，并入龙潭公园暖心驿站");
		// 朝阳 and 延庆.
		site("朝阳区总工会", SiteType.DECOMPRESSION_ROOM, "朝阳区职工心理服务中心减压室", "朝阳区工人体育场北路", 39.9300, 116.4436, "Mo-Fr 09:00-17:00; Sa 09:00-12:00",
				ROOM, SiteStatus.OPEN, today.minusDays(600), true, 8);
		site("陈经纶中学工会", SiteType.DECOMPRESSION_ROOM, "陈经纶中学教师心理减压室", "朝阳区陈经纶中学行政楼", 39.9350, 116.4500, "Mo-Fr 12:00-13:30,16:30-18:00",
				ROOM, SiteStatus.OPEN, today.minusDays(150), false, 4);
		site("朝阳区总工会", SiteType.OUTDOOR_WORKER_STATION, "三里屯暖心驿站", "朝阳区三里屯路", 39.9360, 116.4550, "Mo-Su 22:00-06:00", STATION,
				SiteStatus.OPEN, today.minusDays(120), true, 10);
		site("延庆区总工会", SiteType.WORKERS_HOME, "延庆区职工之家", "延庆区妫水北街", 40.4650, 115.9740, "Mo-Fr 08:30-17:30", HOME, SiteStatus.OPEN,
				today.minusDays(900), true, 80);
		site("延庆区总工会", SiteType.OUTDOOR_WORKER_STATION, "妫水公园暖心驿站", "延庆区妫水公园东门", 40.4600, 115.9650, "Mo-Su 07:00-20:00", STATION,
				SiteStatus.OPEN, today.minusDays(200), true, 8);
		feedback(today);
	}

	private long site(String org, SiteType type, String name, String address, double lat, double lon, String hours, Set<Amenity> amenities,
			SiteStatus status, LocalDate since, boolean isPublic, Integer capacity) {
		long orgId = jdbc.sql("select id from organization where name = :name").param("name", org).query(Long.class).single();
		return sites.insert(new SiteCommand(orgId, type, name, address, lat, lon, Crs.WGS84, hours, amenities, capacity, "站点管理员", "010-6380" + (1000 + name.length()),
				null, status, since, isPublic), "system", false);
	}

	/** Two approved ratings and one waiting for moderation, from the demo courier's account. */
	private void feedback(LocalDate today) {
		Long station = jdbc.sql("select id from site where name = '龙潭公园暖心驿站'").query(Long.class).single();
		Long jd = jdbc.sql("select id from site where name = '京东快递龙潭站暖心驿站'").query(Long.class).single();
		Timestamp at = Timestamp.valueOf(today.minusDays(3).atTime(12, 30));
		insertFeedback(station, "worker", "张**", 5, "中午在这儿热饭、充电，夏天有空调，特别方便。", "APPROVED", at);
		insertFeedback(station, "fengtai", "王**", 4, "饮水机很干净，就是午饭时间人多，座位有点紧张。", "APPROVED", at);
		insertFeedback(jd, "worker", "张**", 4, "晚上也开着，充电桩再多两个就更好了。", "PENDING", at);
	}

	private void insertFeedback(long siteId, String author, String name, int rating, String comment, String status, Timestamp at) {
		jdbc.sql("insert into site_feedback (site_id, author, author_name, rating, comment, status, created_at, created_day, moderated_by,"
				+ " moderated_at) values (:site, :author, :name, :rating, :comment, :status, :at, :day, :by, :by_at)")
			.param("site", siteId)
			.param("author", author)
			.param("name", name)
			.param("rating", rating)
			.param("comment", comment)
			.param("status", status)
			.param("at", at)
			.param("day", java.sql.Date.valueOf(at.toLocalDateTime().toLocalDate()))
			.param("by", "APPROVED".equals(status) ? "fengtai" : null, java.sql.Types.VARCHAR)
			.param("by_at", "APPROVED".equals(status) ? at : null, java.sql.Types.TIMESTAMP)
			.update();
	}

	/** Opening dates "this year" that never lie in the future, whatever day of the year the demo starts on. */
	private static LocalDate notAfter(LocalDate date, LocalDate today) {
		return date.isAfter(today) ? today : date;
	}
}
