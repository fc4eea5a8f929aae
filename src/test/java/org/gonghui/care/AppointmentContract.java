package org.gonghui.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.gonghui.TestOrganizations.id;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.gonghui.GonghuiApplication;
import org.gonghui.MovableClock;
import org.gonghui.TestUsers;
import org.gonghui.care.internal.BookingService;
import org.gonghui.care.internal.BookingService.Booked;
import org.gonghui.care.internal.CounsellorService;
import org.gonghui.care.internal.CounsellorService.CounsellorInput;
import org.gonghui.care.internal.CounsellorService.OrgName;
import org.gonghui.care.internal.SlotService;
import org.gonghui.care.internal.SlotService.CounsellorOffer;
import org.gonghui.care.internal.SlotService.NewSlot;
import org.gonghui.care.internal.SlotService.SlotView;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.PageResult;
import org.gonghui.shared.RecordNotFoundException;
import org.gonghui.shared.StateConflictException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counsellors, slots and bookings on a real database (H2 and PostgreSQL): the data scope for staff, the slot rules,
 * one booking per slot (32 workers racing for the last one), the cancellation cut-off and the counsellor's moves
 * with a clock the test moves, the discretion rule, workers of other unions, and an audit log without phones.
 */
@SpringBootTest(classes = { GonghuiApplication.class, MovableClock.class })
@ActiveProfiles({ "demo", "test" })
@Transactional
abstract class AppointmentContract {

	private static final String ROOM = "朝阳区职工心理服务中心减压室";
	private static final String SCHOOL = "陈经纶中学工会";
	private static final String SCHOOL_EMPLOYER = "北京市陈经纶中学";

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

	private long room() {
		return jdbc.sql("select id from site where name = :n").param("n", ROOM).query(Long.class).single();
	}

	/** 10:00 Beijing time, {@code days} ahead. */
	private static Instant at(int days, int minutesAfterTen) {
		return Instant.now().plus(Duration.ofDays(days)).truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(2)).plus(Duration.ofMinutes(minutesAfterTen));
	}

	private static CounsellorInput input(String username, String name, List<Long> organizations) {
		return new CounsellorInput(username, name, "注册心理师 X-2020-0001", "中国心理学会", "北京安定医院", "普通话", "擅长职场压力。", organizations, true);
	}

	/** A counsellor profile made by 朝阳's staff, serving 陈经纶中学工会. */
	private long counsellor() {
		String account = AppointmentFixtures.counsellorAccount(jdbc, "朝阳区总工会");
		return as("chaoyang", () -> counsellors.create(input(account, "测试咨询师", List.of(id(jdbc, SCHOOL)))));
	}

	private long slot(long counsellor, Instant start, Duration length) {
		return as("chaoyang", () -> slots.add(counsellor, new NewSlot(start, start.plus(length), SlotMode.SITE, room(), null, null)));
	}

	private static List<String> codes(Throwable e) {
		return ((InvalidInputException) e).problems().stream().map(p -> p.field() + ":" + p.code()).toList();
	}

	private long count(String sql, Object id) {
		return jdbc.sql(sql).param("id", id).query(Long.class).single();
	}

	@Test
	void staffManageTheCounsellorsOfTheirScopeAndNobodyElseSeesThem() {
		String account = AppointmentFixtures.counsellorAccount(jdbc, "朝阳区总工会");
		// 丰台's staff may not create a profile for 朝阳's account, nor name 朝阳's organisations.
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> as("fengtai", () -> counsellors.create(input(account, "李医生", List.of(id(jdbc, SCHOOL))))))
			.satisfies(e -> assertThat(codes(e)).contains("username:care.counsellor.account", "organizationIds:care.counsellor.organization.notFound"));
		long id = as("chaoyang", () -> counsellors.create(input(account, "李医生", List.of(id(jdbc, SCHOOL)))));
		assertThat(as("chaoyang", () -> counsellors.get(id)).organizations()).extracting(OrgName::name).containsExactly(SCHOOL);
		assertThat(as("chaoyang", () -> counsellors.list(new PageResult.Request(0, 100))).content()).extracting(c -> c.id()).contains(id);
		assertThat(as("fengtai", () -> counsellors.list(new PageResult.Request(0, 100))).content()).extracting(c -> c.id()).doesNotContain(id);
		assertThatExceptionOfType(RecordNotFoundException.class).isThrownBy(() -> as("fengtai", () -> counsellors.get(id)));
		assertThatExceptionOfType(RecordNotFoundException.class)
			.isThrownBy(() -> as("fengtai", () -> counsellors.update(id, input(null, "x", List.of(id(jdbc, "泛华集团工会"))))));
		// Union chairs, counsellors and workers manage no profiles.
		assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> as("fanhua", () -> counsellors.list(new PageResult.Request(0, 10))));
		assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> as("worker", () -> counsellors.create(input(account, "x", List.of()))));
		// A second profile for the same account is refused; the counsellor reads their own.
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> as("chaoyang", () -> counsellors.create(input(account, "李医生", List.of(id(jdbc, SCHOOL))))))
			.satisfies(e -> assertThat(codes(e)).contains("username:care.counsellor.exists"));
		assertThat(as(account, () -> counsellors.mine()).orElseThrow().id()).isEqualTo(id);
		assertThat(count("select count(*) from audit_entry where action = 'care.counsellor.create' and target_id = cast(:id as varchar)", id)).isEqualTo(1);
	}

	@Test
	void staffChangeOnlyTheirOwnPartOfTheOrganisationsServed() {
		String account = AppointmentFixtures.counsellorAccount(jdbc, "朝阳区总工会");
		long id = as("beijing", () -> counsellors.create(input(account, "王医生", List.of(id(jdbc, "朝阳区总工会"), id(jdbc, "东城区总工会")))));
		// 朝阳's staff replace 朝阳 by 陈经纶中学工会; 东城, outside their scope, stays.
		as("chaoyang", () -> counsellors.update(id, input(null, "王医生", List.of(id(jdbc, SCHOOL)))));
		assertThat(as("beijing", () -> counsellors.get(id)).organizations()).extracting(OrgName::name).containsExactlyInAnyOrder("东城区总工会", SCHOOL);
		assertThat(as("chaoyang", () -> counsellors.get(id)).organizations()).filteredOn(o -> !o.inScope()).extracting(OrgName::name)
			.containsExactly("东城区总工会");
		// Nothing of the caller's own left is refused, and nothing changes.
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> as("chaoyang", () -> counsellors.update(id, input(null, "王医生", List.of()))))
			.satisfies(e -> assertThat(codes(e)).contains("organizationIds:care.counsellor.organizations.required"));
		assertThat(count("select count(*) from care_counsellor_organization where counsellor_id = :id", id)).isEqualTo(2);
	}

	@Test
	void badSlotsAreRefusedWithEveryProblemAndNothingIsStored() {
		long c = counsellor();
		long before = count("select count(*) from care_slot where counsellor_id = :id", c);
		Instant start = at(20, 0);
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> as("chaoyang", () -> slots.add(c, new NewSlot(start, start.minusSeconds(60), null, null, null, null))))
			.satisfies(e -> assertThat(codes(e)).containsExactlyInAnyOrder("endsAt:care.slot.endsBeforeStart", "mode:validation.required"));
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> as("chaoyang", () -> slots.add(c, new NewSlot(Instant.now().minusSeconds(60), Instant.now().plusSeconds(3000),
					SlotMode.SITE, null, null, null))))
			.satisfies(e -> assertThat(codes(e)).containsExactlyInAnyOrder("startsAt:care.slot.past", "siteId:validation.required"));
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> as("chaoyang", () -> slots.add(c, new NewSlot(start, start.plus(Duration.ofMinutes(10)), SlotMode.SITE,
					jdbc.sql("select id from site where name = '丰台区丽泽职工之家'").query(Long.class).single(), null, null))))
			.satisfies(e -> assertThat(codes(e)).containsExactlyInAnyOrder("endsAt:care.slot.length", "siteId:care.slot.site"));
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> as("chaoyang", () -> slots.add(c, new NewSlot(start, start.plus(Duration.ofHours(5)), SlotMode.PHONE, null, "请打我电话", null))))
			.satisfies(e -> assertThat(codes(e)).containsExactlyInAnyOrder("endsAt:care.slot.length", "location:care.slot.phone"));
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> as("chaoyang", () -> slots.add(c, new NewSlot(start, start.plus(Duration.ofHours(1)), SlotMode.VIDEO, null, null,
					"http://meeting.example.cn/j/1"))))
			.satisfies(e -> assertThat(codes(e)).containsExactly("link:care.slot.link.invalid"));
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> as("chaoyang", () -> slots.add(c, new NewSlot(start.plus(Duration.ofDays(400)), start.plus(Duration.ofDays(400)).plusSeconds(3000),
					SlotMode.WORKPLACE, null, " ", null))))
			.satisfies(e -> assertThat(codes(e)).containsExactlyInAnyOrder("startsAt:care.slot.tooFar", "location:care.slot.workplace"));
		assertThat(count("select count(*) from care_slot where counsellor_id = :id", c)).isEqualTo(before);

		// A good one, then one overlapping it (also by phone: the counsellor is one person).
		slot(c, start, Duration.ofMinutes(50));
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> as("chaoyang", () -> slots.add(c, new NewSlot(start.plus(Duration.ofMinutes(30)), start.plus(Duration.ofMinutes(80)),
					SlotMode.PHONE, null, "010-64000000", null))))
			.satisfies(e -> assertThat(codes(e)).containsExactly("startsAt:care.slot.overlap"));
		// Back to back is fine for the counsellor.
		as("chaoyang", () -> slots.add(c, new NewSlot(start.plus(Duration.ofMinutes(50)), start.plus(Duration.ofMinutes(100)), SlotMode.PHONE, null,
				"010-64000000", null)));
		assertThat(count("select count(*) from care_slot where counsellor_id = :id", c)).isEqualTo(before + 2);
		// Staff of another district and other counsellors cannot add slots for this one.
		assertThatExceptionOfType(RecordNotFoundException.class)
			.isThrownBy(() -> as("fengtai", () -> slots.add(c, new NewSlot(start.plus(Duration.ofDays(1)), start.plus(Duration.ofDays(1)).plusSeconds(3000),
					SlotMode.PHONE, null, "010-64000000", null))));
		assertThatExceptionOfType(RecordNotFoundException.class)
			.isThrownBy(() -> as("counsellor", () -> slots.ofCounsellor(c)));
	}

	@Test
	void aWorkerBooksASlotOnceAndCancelsUntilTheCutOff() {
		long c = counsellor();
		long slot = slot(c, at(21, 0), Duration.ofMinutes(50));
		String first = AppointmentFixtures.worker(jdbc, SCHOOL, SCHOOL_EMPLOYER);
		String second = AppointmentFixtures.worker(jdbc, SCHOOL, null);
		List<CounsellorOffer> offer = as(first, () -> slots.offer(false));
		assertThat(offer).filteredOn(o -> o.id() == c).singleElement().satisfies(o -> assertThat(o.slots()).extracting(SlotView::id).contains(slot));
		Booked booked = as(first, () -> bookings.book(slot, false));
		assertThat(booked.created()).isTrue();
		// A second click answers the same booking; another worker is told the slot is taken, and no longer sees it.
		assertThat(as(first, () -> bookings.book(slot, false))).isEqualTo(new Booked(booked.id(), BookingStatus.BOOKED, false));
		assertThatExceptionOfType(StateConflictException.class).isThrownBy(() -> as(second, () -> bookings.book(slot, false)))
			.satisfies(e -> assertThat(e.code()).isEqualTo("care.slot.taken"));
		assertThat(as(second, () -> slots.offeredOf(c, false))).extracting(SlotView::id).doesNotContain(slot);
		assertThat(count("select count(*) from care_booking where slot_id = :id", slot)).isEqualTo(1);
		assertThat(as(first, () -> bookings.next())).hasValueSatisfying(b -> assertThat(b.id()).isEqualTo(booked.id()));

		// Two hours before the start the cut-off has passed.
		clock.moveTo(at(21, 0).minus(Duration.ofMinutes(119)));
		assertThatExceptionOfType(StateConflictException.class).isThrownBy(() -> as(first, () -> bookings.cancel(booked.id())))
			.satisfies(e -> assertThat(e.code()).isEqualTo("care.booking.cutoff"));
		assertThat(as(first, () -> bookings.mine())).filteredOn(b -> b.id() == booked.id()).singleElement()
			.satisfies(b -> assertThat(b.cancellable()).isFalse());
		clock.moveTo(at(21, 0).minus(Duration.ofMinutes(121)));
		// Only the worker themself cancels.
		assertThatExceptionOfType(RecordNotFoundException.class).isThrownBy(() -> as(second, () -> bookings.cancel(booked.id())));
		as(first, () -> bookings.cancel(booked.id()));
		assertThatExceptionOfType(StateConflictException.class).isThrownBy(() -> as(first, () -> bookings.cancel(booked.id())));
		// The slot is open again and the other worker gets it.
		assertThat(as(second, () -> bookings.book(slot, false)).created()).isTrue();
		assertThat(count("select count(*) from care_booking where slot_id = :id and active_slot_id is not null", slot)).isEqualTo(1);
		assertThat(count("select count(*) from audit_entry where action = 'care.booking.cancel' and target_id = cast(:id as varchar)", booked.id()))
			.isEqualTo(1);
	}

	@Test
	void theCounsellorConfirmsAndOnceTheTimeHasComeMarksDoneOrNoShow() {
		String account = AppointmentFixtures.counsellorAccount(jdbc, "朝阳区总工会");
		long c = as("chaoyang", () -> counsellors.create(input(account, "赵医生", List.of(id(jdbc, SCHOOL)))));
		// The counsellor adds their own slots.
		long first = as(account, () -> slots.add(c, new NewSlot(at(22, 0), at(22, 50), SlotMode.PHONE, null, "010-64000000", null)));
		long second = as(account, () -> slots.add(c, new NewSlot(at(22, 60), at(22, 110), SlotMode.VIDEO, null, null, "https://meeting.example.cn/j/42")));
		String worker = AppointmentFixtures.worker(jdbc, SCHOOL, null);
		long a = as(worker, () -> bookings.book(first, false)).id();
		long b = as(worker, () -> bookings.book(second, false)).id();
		// The worker sees the video link of the slot they hold; a worker who does not hold it does not.
		assertThat(as(worker, () -> bookings.mineOne(b)).slot().link()).isEqualTo("https://meeting.example.cn/j/42");
		assertThat(as(AppointmentFixtures.worker(jdbc, SCHOOL, null), () -> slots.offer(false))).flatExtracting(CounsellorOffer::slots)
			.allSatisfy(s -> assertThat(s.link()).isNull());
		// Only this counsellor moves them: another counsellor is told they do not exist, staff and the worker may not.
		assertThatExceptionOfType(RecordNotFoundException.class).isThrownBy(() -> as("counsellor", () -> bookings.confirm(a)));
		assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> as("chaoyang", () -> bookings.confirm(a)));
		assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> as(worker, () -> bookings.confirm(a)));
		as(account, () -> bookings.confirm(a));
		assertThatExceptionOfType(StateConflictException.class).isThrownBy(() -> as(account, () -> bookings.confirm(a)))
			.satisfies(e -> assertThat(e.code()).isEqualTo("care.booking.illegal"));
		assertThatExceptionOfType(StateConflictException.class).isThrownBy(() -> as(account, () -> bookings.done(a)))
			.satisfies(e -> assertThat(e.code()).isEqualTo("care.booking.notBegun"));
		assertThat(as(account, () -> bookings.desk())).extracting(v -> v.id()).containsExactly(a, b);
		clock.moveTo(at(22, 5));
		as(account, () -> bookings.done(a));
		clock.moveTo(at(22, 70));
		as(account, () -> bookings.noShow(b));
		assertThatExceptionOfType(StateConflictException.class).isThrownBy(() -> as(account, () -> bookings.done(b)));
		assertThat(as(worker, () -> bookings.mine())).extracting(v -> v.status()).containsExactlyInAnyOrder(BookingStatus.DONE, BookingStatus.NO_SHOW);
		assertThat(jdbc.sql("select action from audit_entry where target_type = 'care_booking' and target_id in (:ids) order by id")
			.param("ids", List.of(String.valueOf(a), String.valueOf(b))).query(String.class).list())
			.containsExactly("care.booking.create", "care.booking.create", "care.booking.confirm", "care.booking.done", "care.booking.noShow");
	}

	@Test
	void workersOfUnionsNotServedNeitherSeeNorBook() {
		long c = counsellor();
		long slot = slot(c, at(23, 0), Duration.ofMinutes(50));
		String outsider = AppointmentFixtures.worker(jdbc, "泛华集团工会", null);
		assertThat(as(outsider, () -> slots.offer(false))).extracting(CounsellorOffer::id).doesNotContain(c);
		assertThatExceptionOfType(RecordNotFoundException.class).isThrownBy(() -> as(outsider, () -> bookings.book(slot, false)));
		assertThatExceptionOfType(RecordNotFoundException.class).isThrownBy(() -> as(outsider, () -> slots.offered(slot, false)));
		assertThatExceptionOfType(RecordNotFoundException.class).isThrownBy(() -> as(outsider, () -> slots.offeredOf(c, false)));
		// Staff book nothing for workers.
		assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> as("chaoyang", () -> bookings.book(slot, false)));
		assertThat(count("select count(*) from care_booking where slot_id = :id", slot)).isZero();
	}

	@Test
	void discretionKeepsColleaguesOfOneEmployerFromBackToBackSlotsInOneRoom() {
		long c = counsellor();
		long other = counsellor();
		long a = slot(c, at(24, 0), Duration.ofMinutes(50));       // 10:00–10:50
		long b = slot(other, at(24, 60), Duration.ofMinutes(50));  // 11:00–11:50, another counsellor, same room
		long far = slot(c, at(24, 180), Duration.ofMinutes(50));   // 13:00–13:50
		String colleague = AppointmentFixtures.worker(jdbc, SCHOOL, SCHOOL_EMPLOYER);
		String me = AppointmentFixtures.worker(jdbc, SCHOOL, SCHOOL_EMPLOYER);
		String stranger = AppointmentFixtures.worker(jdbc, SCHOOL, null);
		as(colleague, () -> bookings.book(b, false));
		// Asking for discretion, I am not offered 10:00 (ten minutes before my colleague's) and cannot book it; 13:00 is fine.
		assertThat(as(me, () -> slots.offeredOf(c, true))).extracting(SlotView::id).contains(far).doesNotContain(a);
		assertThatExceptionOfType(StateConflictException.class).isThrownBy(() -> as(me, () -> bookings.book(a, true)))
			.satisfies(e -> assertThat(e.code()).isEqualTo("care.slot.taken"));
		assertThat(as(stranger, () -> slots.offeredOf(c, true))).extracting(SlotView::id).contains(a, far);
		// Without asking, nobody having asked, I may.
		assertThat(as(me, () -> slots.offeredOf(c, false))).extracting(SlotView::id).contains(a);

		// A colleague who asked for discretion is protected whatever I choose.
		long d = slot(c, at(25, 0), Duration.ofMinutes(50));
		long e = slot(other, at(25, 70), Duration.ofMinutes(50));  // twenty minutes after d ends
		as(colleague, () -> bookings.book(e, true));
		assertThat(as(me, () -> slots.offeredOf(c, false))).extracting(SlotView::id).doesNotContain(d);
		assertThatExceptionOfType(StateConflictException.class).isThrownBy(() -> as(me, () -> bookings.book(d, false)));
		assertThat(as(stranger, () -> bookings.book(d, false)).created()).isTrue();
	}

	@Test
	void theDatabaseHoldsOneActiveBookingPerSlotWhateverTheCode() {
		long c = counsellor();
		long slot = slot(c, at(26, 0), Duration.ofMinutes(50));
		long m1 = AppointmentFixtures.memberOf(jdbc, AppointmentFixtures.worker(jdbc, SCHOOL, null));
		long m2 = AppointmentFixtures.memberOf(jdbc, AppointmentFixtures.worker(jdbc, SCHOOL, null));
		String insert = "insert into care_booking (slot_id, active_slot_id, member_id, union_path, discreet, status, created_at, updated_at)"
				+ " values (:slot, :slot, :member, '/1/', false, 'BOOKED', current_timestamp, current_timestamp)";
		jdbc.sql(insert).param("slot", slot).param("member", m1).update();
		assertThatExceptionOfType(DataIntegrityViolationException.class).isThrownBy(() -> jdbc.sql(insert).param("slot", slot).param("member", m2).update());
	}

	@Test
	void theAuditLogNamesNeitherTheWorkersPhoneNorTheirName() {
		long c = counsellor();
		long slot = slot(c, at(27, 0), Duration.ofMinutes(50));
		String worker = AppointmentFixtures.worker(jdbc, SCHOOL, null);
		String name = jdbc.sql("select name from member where account_username = :u").param("u", worker).query(String.class).single();
		long booking = as(worker, () -> bookings.book(slot, true)).id();
		as(worker, () -> bookings.cancel(booking));
		List<String> rows = jdbc.sql("select actor || ' ' || coalesce(detail, '') from audit_entry where target_type = 'care_booking' and target_id = :id")
			.param("id", String.valueOf(booking)).query(String.class).list();
		assertThat(rows).hasSize(2).allSatisfy(r -> assertThat(r).doesNotContain(worker, name).contains(worker.substring(0, 3) + "****" + worker.substring(7)));
	}

	/**
	 * The last slot, 32 workers at once: exactly one booking, 31 answers "taken", and the slot held once. Runs
	 * outside the test transaction so each worker commits on their own connection, as in production.
	 */
	@Test
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	void thirtyTwoWorkersRacingForTheLastSlotGiveOneBooking() throws Exception {
		long c = counsellor();
		long slot = slot(c, at(28, 0), Duration.ofMinutes(50));
		List<String> workers = new ArrayList<>();
		for (int i = 0; i < 32; i++) {
			workers.add(AppointmentFixtures.worker(jdbc, SCHOOL, i % 2 == 0 ? SCHOOL_EMPLOYER : null));
		}
		ExecutorService pool = Executors.newFixedThreadPool(32);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<String>> results = new ArrayList<>();
		try {
			for (int i = 0; i < workers.size(); i++) {
				String worker = workers.get(i);
				boolean discreet = i % 3 == 0;
				Callable<String> attempt = () -> {
					start.await();
					try {
						return as(worker, () -> bookings.book(slot, discreet)).created() ? "booked" : "again";
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
			assertThat(answers).filteredOn("booked"::equals).hasSize(1);
			assertThat(answers).filteredOn("care.slot.taken"::equals).hasSize(31);
			assertThat(count("select count(*) from care_booking where slot_id = :id", slot)).isEqualTo(1);
			assertThat(jdbc.sql("select status from care_slot where id = :id").param("id", slot).query(String.class).single()).isEqualTo("BOOKED");
		}
		finally {
			pool.shutdownNow();
			// This test committed: take its rows away again, so other tests on this database see the demo as it was.
			jdbc.sql("delete from care_booking where slot_id = :id").param("id", slot).update();
			jdbc.sql("delete from care_slot where counsellor_id = :id").param("id", c).update();
			jdbc.sql("delete from care_counsellor_organization where counsellor_id = :id").param("id", c).update();
			jdbc.sql("delete from care_counsellor where id = :id").param("id", c).update();
		}
	}
}
