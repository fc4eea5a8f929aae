package org.gonghui.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.gonghui.TestOrganizations.id;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.gonghui.GonghuiApplication;
import org.gonghui.activity.internal.ActivityLifecycle;
import org.gonghui.activity.internal.ActivityQueries;
import org.gonghui.activity.internal.ActivityQueries.ActivityQuery;
import org.gonghui.activity.internal.ActivityService;
import org.gonghui.activity.internal.ActivityService.ActivityEdit;
import org.gonghui.activity.internal.ActivityService.CoOrganizerInput;
import org.gonghui.activity.internal.ActivityService.ExpertInput;
import org.gonghui.activity.internal.ActivityService.NewActivity;
import org.gonghui.activity.internal.ActivityService.NewSession;
import org.gonghui.activity.internal.ParticipantService;
import org.gonghui.activity.internal.RegistrationService;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.PageResult;
import org.gonghui.shared.RecordNotFoundException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * Managing an activity against a real database: its status moves (legal and illegal), finishing (NO_SHOW)
 * and cancelling (everyone cancelled) with the seat count following, edits with the capacity rule and the
 * waitlist offered new seats in arrival order, audiences of named employers and named lists, a union chair's
 * list registration with a result per person, the staff list and participant export within scope.
 * Run on H2 ({@link ActivityManagementH2Tests}) and PostgreSQL ({@link ActivityManagementPostgresTests}).
 */
@SpringBootTest(classes = { GonghuiApplication.class, org.gonghui.MovableClock.class })
@ActiveProfiles({ "demo", "test" })
@RecordApplicationEvents
abstract class ActivityManagementContract {

	@Autowired
	ActivityService activities;

	@Autowired
	ActivityQueries queries;

	@Autowired
	ActivityLifecycle lifecycle;

	@Autowired
	RegistrationService registrations;

	@Autowired
	ParticipantService participants;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	long activity(String organisation, int capacity, boolean waitlist) {
		return activity(organisation, capacity, waitlist, Audience.ORGANIZATION_SUBTREE, null, null);
	}

	long activity(String organisation, int capacity, boolean waitlist, Audience audience, List<Long> employers, List<Long> members) {
		Instant start = Instant.now().plus(Duration.ofDays(7));
		long id = activities.create(new NewActivity(id(jdbc, organisation), ActivityKind.VISIT, "管理测试" + UUID.randomUUID(), null, "北京",
				capacity, waitlist, false, audience, null, null, List.of(new NewSession("参观", "visit", start, start.plus(Duration.ofHours(3)), true)),
				null, employers, members, List.of(new CoOrganizerInput(null, "党委教师工作部")), List.of(new ExpertInput("王老师", "北京安定医院")), null, null));
		lifecycle.publish(id);
		return id;
	}

	List<Long> members(String union, int count) {
		return ActivityFixtures.members(jdbc, union, null, "管理会员", count);
	}

	String status(long registration) {
		return jdbc.sql("select status from registration where id = :id").param("id", registration).query(String.class).single();
	}

	int seatsTaken(long activity) {
		return jdbc.sql("select seats_taken from activity where id = :id").param("id", activity).query(Integer.class).single();
	}

	static void assertProblem(Runnable action, String code) {
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(action::run)
			.satisfies(e -> assertThat(e.problems()).extracting(InvalidInputException.FieldProblem::code).contains(code));
	}

	@Test
	void statusMovesFollowTheRules() {
		for (ActivityStatus from : ActivityStatus.values()) {
			for (ActivityStatus to : ActivityStatus.values()) {
				boolean legal = switch (from) {
					case DRAFT -> to == ActivityStatus.PUBLISHED || to == ActivityStatus.CANCELLED;
					case PUBLISHED -> to == ActivityStatus.CLOSED || to == ActivityStatus.ONGOING || to == ActivityStatus.CANCELLED;
					case CLOSED -> to == ActivityStatus.PUBLISHED || to == ActivityStatus.ONGOING || to == ActivityStatus.CANCELLED;
					case ONGOING -> to == ActivityStatus.FINISHED;
					case FINISHED, CANCELLED -> false;
				};
				assertThat(from.mayMoveTo(to)).as(from + " -> " + to).isEqualTo(legal);
			}
		}
	}

	@Test
	@WithUserDetails("fengtai")
	void illegalMovesAreRefusedAndCancellingNeedsAReason() {
		long id = activity("丰台区总工会", 5, false);
		assertProblem(() -> lifecycle.move(id, ActivityStatus.FINISHED, null), "activity.status.illegal");
		assertProblem(() -> lifecycle.move(id, ActivityStatus.CANCELLED, " "), "activity.cancel.reasonRequired");
		assertProblem(() -> lifecycle.move(id, null, null), "validation.required");
		assertThat(queries.get(id).status()).isEqualTo(ActivityStatus.PUBLISHED);
		lifecycle.move(id, ActivityStatus.CLOSED, null);
		lifecycle.move(id, ActivityStatus.PUBLISHED, null);
		assertThat(queries.get(id).status()).isEqualTo(ActivityStatus.PUBLISHED);
	}

	@Test
	@WithUserDetails("fengtai")
	void finishingMarksNoShowsCancelsTheWaitingAndAnnouncesIt() {
		long id = activity("丰台区总工会", 2, true);
		List<Long> people = members("泛华集团工会", 4);
		var first = registrations.register(id, people.get(0));
		var second = registrations.register(id, people.get(1));
		var third = registrations.register(id, people.get(2));
		assertThat(third.status()).isEqualTo(RegistrationStatus.WAITLISTED);
		registrations.cancel(second.id(), null);
		assertThat(status(third.id())).isEqualTo("OFFERED");
		jdbc.sql("update registration set status = 'ATTENDED' where id = :id").param("id", first.id()).update();

		lifecycle.move(id, ActivityStatus.ONGOING, null);
		assertProblem(() -> registrations.register(id, people.get(3)), "activity.registration.notOpen");
		lifecycle.move(id, ActivityStatus.FINISHED, null);

		assertThat(status(first.id())).isEqualTo("ATTENDED");
		assertThat(status(third.id())).isEqualTo("CANCELLED");
		assertThat(seatsTaken(id)).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from registration_event where registration_id = :id and to_status = 'CANCELLED' and note = 'activity finished'")
			.param("id", third.id()).query(Long.class).single()).isEqualTo(1);
		assertThat(events.stream(ActivityFinished.class).filter(e -> e.activityId() == id)).hasSize(1);
		assertProblem(() -> activities.update(id, new ActivityEdit(queries.get(id).version(), "新名称", null, null, null, 5, true, null, null,
				null, null)), "activity.edit.notEditable");
	}

	@Test
	@WithUserDetails("fengtai")
	void reviewFindingsStayFixed() {
		// A pending registration cannot "accept" itself past the organiser's approval.
		Instant start = Instant.now().plus(Duration.ofDays(7));
		long approval = activities.create(new NewActivity(id(jdbc, "丰台区总工会"), ActivityKind.LECTURE, "需审核讲座", null, null, 1, false, true, null,
				null, null, List.of(new NewSession("讲座", "LECTURE", start, start.plus(Duration.ofHours(1)), true))));
		lifecycle.publish(approval);
		var pending = registrations.register(approval, members("泛华集团工会", 1).get(0));
		assertThat(pending.status()).isEqualTo(RegistrationStatus.PENDING_APPROVAL);
		assertProblem(() -> registrations.acceptOffer(pending.id()), "activity.registration.illegal");
		assertThat(seatsTaken(approval)).isZero();

		// A draft whose registration deadline has passed is published with registration closed (no 500).
		Instant past = Instant.now().minus(Duration.ofDays(2));
		long late = activities.create(new NewActivity(id(jdbc, "丰台区总工会"), ActivityKind.VISIT, "补录活动", null, null, 5, false, false, null, null,
				null, List.of(new NewSession("参观", "VISIT", past, past.plus(Duration.ofHours(2)), true))));
		lifecycle.publish(late);
		assertThat(queries.get(late).status()).isEqualTo(ActivityStatus.PUBLISHED);
		assertProblem(() -> registrations.register(late, members("泛华集团工会", 1).get(0)), "activity.registration.outsideWindow");

		// Opening after the first session starts, a session of days, and kinds with their own pages are refused.
		assertProblem(() -> activities.create(new NewActivity(id(jdbc, "丰台区总工会"), ActivityKind.VISIT, "错窗", null, null, 5, false, false, null,
				start.plus(Duration.ofDays(1)), null, List.of(new NewSession("参观", "VISIT", start, start.plus(Duration.ofHours(2)), true)))),
				"activity.window.opensAfterStart");
		assertProblem(() -> activities.create(new NewActivity(id(jdbc, "丰台区总工会"), ActivityKind.VISIT, "长场次", null, null, 5, false, false, null,
				null, null, List.of(new NewSession("参观", "VISIT", start, start.plus(Duration.ofDays(400)), true)))), "activity.session.tooLong");
		assertProblem(() -> activities.create(new NewActivity(id(jdbc, "丰台区总工会"), ActivityKind.COMPETITION, "比赛", null, null, 5, false, false,
				null, null, null, List.of())), "activity.kind.ownPage");
	}

	@Test
	@WithUserDetails("fengtai")
	void finishingTurnsSeatHoldersWhoNeverCameIntoNoShows() {
		long id = activity("丰台区总工会", 3, false);
		var r = registrations.register(id, members("泛华集团工会", 1).get(0));
		lifecycle.move(id, ActivityStatus.ONGOING, null);
		lifecycle.move(id, ActivityStatus.FINISHED, null);
		assertThat(status(r.id())).isEqualTo("NO_SHOW");
		assertThat(seatsTaken(id)).isEqualTo(1);
	}

	@Test
	@WithUserDetails("fengtai")
	void cancellingCancelsEveryOpenRegistrationAndFreesTheSeats() {
		long id = activity("丰台区总工会", 1, true);
		List<Long> people = members("泛华集团工会", 2);
		var a = registrations.register(id, people.get(0));
		var b = registrations.register(id, people.get(1));
		int changed = lifecycle.move(id, ActivityStatus.CANCELLED, "场馆临时闭馆");
		assertThat(changed).isEqualTo(2);
		assertThat(status(a.id())).isEqualTo("CANCELLED");
		assertThat(status(b.id())).isEqualTo("CANCELLED");
		assertThat(seatsTaken(id)).isZero();
		assertThat(jdbc.sql("select count(*) from audit_entry where action = 'activity.status' and target_id = :id and detail like '%场馆临时闭馆%'")
			.param("id", String.valueOf(id)).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	@WithUserDetails("fengtai")
	void capacityCannotDropBelowTheSeatsTakenAndNewSeatsGoToTheWaitlistInArrivalOrder() {
		long id = activity("丰台区总工会", 2, true);
		List<Long> people = members("泛华集团工会", 5);
		people.forEach(m -> registrations.register(id, m));
		var view = queries.get(id);
		assertProblem(() -> activities.update(id, new ActivityEdit(view.version(), view.title(), null, "北京", null, 1, true, null, null, null, null)),
				"activity.capacity.belowTaken");
		assertThat(queries.get(id).capacity()).isEqualTo(2);

		activities.update(id, new ActivityEdit(view.version(), view.title(), "加场", "北京", null, 4, true, null, null, null, null));
		List<String> order = jdbc.sql("select status from registration where activity_id = :id order by id").param("id", id).query(String.class).list();
		assertThat(order).containsExactly("REGISTERED", "REGISTERED", "OFFERED", "OFFERED", "WAITLISTED");
		assertThat(seatsTaken(id)).isEqualTo(4);

		assertThatExceptionOfType(OptimisticLockingFailureException.class).isThrownBy(() -> activities.update(id,
				new ActivityEdit(view.version(), view.title(), null, null, null, 4, true, null, null, null, null)));
		var now = queries.get(id);
		assertProblem(() -> activities.update(id, new ActivityEdit(now.version(), now.title(), null, null, null, 4, false, null, null, null, null)),
				"activity.waitlist.notEmpty");
		assertThat(now.experts()).extracting(ExpertInput::name).containsExactly("王老师");
	}

	@Test
	@WithUserDetails("longtan")
	void namedEmployersAndNamedListsDecideWhoMayRegister() {
		List<Long> courier = ActivityFixtures.members(jdbc, "龙潭街道总工会", "京东快递（龙潭站）", "快递员", 1);
		List<Long> cook = ActivityFixtures.members(jdbc, "龙潭街道总工会", "良苑餐厅", "厨师", 1);
		List<Long> other = ActivityFixtures.members(jdbc, "龙潭街道总工会", null, "居民", 1);
		long jd = jdbc.sql("select id from employer where name = '京东快递（龙潭站）'").query(Long.class).single();
		long byEmployer = activity("龙潭街道总工会", 10, false, Audience.EMPLOYERS, List.of(jd), null);
		assertThat(registrations.register(byEmployer, courier.get(0)).status()).isEqualTo(RegistrationStatus.REGISTERED);
		assertProblem(() -> registrations.register(byEmployer, cook.get(0)), "activity.member.notInAudience");
		assertProblem(() -> registrations.register(byEmployer, other.get(0)), "activity.member.notInAudience");
		assertThat(queries.get(byEmployer).audienceEmployers()).extracting(ActivityQueries.AudienceEmployer::name).containsExactly("京东快递（龙潭站）");

		long named = activity("龙潭街道总工会", 10, false, Audience.NAMED_LIST, null, List.of(cook.get(0)));
		assertThat(registrations.register(named, cook.get(0)).status()).isEqualTo(RegistrationStatus.REGISTERED);
		assertProblem(() -> registrations.register(named, courier.get(0)), "activity.member.notInAudience");
		assertThat(queries.get(named).namedListSize()).isEqualTo(1);

		assertProblem(() -> activity("龙潭街道总工会", 10, false, Audience.EMPLOYERS, List.of(), null), "activity.audience.employersRequired");
		assertProblem(() -> activity("龙潭街道总工会", 10, false, Audience.NAMED_LIST, null, List.of(-5L)), "activity.member.notFound");
		assertProblem(() -> activity("龙潭街道总工会", 10, false, Audience.ALL_MEMBERS, List.of(jd), null), "activity.audience.employersNotExpected");
		// Employers typed as names on the form are matched under the organiser; an unknown line is named.
		assertThat(queries.employerIds(id(jdbc, "龙潭街道总工会"), List.of("京东快递（龙潭站）", ""))).containsExactly(jd);
		assertProblem(() -> queries.employerIds(id(jdbc, "龙潭街道总工会"), List.of("不存在的公司")), "activity.audience.employerLine");
	}

	@Test
	@WithUserDetails("fengtai")
	void aListIsRegisteredPersonByPersonWithAResultEach() {
		long id = activity("丰台区总工会", 2, false);
		List<Long> people = members("泛华集团工会", 3);
		registrations.register(id, people.get(0));
		long outsider = members("朝阳区总工会", 1).get(0);
		var results = registrations.registerList(id, List.of(ActivityFixtures.card(jdbc, people.get(0)), String.valueOf(people.get(1)),
				ActivityFixtures.card(jdbc, people.get(1)), "NO-SUCH-CARD", ActivityFixtures.card(jdbc, outsider), ActivityFixtures.card(jdbc, people.get(2)), " "));
		assertThat(results).hasSize(6);
		assertThat(results.get(0).status()).isEqualTo(RegistrationStatus.REGISTERED);
		assertThat(results.get(0).created()).isFalse();
		assertThat(results.get(1).status()).isEqualTo(RegistrationStatus.REGISTERED);
		assertThat(results.get(1).created()).isTrue();
		assertThat(results.get(2).problemCode()).isEqualTo("activity.list.duplicate");
		assertThat(results.get(3).problemCode()).isEqualTo("activity.member.notFound");
		assertThat(results.get(4).problemCode()).isEqualTo("activity.member.notFound");
		assertThat(results.get(5).problemCode()).isEqualTo("activity.registration.full");
		assertThat(seatsTaken(id)).isEqualTo(2);
		assertThat(jdbc.sql("select count(*) from registration where activity_id = :id").param("id", id).query(Long.class).single()).isEqualTo(2);
		assertProblem(() -> registrations.registerList(id, List.of()), "validation.required");
	}

	@Test
	@WithUserDetails("fengtai")
	void theStaffListAndTheParticipantsStayInScope() throws Exception {
		long mine = activity("丰台区总工会", 5, false);
		registrations.register(mine, members("泛华集团工会", 1).get(0));
		var page = queries.list(new ActivityQuery(ActivityStatus.PUBLISHED, ActivityKind.VISIT, "管理测试", null), new PageResult.Request(0, 100));
		assertThat(page.content()).extracting(ActivityQueries.ActivityLine::id).contains(mine);
		assertThat(page.content()).allSatisfy(line -> assertThat(line.organizationName()).isNotEqualTo("朝阳区总工会"));
		assertThat(queries.list(new ActivityQuery(null, null, "100%_不存在", null), new PageResult.Request(0, 10)).totalElements()).isZero();
		assertThat(participants.list(mine, null, new PageResult.Request(0, 10)).content()).hasSize(1);
		var out = new ByteArrayOutputStream();
		participants.export(mine, null, out);
		assertThat(out.toByteArray()).startsWith('P', 'K');
		assertThat(jdbc.sql("select count(*) from audit_entry where action = 'activity.participants.export' and target_id = :id")
			.param("id", String.valueOf(mine)).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	@WithUserDetails("chaoyang")
	void anotherDistrictSeesNothingOfIt() {
		long theirs = jdbc.sql("select min(id) from activity a where organization_id = :o").param("o", id(jdbc, "龙潭街道总工会")).query(Long.class).single();
		assertThatExceptionOfType(RecordNotFoundException.class).isThrownBy(() -> participants.list(theirs, null, new PageResult.Request(0, 10)));
		assertThatExceptionOfType(RecordNotFoundException.class).isThrownBy(() -> participants.export(theirs, null, new ByteArrayOutputStream()));
		assertThatExceptionOfType(RecordNotFoundException.class).isThrownBy(() -> lifecycle.move(theirs, ActivityStatus.CLOSED, null));
		assertThatExceptionOfType(RecordNotFoundException.class).isThrownBy(() -> registrations.registerList(theirs, List.of("1")));
		assertThat(queries.list(new ActivityQuery(null, null, null, null), new PageResult.Request(0, 100)).content())
			.extracting(ActivityQueries.ActivityLine::id).doesNotContain(theirs);
	}
}
