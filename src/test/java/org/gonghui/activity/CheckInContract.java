package org.gonghui.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.gonghui.TestOrganizations.employerId;
import static org.gonghui.TestOrganizations.id;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.gonghui.activity.internal.ActivityQueries;
import org.gonghui.activity.internal.ActivityService;
import org.gonghui.activity.internal.ActivityService.NewActivity;
import org.gonghui.activity.internal.ActivityService.NewSession;
import org.gonghui.activity.internal.CheckInService;
import org.gonghui.activity.internal.CheckInService.Attendance;
import org.gonghui.activity.internal.CheckInService.CheckInResult;
import org.gonghui.activity.internal.CheckInService.EmployerFigures;
import org.gonghui.activity.internal.CheckInService.SessionFigures;
import org.gonghui.activity.internal.CheckInService.WalkInResult;
import org.gonghui.activity.internal.RegistrationService;
import org.gonghui.activity.internal.RegistrationService.RegistrationView;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.RecordNotFoundException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Check-in against a real database: by code (as typed or as the QR code carries it), refusals that give
 * nothing away, idempotent double scans (also concurrent ones), sessions, walk-ins, the attendance figures
 * per session and per employer, scope and roles, and the API and page around it. Run on H2
 * ({@link CheckInH2Tests}) and PostgreSQL ({@link CheckInPostgresTests}). Tests commit; each builds its own
 * activity and members.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({ "demo", "test" })
abstract class CheckInContract {

	static final String JD = "京东快递（龙潭站）";
	static final String LIANGYUAN = "良苑餐厅";

	@Autowired
	ActivityService activities;

	@Autowired
	ActivityQueries queries;

	@Autowired
	org.gonghui.activity.internal.ActivityLifecycle lifecycle;

	@Autowired
	RegistrationService registrations;

	@Autowired
	CheckInService checkIns;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	MessageSource messages;

	@Autowired
	MockMvc mvc;

	/** A published activity a week ahead with the given sessions (none: an activity without sessions). */
	long activity(String organisation, int capacity, boolean waitlist, String... sessionTitles) {
		Instant start = Instant.now().plus(Duration.ofDays(7));
		List<NewSession> sessions = new ArrayList<>();
		for (int i = 0; i < sessionTitles.length; i++) {
			Instant from = start.plus(Duration.ofDays(i));
			sessions.add(new NewSession(sessionTitles[i], "VISIT", from, from.plus(Duration.ofHours(3)), true));
		}
		long id = activities.create(new NewActivity(id(jdbc, organisation), ActivityKind.VISIT, "签到测试活动" + UUID.randomUUID(), null, "北京",
				capacity, waitlist, false, null, null, sessionTitles.length == 0 ? start : null, sessions));
		lifecycle.publish(id);
		return id;
	}

	List<Long> sessions(long activity) {
		return queries.get(activity).sessions().stream().map(ActivityQueries.SessionView::id).toList();
	}

	/** Members made for the test, straight into the registry, with an employer (by name) or none. */
	List<Long> members(String union, String employer, int count) {
		return ActivityFixtures.members(jdbc, union, employer, "签到会员", count);
	}

	String name(long member) {
		return jdbc.sql("select name from member where id = :id").param("id", member).query(String.class).single();
	}

	/** The registration's code, as the worker's QR code page shows it. */
	String code(RegistrationView registration) {
		return registrations.get(registration.id()).checkInCode();
	}

	RegistrationStatus statusOf(long registration) {
		return registrations.get(registration).status();
	}

	long checkInRows(long activity) {
		return jdbc.sql("select count(*) from check_in where activity_id = :a").param("a", activity).query(Long.class).single();
	}

	long attendedEvents(long registration) {
		return jdbc.sql("select count(*) from registration_event where registration_id = :r and to_status = 'ATTENDED'").param("r", registration)
			.query(Long.class).single();
	}

	void assertProblem(Runnable action, String field, String code) {
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(action::run)
			.satisfies(e -> assertThat(e.problems()).extracting(p -> p.field() + ":" + p.code()).containsExactly(field + ":" + code));
	}

	String message(Runnable action) {
		try {
			action.run();
		}
		catch (InvalidInputException e) {
			var p = e.problems().get(0);
			return messages.getMessage(p.code(), p.args(), Locale.SIMPLIFIED_CHINESE);
		}
		throw new AssertionError("no refusal");
	}

	@Test
	@WithUserDetails("fengtai")
	void aCodeAsTypedOrScannedChecksInOnceAndMakesTheRegistrationAttended() {
		long activity = activity("丰台区总工会", 10, false, "参观");
		long session = sessions(activity).get(0);
		List<Long> m = members("泛华集团工会", "泛华集团", 3);
		RegistrationView first = registrations.register(activity, m.get(0));
		RegistrationView second = registrations.register(activity, m.get(1));
		RegistrationView third = registrations.register(activity, m.get(2));

		CheckInResult result = checkIns.checkIn(activity, code(first), null);
		assertThat(result.alreadyCheckedIn()).isFalse();
		assertThat(result.registrationId()).isEqualTo(first.id());
		assertThat(result.memberName()).isEqualTo(name(m.get(0)));
		assertThat(result.employerName()).isEqualTo("泛华集团");
		// One session: it is the one checked in for.
		assertThat(result.sessionId()).isEqualTo(session);
		assertThat(result.at()).isNotNull();
		assertThat(statusOf(first.id())).isEqualTo(RegistrationStatus.ATTENDED);
		assertThat(jdbc.sql("select actor from registration_event where registration_id = :r and to_status = 'ATTENDED'").param("r", first.id())
			.query(String.class).single()).isEqualTo("fengtai");

		// The second scan (the QR code's payload, upper case, with spaces) answers the first check-in.
		CheckInResult again = checkIns.checkIn(activity, "  GONGHUI-CHECKIN:" + code(first).toUpperCase(Locale.ROOT) + " ", session);
		assertThat(again.alreadyCheckedIn()).isTrue();
		assertThat(again.checkInId()).isEqualTo(result.checkInId());
		assertThat(again.at()).isEqualTo(result.at());
		assertThat(attendedEvents(first.id())).isEqualTo(1);

		// Scanned payload in lower case; typed code in upper case; full-width forms from a Chinese input method.
		assertThat(checkIns.checkIn(activity, "gonghui-checkin:" + code(second), null).alreadyCheckedIn()).isFalse();
		String fullWidth = code(third).toUpperCase(Locale.ROOT).chars().mapToObj(c -> String.valueOf((char) (c + 0xFEE0))).reduce("", String::concat);
		assertThat(checkIns.checkIn(activity, "\u3000" + fullWidth, null).memberName()).isEqualTo(name(m.get(2)));
		assertThat(checkInRows(activity)).isEqualTo(3);
		assertThat(jdbc.sql("select count(*) from audit_entry where action = 'checkIn.create' and target_type = 'check_in' and target_id = :id")
			.param("id", String.valueOf(result.checkInId())).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	@WithUserDetails("fengtai")
	void unknownForgedAndForeignCodesAreRefusedAlikeAndStoreNothing() {
		long activity = activity("丰台区总工会", 10, false, "参观");
		long other = activity("丰台区总工会", 10, false, "参观");
		List<Long> m = members("泛华集团工会", null, 1);
		RegistrationView foreign = registrations.register(other, m.get(0));
		String forged = HexFormat.of().formatHex(UUID.randomUUID().toString().getBytes(), 0, 16);

		assertProblem(() -> checkIns.checkIn(activity, forged, null), "code", "activity.checkIn.unknownCode");
		assertProblem(() -> checkIns.checkIn(activity, code(foreign), null), "code", "activity.checkIn.unknownCode");
		assertProblem(() -> checkIns.checkIn(activity, "GONGHUI-CHECKIN:" + code(foreign), null), "code", "activity.checkIn.unknownCode");
		assertProblem(() -> checkIns.checkIn(activity, "' or 1=1 --", null), "code", "activity.checkIn.unknownCode");
		assertProblem(() -> checkIns.checkIn(activity, "GONGHUI-CARD:T123:abc", null), "code", "activity.checkIn.unknownCode");
		assertProblem(() -> checkIns.checkIn(activity, "  ", null), "code", "validation.required");
		assertThat(message(() -> checkIns.checkIn(activity, code(foreign), null)))
			.isEqualTo(message(() -> checkIns.checkIn(activity, forged, null)))
			.isEqualTo("签到码无效，或不是本活动的签到码");
		assertThat(checkInRows(activity)).isZero();
		assertThat(checkInRows(other)).isZero();
		assertThat(statusOf(foreign.id())).isEqualTo(RegistrationStatus.REGISTERED);
	}

	@Test
	@WithUserDetails("fengtai")
	void onlyRegistrationsHoldingASeatCheckIn() {
		long activity = activity("丰台区总工会", 1, true, "参观");
		List<Long> m = members("泛华集团工会", null, 2);
		RegistrationView seated = registrations.register(activity, m.get(0));
		RegistrationView waiting = registrations.register(activity, m.get(1));
		assertThat(waiting.status()).isEqualTo(RegistrationStatus.WAITLISTED);
		assertProblem(() -> checkIns.checkIn(activity, code(waiting), null), "code", "activity.checkIn.notRegistered");
		assertThat(message(() -> checkIns.checkIn(activity, code(waiting), null))).isEqualTo("该报名当前为“候补中”，不能签到");

		// The seat frees and is offered to the waiting member: neither the cancelled nor the offered one may check in.
		registrations.cancel(seated.id(), null);
		assertThat(message(() -> checkIns.checkIn(activity, code(seated), null))).isEqualTo("该报名当前为“已取消”，不能签到");
		assertThat(message(() -> checkIns.checkIn(activity, code(waiting), null))).isEqualTo("该报名当前为“候补转正待确认”，不能签到");
		assertThat(checkInRows(activity)).isZero();
		registrations.acceptOffer(waiting.id());
		assertThat(checkIns.checkIn(activity, code(waiting), null).alreadyCheckedIn()).isFalse();
	}

	@Test
	@WithUserDetails("fengtai")
	void severalSessionsNeedTheSessionAndEachCountsOnce() {
		long activity = activity("丰台区总工会", 10, false, "第一天", "第二天");
		long other = activity("丰台区总工会", 10, false, "参观");
		List<Long> s = sessions(activity);
		List<Long> m = members("泛华集团工会", null, 1);
		RegistrationView r = registrations.register(activity, m.get(0));
		assertProblem(() -> checkIns.checkIn(activity, code(r), null), "sessionId", "activity.checkIn.sessionRequired");
		assertProblem(() -> checkIns.checkIn(activity, code(r), sessions(other).get(0)), "sessionId", "activity.checkIn.session");
		assertProblem(() -> checkIns.checkIn(activity, code(r), 99_999_999L), "sessionId", "activity.checkIn.session");
		assertThat(checkInRows(activity)).isZero();

		CheckInResult day1 = checkIns.checkIn(activity, code(r), s.get(0));
		CheckInResult day2 = checkIns.checkIn(activity, code(r), s.get(1));
		assertThat(day1.alreadyCheckedIn()).isFalse();
		assertThat(day2.alreadyCheckedIn()).isFalse();
		assertThat(day2.checkInId()).isNotEqualTo(day1.checkInId());
		assertThat(day2.sessionId()).isEqualTo(s.get(1));
		assertThat(checkIns.checkIn(activity, code(r), s.get(0)).checkInId()).isEqualTo(day1.checkInId());
		assertThat(statusOf(r.id())).isEqualTo(RegistrationStatus.ATTENDED);
		assertThat(attendedEvents(r.id())).isEqualTo(1);
		assertThat(checkInRows(activity)).isEqualTo(2);

		// An activity without sessions checks in for the activity itself, and refuses any session id.
		long plain = activity("丰台区总工会", 10, false);
		RegistrationView p = registrations.register(plain, m.get(0));
		assertProblem(() -> checkIns.checkIn(plain, code(p), s.get(0)), "sessionId", "activity.checkIn.session");
		assertThat(checkIns.checkIn(plain, code(p), null).sessionId()).isNull();
		assertThat(checkIns.checkIn(plain, code(p), null).alreadyCheckedIn()).isTrue();
		Attendance figures = checkIns.attendance(plain);
		assertThat(figures.sessions()).containsExactly(new SessionFigures(null, null, true, 1, 1, 0));
	}

	@Test
	@WithUserDetails("fengtai")
	void draftsAndFinishedActivitiesTakeNoCheckIns() {
		long draft = activities.create(new NewActivity(id(jdbc, "丰台区总工会"), ActivityKind.LECTURE, "草稿讲座", null, null, 5, false, false, null,
				null, null, List.of()));
		assertProblem(() -> checkIns.checkIn(draft, "0".repeat(32), null), null, "activity.checkIn.notOpen");
		assertProblem(() -> checkIns.walkIn(draft, null, "王五", null, null), null, "activity.checkIn.notOpen");
		long finished = activity("丰台区总工会", 5, false, "参观");
		RegistrationView r = registrations.register(finished, members("泛华集团工会", null, 1).get(0));
		jdbc.sql("update activity set status = 'FINISHED' where id = :id").param("id", finished).update();
		assertProblem(() -> checkIns.checkIn(finished, code(r), null), null, "activity.checkIn.notOpen");
		jdbc.sql("update activity set status = 'ONGOING' where id = :id").param("id", finished).update();
		assertThat(checkIns.checkIn(finished, code(r), null).alreadyCheckedIn()).isFalse();
	}

	/**
	 * 龙潭's visit in small: workers of 京东快递 and 良苑餐厅 (and one who gave no employer) over two days,
	 * plus walk-ins — figures per session, per employer, and distinct people.
	 */
	@Test
	@WithUserDetails("longtan")
	void walkInsAndTheAttendanceFiguresPerSessionAndEmployer() {
		long activity = activity("龙潭街道总工会", 10, false, "第一天", "第二天");
		List<Long> s = sessions(activity);
		List<Long> jd = members("龙潭街道总工会", JD, 3);
		List<Long> ly = members("龙潭街道总工会", LIANGYUAN, 2);
		List<Long> none = members("龙潭街道总工会", null, 1);
		List<RegistrationView> r = new ArrayList<>();
		for (Long member : List.of(jd.get(0), jd.get(1), jd.get(2), ly.get(0), ly.get(1), none.get(0))) {
			r.add(registrations.register(activity, member));
		}
		// Day 1: the three 京东 couriers, one cook, the one without employer; day 2: two couriers, both cooks.
		for (int i : new int[] { 0, 1, 2, 3, 5 }) {
			checkIns.checkIn(activity, code(r.get(i)), s.get(0));
		}
		for (int i : new int[] { 0, 1, 3, 4 }) {
			checkIns.checkIn(activity, code(r.get(i)), s.get(1));
		}
		// Walk-ins: a courier who typed his employer, someone who gave none, and a known member of 良苑 (unregistered).
		WalkInResult wang = checkIns.walkIn(activity, s.get(0), " 王五 ", JD, null);
		assertThat(wang.alreadyCheckedIn()).isFalse();
		assertThat(wang.name()).isEqualTo("王五");
		assertThat(wang.employerName()).isEqualTo(JD);
		assertThat(wang.registrationId()).isNull();
		checkIns.walkIn(activity, s.get(0), "赵六", null, null);
		long cook = members("龙潭街道总工会", LIANGYUAN, 1).get(0);
		WalkInResult known = checkIns.walkIn(activity, s.get(1), null, null, cook);
		assertThat(known.name()).isEqualTo(name(cook));
		assertThat(known.employerName()).isEqualTo(LIANGYUAN);
		assertThat(known.memberId()).isEqualTo(cook);
		// The same member again for the same session: the first walk-in is the answer.
		assertThat(checkIns.walkIn(activity, s.get(1), null, null, cook).checkInId()).isEqualTo(known.checkInId());
		// A registered member recorded as a walk-in is checked in on their registration (day 2: already done).
		WalkInResult registered = checkIns.walkIn(activity, s.get(1), null, null, jd.get(0));
		assertThat(registered.alreadyCheckedIn()).isTrue();
		assertThat(registered.registrationId()).isEqualTo(r.get(0).id());
		WalkInResult late = checkIns.walkIn(activity, s.get(1), null, null, jd.get(2));
		assertThat(late.alreadyCheckedIn()).isFalse();
		assertThat(late.registrationId()).isEqualTo(r.get(2).id());

		assertProblem(() -> checkIns.walkIn(activity, s.get(0), " ", "某单位", null), "name", "validation.required");
		assertProblem(() -> checkIns.walkIn(activity, s.get(0), "王".repeat(51), null, null), "name", "validation.tooLong");
		assertProblem(() -> checkIns.walkIn(activity, s.get(0), "王五", "单".repeat(101), null), "employer", "validation.tooLong");
		assertProblem(() -> checkIns.walkIn(activity, null, "王五", null, null), "sessionId", "activity.checkIn.sessionRequired");
		// A member outside 龙潭's scope is not found, as if unknown.
		long outside = members("泛华集团工会", null, 1).get(0);
		assertProblem(() -> checkIns.walkIn(activity, s.get(0), null, null, outside), "memberId", "activity.member.notFound");

		Attendance a = checkIns.attendance(activity);
		assertThat(a.registered()).isEqualTo(6);
		assertThat(a.sessions()).containsExactly(new SessionFigures(s.get(0), "第一天", true, 6, 5, 2),
				new SessionFigures(s.get(1), "第二天", true, 6, 5, 1));
		// Each person once: 京东 three couriers and 王五; 良苑 two cooks and the walk-in cook; no employer: one member and 赵六.
		assertThat(a.employers()).containsExactly(new EmployerFigures(JD, 4), new EmployerFigures(LIANGYUAN, 3), new EmployerFigures(null, 2));
		assertThat(a.people()).isEqualTo(9);
		// Walk-ins take no seat.
		assertThat(queries.get(activity).seatsTaken()).isEqualTo(6);
		assertThat(jdbc.sql("select count(*) from audit_entry where action = 'checkIn.walkIn' and target_type = 'check_in' and target_id = :id")
			.param("id", String.valueOf(wang.checkInId())).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	@WithUserDetails("chaoyang")
	void activitiesOutsideTheScopeAreNotFound() {
		long fengtai = runAs("fengtai", () -> activity("丰台区总工会", 5, false, "参观"));
		String code = runAs("fengtai", () -> code(registrations.register(fengtai, members("泛华集团工会", null, 1).get(0))));
		assertThatExceptionOfType(RecordNotFoundException.class).isThrownBy(() -> checkIns.checkIn(fengtai, code, null));
		assertThatExceptionOfType(RecordNotFoundException.class).isThrownBy(() -> checkIns.walkIn(fengtai, null, "王五", null, null));
		assertThatExceptionOfType(RecordNotFoundException.class).isThrownBy(() -> checkIns.attendance(fengtai));
		assertThat(checkInRows(fengtai)).isZero();
	}

	@Test
	@WithUserDetails("worker")
	void workersCannotCheckAnyoneIn() {
		long activity = runAs("longtan", () -> activity("龙潭街道总工会", 5, false, "参观"));
		String code = runAs("longtan", () -> code(registrations.register(activity, members("龙潭街道总工会", JD, 1).get(0))));
		assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> checkIns.checkIn(activity, code, null));
		assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> checkIns.walkIn(activity, null, "王五", null, null));
		assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> checkIns.attendance(activity));
		assertThat(checkInRows(activity)).isZero();
	}

	/** Two doors, a jittery scanner: the same code many times at once, and other codes alongside. One check-in each. */
	@Test
	@WithUserDetails("fengtai")
	void concurrentScansOfTheSameCodeCountOnce() throws Exception {
		long activity = activity("丰台区总工会", 10, false, "参观");
		List<Long> m = members("泛华集团工会", "泛华集团", 4);
		List<String> codes = new ArrayList<>();
		for (Long member : m) {
			codes.add(code(registrations.register(activity, member)));
		}
		var auth = SecurityContextHolder.getContext().getAuthentication();
		ExecutorService pool = Executors.newFixedThreadPool(16);
		CountDownLatch start = new CountDownLatch(1);
		ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
		Set<Long> ids = ConcurrentHashMap.newKeySet();
		ConcurrentLinkedQueue<Boolean> fresh = new ConcurrentLinkedQueue<>();
		for (int i = 0; i < 40; i++) {
			String code = codes.get(i % codes.size());
			pool.submit(() -> {
				SecurityContextHolder.getContext().setAuthentication(auth);
				try {
					start.await();
					CheckInResult result = checkIns.checkIn(activity, code, null);
					ids.add(result.checkInId());
					if (!result.alreadyCheckedIn()) {
						fresh.add(true);
					}
				}
				catch (Throwable e) {
					errors.add(e);
				}
				finally {
					SecurityContextHolder.clearContext();
				}
			});
		}
		start.countDown();
		pool.shutdown();
		assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
		assertThat(errors).isEmpty();
		assertThat(ids).hasSize(4);
		assertThat(fresh).hasSize(4);
		assertThat(checkInRows(activity)).isEqualTo(4);
		assertThat(jdbc.sql("select count(*) from registration_event e join registration r on r.id = e.registration_id"
				+ " where r.activity_id = :a and e.to_status = 'ATTENDED'").param("a", activity).query(Long.class).single()).isEqualTo(4);
	}

	@Test
	void theApiChecksInWithCreatedThenOk() throws Exception {
		long activity = runAs("fengtai", () -> activity("丰台区总工会", 5, false, "参观"));
		long member = members("泛华集团工会", "泛华集团", 1).get(0);
		String code = runAs("fengtai", () -> code(registrations.register(activity, member)));
		String body = "{\"code\":\"GONGHUI-CHECKIN:" + code.toUpperCase(Locale.ROOT) + "\"}";
		mvc.perform(post("/api/activities/" + activity + "/check-ins").with(httpBasic("fengtai", "gonghui-demo"))
				.contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.memberName").value(name(member)))
			.andExpect(jsonPath("$.employerName").value("泛华集团"))
			.andExpect(jsonPath("$.alreadyCheckedIn").value(false));
		mvc.perform(post("/api/activities/" + activity + "/check-ins").with(httpBasic("fengtai", "gonghui-demo"))
				.contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.alreadyCheckedIn").value(true));
		mvc.perform(post("/api/activities/" + activity + "/check-ins").with(httpBasic("fengtai", "gonghui-demo"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"code\":\"" + "a".repeat(32) + "\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("code"))
			.andExpect(jsonPath("$.errors[0].message").value("签到码无效，或不是本活动的签到码"));
		mvc.perform(post("/api/activities/" + activity + "/walk-ins").with(httpBasic("fengtai", "gonghui-demo"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"王五\",\"employer\":\"看丹物流\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.name").value("王五"));
		mvc.perform(get("/api/activities/" + activity + "/attendance").with(httpBasic("fengtai", "gonghui-demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.registered").value(1))
			.andExpect(jsonPath("$.people").value(2))
			.andExpect(jsonPath("$.sessions[0].checkedIn").value(1))
			.andExpect(jsonPath("$.sessions[0].walkIns").value(1))
			.andExpect(jsonPath("$.employers.length()").value(2));
		// Workers (the API chain lets every signed-in account through) are refused by the service; other districts see nothing.
		mvc.perform(post("/api/activities/" + activity + "/check-ins").with(httpBasic("worker", "gonghui-demo"))
				.contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/activities/" + activity + "/attendance").with(httpBasic("worker", "gonghui-demo"))).andExpect(status().isForbidden());
		mvc.perform(get("/api/activities/" + activity + "/attendance").with(httpBasic("chaoyang", "gonghui-demo"))).andExpect(status().isNotFound());
		mvc.perform(get("/api/activities/" + activity + "/attendance")).andExpect(status().isUnauthorized());
	}

	@Test
	void thePageChecksInAndAnswersAfterARedirect() throws Exception {
		long activity = runAs("fengtai", () -> activity("丰台区总工会", 5, false, "第一天", "第二天"));
		long day2 = runAs("fengtai", () -> sessions(activity).get(1));
		long member = members("泛华集团工会", null, 1).get(0);
		String code = runAs("fengtai", () -> code(registrations.register(activity, member)));
		var fengtai = user(users.loadUserByUsername("fengtai"));
		mvc.perform(post("/activities/" + activity + "/check-in").with(fengtai).with(csrf()).param("code", code).param("sessionId", String.valueOf(day2)))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/activities/" + activity + "/check-in?sessionId=" + day2))
			.andExpect(flash().attribute("resultName", name(member)))
			.andExpect(flash().attribute("resultRepeat", false));
		// Without a session on a two-day activity: the refusal comes back as the page's error text.
		mvc.perform(post("/activities/" + activity + "/check-in").with(fengtai).with(csrf()).param("code", code))
			.andExpect(redirectedUrl("/activities/" + activity + "/check-in"))
			.andExpect(flash().attribute("errorText", "本活动有多个场次，请先选择场次"));
		mvc.perform(post("/activities/" + activity + "/check-in/walk-in").with(fengtai).with(csrf()).param("name", "赵六")
				.param("sessionId", String.valueOf(day2)))
			.andExpect(flash().attribute("resultWalkIn", true));
		mvc.perform(get("/activities/" + activity + "/check-in").with(fengtai).param("sessionId", String.valueOf(day2)))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("未填写单位")));
		mvc.perform(get("/activities/" + activity + "/check-in").with(user(users.loadUserByUsername("worker")))).andExpect(status().isForbidden());
		mvc.perform(post("/activities/" + activity + "/check-in").with(user(users.loadUserByUsername("worker"))).with(csrf()).param("code", code))
			.andExpect(status().isForbidden());
		mvc.perform(get("/activities/" + activity + "/check-in").with(user(users.loadUserByUsername("chaoyang")))).andExpect(status().isNotFound());
	}

	<T> T runAs(String username, Supplier<T> action) {
		return org.gonghui.TestUsers.runAs(users, username, action);
	}
}
