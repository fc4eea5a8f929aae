package org.gonghui.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.gonghui.TestOrganizations.id;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Supplier;

import org.gonghui.GonghuiApplication;
import org.gonghui.MovableClock;
import org.gonghui.TestUsers;
import org.gonghui.care.internal.BookingService;
import org.gonghui.care.internal.CounsellorService;
import org.gonghui.care.internal.CounsellorService.CounsellorInput;
import org.gonghui.care.internal.SessionNoteService;
import org.gonghui.care.internal.SessionNoteService.Granted;
import org.gonghui.care.internal.SlotService;
import org.gonghui.care.internal.SlotService.NewSlot;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.RecordNotFoundException;
import org.gonghui.shared.StateConflictException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.annotation.Transactional;

/**
 * Session notes on a real database (H2 and PostgreSQL): written only once the appointment took place, encrypted at
 * rest, readable by their author and by the successor the worker names until the worker withdraws; 404 for other
 * counsellors, staff, administrators and the worker's union; every read audited, never with the text.
 */
@SpringBootTest(classes = { GonghuiApplication.class, MovableClock.class })
@ActiveProfiles({ "demo", "test" })
@Transactional
abstract class SessionNoteContract {

	private static final String SCHOOL = "陈经纶中学工会";
	private static final String SECRET = "来访者谈到与上级的冲突，睡眠不好，约定两周后复诊。";

	@Autowired
	CounsellorService counsellors;

	@Autowired
	SlotService slots;

	@Autowired
	BookingService bookings;

	@Autowired
	SessionNoteService notes;

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

	/** 10:00 Beijing time, {@code days} ahead. */
	private static Instant at(int days, int minutesAfterTen) {
		return Instant.now().plus(Duration.ofDays(days)).truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(2)).plus(Duration.ofMinutes(minutesAfterTen));
	}

	private record Counsellor(String account, long id) {
	}

	private Counsellor counsellor(String name, String serves) {
		return counsellor(name, serves, "chaoyang");
	}

	private Counsellor counsellor(String name, String serves, String staff) {
		String account = AppointmentFixtures.counsellorAccount(jdbc, "朝阳区总工会");
		long id = as(staff, () -> counsellors.create(new CounsellorInput(account, name, "注册心理师 X-2021-0002", "中国心理学会", "北京安定医院", "普通话",
				null, List.of(id(jdbc, serves)), true)));
		return new Counsellor(account, id);
	}

	/** A phone appointment of {@code worker} with {@code c} 20 days ahead, booked (not yet held). */
	private long booking(Counsellor c, String worker) {
		long slot = as(c.account(), () -> slots.add(c.id(), new NewSlot(at(20, 0), at(20, 50), SlotMode.PHONE, null, "010-64000000", null)));
		return as(worker, () -> bookings.book(slot, false)).id();
	}

	private long count(String sql, Object id) {
		return jdbc.sql(sql).param("id", id).query(Long.class).single();
	}

	@Test
	void aNoteIsWrittenOnceTheSessionTookPlaceStoredEncryptedAndReadByItsAuthorOnly() {
		Counsellor author = counsellor("周医生", SCHOOL);
		String worker = AppointmentFixtures.worker(jdbc, SCHOOL, null);
		long booking = booking(author, worker);
		// Before the appointment has taken place there is nothing to write about.
		assertThatExceptionOfType(StateConflictException.class).isThrownBy(() -> as(author.account(), () -> notes.write(booking, SECRET)))
			.satisfies(e -> assertThat(e.code()).isEqualTo("care.note.notDone"));
		clock.moveTo(at(20, 10));
		as(author.account(), () -> bookings.done(booking));
		// Blank or too long: refused, nothing stored.
		for (String bad : new String[] { null, "   ", "字".repeat(4001) }) {
			assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> as(author.account(), () -> notes.write(booking, bad)))
				.satisfies(e -> assertThat(e.problems()).extracting(p -> p.field()).containsExactly("text"));
		}
		assertThat(count("select count(*) from care_session_note where booking_id = :id", booking)).isZero();

		as(author.account(), () -> notes.write(booking, "初稿"));
		as(author.account(), () -> notes.write(booking, SECRET));
		assertThat(count("select count(*) from care_session_note where booking_id = :id", booking)).isEqualTo(1);
		// At rest the text is ciphertext: a database dump shows nothing of it.
		String stored = jdbc.sql("select body_cipher from care_session_note where booking_id = :id").param("id", booking).query(String.class).single();
		assertThat(stored).doesNotContain("上级").doesNotContain("睡眠").isNotEqualTo(SECRET);
		assertThat(as(author.account(), () -> notes.note(booking)).text()).isEqualTo(SECRET);
		assertThat(as(author.account(), () -> notes.subject(booking)).note()).hasValueSatisfying(n -> assertThat(n.editable()).isTrue());

		// Everyone else is told it does not exist: another counsellor, the union's and the city's staff, the administrator, the worker.
		for (String other : List.of("counsellor", "chaoyang", "beijing", "admin", worker)) {
			assertThatExceptionOfType(RecordNotFoundException.class).as(other).isThrownBy(() -> as(other, () -> notes.note(booking)));
			assertThatExceptionOfType(RecordNotFoundException.class).as(other).isThrownBy(() -> as(other, () -> notes.subject(booking)));
			assertThatExceptionOfType(RecordNotFoundException.class).as(other).isThrownBy(() -> as(other, () -> notes.write(booking, "改写")));
		}
		assertThat(as(author.account(), () -> notes.note(booking)).text()).isEqualTo(SECRET);
		// Every read is audited; the audit never holds the text.
		long noteId = jdbc.sql("select id from care_session_note where booking_id = :id").param("id", booking).query(Long.class).single();
		assertThat(count("select count(*) from audit_entry where action = 'care.note.read' and target_id = cast(:id as varchar)", noteId)).isEqualTo(3);
		assertThat(count("select count(*) from audit_entry where action = 'care.note.write' and target_id = cast(:id as varchar)", booking)).isEqualTo(2);
		assertThat(jdbc.sql("select detail from audit_entry where target_type in ('care_session_note', 'care_booking')").query(String.class).list())
			.noneMatch(d -> d != null && (d.contains("上级") || d.contains("初稿")));
	}

	@Test
	void aSuccessorReadsTheNotesWhileTheWorkerConsentsAndNotAfter() {
		Counsellor author = counsellor("吴医生", SCHOOL);
		Counsellor successor = counsellor("郑医生", SCHOOL);
		Counsellor elsewhere = counsellor("钱医生", "龙潭街道总工会", "beijing");
		String worker = AppointmentFixtures.worker(jdbc, SCHOOL, null);
		long booking = booking(author, worker);
		clock.moveTo(at(20, 10));
		as(author.account(), () -> bookings.done(booking));
		as(author.account(), () -> notes.write(booking, SECRET));

		assertThatExceptionOfType(RecordNotFoundException.class).isThrownBy(() -> as(successor.account(), () -> notes.note(booking)));
		assertThat(as(successor.account(), () -> notes.referrals())).isEmpty();
		// Only a counsellor serving the worker's union can be named.
		for (Long bad : new Long[] { null, elsewhere.id(), -1L }) {
			assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> as(worker, () -> notes.grant(bad)));
		}
		assertThat(count("select count(*) from care_note_consent where member_id = :id", AppointmentFixtures.memberOf(jdbc, worker))).isZero();

		Granted granted = as(worker, () -> notes.grant(successor.id()));
		assertThat(granted.created()).isTrue();
		Granted again = as(worker, () -> notes.grant(successor.id()));
		assertThat(again.created()).isFalse();
		assertThat(again.consent().id()).isEqualTo(granted.consent().id());
		long consent = granted.consent().id();

		assertThat(as(successor.account(), () -> notes.referrals())).singleElement().satisfies(r -> assertThat(r.notes()).isEmpty());
		assertThat(as(successor.account(), () -> notes.referral(consent)).notes()).singleElement().satisfies(n -> {
			assertThat(n.text()).isEqualTo(SECRET);
			assertThat(n.editable()).isFalse();
		});
		assertThat(as(successor.account(), () -> notes.note(booking)).text()).isEqualTo(SECRET);
		// The successor reads; they do not write another counsellor's note, and nobody else gets the referral.
		assertThatExceptionOfType(RecordNotFoundException.class).isThrownBy(() -> as(successor.account(), () -> notes.write(booking, "改写")));
		for (String other : List.of(elsewhere.account(), "counsellor", "chaoyang", "admin")) {
			assertThatExceptionOfType(RecordNotFoundException.class).as(other).isThrownBy(() -> as(other, () -> notes.referral(consent)));
		}
		long noteId = jdbc.sql("select id from care_session_note where booking_id = :id").param("id", booking).query(Long.class).single();
		assertThat(jdbc.sql("select detail from audit_entry where action = 'care.note.read' and target_id = cast(:id as varchar) order by id")
			.param("id", noteId).query(String.class).list()).containsExactly("read by counsellor " + successor.id() + " with the worker's consent",
					"read by counsellor " + successor.id() + " with the worker's consent");

		// Another worker cannot withdraw it; the worker can, and from then on the successor is told nothing exists.
		String stranger = AppointmentFixtures.worker(jdbc, SCHOOL, null);
		assertThatExceptionOfType(RecordNotFoundException.class).isThrownBy(() -> as(stranger, () -> notes.revoke(consent)));
		as(worker, () -> notes.revoke(consent));
		assertThatExceptionOfType(RecordNotFoundException.class).isThrownBy(() -> as(successor.account(), () -> notes.note(booking)));
		assertThatExceptionOfType(RecordNotFoundException.class).isThrownBy(() -> as(successor.account(), () -> notes.referral(consent)));
		assertThat(as(successor.account(), () -> notes.referrals())).isEmpty();
		assertThat(as(worker, () -> notes.consents())).singleElement().satisfies(k -> assertThat(k.live()).isFalse());
		// Naming them again makes a new consent; the withdrawn one stays as history.
		assertThat(as(worker, () -> notes.grant(successor.id())).created()).isTrue();
		assertThat(as(worker, () -> notes.consents())).hasSize(2);
	}

	@Test
	void theDatabaseHoldsOneNotePerAppointment() {
		Counsellor author = counsellor("孙医生", SCHOOL);
		String worker = AppointmentFixtures.worker(jdbc, SCHOOL, null);
		long booking = booking(author, worker);
		long member = AppointmentFixtures.memberOf(jdbc, worker);
		String insertNote = "insert into care_session_note (booking_id, counsellor_id, member_id, body_cipher, created_at, updated_at)"
				+ " values (:b, :c, :m, 'x', current_timestamp, current_timestamp)";
		jdbc.sql(insertNote).param("b", booking).param("c", author.id()).param("m", member).update();
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> jdbc.sql(insertNote).param("b", booking).param("c", author.id()).param("m", member).update());
	}

	@Test
	void theDatabaseHoldsOneLiveConsentPerWorkerAndCounsellor() {
		Counsellor author = counsellor("冯医生", SCHOOL);
		long member = AppointmentFixtures.memberOf(jdbc, AppointmentFixtures.worker(jdbc, SCHOOL, null));
		String insertConsent = "insert into care_note_consent (member_id, counsellor_id, live_counsellor_id, granted_at) values (:m, :c, :c, current_timestamp)";
		jdbc.sql(insertConsent).param("m", member).param("c", author.id()).update();
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> jdbc.sql(insertConsent).param("m", member).param("c", author.id()).update());
	}
}
