package org.gonghui.workplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.gonghui.TestOrganizations.count;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

import org.gonghui.GonghuiApplication;
import org.gonghui.TestUsers;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.RecordNotFoundException;
import org.gonghui.shared.StateConflictException;
import org.gonghui.workplan.internal.MeetingService;
import org.gonghui.workplan.internal.MeetingService.MeetingInput;
import org.gonghui.workplan.internal.MeetingService.Report;
import org.gonghui.workplan.internal.MeetingService.ResolutionInput;
import org.gonghui.workplan.internal.MeetingService.SpeechInput;
import org.gonghui.workplan.internal.PlanService;
import org.gonghui.workplan.internal.PlanService.PlanInput;
import org.gonghui.workplan.internal.PlanService.PriorityInput;
import org.gonghui.workplan.internal.PlanService.Share;
import org.gonghui.workplan.internal.PlanService.TargetInput;
import org.gonghui.workplan.internal.ProgressService;
import org.gonghui.workplan.internal.ProgressService.TargetProgress;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.annotation.Transactional;

/**
 * Meetings and plans on a real database over the hand-counted district of {@link MetricFixture}: targets measured
 * from the metrics, the split among streets with the children's sum and the shortfall, adoption by a resolution at a
 * quorate meeting only and only once, bad input storing nothing, and the scope of a street's staff.
 */
@SpringBootTest(classes = GonghuiApplication.class)
@ActiveProfiles({ "demo", "test" })
@Transactional
abstract class PlanContract {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlanService plans;

	@Autowired
	ProgressService progress;

	@Autowired
	MeetingService meetings;

	@Autowired
	UserDetailsService users;

	MetricFixture f;

	@org.junit.jupiter.api.AfterEach
	void resetLocale() {
		org.springframework.context.i18n.LocaleContextHolder.resetLocaleContext();
	}

	@BeforeEach
	void fixture() {
		// Labels and units in the application's default language, as a page would show them.
		org.springframework.context.i18n.LocaleContextHolder.setLocale(java.util.Locale.SIMPLIFIED_CHINESE);
		f = new MetricFixture(jdbc);
		f.site(f.streetA, "OUTDOOR_WORKER_STATION", "甲站一", "OPEN", LocalDate.of(2026, 1, 1));
		f.site(f.unionA1, "OUTDOOR_WORKER_STATION", "甲一站", "OPEN", LocalDate.of(2026, 3, 1));
		f.site(f.streetB, "OUTDOOR_WORKER_STATION", "乙站", "OPEN", LocalDate.of(2026, 4, 1));
		f.site(f.streetB, "OUTDOOR_WORKER_STATION", "乙站旧", "OPEN", LocalDate.of(2025, 12, 31));
		f.site(f.streetA, "WORKERS_HOME", "甲之家", "OPEN", LocalDate.of(2026, 6, 1));
		f.member(f.unionA1, "测员一", "PLATFORM", LocalDate.of(2026, 1, 1), "ACTIVE");
		f.staff("jiastreet", f.streetA);
	}

	private <T> T as(String username, Supplier<T> action) {
		return TestUsers.runAs(users, username, action);
	}

	private long districtPlan() {
		return as("beijing", () -> plans.create(new PlanInput(f.district, 2026, null,
				List.of(new PriorityInput("推进户外劳动者服务站点建设", "权益保障部")),
				List.of(new TargetInput("sites-opened.OUTDOOR_WORKER_STATION", 10L, "新建户外劳动者服务站点", true, null, null),
						new TargetInput("sites-opened.WORKERS_HOME", 2L, null, true, null, null),
						new TargetInput("members-joined.PLATFORM", 4L, "新就业形态劳动者入会", false,
								List.of(0L, 1L, 1L, 1L, 2L, 2L, 2L, 3L, 3L, 3L, 4L, 4L), null)))));
	}

	private static TargetProgress target(ProgressService.PlanProgress p, String metric) {
		return p.targets().stream().filter(t -> t.metric().equals(metric)).findFirst().orElseThrow();
	}

	@Test
	void targetsAreMeasuredFromTheMetricsOverThePlansYear() {
		long plan = districtPlan();
		var p = as("beijing", () -> progress.progress(plan));
		assertThat(p.status()).isEqualTo(PlanStatus.DRAFT);
		TargetProgress stations = target(p, "sites-opened.OUTDOOR_WORKER_STATION");
		assertThat(stations.value()).isEqualTo(10);
		assertThat(stations.actual()).isEqualTo(3);
		assertThat(stations.percent()).isEqualByComparingTo("30.0");
		assertThat(stations.livelihood()).isTrue();
		assertThat(stations.unit()).isEqualTo("个");
		TargetProgress homes = target(p, "sites-opened.WORKERS_HOME");
		assertThat(homes.label()).isEqualTo("新建职工之家");
		assertThat(homes.actual()).isEqualTo(1);
		TargetProgress gig = target(p, "members-joined.PLATFORM");
		assertThat(gig.actual()).isEqualTo(1);
		// A new station shows at once: nothing is typed in or cached.
		f.site(f.streetB, "OUTDOOR_WORKER_STATION", "乙站新", "OPEN", LocalDate.of(2026, 5, 1));
		assertThat(target(as("beijing", () -> progress.progress(plan)), "sites-opened.OUTDOOR_WORKER_STATION").actual()).isEqualTo(4);
	}

	@Test
	void aMassOfRecordsInTheLastWeekIsFlaggedForAFlowAndForAStockOnlyByItsRise() {
		LocalDate today = progress.today();
		int year = today.getYear();
		for (int i = 0; i < 20; i++) {
			f.site(f.streetA, "NURSING_ROOM", "老母婴室" + i, "OPEN", LocalDate.of(year - 1, 6, 1));
		}
		long plan = as("beijing", () -> plans.create(new PlanInput(f.district, year, null, List.of(new PriorityInput("建设母婴室", "女职工部")),
				List.of(new TargetInput("sites-opened.NURSING_ROOM", 10L, null, false, null, null),
						new TargetInput("sites-open.NURSING_ROOM", 40L, null, false, null, null)))));
		assertThat(target(as("beijing", () -> progress.progress(plan)), "sites-open.NURSING_ROOM").lateSurge()).isFalse();
		// Six opened today, as a mass import just before the deadline would: all of the year's flow came this week,
		// but the stock rose by 6 of 26, under 30 %.
		for (int i = 0; i < 6; i++) {
			f.site(f.streetB, "NURSING_ROOM", "新母婴室" + i, "OPEN", today);
		}
		var p = as("beijing", () -> progress.progress(plan));
		assertThat(target(p, "sites-opened.NURSING_ROOM").actual()).isEqualTo(6);
		assertThat(target(p, "sites-opened.NURSING_ROOM").lateSurge()).isTrue();
		assertThat(target(p, "sites-open.NURSING_ROOM").actual()).isEqualTo(26);
		assertThat(target(p, "sites-open.NURSING_ROOM").lateSurge()).isFalse();
		// Four more: the stock rose by 10 of 30 this week, over the share.
		for (int i = 6; i < 10; i++) {
			f.site(f.streetB, "NURSING_ROOM", "新母婴室" + i, "OPEN", today);
		}
		assertThat(target(as("beijing", () -> progress.progress(plan)), "sites-open.NURSING_ROOM").lateSurge()).isTrue();
	}

	@Test
	void aSplitTargetShowsEachShareAndTheShortfallOfTheirSum() {
		long plan = districtPlan();
		long stations = target(as("beijing", () -> progress.progress(plan)), "sites-opened.OUTDOOR_WORKER_STATION").id();
		TargetProgress split = as("beijing", () -> {
			plans.split(plan, stations, List.of(new Share(f.streetA, 4L), new Share(f.streetB, 3L)));
			return progress.target(plan, stations);
		});
		assertThat(split.childrenSum()).isEqualTo(7);
		assertThat(split.shortfall()).isTrue();
		assertThat(split.children()).extracting(c -> c.organizationName() + ":" + c.value() + ":" + c.actual())
			.containsExactly("甲街道总工会:4:2", "乙街道总工会:3:1");
		// Given again, a share replaces the old one; the sum now covers the target.
		TargetProgress again = as("beijing", () -> {
			plans.split(plan, stations, List.of(new Share(f.streetA, 6L), new Share(f.streetB, 4L)));
			return progress.target(plan, stations);
		});
		assertThat(again.childrenSum()).isEqualTo(10);
		assertThat(again.shortfall()).isFalse();
		assertThat(count(jdbc, "wp_target t join wp_plan p on p.id = t.plan_id where p.organization_id in (" + f.streetA + ", " + f.streetB + ")"))
			.isEqualTo(2);
		// The street's staff see their own plan made by the split, and the district's not at all.
		long streetPlan = again.children().get(0).planId();
		var own = as("jiastreet", () -> progress.progress(streetPlan));
		assertThat(own.targets()).singleElement().satisfies(t -> {
			assertThat(t.value()).isEqualTo(6);
			assertThat(t.actual()).isEqualTo(2);
			assertThat(t.parentTargetId()).isEqualTo(stations);
		});
		assertThatExceptionOfType(RecordNotFoundException.class).isThrownBy(() -> as("jiastreet", () -> progress.progress(plan)));
		assertThatExceptionOfType(RecordNotFoundException.class)
			.isThrownBy(() -> as("jiastreet", () -> progress.drill(plan, stations)));
		assertThatExceptionOfType(RecordNotFoundException.class)
			.isThrownBy(() -> as("fengtai", () -> plans.detail(plan)));
		// Only organisations directly below take a share.
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> as("beijing", () -> {
				plans.split(plan, stations, List.of(new Share(f.unionA1, 1L), new Share(f.streetA, 0L)));
				return null;
			}))
			.satisfies(e -> assertThat(e.problems()).extracting(p -> p.field() + ":" + p.code())
				.containsExactly("shares[0].organizationId:workplan.split.notChild", "shares[1].value:workplan.target.value"));
	}

	@Test
	void theDrillDownListsTheStationsWithTheirOpeningDays() {
		long plan = districtPlan();
		long stations = target(as("beijing", () -> progress.progress(plan)), "sites-opened.OUTDOOR_WORKER_STATION").id();
		var drill = as("beijing", () -> progress.drill(plan, stations));
		assertThat(drill.records()).extracting(r -> r.name() + "@" + r.date()).containsExactly("乙站@2026-04-01", "甲一站@2026-03-01", "甲站一@2026-01-01");
	}

	@Test
	void aQuorateMeetingAdoptsThePlanOnceAndTheMinutesArePrinted() {
		long plan = districtPlan();
		var created = as("beijing", () -> meetings.create(new MeetingInput(f.district, "PLENARY", 13, 4, LocalDate.of(2026, 1, 15), "区职工之家", 41, 38,
				new Report("深入学习贯彻党的二十大精神 为区域高质量发展贡献工会力量", "王华", null),
				List.of(new SpeechInput("甲街道总工会", null, "张三", "推进站点建设"), new SpeechInput(null, f.streetB, null, null)),
				List.of(new ResolutionInput("关于工作报告的决议", 38, 0, 0, false), new ResolutionInput("关于2026年工作计划的决议", 37, 0, 1, true)), plan)));
		assertThat(created.quorate()).isTrue();
		assertThat(created.planAdopted()).isTrue();
		var adopted = as("beijing", () -> plans.detail(plan));
		assertThat(adopted.status()).isEqualTo(PlanStatus.ADOPTED);
		assertThat(adopted.adoptedOn()).isEqualTo(LocalDate.of(2026, 1, 15));
		var view = as("beijing", () -> meetings.detail(created.id()));
		assertThat(view.speeches()).extracting(s -> s.organizationName() + "/" + s.organizationId())
			.containsExactly("甲街道总工会/" + f.streetA, "乙街道总工会/" + f.streetB);
		assertThat(view.resolutions()).extracting(r -> r.adopted() + "/" + r.planId()).containsExactly("true/null", "true/" + plan);
		ByteArrayOutputStream pdf = new ByteArrayOutputStream();
		as("beijing", () -> {
			meetings.minutes(created.id(), pdf);
			return null;
		});
		assertThat(new String(pdf.toByteArray(), 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
		// The same session twice is a conflict; so is adopting an adopted plan at another meeting.
		assertThatExceptionOfType(StateConflictException.class).isThrownBy(() -> as("beijing",
				() -> meetings.create(new MeetingInput(f.district, "PLENARY", 13, 4, LocalDate.of(2026, 2, 1), null, null, null, null, null, null, null))));
		assertThatExceptionOfType(StateConflictException.class).isThrownBy(() -> as("beijing",
				() -> meetings.create(new MeetingInput(f.district, "STANDING", 13, 9, LocalDate.of(2026, 2, 1), null, null, null, null, null, null, plan))));
	}

	@Test
	void withoutQuorumOrMajorityNothingIsAdopted() {
		long plan = districtPlan();
		// 20 of 41 is not more than half: the meeting is recorded, its resolutions do not pass, the plan stays a draft.
		var short_ = as("beijing", () -> meetings.create(new MeetingInput(f.district, "PLENARY", 13, 5, LocalDate.of(2026, 3, 1), null, 41, 20, null,
				List.of(), List.of(new ResolutionInput("关于工作计划的决议", 20, 0, 0, true)), plan)));
		assertThat(short_.quorate()).isFalse();
		assertThat(short_.planAdopted()).isFalse();
		// Quorate, but 20 for out of 41 members is not a majority of all members.
		var minority = as("beijing", () -> meetings.create(new MeetingInput(f.district, "PLENARY", 13, 6, LocalDate.of(2026, 3, 2), null, 41, 30, null,
				List.of(), List.of(new ResolutionInput("关于工作计划的决议", 20, 5, 5, true)), plan)));
		assertThat(minority.quorate()).isTrue();
		assertThat(minority.planAdopted()).isFalse();
		assertThat(as("beijing", () -> plans.detail(plan)).status()).isEqualTo(PlanStatus.DRAFT);
		// A workers' congress needs two thirds present: 27 of 41 is not enough, 28 is.
		assertThat(MeetingKind.CONGRESS.quorate(27, 41)).isFalse();
		assertThat(MeetingKind.CONGRESS.quorate(28, 41)).isTrue();
		assertThat(MeetingKind.PLENARY.quorate(21, 41)).isTrue();
	}

	@Test
	void badInputNamesEveryFieldAndStoresNothing() {
		long plansBefore = count(jdbc, "wp_plan");
		long meetingsBefore = count(jdbc, "wp_meeting");
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> as("beijing", () -> plans.create(new PlanInput(f.district, 1999, null, List.of(new PriorityInput(" ", null)),
					List.of(new TargetInput("no-such-metric", 5L, null, false, null, null),
							new TargetInput("sites-opened.WORKERS_HOME", 0L, "甲", false, null, null),
							new TargetInput("sites-opened.WORKERS_HOME", 3L, "甲", false, List.of(1L, 2L), null))))))
			.satisfies(e -> assertThat(e.problems()).extracting(p -> p.field() + ":" + p.code()).containsExactly("year:workplan.plan.year",
					"priorities[0].text:validation.required", "targets[0].metric:workplan.metric.unknown", "targets[1].value:workplan.target.value",
					"targets[2].label:workplan.target.duplicate", "targets[2].milestones:workplan.target.milestones"));
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> as("beijing", () -> meetings.create(new MeetingInput(f.district, "FEAST", 0, 4, null, null, 10, 11, null,
					List.of(new SpeechInput(null, null, null, null)), List.of(new ResolutionInput("决议", 5, null, 0, false)), 999999L))))
			.satisfies(e -> assertThat(e.problems()).extracting(p -> p.field() + ":" + p.code()).contains("kind:workplan.meeting.kind",
					"term:workplan.range", "date:validation.required", "membersPresent:workplan.meeting.present",
					"speeches[0].organization:validation.required", "resolutions[0].votesFor:workplan.meeting.votes",
					"adoptsPlanId:workplan.meeting.planUnknown"));
		// A plan of an organisation outside the caller's scope is not confirmed: the field is refused like an unknown one.
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> as("fengtai", () -> plans.create(new PlanInput(f.district, 2026, null, null, List.of()))))
			.satisfies(e -> assertThat(e.problems()).extracting(p -> p.field() + ":" + p.code()).containsExactly("organizationId:workplan.organization.unknown"));
		assertThat(count(jdbc, "wp_plan")).isEqualTo(plansBefore);
		assertThat(count(jdbc, "wp_meeting")).isEqualTo(meetingsBefore);
		districtPlan();
		assertThatExceptionOfType(StateConflictException.class).isThrownBy(this::districtPlan);
	}

	@Test
	void expectedProgressIsLinearOrFollowsTheMilestones() {
		long plan = districtPlan();
		var p = as("beijing", () -> progress.progress(plan));
		LocalDate today = p.asOf();
		TargetProgress stations = target(p, "sites-opened.OUTDOOR_WORKER_STATION");
		BigDecimal linear = today.getYear() > 2026 ? new BigDecimal("10.0")
				: BigDecimal.valueOf(10L * today.getDayOfYear()).divide(BigDecimal.valueOf(today.lengthOfYear()), 1, java.math.RoundingMode.HALF_UP);
		assertThat(stations.expected()).isEqualByComparingTo(linear);
	}
}
