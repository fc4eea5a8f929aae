package org.gonghui.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.gonghui.TestOrganizations.id;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.gonghui.GonghuiApplication;
import org.gonghui.MovableClock;
import org.gonghui.TestOrganizations;
import org.gonghui.TestUsers;
import org.gonghui.activity.ActivityKind;
import org.gonghui.activity.internal.ActivityLifecycle;
import org.gonghui.activity.internal.ActivityService;
import org.gonghui.activity.internal.ActivityService.NewActivity;
import org.gonghui.activity.internal.ActivityService.NewSession;
import org.gonghui.activity.internal.CheckInService;
import org.gonghui.activity.internal.RegistrationService;
import org.gonghui.care.internal.BookingService;
import org.gonghui.care.internal.CounsellorService;
import org.gonghui.care.internal.CounsellorService.CounsellorInput;
import org.gonghui.care.internal.RatingModeration;
import org.gonghui.care.internal.RatingModeration.CommentView;
import org.gonghui.care.internal.RatingService;
import org.gonghui.care.internal.RatingService.MyService;
import org.gonghui.care.internal.RatingService.Rated;
import org.gonghui.care.internal.SatisfactionFigures;
import org.gonghui.care.internal.SatisfactionFigures.FormFigure;
import org.gonghui.care.internal.SlotService;
import org.gonghui.care.internal.SlotService.NewSlot;
import org.gonghui.organization.OrganizationMoved;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.RecordNotFoundException;
import org.gonghui.shared.StateConflictException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Satisfaction ratings on a real database (H2 and PostgreSQL): a worker rates only a service they took part in
 * (checked in at a finished activity, a recognised walk-in included; an appointment the counsellor marked done), only
 * after it happened, once — the service says so, the unique keys hold even against rows written past it, and eight
 * racing clicks store one rating. Figures follow the data scope and the period, appointment forms under ten ratings
 * are suppressed; comments are moderated by the organiser's side only and appointment comments reach the counsellor
 * alone, from ten ratings up. The demo ratings make the caravan the best-liked form.
 */
@SpringBootTest(classes = { GonghuiApplication.class, MovableClock.class })
@ActiveProfiles({ "demo", "test" })
@Transactional
abstract class SatisfactionContract {

	private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
	private static final String LONGTAN = "龙潭街道总工会";
	private static final String SCHOOL = "陈经纶中学工会";

	@Autowired
	RatingService ratings;

	@Autowired
	RatingModeration moderation;

	@Autowired
	SatisfactionFigures figures;

	@Autowired
	ActivityService activities;

	@Autowired
	ActivityLifecycle lifecycle;

	@Autowired
	RegistrationService registrations;

	@Autowired
	CheckInService checkIns;

	@Autowired
	CounsellorService counsellors;

	@Autowired
	SlotService slots;

	@Autowired
	BookingService bookings;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MovableClock clock;

	@Autowired
	ApplicationEventPublisher events;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	private <T> T as(String username, Supplier<T> action) {
		return TestUsers.runAs(users, username, action);
	}

	private void as(String username, Runnable action) {
		as(username, () -> {
			action.run();
			return null;
		});
	}

	private static List<String> codes(Throwable e) {
		return ((InvalidInputException) e).problems().stream().map(p -> p.field() + ":" + p.code()).toList();
	}

	/** What the organisation's staff member sees of it: a published activity with one session two days ago, as {@code staff}. */
	private long activity(String staff, String organisation, ActivityKind kind) {
		Instant start = Instant.now().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.HOURS);
		return as(staff, () -> {
			// Registration stays open a day longer than the session, so that the test can still register people afterwards.
			long id = activities.create(new NewActivity(id(jdbc, organisation), kind, "满意度测试" + UUID.randomUUID(), null, "北京", 50, false, false, null, null,
					Instant.now().plus(Duration.ofDays(1)), List.of(new NewSession("讲座", "LECTURE", start, start.plus(Duration.ofHours(2)), true))));
			lifecycle.publish(id);
			return id;
		});
	}

	/** Registers the member (a worker's username) as staff; with {@code checkIn} checks them in by their code. */
	private void attend(String staff, long activity, String worker, boolean checkIn) {
		long member = AppointmentFixtures.memberOf(jdbc, worker);
		as(staff, () -> {
			var r = registrations.register(activity, member);
			if (checkIn) {
				checkIns.checkIn(activity, registrations.get(r.id()).checkInCode(), null);
			}
		});
	}

	private void finish(String staff, long activity) {
		as(staff, () -> {
			lifecycle.finish(activity);
		});
	}

	/** A finished activity of the organisation that the workers attended. */
	private long finishedActivity(String staff, String organisation, ActivityKind kind, String... workers) {
		long a = activity(staff, organisation, kind);
		for (String w : workers) {
			attend(staff, a, w, true);
		}
		finish(staff, a);
		return a;
	}

	private Rated rate(String worker, ServiceType type, Long id, Integer score, String comment) {
		return as(worker, () -> ratings.rate(type, id, score, comment));
	}

	private void assertNotTaken(String worker, ServiceType type, long id) {
		long before = TestOrganizations.count(jdbc, "care_rating");
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> rate(worker, type, id, 5, "很好"))
			.satisfies(e -> assertThat(codes(e)).containsExactly("serviceId:care.rating.notTaken"));
		assertThat(TestOrganizations.count(jdbc, "care_rating")).isEqualTo(before);
	}

	private static FormFigure form(SatisfactionFigures.Figures f, ServiceForm form) {
		return f.forms().stream().filter(x -> x.form() == form).findFirst().orElseThrow();
	}

	@Test
	void aWorkerRatesAServiceTheyAttendedOnceAndTheDatabaseRefusesASecondRating() {
		// The demo courier 张伟 attended 龙潭's caravan (a caravan is made through its request, not here) and has not rated it yet.
		String worker = "worker";
		long caravan = as(worker, () -> ratings.mine()).stream().filter(s -> s.form() == ServiceForm.CARAVAN).findFirst().orElseThrow().serviceId();
		assertThat(as(worker, () -> ratings.mine())).filteredOn(s -> s.serviceId() == caravan).singleElement()
			.satisfies(s -> {
				assertThat(s.rated()).isFalse();
				assertThat(s.form()).isEqualTo(ServiceForm.CARAVAN);
				assertThat(s.organizer()).isEqualTo(LONGTAN);
			});
		Rated rated = rate(worker, ServiceType.ACTIVITY, caravan, 5, "  医生很耐心\r\n下次还来 ");
		assertThat(rated.form()).isEqualTo(ServiceForm.CARAVAN);
		assertThat(rated.commentStatus()).isEqualTo(CommentStatus.PENDING);
		assertThat(jdbc.sql("select comment from care_rating where id = :id").param("id", rated.id()).query(String.class).single())
			.isEqualTo("医生很耐心\n下次还来");
		assertThat(jdbc.sql("select organization_path from care_rating where id = :id").param("id", rated.id()).query(String.class).single())
			.isEqualTo(TestOrganizations.path(jdbc, id(jdbc, LONGTAN)));
		// A second rating of the same service: a conflict, whatever score or comment, and nothing more stored.
		assertThatExceptionOfType(StateConflictException.class).isThrownBy(() -> rate(worker, ServiceType.ACTIVITY, caravan, 1, null))
			.satisfies(e -> assertThat(e.code()).isEqualTo("care.rating.already"));
		assertThat(as(worker, () -> ratings.mineOne(ServiceType.ACTIVITY, caravan)).rating().score()).isEqualTo(5);
		assertThat(jdbc.sql("select count(*) from care_rating where activity_id = :a and member_id = :m").param("a", caravan)
			.param("m", AppointmentFixtures.memberOf(jdbc, worker)).query(Long.class).single()).isEqualTo(1);
		// Past the service, a row written straight into the table breaks the unique key (last: PostgreSQL ends the transaction here).
		assertThatExceptionOfType(DataIntegrityViolationException.class).isThrownBy(() -> jdbc.sql("insert into care_rating (activity_id, member_id, form,"
				+ " organization_id, organization_path, held_on, score, created_at) select activity_id, member_id, form, organization_id, organization_path,"
				+ " held_on, 2, created_at from care_rating where id = :id").param("id", rated.id()).update());
	}

	@Test
	void onceIsPerServiceAndWorker() {
		String one = AppointmentFixtures.worker(jdbc, LONGTAN, null);
		String other = AppointmentFixtures.worker(jdbc, LONGTAN, null);
		long a = finishedActivity("longtan", LONGTAN, ActivityKind.LECTURE, one, other);
		long b = finishedActivity("longtan", LONGTAN, ActivityKind.VISIT, one);
		assertThat(rate(one, ServiceType.ACTIVITY, a, 4, null).commentStatus()).isNull();
		assertThat(rate(other, ServiceType.ACTIVITY, a, 2, null).score()).isEqualTo(2);
		assertThat(rate(one, ServiceType.ACTIVITY, b, 5, null).form()).isEqualTo(ServiceForm.VISIT);
		assertThat(jdbc.sql("select count(*) from care_rating where activity_id in (:a)").param("a", List.of(a, b)).query(Long.class).single()).isEqualTo(3);
	}

	@Test
	void onlyAServiceTakenPartInAndFinishedCanBeRated() {
		String came = AppointmentFixtures.worker(jdbc, LONGTAN, null);
		String noShow = AppointmentFixtures.worker(jdbc, LONGTAN, null);
		String walkIn = AppointmentFixtures.worker(jdbc, LONGTAN, null);
		String stranger = AppointmentFixtures.worker(jdbc, LONGTAN, null);
		long a = activity("longtan", LONGTAN, ActivityKind.LECTURE);
		attend("longtan", a, came, true);
		attend("longtan", a, noShow, false);
		long walkInMember = AppointmentFixtures.memberOf(jdbc, walkIn);
		as("longtan", () -> {
			checkIns.walkIn(a, null, null, null, walkInMember);
		});
		// Checked in, but the activity has not finished: it has not (fully) happened.
		assertNotTaken(came, ServiceType.ACTIVITY, a);
		assertThat(as(came, () -> ratings.mine())).extracting(MyService::serviceId).doesNotContain(a);
		finish("longtan", a);
		assertNotTaken(noShow, ServiceType.ACTIVITY, a);
		assertNotTaken(stranger, ServiceType.ACTIVITY, a);
		assertNotTaken(came, ServiceType.ACTIVITY, 99_999_999L);
		assertNotTaken(came, ServiceType.APPOINTMENT, a);
		assertThat(rate(came, ServiceType.ACTIVITY, a, 4, null).score()).isEqualTo(4);
		// A walk-in staff recognised as the member took part as much as a registered member.
		assertThat(rate(walkIn, ServiceType.ACTIVITY, a, 3, null).score()).isEqualTo(3);
		// Bad input is refused before anything is looked up, with every problem at once.
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> rate(stranger, null, null, 0, "好".repeat(501)))
			.satisfies(e -> assertThat(codes(e)).containsExactlyInAnyOrder("serviceType:validation.required", "serviceId:validation.required",
					"score:care.rating.score", "comment:validation.tooLong"));
		// Staff, counsellors and anonymous callers rate nothing.
		assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> rate("longtan", ServiceType.ACTIVITY, a, 5, null));
		assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> rate("counsellor", ServiceType.ACTIVITY, a, 5, null));
		assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> ratings.rate(ServiceType.ACTIVITY, a, 5, null));
	}

	@Test
	void anAppointmentIsRatedOnceItIsDoneAndCountsForTheWorkersUnionNotTheCounsellors() {
		String account = AppointmentFixtures.counsellorAccount(jdbc, "朝阳区总工会");
		long counsellor = as("chaoyang", () -> counsellors.create(new CounsellorInput(account, "评价测试咨询师", "注册心理师 X-2020-0002", "中国心理学会",
				"北京安定医院", "普通话", "擅长职场压力。", List.of(id(jdbc, SCHOOL)), true)));
		Instant start = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(2));
		long slot = as("chaoyang", () -> slots.add(counsellor, new NewSlot(start, start.plus(Duration.ofMinutes(50)), SlotMode.PHONE, null, "010-62345678", null)));
		String worker = AppointmentFixtures.worker(jdbc, SCHOOL, null);
		String other = AppointmentFixtures.worker(jdbc, SCHOOL, null);
		long booking = as(worker, () -> bookings.book(slot, false)).id();
		// Booked, even confirmed: it has not happened.
		assertNotTaken(worker, ServiceType.APPOINTMENT, booking);
		as(account, () -> bookings.confirm(booking));
		assertNotTaken(worker, ServiceType.APPOINTMENT, booking);
		clock.moveTo(start.plus(Duration.ofMinutes(5)));
		as(account, () -> bookings.done(booking));
		assertNotTaken(other, ServiceType.APPOINTMENT, booking);
		assertNotTaken(worker, ServiceType.ACTIVITY, booking);
		MyService mine = as(worker, () -> ratings.mineOne(ServiceType.APPOINTMENT, booking));
		assertThat(mine.form()).isEqualTo(ServiceForm.APPOINTMENT_PHONE);
		assertThat(mine.title()).isEqualTo("评价测试咨询师");
		Rated rated = rate(worker, ServiceType.APPOINTMENT, booking, 5, "老师很耐心");
		assertThat(rated.commentStatus()).isEqualTo(CommentStatus.PRIVATE);
		assertThatExceptionOfType(StateConflictException.class).isThrownBy(() -> rate(worker, ServiceType.APPOINTMENT, booking, 4, null));
		// Stored for the worker's union, with no title and the day in Beijing time.
		var row = jdbc.sql("select organization_id, title, held_on from care_rating where id = :id").param("id", rated.id())
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate() }).single();
		assertThat(row[0]).isEqualTo(id(jdbc, SCHOOL));
		assertThat(row[1]).isNull();
		assertThat(row[2]).isEqualTo(LocalDate.ofInstant(start, BEIJING));
		// The comment is the counsellor's alone: no moderation queue, no activity, no figures row shows it.
		assertThat(as("chaoyang", () -> moderation.forModeration(null, null, null))).extracting(CommentView::comment).doesNotContain("老师很耐心");
		assertThat(as("chaoyang", () -> figures.figures(null, null, null)).services()).noneMatch(s -> s.form().isAppointment());
		// One rating is nothing the counsellor sees either: figures and comments come from ten up.
		assertThat(as(account, () -> figures.counsellor())).satisfies(c -> {
			assertThat(c.suppressed()).isTrue();
			assertThat(c.count()).isNull();
			assertThat(c.comments()).isEmpty();
		});
		appointmentRatings(counsellor, SCHOOL, SlotMode.PHONE, 9, 4, "第");
		assertThat(as(account, () -> figures.counsellor())).satisfies(c -> {
			assertThat(c.suppressed()).isFalse();
			assertThat(c.count()).isEqualTo(10);
			assertThat(c.average()).isEqualByComparingTo("4.1");
			// Texts only, ordered by their text rather than by arrival, so the newest cannot be told apart.
			assertThat(c.comments()).hasSize(10).contains("老师很耐心");
		});
		assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> as("chaoyang", () -> figures.counsellor()));
		// The booking's unique key holds past the service (last: PostgreSQL ends the transaction here).
		assertThatExceptionOfType(DataIntegrityViolationException.class).isThrownBy(() -> jdbc.sql("insert into care_rating (booking_id, member_id, form,"
				+ " organization_id, organization_path, held_on, score, comment, comment_status, created_at) select booking_id, member_id, form,"
				+ " organization_id, organization_path, held_on, 1, null, null, created_at from care_rating where id = :id").param("id", rated.id()).update());
	}

	/** {@code n} appointments of the counsellor that took place, each rated {@code score} with a comment, written straight into the tables. */
	private void appointmentRatings(long counsellor, String union, SlotMode mode, int n, int score, String commentPrefix) {
		long unionId = id(jdbc, union);
		String path = TestOrganizations.path(jdbc, unionId);
		for (int i = 0; i < n; i++) {
			String worker = AppointmentFixtures.worker(jdbc, union, null);
			long member = AppointmentFixtures.memberOf(jdbc, worker);
			Instant start = Instant.now().minus(Duration.ofDays(10 + i));
			var slotKeys = new org.springframework.jdbc.support.GeneratedKeyHolder();
			jdbc.sql("insert into care_slot (counsellor_id, starts_at, ends_at, mode, location, status, created_by, created_at, updated_at)"
					+ " values (:c, :s, :e, :mode, '010-1', 'BOOKED', 'test', :s, :s)")
				.param("c", counsellor).param("s", Timestamp.from(start)).param("e", Timestamp.from(start.plus(Duration.ofMinutes(50))))
				.param("mode", mode == SlotMode.SITE ? "PHONE" : mode.name()).update(slotKeys, "id");
			long slot = slotKeys.getKeyAs(Number.class).longValue();
			var bookingKeys = new org.springframework.jdbc.support.GeneratedKeyHolder();
			jdbc.sql("insert into care_booking (slot_id, active_slot_id, member_id, union_path, discreet, status, created_at, updated_at)"
					+ " values (:slot, :slot, :m, :path, false, 'DONE', :s, :s)")
				.param("slot", slot).param("m", member).param("path", path).param("s", Timestamp.from(start)).update(bookingKeys, "id");
			long booking = bookingKeys.getKeyAs(Number.class).longValue();
			rate(worker, ServiceType.APPOINTMENT, booking, score, commentPrefix + (char) ('z' - i) + " 次");
		}
	}

	@Test
	void figuresFollowTheScopeAndThePeriodAndShowTheCaravanAsTheBestLikedForm() {
		// The demo: 北京市总工会 sees 东城 and 丰台 together; the caravans lead.
		var beijing = as("beijing", () -> figures.figures(null, null, null));
		assertThat(beijing.ranked().get(0).form()).isEqualTo(ServiceForm.CARAVAN);
		assertThat(beijing.ranked().get(0).rank()).isEqualTo(1);
		assertThat(form(beijing, ServiceForm.CARAVAN).count()).isGreaterThanOrEqualTo(5);
		assertThat(beijing.ranked()).extracting(FormFigure::form).contains(ServiceForm.GROUP_COUNSELLING, ServiceForm.LECTURE);
		// Two appointments were rated in the demo: under ten, so every appointment form says nothing.
		for (ServiceForm f : List.of(ServiceForm.APPOINTMENT_SITE, ServiceForm.APPOINTMENT_PHONE, ServiceForm.APPOINTMENT_VIDEO,
				ServiceForm.APPOINTMENT_WORKPLACE)) {
			assertThat(form(beijing, f)).satisfies(x -> {
				assertThat(x.suppressed()).isTrue();
				assertThat(x.count()).isNull();
				assertThat(x.average()).isNull();
				assertThat(x.rank()).isNull();
			});
		}
		assertThat(beijing.services()).extracting(SatisfactionFigures.ServiceFigure::title).contains("心理关爱大篷车走进京东快递龙潭站", "心理关爱大篷车走进美团外卖丰台站点");
		assertThat(beijing.services()).allSatisfy(s -> assertThat(s.average().scale()).isEqualTo(1));
		// 丰台 sees its riders' caravan and 泛华's lecture, not 龙潭's services; 东城's staff the other way round.
		var fengtai = as("fengtai", () -> figures.figures(null, null, null));
		assertThat(fengtai.services()).extracting(SatisfactionFigures.ServiceFigure::title).contains("心理关爱大篷车走进美团外卖丰台站点", "职场压力与睡眠健康讲座")
			.doesNotContain("心理关爱大篷车走进京东快递龙潭站", "快递员团体心理辅导：情绪与压力");
		assertThat(fengtai.ranked().get(0).form()).isEqualTo(ServiceForm.CARAVAN);
		var longtan = as("longtan", () -> figures.figures(null, null, null));
		assertThat(longtan.services()).extracting(SatisfactionFigures.ServiceFigure::title).doesNotContain("心理关爱大篷车走进美团外卖丰台站点");
		// Outside the scope: not found, exactly like a missing organisation.
		long dongcheng = id(jdbc, "东城区总工会");
		assertThatExceptionOfType(RecordNotFoundException.class).isThrownBy(() -> as("fengtai", () -> figures.figures(dongcheng, null, null)));
		assertThatExceptionOfType(RecordNotFoundException.class).isThrownBy(() -> as("fengtai", () -> figures.figures(99_999_999L, null, null)));
		// Roles: workers and counsellors get no figures.
		assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> as("worker", () -> figures.figures(null, null, null)));
		assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> as("counsellor", () -> figures.figures(null, null, null)));
		// The period selects on the day a service was held.
		LocalDate today = LocalDate.now(BEIJING);
		var lastWeek = as("beijing", () -> figures.figures(null, today.minusDays(7), today));
		assertThat(lastWeek.services()).extracting(SatisfactionFigures.ServiceFigure::title).doesNotContain("心理关爱大篷车走进京东快递龙潭站");
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> as("beijing", () -> figures.figures(null, today, today.minusDays(1))))
			.satisfies(e -> assertThat(codes(e)).containsExactly("to:care.figures.period"));
	}

	@Test
	void anAppointmentFormIsShownAndRankedFromTenRatings() {
		String account = AppointmentFixtures.counsellorAccount(jdbc, "朝阳区总工会");
		long counsellor = as("chaoyang", () -> counsellors.create(new CounsellorInput(account, "视频咨询师", null, null, "北京安定医院", null, null,
				List.of(id(jdbc, SCHOOL)), true)));
		appointmentRatings(counsellor, SCHOOL, SlotMode.VIDEO, 9, 5, "视频");
		var nine = as("chaoyang", () -> figures.figures(null, null, null));
		assertThat(form(nine, ServiceForm.APPOINTMENT_VIDEO).suppressed()).isTrue();
		assertThat(nine.ranked()).extracting(FormFigure::form).doesNotContain(ServiceForm.APPOINTMENT_VIDEO);
		appointmentRatings(counsellor, SCHOOL, SlotMode.VIDEO, 1, 4, "视频");
		var ten = as("chaoyang", () -> figures.figures(null, null, null));
		assertThat(form(ten, ServiceForm.APPOINTMENT_VIDEO)).satisfies(x -> {
			assertThat(x.suppressed()).isFalse();
			assertThat(x.count()).isEqualTo(10);
			assertThat(x.average()).isEqualByComparingTo("4.9");
			assertThat(x.rank()).isNotNull();
		});
		// Never one appointment, never one counsellor: the per-service list holds activities only.
		assertThat(ten.services()).noneMatch(s -> s.form().isAppointment());
		// 丰台 does not see 朝阳's appointments at all.
		assertThat(form(as("fengtai", () -> figures.figures(null, null, null)), ServiceForm.APPOINTMENT_VIDEO).suppressed()).isTrue();
	}

	@Test
	void commentsAreModeratedByTheOrganisersSideAndOthersSeeApprovedOnes() {
		String author = AppointmentFixtures.worker(jdbc, LONGTAN, null);
		String neighbour = AppointmentFixtures.worker(jdbc, LONGTAN, null);
		long a = finishedActivity("longtan", LONGTAN, ActivityKind.OTHER, author, neighbour);
		long pending = rate(author, ServiceType.ACTIVITY, a, 4, "希望多办几次").id();
		long rejected = rate(neighbour, ServiceType.ACTIVITY, a, 2, "广告：代办证件").id();
		// The organiser's side (龙潭, and 东城 above it) sees both, waiting; 丰台 and the workers see nothing yet.
		assertThat(as("longtan", () -> moderation.forModeration(null, CommentStatus.PENDING, a))).extracting(CommentView::id).containsExactly(rejected, pending);
		assertThat(as("longtan", () -> moderation.ofActivity(a))).extracting(CommentView::id).containsExactlyInAnyOrder(pending, rejected);
		assertThat(as("fengtai", () -> moderation.forModeration(null, null, a))).isEmpty();
		assertThat(as("fengtai", () -> moderation.ofActivity(a))).isEmpty();
		assertThat(as(neighbour, () -> moderation.ofActivity(a))).isEmpty();
		assertThat(as("longtan", () -> moderation.pending())).isGreaterThanOrEqualTo(2);
		// Outside the scope a comment does not exist; a worker may not moderate; the organiser's side decides once.
		assertThatExceptionOfType(RecordNotFoundException.class).isThrownBy(() -> as("fengtai", () -> moderation.approve(pending)));
		assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> as(author, () -> moderation.approve(pending)));
		assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> as("counsellor", () -> moderation.approve(pending)));
		assertThatExceptionOfType(RecordNotFoundException.class).isThrownBy(() -> as("longtan", () -> moderation.forModeration(id(jdbc, "丰台区总工会"), null, null)));
		as("longtan", () -> moderation.approve(pending));
		// 北京市总工会 lies above 龙潭: the organiser's side too.
		as("beijing", () -> moderation.reject(rejected));
		assertThatExceptionOfType(StateConflictException.class).isThrownBy(() -> as("longtan", () -> moderation.reject(pending)))
			.satisfies(e -> assertThat(e.code()).isEqualTo("care.comment.decided"));
		// Everyone else sees the approved one only, never who wrote it; the author sees their own status.
		assertThat(as(neighbour, () -> moderation.ofActivity(a))).singleElement().satisfies(c -> {
			assertThat(c.comment()).isEqualTo("希望多办几次");
			assertThat(c.moderatable()).isFalse();
		});
		assertThat(as("fengtai", () -> moderation.ofActivity(a))).extracting(CommentView::id).containsExactly(pending);
		assertThat(as("longtan", () -> moderation.ofActivity(a))).extracting(CommentView::id).containsExactlyInAnyOrder(pending, rejected);
		assertThat(as(neighbour, () -> ratings.mineOne(ServiceType.ACTIVITY, a)).rating().commentStatus()).isEqualTo(CommentStatus.REJECTED);
		assertThat(jdbc.sql("select moderated_by from care_rating where id = :id").param("id", pending).query(String.class).single()).isEqualTo("longtan");
		assertThat(jdbc.sql("select count(*) from audit_entry where action = 'care.comment.moderate' and target_id = :id").param("id", String.valueOf(pending))
			.query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aMovedSubtreeTakesItsRatingsAlong() {
		String worker = AppointmentFixtures.worker(jdbc, "泛华集团工会", null);
		long a = finishedActivity("fengtai", "泛华集团工会", ActivityKind.LECTURE, worker);
		long rating = rate(worker, ServiceType.ACTIVITY, a, 5, null).id();
		String old = TestOrganizations.path(jdbc, id(jdbc, "泛华集团工会"));
		String moved = TestOrganizations.path(jdbc, id(jdbc, "朝阳区总工会")) + id(jdbc, "泛华集团工会") + "/";
		events.publishEvent(new OrganizationMoved(id(jdbc, "泛华集团工会"), old, moved));
		assertThat(jdbc.sql("select organization_path from care_rating where id = :id").param("id", rating).query(String.class).single()).isEqualTo(moved);
	}

	/**
	 * Eight clicks of the same worker at once: one rating, the others are told it exists. Runs outside the test
	 * transaction, so each attempt commits on its own connection as in production.
	 */
	@Test
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	void racingClicksStoreOneRating() throws Exception {
		String worker = AppointmentFixtures.worker(jdbc, SCHOOL, null);
		long a = finishedActivity("chaoyang", SCHOOL, ActivityKind.LECTURE, worker);
		ExecutorService pool = Executors.newFixedThreadPool(8);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<String>> results = new ArrayList<>();
		try {
			for (int i = 0; i < 8; i++) {
				int score = 1 + i % 5;
				Callable<String> attempt = () -> {
					start.await();
					try {
						rate(worker, ServiceType.ACTIVITY, a, score, null);
						return "rated";
					}
					catch (StateConflictException e) {
						return e.code();
					}
				};
				results.add(pool.submit(attempt));
			}
			start.countDown();
			List<String> answers = new ArrayList<>();
			for (Future<String> f : results) {
				answers.add(f.get(60, TimeUnit.SECONDS));
			}
			assertThat(answers).filteredOn("rated"::equals).hasSize(1);
			assertThat(answers).filteredOn("care.rating.already"::equals).hasSize(7);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(jdbc.sql("select count(*) from care_rating where activity_id = :a").param("a", a).query(Long.class).single()).isEqualTo(1);
	}
}
