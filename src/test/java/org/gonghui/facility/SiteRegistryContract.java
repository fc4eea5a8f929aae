package org.gonghui.facility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.gonghui.TestOrganizations.id;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.gonghui.GonghuiApplication;
import org.gonghui.facility.internal.NearestSites;
import org.gonghui.facility.internal.NearestSites.NearbySite;
import org.gonghui.facility.internal.SiteQueries;
import org.gonghui.facility.internal.SiteQueries.SiteQuery;
import org.gonghui.facility.internal.SiteService;
import org.gonghui.facility.internal.SiteService.SiteCommand;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.PageResult;
import org.gonghui.shared.RecordNotFoundException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.event.EventListener;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.ActiveProfiles;

/**
 * Sites against a real database: validation that stores nothing on bad input, the status life with
 * {@link SiteOpened}, the data scope, and the nearest index kept equal to the database — by this
 * instance's own commits and by polling for writes of "other instances" (rows written straight into the
 * table). Run on H2 ({@link SiteRegistryH2Tests}) and PostgreSQL ({@link SiteRegistryPostgresTests}).
 * Tests commit (the index follows commits), so each uses names of its own.
 */
@SpringBootTest(classes = { GonghuiApplication.class, SiteRegistryContract.Events.class })
@ActiveProfiles({ "demo", "test" })
abstract class SiteRegistryContract {

	/** A point in the middle of 丰台 (WGS-84). */
	static final double LAT = 39.8600;
	static final double LON = 116.3000;

	@Autowired
	SiteService sites;

	@Autowired
	SiteQueries queries;

	@Autowired
	NearestSites nearest;

	@Autowired
	org.gonghui.facility.internal.SiteExportService exports;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Events events;

	@Autowired
	org.springframework.context.ApplicationContext context;

	@TestConfiguration
	static class Events {
		final List<SiteOpened> opened = new CopyOnWriteArrayList<>();

		@EventListener
		void on(SiteOpened event) {
			opened.add(event);
		}
	}

	@BeforeEach
	void clear() {
		events.opened.clear();
	}

	static String unique(String prefix) {
		return prefix + UUID.randomUUID().toString().substring(0, 8);
	}

	SiteCommand station(long org, String name, Double lat, Double lon, Crs crs, String hours, Set<Amenity> amenities, SiteStatus status) {
		return new SiteCommand(org, SiteType.OUTDOOR_WORKER_STATION, name, "丰台区测试路1号", lat, lon, crs, hours, amenities, 10, "李明",
				"010-63801234", null, status, null, true);
	}

	long siteCount() {
		return jdbc.sql("select count(*) from site").query(Long.class).single();
	}

	static void assertProblem(Runnable action, String field, String code) {
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(action::run)
			.satisfies(e -> assertThat(e.problems()).anySatisfy(p -> {
				assertThat(p.field()).isEqualTo(field);
				assertThat(p.code()).isEqualTo(code);
			}));
	}

	@Test
	@WithUserDetails("fengtai")
	void createsAnOpenStationThatWorkersFindAtOnce() {
		long fengtai = id(jdbc, "丰台区总工会");
		String name = unique("测试驿站");
		long siteId = sites.create(station(fengtai, name, 39.8601, 116.3001, Crs.WGS84, "24/7", EnumSet.of(Amenity.EBIKE_CHARGING), SiteStatus.OPEN));

		var view = queries.get(siteId);
		assertThat(view.openedOn()).isEqualTo(queries.today());
		assertThat(view.openingHours()).isEqualTo("24/7");
		assertThat(events.opened).containsExactly(new SiteOpened(siteId, fengtai, SiteType.OUTDOOR_WORKER_STATION, queries.today()));

		List<NearbySite> found = nearest.nearest(LAT, LON, Crs.WGS84, 1, SiteType.OUTDOOR_WORKER_STATION, List.of(Amenity.EBIKE_CHARGING), true);
		assertThat(found).extracting(NearbySite::id).containsExactly(siteId);
		assertThat(found.get(0).distanceMeters()).isBetween(5L, 20L);
		assertThat(found.get(0).navigateUrl()).startsWith("https://uri.amap.com/navigation?to=116.30").contains("coordinate=gaode");
	}

	@Test
	@WithUserDetails("fengtai")
	void gcjInputIsStoredAsWgs84() {
		long fengtai = id(jdbc, "丰台区总工会");
		// What AMap's picker gives for a point in 丰台: a few hundred metres off the WGS-84 position.
		double gcjLat = 39.861270;
		double gcjLon = 116.306151;
		long siteId = sites.create(station(fengtai, unique("高德坐标驿站"), gcjLat, gcjLon, Crs.GCJ02, "24/7", Set.of(), SiteStatus.PLANNED));
		var view = queries.get(siteId);
		assertThat(view.lat()).isNotEqualTo(gcjLat);
		assertThat(view.latGcj()).isCloseTo(gcjLat, org.assertj.core.data.Offset.offset(1e-7));
		assertThat(view.lonGcj()).isCloseTo(gcjLon, org.assertj.core.data.Offset.offset(1e-7));
		double offsetMeters = org.gonghui.facility.internal.TestGeo.distance(view.lat(), view.lon(), gcjLat, gcjLon);
		assertThat(offsetMeters).isBetween(100.0, 1000.0);
	}

	@Test
	@WithUserDetails("fengtai")
	void badInputIsRefusedWithEveryProblemAndStoresNothing() {
		long fengtai = id(jdbc, "丰台区总工会");
		long before = siteCount();
		var bad = new SiteCommand(fengtai, null, " ", "x".repeat(201), 116.3, 39.86, Crs.WGS84, "Mo-Fr 25:00-18:00", Set.of(), -1, null, "abc",
				null, SiteStatus.OPEN, queries.today().plusDays(1), true);
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> sites.create(bad))
			.satisfies(e -> assertThat(e.problems()).extracting(p -> p.field() + ":" + p.code())
				.contains("type:validation.required", "name:validation.required", "address:validation.tooLong", "lat:site.location.swapped",
						"openingHours:site.hours.time", "capacity:site.capacity.range", "contactPhone:site.contactPhone.invalid",
						"statusSince:validation.dateInFuture"));
		assertProblem(() -> sites.create(station(fengtai, unique("x"), Double.NaN, 116.3, Crs.WGS84, "24/7", Set.of(), SiteStatus.OPEN)), "lat",
				"site.location.notNumber");
		assertProblem(() -> sites.create(station(fengtai, unique("x"), 37.5665, 126.9780, Crs.WGS84, "24/7", Set.of(), SiteStatus.OPEN)), "lat",
				"site.location.outsideChina");
		assertProblem(() -> sites.create(station(fengtai, unique("x"), null, 116.3, Crs.WGS84, "24/7", Set.of(), SiteStatus.OPEN)), "lat",
				"site.location.required");
		assertProblem(() -> sites.create(station(fengtai, unique("x"), 39.86, 116.3, Crs.WGS84, "PH off", Set.of(), SiteStatus.OPEN)),
				"openingHours", "site.hours.syntax");
		assertThat(siteCount()).isEqualTo(before);
		assertThat(events.opened).isEmpty();
	}

	@Test
	@WithUserDetails("fengtai")
	void namesAreUniquePerOrganisation() {
		long fengtai = id(jdbc, "丰台区总工会");
		assertProblem(() -> sites.create(station(fengtai, "丰台站暖心驿站", 39.86, 116.3, Crs.WGS84, "24/7", Set.of(), SiteStatus.PLANNED)), "name",
				"site.name.taken");
	}

	@Test
	@WithUserDetails("fengtai")
	void statusMovesFollowTheRulesAndOnlyTheFirstOpeningIsAnnounced() {
		long fengtai = id(jdbc, "丰台区总工会");
		long siteId = sites.create(station(fengtai, unique("规划驿站"), 39.87, 116.31, Crs.WGS84, "24/7", Set.of(), SiteStatus.PLANNED));
		LocalDate today = queries.today();
		assertThat(queries.get(siteId).openedOn()).isNull();
		sites.changeStatus(siteId, SiteStatus.BUILDING, today, null);
		assertProblem(() -> sites.changeStatus(siteId, SiteStatus.SUSPENDED, today, "x"), "status", "site.status.illegal");
		assertProblem(() -> sites.changeStatus(siteId, SiteStatus.OPEN, today.plusDays(1), null), "effectiveOn", "validation.dateInFuture");
		assertProblem(() -> sites.changeStatus(siteId, SiteStatus.OPEN, today.minusDays(1), null), "effectiveOn", "site.status.beforeCurrent");
		sites.changeStatus(siteId, SiteStatus.OPEN, today, null);
		assertThat(events.opened).extracting(SiteOpened::siteId).containsExactly(siteId);
		assertThat(nearest.nearest(39.87, 116.31, Crs.WGS84, 1, null, null, false)).extracting(NearbySite::id).containsExactly(siteId);

		assertProblem(() -> sites.changeStatus(siteId, SiteStatus.SUSPENDED, today, " "), "note", "site.status.reasonRequired");
		sites.changeStatus(siteId, SiteStatus.SUSPENDED, today, "装修");
		assertThat(nearest.nearest(39.87, 116.31, Crs.WGS84, 1, null, null, false)).extracting(NearbySite::id).doesNotContain(siteId);
		sites.changeStatus(siteId, SiteStatus.OPEN, today, null);
		assertThat(events.opened).hasSize(1);
		assertThat(queries.get(siteId).openedOn()).isEqualTo(today);
		sites.changeStatus(siteId, SiteStatus.CLOSED, today, "拆除");
		assertProblem(() -> sites.changeStatus(siteId, SiteStatus.OPEN, today, null), "status", "site.status.illegal");
		assertThat(queries.history(siteId)).extracting(h -> h.to()).containsExactly(SiteStatus.CLOSED, SiteStatus.OPEN, SiteStatus.SUSPENDED,
				SiteStatus.OPEN, SiteStatus.BUILDING, SiteStatus.PLANNED);
	}

	@Test
	@WithUserDetails("fengtai")
	void aSiteThatNeverOpenedClosesWithoutCountingAsAnOpening() {
		long fengtai = id(jdbc, "丰台区总工会");
		long siteId = sites.create(station(fengtai, unique("未建成驿站"), 39.88, 116.33, Crs.WGS84, "24/7", Set.of(), SiteStatus.PLANNED));
		sites.changeStatus(siteId, SiteStatus.CLOSED, queries.today(), "选址取消");
		assertThat(queries.get(siteId).status()).isEqualTo(SiteStatus.CLOSED);
		assertThat(queries.get(siteId).openedOn()).isNull();
		assertThat(events.opened).isEmpty();
		// A new record starts planned, being built or open; suspending and closing are moves with a reason.
		assertProblem(() -> sites.create(station(fengtai, unique("直接关闭"), 39.88, 116.33, Crs.WGS84, "24/7", Set.of(), SiteStatus.CLOSED)),
				"status", "site.status.newOnly");
		assertProblem(() -> sites.create(station(fengtai, unique("直接暂停"), 39.88, 116.33, Crs.WGS84, "24/7", Set.of(), SiteStatus.SUSPENDED)),
				"status", "site.status.newOnly");
		// The demo's closed station was open for a while first, so it has an opening date.
		assertThat(jdbc.sql("select opened_on from site where name = '夕照寺驿站'").query(LocalDate.class).single()).isNotNull();
	}

	@Test
	@WithUserDetails("fengtai")
	void theExportWritesItsAuditEntryAndOnlyTheScope() throws Exception {
		long before = jdbc.sql("select count(*) from audit_entry where action = 'site.export'").query(Long.class).single();
		var out = new java.io.ByteArrayOutputStream();
		exports.write(new SiteQuery(null, null, null, null, null), false, out);
		assertThat(jdbc.sql("select count(*) from audit_entry where action = 'site.export'").query(Long.class).single()).isEqualTo(before + 1);
		try (var workbook = new org.dhatim.fastexcel.reader.ReadableWorkbook(new java.io.ByteArrayInputStream(out.toByteArray()))) {
			List<String> owners = workbook.getFirstSheet().read().stream().skip(1).map(r -> r.getCellText(1)).distinct().toList();
			assertThat(owners).contains("丰台区总工会", "泛华集团工会").doesNotContain("朝阳区总工会", "龙潭街道总工会", "延庆区总工会");
		}
	}

	@Test
	void theDatabaseKeepsOneFeedbackPerAccountSiteAndDay() {
		long siteId = jdbc.sql("select id from site where name = '丰台站暖心驿站'").query(Long.class).single();
		String author = unique("u");
		Runnable insert = () -> jdbc.sql("insert into site_feedback (site_id, author, author_name, rating, status, created_at, created_day)"
				+ " values (:site, :author, '李**', 5, 'PENDING', :at, :day)")
			.param("site", siteId).param("author", author).param("at", Timestamp.from(Instant.now()))
			.param("day", java.sql.Date.valueOf(queries.today())).update();
		insert.run();
		assertThatExceptionOfType(org.springframework.dao.DuplicateKeyException.class).isThrownBy(insert::run);
		jdbc.sql("delete from site_feedback where author = :author").param("author", author).update();
	}

	@Test
	@WithUserDetails("fengtai")
	void staleEditsAreRefused() {
		long fengtai = id(jdbc, "丰台区总工会");
		String name = unique("版本驿站");
		long siteId = sites.create(station(fengtai, name, 39.87, 116.32, Crs.WGS84, "24/7", Set.of(), SiteStatus.OPEN));
		int version = queries.get(siteId).version();
		sites.update(siteId, version, station(fengtai, name, 39.87, 116.32, Crs.WGS84, "Mo-Fr 08:00-18:00", Set.of(), null));
		assertThatExceptionOfType(OptimisticLockingFailureException.class)
			.isThrownBy(() -> sites.update(siteId, version, station(fengtai, name, 39.87, 116.32, Crs.WGS84, "24/7", Set.of(), null)));
		assertThat(queries.get(siteId).openingHours()).isEqualTo("Mo-Fr 08:00-18:00");
	}

	@Test
	@WithUserDetails("fengtai")
	void staffSeeAndWriteOnlyTheirSubtree() {
		long chaoyang = id(jdbc, "朝阳区总工会");
		long chaoyangSite = jdbc.sql("select id from site where name = '朝阳区职工心理服务中心减压室'").query(Long.class).single();
		long fanhuaRoom = jdbc.sql("select id from site where name = '泛华集团职工心理减压室'").query(Long.class).single();
		assertThatExceptionOfType(RecordNotFoundException.class).isThrownBy(() -> queries.get(chaoyangSite));
		assertThat(queries.get(fanhuaRoom).name()).isEqualTo("泛华集团职工心理减压室");
		assertProblem(() -> sites.create(station(chaoyang, unique("越界"), 39.93, 116.44, Crs.WGS84, "24/7", Set.of(), SiteStatus.PLANNED)),
				"organizationId", "site.organization.notFound");
		PageResult<SiteQueries.SiteView> page = queries.search(new SiteQuery(null, null, null, null, null), new PageResult.Request(0, 200));
		assertThat(page.content()).extracting(SiteQueries.SiteView::organizationName).doesNotContain("朝阳区总工会", "延庆区总工会", "龙潭街道总工会");
		assertThat(page.content()).extracting(SiteQueries.SiteView::name).contains("丰台站暖心驿站", "泛华集团母婴关爱室");
		assertThatExceptionOfType(RecordNotFoundException.class)
			.isThrownBy(() -> queries.search(new SiteQuery(null, null, null, chaoyang, null), new PageResult.Request(0, 20)));
		// A non-public site is not shown to the public (or to staff outside the scope), a public one is.
		assertThat(queries.getPublic(chaoyangSite).name()).isEqualTo("朝阳区职工心理服务中心减压室");
		long school = jdbc.sql("select id from site where name = '陈经纶中学教师心理减压室'").query(Long.class).single();
		assertThatExceptionOfType(RecordNotFoundException.class).isThrownBy(() -> queries.getPublic(school));
	}

	@Test
	@WithUserDetails("worker")
	void workersCannotManageSites() {
		long fengtai = id(jdbc, "丰台区总工会");
		assertThatExceptionOfType(AccessDeniedException.class)
			.isThrownBy(() -> sites.create(station(fengtai, unique("x"), 39.86, 116.3, Crs.WGS84, "24/7", Set.of(), SiteStatus.OPEN)));
		assertThatExceptionOfType(AccessDeniedException.class)
			.isThrownBy(() -> queries.search(new SiteQuery(null, null, null, null, null), new PageResult.Request(0, 20)));
	}

	@Test
	void writesOfAnotherInstanceReachTheIndexByPolling() throws Exception {
		long fengtai = id(jdbc, "丰台区总工会");
		String name = unique("他处驿站");
		long revision = jdbc.sql("select nextval('site_revision_seq')").query(Long.class).single();
		Timestamp now = Timestamp.from(Instant.now());
		// Another instance's insert: straight into the table, no event on this one.
		jdbc.sql("insert into site (organization_id, type, name, address, lat, lon, opening_hours, amenities, status, status_since, opened_on,"
				+ " is_public, revision, created_at, updated_at) values (:org, 'OUTDOOR_WORKER_STATION', :name, '丰台区', 43.5, 125.3, '24/7', 0,"
				+ " 'OPEN', current_date, current_date, true, :rev, :now, :now)")
			.param("org", fengtai).param("name", name).param("rev", revision).param("now", now).update();
		long siteId = jdbc.sql("select id from site where name = :name").param("name", name).query(Long.class).single();
		// 长春, far from every demo site: the nearest to it is the new one once the poll has run.
		refreshIndex();
		assertThat(nearest.nearest(43.5, 125.3, Crs.WGS84, 1, null, null, false)).extracting(NearbySite::id).containsExactly(siteId);

		long closing = jdbc.sql("select nextval('site_revision_seq')").query(Long.class).single();
		jdbc.sql("update site set status = 'CLOSED', revision = :rev, updated_at = :now where id = :id")
			.param("rev", closing).param("now", Timestamp.from(Instant.now())).param("id", siteId).update();
		refreshIndex();
		assertThat(nearest.nearest(43.5, 125.3, Crs.WGS84, 1, null, null, false)).extracting(NearbySite::id).doesNotContain(siteId);
	}

	@Test
	void theIndexHoldsExactlyTheOpenPublicSites() {
		long findable = jdbc.sql("select count(*) from site where status = 'OPEN' and is_public = true").query(Long.class).single();
		refreshIndex();
		assertThat((long) nearest.indexedSites()).isEqualTo(findable);
		List<NearbySite> all = nearest.nearest(LAT, LON, Crs.WGS84, NearestSites.MAX_K, null, null, false);
		assertThat(all).extracting(NearbySite::distanceMeters).isSorted();
		assertThat(all).extracting(NearbySite::name).doesNotContain("泛华集团职工心理减压室", "卢沟桥职工之家", "夕照寺驿站", "六里桥暖心驿站");
	}

	@Test
	void nearestRefusesBadPoints() {
		assertProblem(() -> nearest.nearest(null, 116.3, Crs.WGS84, 5, null, null, false), "lat", "site.location.required");
		assertProblem(() -> nearest.nearest(Double.NaN, 116.3, Crs.WGS84, 5, null, null, false), "lat", "site.location.notNumber");
		assertProblem(() -> nearest.nearest(39.9, 116.3, Crs.WGS84, 0, null, null, false), "k", "site.nearest.k");
		assertProblem(() -> nearest.nearest(39.9, 116.3, Crs.WGS84, 51, null, null, false), "k", "site.nearest.k");
	}

	private void refreshIndex() {
		// The scheduled poll, run now instead of waiting for it.
		Object maintainer = context.getBean("siteIndexMaintainer");
		org.springframework.test.util.ReflectionTestUtils.invokeMethod(maintainer, "refresh");
	}
}
