package org.gonghui.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.gonghui.TestOrganizations.id;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.gonghui.GonghuiApplication;
import org.gonghui.activity.internal.ActivityQueries;
import org.gonghui.activity.internal.ActivityService;
import org.gonghui.activity.internal.ActivityService.NewActivity;
import org.gonghui.activity.internal.ActivityService.NewSession;
import org.gonghui.activity.internal.RegistrationService;
import org.gonghui.activity.internal.RegistrationService.RegistrationView;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.PageResult;
import org.gonghui.shared.RecordNotFoundException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.ActiveProfiles;

/**
 * The registration core against a real database: capacity never exceeded and one registration per member
 * under concurrent sign-ups (many threads, more attempts than seats, each member twice), the waitlist in
 * arrival order, freed seats offered to its head, offers that expire and pass on (a clock the test moves),
 * audience and scope. Run on H2 ({@link RegistrationH2Tests}) and PostgreSQL ({@link RegistrationPostgresTests}).
 * Tests commit; each builds its own activity and members.
 */
@SpringBootTest(classes = { GonghuiApplication.class, org.gonghui.MovableClock.class })
@ActiveProfiles({ "demo", "test" })
abstract class RegistrationContract {

	@Autowired
	ActivityService activities;

	@Autowired
	ActivityQueries queries;

	@Autowired
	org.gonghui.activity.internal.ActivityLifecycle lifecycle;

	@Autowired
	RegistrationService registrations;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.gonghui.MovableClock clock;

	@Autowired
	UserDetailsService users;

	@Autowired
	org.gonghui.member.Members memberDirectory;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	long activity(String organisation, int capacity, boolean waitlist) {
		Instant start = Instant.now().plus(Duration.ofDays(7));
		long id = activities.create(new NewActivity(id(jdbc, organisation), ActivityKind.VISIT, "参观活动" + UUID.randomUUID(), null, "北京",
				capacity, waitlist, false, null, null, null, List.of(new NewSession("参观", "VISIT", start, start.plus(Duration.ofHours(3)), true))));
		lifecycle.publish(id);
		return id;
	}

	List<Long> members(String union, int count) {
		return ActivityFixtures.members(jdbc, union, null, "测试会员", count);
	}

	static void assertProblem(Runnable action, String code) {
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(action::run)
			.satisfies(e -> assertThat(e.problems()).extracting(InvalidInputException.FieldProblem::code).contains(code));
	}

	@Test
	@WithUserDetails("fengtai")
	void registeringTwiceGivesOneRegistrationAndSeatsRunOutIntoTheWaitlist() {
		long activity = activity("丰台区总工会", 2, true);
		List<Long> m = members("泛华集团工会", 4);
		RegistrationView first = registrations.register(activity, m.get(0));
		assertThat(first.status()).isEqualTo(RegistrationStatus.REGISTERED);
		assertThat(registrations.register(activity, m.get(0)).id()).isEqualTo(first.id());
		assertThat(registrations.register(activity, m.get(1)).status()).isEqualTo(RegistrationStatus.REGISTERED);
		RegistrationView third = registrations.register(activity, m.get(2));
		RegistrationView fourth = registrations.register(activity, m.get(3));
		assertThat(third.status()).isEqualTo(RegistrationStatus.WAITLISTED);
		assertThat(fourth.status()).isEqualTo(RegistrationStatus.WAITLISTED);
		assertThat(queries.get(activity).seatsTaken()).isEqualTo(2);

		// A seat frees: the head of the waitlist (arrival order) gets an offer, the seat stays counted.
		registrations.cancel(first.id(), "临时有事");
		assertThat(registrations.get(third.id()).status()).isEqualTo(RegistrationStatus.OFFERED);
		assertThat(registrations.get(fourth.id()).status()).isEqualTo(RegistrationStatus.WAITLISTED);
		assertThat(queries.get(activity).seatsTaken()).isEqualTo(2);

		// The offer lapses: it passes on to the next in line.
		clock.setOffset(Duration.ofHours(25));
		assertProblem(() -> registrations.acceptOffer(third.id()), "activity.offer.expired");
		assertThat(registrations.expire(third.id())).isTrue();
		assertThat(registrations.expire(third.id())).isFalse();
		assertThat(registrations.get(third.id()).status()).isEqualTo(RegistrationStatus.CANCELLED);
		assertThat(registrations.get(fourth.id()).status()).isEqualTo(RegistrationStatus.OFFERED);
		assertThat(registrations.acceptOffer(fourth.id()).status()).isEqualTo(RegistrationStatus.REGISTERED);

		// Nobody waits any more: a cancellation frees the seat.
		registrations.cancel(fourth.id(), null);
		assertThat(queries.get(activity).seatsTaken()).isEqualTo(1);
		assertProblem(() -> registrations.cancel(fourth.id(), null), "activity.registration.illegal");
		// A cancelled registration stays the member's answer (no second registration).
		assertThat(registrations.register(activity, m.get(0)).status()).isEqualTo(RegistrationStatus.CANCELLED);
	}

	@Test
	@WithUserDetails("fengtai")
	void withoutAWaitlistAFullActivityRefusesAndStoresNothing() {
		long activity = activity("丰台区总工会", 1, false);
		List<Long> m = members("泛华集团工会", 2);
		registrations.register(activity, m.get(0));
		assertProblem(() -> registrations.register(activity, m.get(1)), "activity.registration.full");
		assertThat(jdbc.sql("select count(*) from registration where activity_id = :a").param("a", activity).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	@WithUserDetails("fengtai")
	void audienceScopeAndWindowAreEnforced() {
		long activity = activity("泛华集团工会", 10, true);
		List<Long> outside = members("六里桥街道总工会", 1);
		assertProblem(() -> registrations.register(activity, outside.get(0)), "activity.member.notInAudience");
		List<Long> chaoyang = members("陈经纶中学工会", 1);
		assertProblem(() -> registrations.register(activity, chaoyang.get(0)), "activity.member.notFound");
		assertProblem(() -> registrations.register(activity, 99_999_999L), "activity.member.notFound");
		// A draft takes no registrations; a closed window neither.
		long draft = activities.create(new NewActivity(id(jdbc, "丰台区总工会"), ActivityKind.LECTURE, "草稿讲座", null, null, 5, false, false, null,
				null, null, List.of()));
		List<Long> m = members("泛华集团工会", 1);
		assertProblem(() -> registrations.register(draft, m.get(0)), "activity.registration.notOpen");
		clock.setOffset(Duration.ofDays(8));
		assertProblem(() -> registrations.register(activity, m.get(0)), "activity.registration.outsideWindow");
	}

	@Test
	@WithUserDetails("chaoyang")
	void activitiesOutsideTheScopeAreNotFound() {
		long fengtaiActivity = runAs("fengtai", () -> activity("丰台区总工会", 5, false));
		assertThatExceptionOfType(RecordNotFoundException.class).isThrownBy(() -> queries.get(fengtaiActivity));
		assertThatExceptionOfType(RecordNotFoundException.class)
			.isThrownBy(() -> registrations.list(fengtaiActivity, new PageResult.Request(0, 10)));
	}

	@Test
	@WithUserDetails("worker")
	void workersCannotManageActivities() {
		assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> activities.create(new NewActivity(id(jdbc, "丰台区总工会"),
				ActivityKind.VISIT, "x", null, null, 5, false, false, null, null, null, List.of())));
	}

	@Test
	@WithUserDetails("fengtai")
	void badActivitiesAreRefusedWithEveryProblem() {
		long before = jdbc.sql("select count(*) from activity").query(Long.class).single();
		Instant t = Instant.now();
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> activities.create(new NewActivity(id(jdbc, "朝阳区总工会"), null, " ", null, null, 0, true, false, null, t, t,
					List.of(new NewSession("开幕", "CEREMONY", t, t.minusSeconds(60), true)))))
			.satisfies(e -> assertThat(e.problems()).extracting(p -> p.field() + ":" + p.code()).contains(
					"organizationId:activity.organization.notFound", "kind:validation.required", "title:validation.required",
					"capacity:activity.capacity.range", "sessions[0].endsAt:activity.session.endsBeforeStart",
					"registrationClosesAt:activity.window.closesBeforeOpens"));
		assertThat(jdbc.sql("select count(*) from activity").query(Long.class).single()).isEqualTo(before);
	}

	/**
	 * The sign-up rush in small: 24 threads, 60 members each trying twice at once, 25 seats. Exactly 25
	 * registered, nobody twice, the other 35 on the waitlist.
	 */
	@Test
	@WithUserDetails("fengtai")
	void concurrentSignUpsNeverOversellNorDuplicate() throws Exception {
		long activity = activity("丰台区总工会", 25, true);
		List<Long> m = members("泛华集团工会", 60);
		List<Long> attempts = new ArrayList<>(m);
		attempts.addAll(m);
		Collections.shuffle(attempts, new java.util.Random(7));
		var auth = SecurityContextHolder.getContext().getAuthentication();
		ExecutorService pool = Executors.newFixedThreadPool(24);
		CountDownLatch start = new CountDownLatch(1);
		ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
		for (Long member : attempts) {
			pool.submit(() -> {
				SecurityContextHolder.getContext().setAuthentication(auth);
				try {
					start.await();
					registrations.register(activity, member);
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
		assertThat(jdbc.sql("select count(*) from registration where activity_id = :a and status = 'REGISTERED'").param("a", activity)
			.query(Long.class).single()).isEqualTo(25);
		assertThat(jdbc.sql("select count(*) from registration where activity_id = :a and status = 'WAITLISTED'").param("a", activity)
			.query(Long.class).single()).isEqualTo(35);
		assertThat(jdbc.sql("select count(distinct member_id) from registration where activity_id = :a").param("a", activity)
			.query(Long.class).single()).isEqualTo(60);
		assertThat(queries.get(activity).seatsTaken()).isEqualTo(25);
		// Each registration has exactly its first event: a losing second click left nothing behind.
		assertThat(jdbc.sql("select count(*) from registration_event e join registration r on r.id = e.registration_id where r.activity_id = :a")
			.param("a", activity).query(Long.class).single()).isEqualTo(60);
	}

	/**
	 * Both clicks of a member on the last seat of an activity without a waitlist: the click that finds the
	 * seat gone must answer with the other click's registration, not "full". Twenty last seats, each raced.
	 */
	@Test
	@WithUserDetails("fengtai")
	void aDoubleClickOnTheLastSeatWithoutAWaitlistAnswersTheRegistration() throws Exception {
		List<Long> m = members("泛华集团工会", 20);
		var auth = SecurityContextHolder.getContext().getAuthentication();
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			for (Long member : m) {
				long activity = activity("丰台区总工会", 1, false);
				CountDownLatch start = new CountDownLatch(1);
				java.util.concurrent.Callable<RegistrationView> click = () -> {
					SecurityContextHolder.getContext().setAuthentication(auth);
					try {
						start.await();
						return registrations.register(activity, member);
					}
					finally {
						SecurityContextHolder.clearContext();
					}
				};
				var first = pool.submit(click);
				var second = pool.submit(click);
				start.countDown();
				assertThat(second.get(30, TimeUnit.SECONDS).id()).isEqualTo(first.get(30, TimeUnit.SECONDS).id());
				assertThat(first.get().status()).isEqualTo(RegistrationStatus.REGISTERED);
				assertThat(queries.get(activity).seatsTaken()).isEqualTo(1);
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	/**
	 * A seat left free while someone waits (a cancellation that found the waitlist empty while a sign-up was
	 * joining it): a newcomer does not take it ahead of the waitlist, and the job offers it to the head.
	 */
	@Test
	@WithUserDetails("fengtai")
	void aSeatLeftFreeWhileSomeoneWaitsGoesToTheHeadOfTheWaitlist() {
		long activity = activity("丰台区总工会", 2, true);
		List<Long> m = members("泛华集团工会", 4);
		registrations.register(activity, m.get(0));
		registrations.register(activity, m.get(1));
		RegistrationView waiting = registrations.register(activity, m.get(2));
		assertThat(waiting.status()).isEqualTo(RegistrationStatus.WAITLISTED);
		// What the race leaves behind: one seat counted free, one person waiting.
		jdbc.sql("update activity set seats_taken = 1 where id = :a").param("a", activity).update();

		assertThat(registrations.register(activity, m.get(3)).status()).isEqualTo(RegistrationStatus.WAITLISTED);
		assertThat(registrations.freeSeatsWithWaiters(1000)).contains(activity);
		assertThat(registrations.fillFreeSeats(activity)).isEqualTo(1);
		assertThat(registrations.get(waiting.id()).status()).isEqualTo(RegistrationStatus.OFFERED);
		assertThat(queries.get(activity).seatsTaken()).isEqualTo(2);
		assertThat(registrations.freeSeatsWithWaiters(1000)).doesNotContain(activity);
	}

	/** What other modules read of a member: the employer when there is one, and null (not 0) when there is none. */
	@Test
	void aMemberSummaryCarriesTheEmployerOrNone() {
		List<Long> m = members("泛华集团工会", 2);
		jdbc.sql("update member set employer_id = null where id = :id").param("id", m.get(0)).update();
		Long employer = jdbc.sql("select min(id) from employer").query(Long.class).single();
		jdbc.sql("update member set employer_id = :e where id = :id").param("e", employer).param("id", m.get(1)).update();
		assertThat(memberDirectory.find(m.get(0)).orElseThrow().employerId()).isNull();
		assertThat(memberDirectory.find(m.get(1)).orElseThrow().employerId()).isEqualTo(employer);
		assertThat(memberDirectory.find(m.get(1)).orElseThrow().unionPath()).startsWith("/");
	}

	/**
	 * Group counselling stores the consent with the registration, in the same write (on PostgreSQL the one
	 * statement of the sign-up): without it nothing at all, no seat taken; a waitlist place keeps its consent too;
	 * staff consent is marked offline, the worker's own is not. The least group size is the database's rule as well.
	 */
	@Test
	@WithUserDetails("beijing")
	void groupCounsellingKeepsTheConsentWithTheRegistrationOrStoresNothing() {
		Instant start = Instant.now().plus(Duration.ofDays(7));
		long id = activities.create(new NewActivity(id(jdbc, "北京工商大学工会"), ActivityKind.GROUP_COUNSELLING, "团体辅导" + UUID.randomUUID(), null,
				"良乡校区", 2, true, false, null, null, null, List.of(new NewSession("第一次", "COUNSELLING", start, start.plus(Duration.ofHours(2)), true)),
				null, null, null, null, null, null, null, 2));
		lifecycle.publish(id);
		assertThat(queries.get(id).minParticipants()).isEqualTo(2);
		assertThat(queries.get(id).stillNeeded()).isEqualTo(2);
		List<Long> m = ActivityFixtures.members(jdbc, "北京工商大学工会", "北京工商大学", "青年教师", 2);

		assertProblem(() -> registrations.register(id, m.get(0)), "activity.consent.requiredOffline");
		assertProblem(() -> registrations.register(id, m.get(0), false), "activity.consent.requiredOffline");
		assertThat(jdbc.sql("select count(*) from registration where activity_id = :a").param("a", id).query(Long.class).single()).isZero();
		assertThat(queries.get(id).seatsTaken()).isZero();

		RegistrationView first = registrations.register(id, m.get(0), true);
		assertThat(first.status()).isEqualTo(RegistrationStatus.REGISTERED);
		assertThat(first.consentAt()).isNotNull();
		assertThat(first.consentOffline()).isTrue();
		assertThat(registrations.get(first.id()).consentAt()).isEqualTo(first.consentAt());
		assertThat(registrations.register(id, m.get(0), true).id()).isEqualTo(first.id());

		// The worker themself (李想, the demo teacher): consent accepted on the phone, not offline.
		long me = jdbc.sql("select id from member where account_username = 'teacher'").query(Long.class).single();
		assertProblem(() -> runAs("teacher", () -> registrations.register(id, null, false)), "activity.consent.required");
		RegistrationView mine = runAs("teacher", () -> registrations.register(id, null, true));
		assertThat(mine.memberId()).isEqualTo(me);
		assertThat(mine.consentOffline()).isFalse();
		assertThat(queries.get(id).stillNeeded()).isZero();

		// Full: the waitlist place keeps its consent.
		RegistrationView waiting = registrations.register(id, m.get(1), true);
		assertThat(waiting.status()).isEqualTo(RegistrationStatus.WAITLISTED);
		var stored = jdbc.sql("select member_id, consent_at, consent_version, consent_offline from registration where activity_id = :a order by id")
			.param("a", id).query().listOfRows();
		assertThat(stored).hasSize(3).allSatisfy(r -> {
			assertThat(r.get("consent_at")).isNotNull();
			assertThat(r.get("consent_version")).isEqualTo(RegistrationService.CONSENT_VERSION);
		});
		assertThat(stored).extracting(r -> r.get("consent_offline")).containsExactly(true, false, true);

		// Other kinds carry no consent.
		long visit = activity("北京工商大学工会", 5, false);
		assertThat(registrations.register(visit, m.get(1)).consentAt()).isNull();

		// The least group size never exceeds the capacity, in the database too.
		assertThatExceptionOfType(org.springframework.dao.DataIntegrityViolationException.class)
			.isThrownBy(() -> jdbc.sql("update activity set min_participants = capacity + 1 where id = :id").param("id", id).update());
		var view = queries.get(id);
		assertProblem(() -> activities.update(id, new ActivityService.ActivityEdit(view.version(), view.title(), null, null, null, 2, true, null, null,
				null, null, 3)), "activity.minParticipants.aboveCapacity");
		activities.update(id, new ActivityService.ActivityEdit(view.version(), view.title(), null, null, null, 2, true, null, null, null, null, 1));
		assertThat(queries.get(id).minParticipants()).isEqualTo(1);
		assertThat(queries.get(id).stillNeeded()).isZero();
	}

	private <T> T runAs(String username, java.util.function.Supplier<T> action) {
		return org.gonghui.TestUsers.runAs(users, username, action);
	}
}
