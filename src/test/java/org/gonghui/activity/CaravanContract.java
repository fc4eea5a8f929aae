package org.gonghui.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.gonghui.TestOrganizations.id;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.gonghui.GonghuiApplication;
import org.gonghui.activity.internal.ActivityQueries;
import org.gonghui.activity.internal.ActivityQueries.ActivityView;
import org.gonghui.activity.internal.ActivityService;
import org.gonghui.activity.internal.ActivityService.ExpertInput;
import org.gonghui.activity.internal.CaravanQueries;
import org.gonghui.activity.internal.CaravanQueries.CaravanView;
import org.gonghui.activity.internal.CaravanService;
import org.gonghui.activity.internal.CaravanService.CaravanSession;
import org.gonghui.activity.internal.CaravanService.NewCaravanRequest;
import org.gonghui.activity.internal.CaravanService.ScheduleInput;
import org.gonghui.activity.internal.RegistrationService;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.PageResult;
import org.gonghui.shared.RecordNotFoundException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.ActiveProfiles;

/**
 * Caravans against a real database: every legal and illegal move of a request, bad input refused with field
 * problems and nothing stored, the data scope (another district sees nothing; a chair never decides), two
 * staff deciding or scheduling at once (one result), and a schedule that yields a published CARAVAN activity
 * the union's members can register for. Run on H2 ({@link CaravanH2Tests}) and PostgreSQL
 * ({@link CaravanPostgresTests}). Tests commit; each makes its own requests. The demo chair fanhua asks for
 * 泛华集团工会, handled by 丰台区总工会 (fengtai).
 */
@SpringBootTest(classes = { GonghuiApplication.class, org.gonghui.MovableClock.class })
@ActiveProfiles({ "demo", "test" })
abstract class CaravanContract {

	static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
	static final String FANHUA = "泛华集团工会";

	@Autowired
	CaravanService caravans;

	@Autowired
	CaravanQueries queries;

	@Autowired
	ActivityQueries activities;

	@Autowired
	RegistrationService registrations;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	static LocalDate today() {
		return LocalDate.now(BEIJING);
	}

	static NewCaravanRequest request(Long unionId, LocalDate from, LocalDate to, Integer participants) {
		return new NewCaravanRequest(unionId, null, from, to, participants, "教职工心理健康讲座、团体辅导和自愿心理测评", "周主席", "010-63800000");
	}

	/** A request of 泛华集团工会 by its chair, ten to twenty days ahead, for 60 people. */
	long fanhuaRequest() {
		return as("fanhua", () -> caravans.request(request(id(jdbc, FANHUA), today().plusDays(10), today().plusDays(20), 60)));
	}

	long accepted() {
		long id = fanhuaRequest();
		as("fengtai", () -> caravans.accept(id, "安排安定医院专家"));
		return id;
	}

	static Instant at(LocalDate day, int hour) {
		return day.atTime(hour, 0).atZone(BEIJING).toInstant();
	}

	static ScheduleInput schedule(String title, LocalDate day, List<ExpertInput> experts) {
		return new ScheduleInput(title, List.of(new CaravanSession("心理健康讲座", at(day, 14), at(day, 17))), null, null, null, experts);
	}

	static List<ExpertInput> experts() {
		return List.of(new ExpertInput("李医生", "首都医科大学附属北京安定医院"));
	}

	static void assertProblems(Runnable action, String... fieldAndCodes) {
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(action::run)
			.satisfies(e -> assertThat(e.problems()).extracting(p -> p.field() + ":" + p.code()).contains(fieldAndCodes));
	}

	long count(String sql, Object... ids) {
		var spec = jdbc.sql(sql);
		for (int i = 0; i < ids.length; i++) {
			spec = spec.param(ids[i]);
		}
		return spec.query(Long.class).single();
	}

	@Test
	void aRequestIsAcceptedScheduledAndItsMembersRegister() {
		long id = fanhuaRequest();
		CaravanView asked = as("fanhua", () -> queries.get(id));
		assertThat(asked.status()).isEqualTo(CaravanStatus.REQUESTED);
		assertThat(asked.districtName()).isEqualTo("丰台区总工会");
		assertThat(asked.employerName()).as("the union's only employer").isEqualTo("泛华集团");
		assertThat(asked.history()).extracting(CaravanQueries.CaravanEvent::to).containsExactly(CaravanStatus.REQUESTED);
		assertThat(asked.actions()).isEqualTo(new CaravanQueries.Actions(false, false, true, false));

		// The chair sees the request but never decides on it.
		assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> as("fanhua", () -> caravans.accept(id, null)));
		assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> as("fanhua", () -> caravans.decline(id, "不需要")));
		assertThat(as("fengtai", () -> queries.get(id)).actions()).isEqualTo(new CaravanQueries.Actions(true, true, false, false));

		// Not yet accepted: no schedule.
		assertProblems(() -> as("fengtai", () -> caravans.schedule(id, schedule(null, today().plusDays(14), experts()))),
				"status:caravan.transition.SCHEDULED");
		as("fengtai", () -> caravans.accept(id, "安排安定医院专家"));
		assertProblems(() -> as("fengtai", () -> caravans.accept(id, null)), "status:caravan.transition.ACCEPTED");
		assertProblems(() -> as("fengtai", () -> caravans.decline(id, "太晚了")), "status:caravan.transition.DECLINED");
		assertThatExceptionOfType(AccessDeniedException.class)
			.isThrownBy(() -> as("fanhua", () -> caravans.schedule(id, schedule(null, today().plusDays(14), experts()))));

		long activityId = as("fengtai", () -> caravans.schedule(id, schedule(null, today().plusDays(14),
				List.of(new ExpertInput("李医生", "北京安定医院"), new ExpertInput("王医生", "北京安定医院")))));
		CaravanView scheduled = as("fengtai", () -> queries.get(id));
		assertThat(scheduled.status()).isEqualTo(CaravanStatus.SCHEDULED);
		assertThat(scheduled.activityId()).isEqualTo(activityId);
		assertThat(scheduled.decisionNote()).isEqualTo("安排安定医院专家");
		assertThat(scheduled.history()).extracting(CaravanQueries.CaravanEvent::to)
			.containsExactly(CaravanStatus.REQUESTED, CaravanStatus.ACCEPTED, CaravanStatus.SCHEDULED);
		assertThat(scheduled.history()).extracting(CaravanQueries.CaravanEvent::actor).containsExactly("fanhua", "fengtai", "fengtai");
		assertThat(scheduled.actions().any()).isFalse();

		ActivityView activity = as("fengtai", () -> activities.get(activityId));
		assertThat(activity.kind()).isEqualTo(ActivityKind.CARAVAN);
		assertThat(activity.status()).isEqualTo(ActivityStatus.PUBLISHED);
		assertThat(activity.organizationName()).isEqualTo(FANHUA);
		assertThat(activity.audience()).isEqualTo(Audience.ORGANIZATION_SUBTREE);
		assertThat(activity.title()).isEqualTo("心理关爱大篷车走进泛华集团");
		assertThat(activity.description()).isEqualTo("教职工心理健康讲座、团体辅导和自愿心理测评");
		assertThat(activity.venue()).isEqualTo(FANHUA);
		assertThat(activity.capacity()).isEqualTo(60);
		assertThat(activity.waitlistEnabled()).isTrue();
		assertThat(activity.coOrganizers()).extracting(ActivityService.CoOrganizerInput::organizationId).containsExactly(id(jdbc, "丰台区总工会"));
		assertThat(activity.experts()).extracting(ExpertInput::name).containsExactly("李医生", "王医生");
		assertThat(activity.sessions()).hasSize(1);
		assertThat(activity.registrationClosesAt()).isEqualTo(at(today().plusDays(14), 14));

		// The union's members register like for any activity.
		long member = jdbc.sql("select m.id from member m join organization o on o.id = m.union_id where o.name = :union and m.status = 'ACTIVE'"
				+ " order by m.id").param("union", FANHUA).query(Long.class).list().get(0);
		assertThat(as("fengtai", () -> registrations.register(activityId, member)).status()).isEqualTo(RegistrationStatus.REGISTERED);

		// Final: nothing moves any more.
		assertProblems(() -> as("fanhua", () -> caravans.withdraw(id, null)), "status:caravan.transition.WITHDRAWN");
		assertProblems(() -> as("fengtai", () -> caravans.schedule(id, schedule(null, today().plusDays(15), experts()))),
				"status:caravan.transition.SCHEDULED");
		assertThat(count("select count(*) from caravan_request_event where request_id = ?", id)).isEqualTo(3);
	}

	@Test
	void aDeclineNeedsAReasonAndEndsTheRequest() {
		long id = fanhuaRequest();
		assertProblems(() -> as("fengtai", () -> caravans.decline(id, "  ")), "reason:caravan.decline.reasonRequired");
		assertThat(as("fengtai", () -> queries.get(id)).status()).isEqualTo(CaravanStatus.REQUESTED);
		as("fengtai", () -> caravans.decline(id, "该时段专家已有安排，请改期后再申请"));
		CaravanView declined = as("fanhua", () -> queries.get(id));
		assertThat(declined.status()).isEqualTo(CaravanStatus.DECLINED);
		assertThat(declined.decisionNote()).isEqualTo("该时段专家已有安排，请改期后再申请");
		assertThat(declined.history().get(1).note()).isEqualTo("该时段专家已有安排，请改期后再申请");
		assertThat(declined.actions().any()).isFalse();
		assertProblems(() -> as("fengtai", () -> caravans.accept(id, null)), "status:caravan.transition.ACCEPTED");
		assertProblems(() -> as("fengtai", () -> caravans.decline(id, "再次")), "status:caravan.transition.DECLINED");
		assertProblems(() -> as("fanhua", () -> caravans.withdraw(id, null)), "status:caravan.transition.WITHDRAWN");
		assertProblems(() -> as("fengtai", () -> caravans.schedule(id, schedule(null, today().plusDays(14), experts()))),
				"status:caravan.transition.SCHEDULED");
	}

	@Test
	void theUnionWithdrawsWhileRequestedOrAccepted() {
		long requested = fanhuaRequest();
		// District staff decline; they do not withdraw for the union.
		assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> as("fengtai", () -> caravans.withdraw(requested, null)));
		as("fanhua", () -> caravans.withdraw(requested, "学校安排有变"));
		assertThat(as("fanhua", () -> queries.get(requested)).status()).isEqualTo(CaravanStatus.WITHDRAWN);
		assertProblems(() -> as("fanhua", () -> caravans.withdraw(requested, null)), "status:caravan.transition.WITHDRAWN");
		assertProblems(() -> as("fengtai", () -> caravans.accept(requested, null)), "status:caravan.transition.ACCEPTED");

		long accepted = accepted();
		as("fanhua", () -> caravans.withdraw(accepted, null));
		CaravanView view = as("fengtai", () -> queries.get(accepted));
		assertThat(view.status()).isEqualTo(CaravanStatus.WITHDRAWN);
		assertThat(view.history()).extracting(CaravanQueries.CaravanEvent::to)
			.containsExactly(CaravanStatus.REQUESTED, CaravanStatus.ACCEPTED, CaravanStatus.WITHDRAWN);
		assertProblems(() -> as("fengtai", () -> caravans.schedule(accepted, schedule(null, today().plusDays(14), experts()))),
				"status:caravan.transition.SCHEDULED");

		// District staff who entered a request for a union may withdraw it again.
		long byStaff = as("fengtai", () -> caravans.request(request(id(jdbc, FANHUA), today().plusDays(5), today().plusDays(6), 10)));
		as("fengtai", () -> caravans.withdraw(byStaff, null));
		assertThat(as("fengtai", () -> queries.get(byStaff)).status()).isEqualTo(CaravanStatus.WITHDRAWN);
	}

	@Test
	void badRequestsAreRefusedWithEveryProblemAndNothingIsStored() {
		long before = count("select count(*) from caravan_request");
		long fanhua = id(jdbc, FANHUA);
		assertProblems(() -> as("fanhua", () -> caravans.request(new NewCaravanRequest(fanhua, null, today().plusDays(20), today().plusDays(10), 0,
				"x".repeat(1001), null, "电话"))), "windowTo:caravan.window.reversed", "expectedParticipants:caravan.participants.range",
				"needs:validation.tooLong", "contactName:validation.required", "contactPhone:caravan.contactPhone.invalid");
		assertProblems(() -> as("fanhua", () -> caravans.request(request(fanhua, today(), today().plusDays(3), 10))), "windowFrom:caravan.window.notFuture");
		assertProblems(() -> as("fanhua", () -> caravans.request(request(fanhua, today().minusDays(3), today().minusDays(1), 10))),
				"windowFrom:caravan.window.notFuture");
		assertProblems(() -> as("fanhua", () -> caravans.request(request(fanhua, today().plusDays(10), today().plusMonths(7), 10))),
				"windowTo:caravan.window.tooFar");
		assertProblems(() -> as("fanhua", () -> caravans.request(request(fanhua, null, null, 10_001))), "windowFrom:validation.required",
				"windowTo:validation.required", "expectedParticipants:caravan.participants.range");
		assertProblems(() -> as("fanhua", () -> caravans.request(request(null, today().plusDays(3), today().plusDays(4), 10))),
				"unionId:validation.required");
		// Another district's union is not the chair's to name; a federation is no workplace; a union without a district has nobody to ask.
		assertProblems(() -> as("fanhua", () -> caravans.request(request(id(jdbc, "陈经纶中学工会"), today().plusDays(3), today().plusDays(4), 10))),
				"unionId:caravan.union.notFound");
		assertProblems(() -> as("fengtai", () -> caravans.request(request(id(jdbc, "丰台区总工会"), today().plusDays(3), today().plusDays(4), 10))),
				"unionId:caravan.union.notWorkplace");
		assertProblems(() -> as("beijing", () -> caravans.request(request(id(jdbc, "北京公交集团工会"), today().plusDays(3), today().plusDays(4), 10))),
				"unionId:caravan.union.noDistrict");
		assertProblems(() -> as("fanhua", () -> caravans.request(new NewCaravanRequest(fanhua, employerOf("美团外卖丰台站点"), today().plusDays(3), today().plusDays(4), 10, "讲座", "周主席", "010-63800000"))),
				"employerId:caravan.employer.notFound");
		assertThat(count("select count(*) from caravan_request")).isEqualTo(before);
		assertThatExceptionOfType(AccessDeniedException.class)
			.isThrownBy(() -> as("worker", () -> caravans.request(request(fanhua, today().plusDays(3), today().plusDays(4), 10))));
	}

	private long employerOf(String name) {
		return jdbc.sql("select id from employer where name = :name").param("name", name).query(Long.class).single();
	}

	@Test
	void badSchedulesAreRefusedAndNothingIsStored() {
		long id = accepted();
		long activitiesBefore = count("select count(*) from activity");
		LocalDate inside = today().plusDays(14);
		LocalDate outside = today().plusDays(25);
		assertProblems(() -> as("fengtai", () -> caravans.schedule(id, schedule(null, outside, List.of()))),
				"sessions[0].startsAt:caravan.session.outsideWindow", "experts:caravan.experts.required");
		assertProblems(() -> as("fengtai", () -> caravans.schedule(id, new ScheduleInput(null, List.of(), null, null, null, experts()))),
				"sessions:caravan.sessions.required");
		assertProblems(() -> as("fengtai", () -> caravans.schedule(id, new ScheduleInput(null,
				List.of(new CaravanSession("讲座", at(inside, 17), at(inside, 14)), new CaravanSession("咨询", Instant.now().minus(Duration.ofHours(2)),
						Instant.now().minus(Duration.ofHours(1))), new CaravanSession("测评", null, null)), null, null, null,
				List.of(new ExpertInput(" ", "医院"))))),
				"sessions[0].endsAt:activity.session.endsBeforeStart", "sessions[1].startsAt:caravan.session.past",
				"sessions[2].startsAt:validation.required", "experts:caravan.experts.required");
		// Problems the activity rules find (after the caravan's own) end the whole schedule as well.
		assertProblems(() -> as("fengtai", () -> caravans.schedule(id, new ScheduleInput("x".repeat(201),
				List.of(new CaravanSession(null, at(inside, 14), at(inside, 16))), null, 0, true, List.of(new ExpertInput("李".repeat(51), null))))),
				"title:validation.tooLong", "sessions[0].title:validation.required", "capacity:activity.capacity.range",
				"experts[0].name:validation.tooLong");
		assertThat(count("select count(*) from activity")).isEqualTo(activitiesBefore);
		CaravanView view = as("fengtai", () -> queries.get(id));
		assertThat(view.status()).isEqualTo(CaravanStatus.ACCEPTED);
		assertThat(view.activityId()).isNull();
		assertThat(view.history()).hasSize(2);
	}

	@Test
	void requestsOutsideTheScopeAreNotFound() {
		long id = fanhuaRequest();
		// 朝阳's staff: another district. Not found, whatever they try.
		assertThatExceptionOfType(RecordNotFoundException.class).isThrownBy(() -> as("chaoyang", () -> queries.get(id)));
		assertThatExceptionOfType(RecordNotFoundException.class).isThrownBy(() -> as("chaoyang", () -> caravans.accept(id, null)));
		assertThatExceptionOfType(RecordNotFoundException.class).isThrownBy(() -> as("chaoyang", () -> caravans.decline(id, "不是我们的")));
		assertThatExceptionOfType(RecordNotFoundException.class).isThrownBy(() -> as("chaoyang", () -> caravans.withdraw(id, null)));
		assertThatExceptionOfType(RecordNotFoundException.class)
			.isThrownBy(() -> as("chaoyang", () -> caravans.schedule(id, schedule(null, today().plusDays(14), experts()))));
		assertThatExceptionOfType(RecordNotFoundException.class).isThrownBy(() -> as("fengtai", () -> queries.get(99_999_999L)));
		assertThat(as("chaoyang", () -> ids(queries.list(null, new PageResult.Request(0, 200))))).doesNotContain(id);
		assertThat(as("fengtai", () -> ids(queries.list(CaravanStatus.REQUESTED, new PageResult.Request(0, 200))))).contains(id);
		assertThat(as("fengtai", () -> ids(queries.list(CaravanStatus.DECLINED, new PageResult.Request(0, 200))))).doesNotContain(id);
		assertThat(as("fanhua", () -> ids(queries.list(null, new PageResult.Request(0, 200))))).contains(id);
		// The city federation's staff hold the district in their scope, so they may decide too.
		assertThat(as("beijing", () -> queries.get(id)).actions().accept()).isTrue();
		assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> as("worker", () -> queries.list(null, new PageResult.Request(0, 20))));
		assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> as("counsellor", () -> queries.get(id)));
	}

	private static List<Long> ids(PageResult<CaravanQueries.CaravanLine> page) {
		return page.content().stream().map(CaravanQueries.CaravanLine::id).toList();
	}

	/** Two staff press "accept" at the same moment, several times over: each request is accepted once, with one history line. */
	@Test
	void concurrentAcceptsGiveOneResult() throws Exception {
		for (int round = 0; round < 5; round++) {
			long id = fanhuaRequest();
			List<Throwable> failures = race(2, "fengtai", () -> caravans.accept(id, null));
			assertThat(failures).hasSize(1);
			assertThat(failures.get(0)).isInstanceOfAny(OptimisticLockingFailureException.class, InvalidInputException.class);
			assertThat(count("select count(*) from caravan_request_event where request_id = ? and to_status = 'ACCEPTED'", id)).isEqualTo(1);
			assertThat(as("fengtai", () -> queries.get(id)).status()).isEqualTo(CaravanStatus.ACCEPTED);
		}
	}

	/** Two staff schedule at once: one activity survives; the loser's activity is rolled back with its transaction. */
	@Test
	void concurrentSchedulesCreateOneActivity() throws Exception {
		for (int round = 0; round < 3; round++) {
			long id = accepted();
			String title = "大篷车并发排期" + UUID.randomUUID();
			List<Throwable> failures = race(2, "fengtai", () -> caravans.schedule(id, schedule(title, today().plusDays(14), experts())));
			assertThat(failures).hasSize(1);
			assertThat(failures.get(0)).isInstanceOfAny(OptimisticLockingFailureException.class, InvalidInputException.class);
			Long activityId = jdbc.sql("select activity_id from caravan_request where id = :id").param("id", id).query(Long.class).single();
			assertThat(jdbc.sql("select id from activity where title = :title").param("title", title).query(Long.class).list()).containsExactly(activityId);
			assertThat(count("select count(*) from caravan_request_event where request_id = ? and to_status = 'SCHEDULED'", id)).isEqualTo(1);
		}
	}

	@Test
	@WithUserDetails("chaoyang")
	void theDemoCaravanIsScheduledAtTheSchool() {
		var lines = queries.list(CaravanStatus.SCHEDULED, new PageResult.Request(0, 200)).content();
		var school = lines.stream().filter(l -> l.unionName().equals("陈经纶中学工会")).findFirst().orElseThrow();
		CaravanView view = queries.get(school.id());
		assertThat(view.districtName()).isEqualTo("朝阳区总工会");
		assertThat(view.expectedParticipants()).isEqualTo(50);
		ActivityView activity = activities.get(view.activityId());
		assertThat(activity.kind()).isEqualTo(ActivityKind.CARAVAN);
		assertThat(activity.status()).isEqualTo(ActivityStatus.PUBLISHED);
		assertThat(activity.capacity()).isEqualTo(50);
		assertThat(activity.experts()).allSatisfy(e -> assertThat(e.affiliation()).contains("北京安定医院"));
		assertThat(activity.coOrganizers()).extracting(ActivityService.CoOrganizerInput::name).containsExactly("朝阳区总工会");
		assertThat(activity.sessions().get(0).startsAt()).isAfter(Instant.now().plus(Duration.ofDays(13)));
	}

	/** Runs the action in {@code threads} threads at once as {@code username}; returns what they threw. */
	private List<Throwable> race(int threads, String username, Runnable action) throws InterruptedException {
		Authentication auth = authentication(username);
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		CountDownLatch start = new CountDownLatch(1);
		ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
		for (int i = 0; i < threads; i++) {
			pool.submit(() -> {
				SecurityContextHolder.getContext().setAuthentication(auth);
				try {
					start.await();
					action.run();
				}
				catch (Throwable e) {
					failures.add(e);
				}
				finally {
					SecurityContextHolder.clearContext();
				}
			});
		}
		start.countDown();
		pool.shutdown();
		assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
		return new ArrayList<>(failures);
	}

	private Authentication authentication(String username) {
		var user = users.loadUserByUsername(username);
		return new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities());
	}

	<T> T as(String username, Supplier<T> action) {
		var previous = SecurityContextHolder.getContext().getAuthentication();
		SecurityContextHolder.getContext().setAuthentication(authentication(username));
		try {
			return action.get();
		}
		finally {
			SecurityContextHolder.getContext().setAuthentication(previous);
		}
	}

	void as(String username, Runnable action) {
		as(username, () -> {
			action.run();
			return null;
		});
	}
}
