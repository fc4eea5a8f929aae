package org.gonghui.workplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.gonghui.GonghuiApplication;
import org.gonghui.TestUsers;
import org.gonghui.platform.Metric;
import org.gonghui.platform.Metric.Counted;
import org.gonghui.platform.Metric.Period;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.OrgPath;
import org.gonghui.shared.RecordNotFoundException;
import org.gonghui.workplan.internal.MetricCatalog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every published metric against a hand-counted fixture ({@link MetricFixture}) on a real database: the subtree
 * (the district, each street, a street's staff seeing their own subtree only) and periods of Beijing days (rows
 * half an hour either side of the Beijing new year fall in the year Beijing's calendar says).
 */
@SpringBootTest(classes = GonghuiApplication.class)
@ActiveProfiles({ "demo", "test" })
@Transactional
abstract class MetricContract {

	static final Period Y2025 = Period.year(2025);
	static final Period Y2026 = Period.year(2026);

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MetricCatalog catalog;

	@Autowired
	UserDetailsService users;

	@Autowired
	MessageSource messages;

	MetricFixture f;

	@BeforeEach
	void fixture() {
		f = new MetricFixture(jdbc);
		// Sites: two stations open in 2026 (one on 1 January, one on 31 December), one in 2025 in street 乙, one
		// still planned; a workers' home opened in 2026 and closed since.
		f.site(f.streetA, "OUTDOOR_WORKER_STATION", "甲站一", "OPEN", LocalDate.of(2026, 1, 1));
		f.site(f.unionA1, "OUTDOOR_WORKER_STATION", "甲一站", "OPEN", LocalDate.of(2026, 12, 31));
		f.site(f.streetB, "OUTDOOR_WORKER_STATION", "乙站", "OPEN", LocalDate.of(2025, 12, 31));
		f.site(f.streetB, "OUTDOOR_WORKER_STATION", "乙站二", "PLANNED", null);
		f.site(f.streetA, "WORKERS_HOME", "甲之家", "CLOSED", LocalDate.of(2026, 6, 1));
		// Employers: founded at 00:30 on Beijing's new year (2026), at 23:30 the evening before (2025), founded in
		// 2026 and reverted since, founded in 2025 and again in 2026.
		long e1 = f.employer(f.streetA, "甲单位一", "PRIVATE", 100, "FOUNDED");
		f.founded(e1, MetricFixture.NEW_YEAR_BEIJING);
		long e2 = f.employer(f.streetB, "乙单位", "STATE", 50, "FOUNDED");
		f.founded(e2, MetricFixture.OLD_YEAR_BEIJING);
		long e3 = f.employer(f.streetA, "甲单位三", "PRIVATE", 30, "PREPARING");
		f.founded(e3, Instant.parse("2026-03-01T02:00:00Z"));
		long e4 = f.employer(f.unionA1, "甲一单位", "NEW_ECONOMY", 20, "FOUNDED");
		f.founded(e4, Instant.parse("2025-05-01T02:00:00Z"));
		f.founded(e4, Instant.parse("2026-03-01T02:00:00Z"));
		// Members and their welcome packages.
		long m1 = f.member(f.unionA1, "测员一", "PLATFORM", LocalDate.of(2026, 1, 1), "ACTIVE");
		f.member(f.unionA1, "测员二", "EMPLOYEE", LocalDate.of(2026, 12, 31), "LEFT");
		long m3 = f.member(f.streetB, "测员三", "PLATFORM", LocalDate.of(2025, 12, 31), "ACTIVE");
		long m4 = f.member(f.streetB, "测员四", "FLEXIBLE", LocalDate.of(2026, 7, 1), "ACTIVE");
		long card = f.packageItem("测试区会员卡");
		long gift = f.packageItem("测试区礼包");
		f.benefit(m1, card, MetricFixture.NEW_YEAR_BEIJING);
		f.benefit(m1, gift, Instant.parse("2025-12-31T15:00:00Z"));
		f.benefit(m3, card, MetricFixture.OLD_YEAR_BEIJING);
		f.benefit(m4, card, Instant.parse("2026-03-01T02:00:00Z"));
		f.benefit(m4, gift, null);
		// Activities: a lecture starting at midnight of Beijing's new year with a member twice and a walk-in, a visit
		// one second before, a lecture not held yet, a finished caravan and an ongoing one.
		long lecture = f.activity(f.unionA1, "LECTURE", "测试讲座", "FINISHED", Instant.parse("2025-12-31T16:00:00Z"), Instant.parse("2026-02-01T02:00:00Z"));
		f.checkIn(lecture, f.session(lecture, 0), m1, null);
		f.checkIn(lecture, f.session(lecture, 1), m1, null);
		f.checkIn(lecture, f.session(lecture, 1), null, "路人");
		long visit = f.activity(f.streetB, "VISIT", "测试走访", "FINISHED", Instant.parse("2025-12-31T15:59:59Z"));
		for (String name : List.of("甲", "乙", "丙")) {
			f.checkIn(visit, f.session(visit, 0), null, name);
		}
		f.activity(f.streetA, "LECTURE", "未办讲座", "PUBLISHED", Instant.parse("2026-05-01T02:00:00Z"));
		long caravan = f.activity(f.unionA1, "CARAVAN", "测试大篷车", "FINISHED", Instant.parse("2026-04-01T02:00:00Z"));
		f.caravan(f.unionA1, caravan);
		long ongoing = f.activity(f.streetB, "CARAVAN", "进行中大篷车", "ONGOING", Instant.parse("2026-04-02T02:00:00Z"));
		f.caravan(f.streetB, ongoing);
		// Honours: one in 2025 and one in 2026 in 甲一, a revoked one in 乙.
		long title = f.title("测试区劳动模范", "MODEL_WORKER");
		long h1 = f.honoree(f.unionA1, "测劳模");
		f.honor(h1, title, 2025, "ACTIVE");
		f.honor(h1, title, 2026, "ACTIVE");
		f.honor(f.honoree(f.streetB, "测撤销"), title, 2026, "REVOKED");
		// Self-assessments: twelve in 甲一 in 2026 (one at midnight of Beijing's new year), three in 乙.
		f.assessment(f.unionA1, Instant.parse("2025-12-31T16:00:00Z"));
		for (int i = 0; i < 11; i++) {
			f.assessment(f.unionA1, Instant.parse("2026-05-01T02:00:00Z"));
		}
		for (int i = 0; i < 3; i++) {
			f.assessment(f.streetB, Instant.parse("2026-05-01T02:00:00Z"));
		}
		f.assessment(f.streetB, Instant.parse("2025-12-31T15:59:00Z"));
		f.staff("jiastreet", f.streetA);
	}

	private long count(String code, long org, Period period) {
		Metric metric = catalog.find(code).orElseThrow();
		return metric.count(new OrgPath(f.path(org)), period);
	}

	private <T> T as(String username, Supplier<T> action) {
		return TestUsers.runAs(users, username, action);
	}

	@Test
	void sitesOpenedCountByOpeningDayInTheSubtree() {
		assertThat(count("sites-opened.OUTDOOR_WORKER_STATION", f.district, Y2026)).isEqualTo(2);
		assertThat(count("sites-opened.OUTDOOR_WORKER_STATION", f.streetA, Y2026)).isEqualTo(2);
		assertThat(count("sites-opened.OUTDOOR_WORKER_STATION", f.unionA1, Y2026)).isEqualTo(1);
		assertThat(count("sites-opened.OUTDOOR_WORKER_STATION", f.streetB, Y2026)).isZero();
		assertThat(count("sites-opened.OUTDOOR_WORKER_STATION", f.district, Y2025)).isEqualTo(1);
		assertThat(count("sites-opened.WORKERS_HOME", f.district, Y2026)).isEqualTo(1);
		assertThat(count("sites-opened.OUTDOOR_WORKER_STATION", f.district, new Period(LocalDate.of(2026, 1, 2), LocalDate.of(2026, 12, 30)))).isZero();
		assertThat(count("sites-open.OUTDOOR_WORKER_STATION", f.district, Y2026)).isEqualTo(3);
		assertThat(count("sites-open.OUTDOOR_WORKER_STATION", f.district, Y2025)).isEqualTo(1);
		assertThat(count("sites-open.WORKERS_HOME", f.district, Y2026)).isZero();
		List<Counted> stations = catalog.find("sites-opened.OUTDOOR_WORKER_STATION").orElseThrow()
			.counted(new OrgPath(f.path(f.district)), Y2026, 100);
		assertThat(stations).extracting(Counted::name).containsExactly("甲一站", "甲站一");
		assertThat(stations).extracting(Counted::date).containsExactly(LocalDate.of(2026, 12, 31), LocalDate.of(2026, 1, 1));
		assertThat(stations.get(0).organizationName()).isEqualTo("甲一基层工会");
		assertThat(stations.get(0).href()).startsWith("/sites/manage/");
	}

	@Test
	void employersCountInTheYearTheirUnionWasLastFounded() {
		assertThat(count("employers-founded", f.district, Y2026)).isEqualTo(2);
		assertThat(count("employers-founded.PRIVATE", f.district, Y2026)).isEqualTo(1);
		assertThat(count("employers-founded.NEW_ECONOMY", f.district, Y2026)).isEqualTo(1);
		assertThat(count("employers-founded.STATE", f.district, Y2026)).isZero();
		assertThat(count("employers-founded", f.district, Y2025)).isEqualTo(1);
		assertThat(count("employers-founded.STATE", f.streetB, Y2025)).isEqualTo(1);
		assertThat(count("employers-founded", f.streetA, Y2025)).isZero();
		assertThat(count("employer-workers", f.district, Y2026)).isEqualTo(200);
		assertThat(count("employer-workers", f.streetA, Y2026)).isEqualTo(150);
		List<Counted> founded = catalog.find("employers-founded").orElseThrow().counted(new OrgPath(f.path(f.district)), Y2026, 100);
		assertThat(founded).extracting(Counted::name).containsExactly("甲一单位", "甲单位一");
		assertThat(founded.get(1).date()).isEqualTo(LocalDate.of(2026, 1, 1));
	}

	@Test
	void membersJoinedByWorkFormAndWelcomePackagesHandedOver() {
		assertThat(count("members-joined", f.district, Y2026)).isEqualTo(3);
		assertThat(count("members-joined.PLATFORM", f.district, Y2026)).isEqualTo(1);
		assertThat(count("members-joined.PLATFORM", f.district, Y2025)).isEqualTo(1);
		assertThat(count("members-joined", f.streetA, Y2026)).isEqualTo(2);
		assertThat(count("members-joined", f.streetB, Y2026)).isEqualTo(1);
		assertThat(count("members-active", f.district, Y2026)).isEqualTo(3);
		assertThat(count("members-active", f.district, Y2025)).isEqualTo(1);
		assertThat(count("welcome-packages", f.district, Y2026)).isEqualTo(1);
		assertThat(count("welcome-packages", f.district, Y2025)).isEqualTo(1);
		assertThat(count("welcome-packages", f.streetB, Y2026)).isZero();
		assertThat(catalog.find("welcome-packages").orElseThrow().counted(new OrgPath(f.path(f.district)), Y2026, 10))
			.extracting(Counted::name, Counted::date).containsExactly(org.assertj.core.groups.Tuple.tuple("测员一", LocalDate.of(2026, 1, 1)));
	}

	@Test
	void activitiesHeldCountOnTheDayOfTheirFirstSessionWithPeopleCheckedIn() {
		assertThat(count("activities-held", f.district, Y2026)).isEqualTo(3);
		assertThat(count("activities-held.LECTURE", f.district, Y2026)).isEqualTo(1);
		assertThat(count("activities-held.CARAVAN", f.district, Y2026)).isEqualTo(2);
		assertThat(count("activities-held", f.district, Y2025)).isEqualTo(1);
		assertThat(count("activities-held", f.streetB, Y2026)).isEqualTo(1);
		assertThat(count("activity-participants", f.district, Y2026)).isEqualTo(2);
		assertThat(count("activity-participants", f.district, Y2025)).isEqualTo(3);
		assertThat(count("caravans-delivered", f.district, Y2026)).isEqualTo(1);
		assertThat(count("caravans-delivered", f.streetB, Y2026)).isZero();
		List<Counted> held = catalog.find("activity-participants").orElseThrow().counted(new OrgPath(f.path(f.district)), Y2025, 10);
		assertThat(held).extracting(Counted::name, Counted::quantity, Counted::date)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("测试走访", 3L, LocalDate.of(2025, 12, 31)));
	}

	@Test
	void honoursCountInTheirYearUnlessRevoked() {
		assertThat(count("honours-conferred", f.district, Y2026)).isEqualTo(1);
		assertThat(count("honours-conferred.MODEL_WORKER", f.district, Y2026)).isEqualTo(1);
		assertThat(count("honours-conferred.CRAFTSMAN", f.district, Y2026)).isZero();
		assertThat(count("honours-conferred", f.district, Y2025)).isEqualTo(1);
		assertThat(count("honours-conferred", f.streetB, Y2026)).isZero();
		assertThat(count("honours-conferred", f.district, new Period(LocalDate.of(2025, 6, 1), LocalDate.of(2026, 6, 1)))).isEqualTo(2);
	}

	@Test
	void assessmentsAreCountsOnlyAndSmallOnesAreHidden() {
		assertThat(count("care-assessments", f.district, Y2026)).isEqualTo(15);
		assertThat(count("care-assessments", f.district, Y2025)).isEqualTo(1);
		Metric assessments = catalog.find("care-assessments").orElseThrow();
		assertThat(assessments.listsRecords()).isFalse();
		assertThat(assessments.counted(new OrgPath(f.path(f.district)), Y2026, 100)).isEmpty();
		var figure = as("beijing", () -> catalog.figure("care-assessments", f.district, Y2026.from(), Y2026.to()));
		assertThat(figure.value()).isEqualTo(15);
		var small = as("beijing", () -> catalog.figure("care-assessments", f.streetB, Y2026.from(), Y2026.to()));
		assertThat(small.value()).isNull();
		assertThat(small.hidden()).isTrue();
	}

	@Test
	void aStreetSeesItsOwnSubtreeOnly() {
		var own = as("jiastreet", () -> catalog.figure("sites-opened.OUTDOOR_WORKER_STATION", f.streetA, Y2026.from(), Y2026.to()));
		assertThat(own.value()).isEqualTo(2);
		assertThatExceptionOfType(RecordNotFoundException.class)
			.isThrownBy(() -> as("jiastreet", () -> catalog.figure("sites-opened.OUTDOOR_WORKER_STATION", f.district, Y2026.from(), Y2026.to())));
		assertThatExceptionOfType(RecordNotFoundException.class)
			.isThrownBy(() -> as("jiastreet", () -> catalog.figure("sites-opened.OUTDOOR_WORKER_STATION", f.streetB, Y2026.from(), Y2026.to())));
		assertThatExceptionOfType(RecordNotFoundException.class)
			.isThrownBy(() -> as("fengtai", () -> catalog.figure("members-joined", f.district, Y2026.from(), Y2026.to())));
		assertThatExceptionOfType(AccessDeniedException.class)
			.isThrownBy(() -> as("worker", () -> catalog.figure("members-joined", f.district, Y2026.from(), Y2026.to())));
	}

	@Test
	void badInputIsRefusedWithFieldProblems() {
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> as("beijing", () -> catalog.figure("no.such.metric", f.district, Y2026.to(), Y2026.from())))
			.satisfies(e -> assertThat(e.problems()).extracting(p -> p.field() + ":" + p.code())
				.containsExactly("metric:workplan.metric.unknown", "to:workplan.period.order"));
	}

	@Test
	void everyMetricHasALabelAndAUnitInBothLanguagesAndRunsOnThisDatabase() {
		assertThat(catalog.all()).hasSizeGreaterThan(30);
		for (Metric m : catalog.all()) {
			for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
				assertThat(messages.getMessage(m.labelKey(), null, null, locale)).as(m.code() + " label").isNotBlank();
				assertThat(messages.getMessage(m.unitKey(), null, null, locale)).as(m.code() + " unit").isNotBlank();
			}
			// The statements of every metric run on this database, not only those counted above.
			assertThat(m.count(new OrgPath(f.path(f.district)), Y2026)).as(m.code()).isNotNegative();
			assertThat(m.counted(new OrgPath(f.path(f.district)), Y2026, 5)).as(m.code()).hasSizeLessThanOrEqualTo(5);
		}
	}
}
