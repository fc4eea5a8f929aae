package org.gonghui.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import org.gonghui.GonghuiApplication;
import org.gonghui.MovableClock;
import org.gonghui.TestUsers;
import org.gonghui.care.internal.AssessmentService;
import org.gonghui.care.internal.AssessmentService.Taken;
import org.gonghui.care.internal.AssessmentSessionService;
import org.gonghui.care.internal.AssessmentSessionService.SessionView;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.RecordNotFoundException;
import org.gonghui.shared.StateConflictException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.annotation.Transactional;

/**
 * On-site assessment sessions on a real database (H2 and PostgreSQL): a counsellor opens one; workers answering
 * through its code share their result with that counsellor only — even workers of a union the counsellor does not
 * otherwise serve; a closed or unknown session stores nothing; nobody but the session's counsellor lists its results.
 */
@SpringBootTest(classes = { GonghuiApplication.class, MovableClock.class })
@ActiveProfiles({ "demo", "test" })
@Transactional
abstract class AssessmentSessionContract {

	private static final List<Integer> MILD = List.of(1, 1, 1, 1, 1, 1, 0, 0, 0);

	@Autowired
	AssessmentSessionService sessions;

	@Autowired
	AssessmentService assessments;

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

	private long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	@Test
	void onlyACounsellorOpensASessionAndBadInputStoresNothing() {
		long before = count("select count(*) from care_assessment_session");
		for (String other : List.of("chaoyang", "admin", "worker")) {
			assertThatExceptionOfType(AccessDeniedException.class).as(other).isThrownBy(() -> as(other, () -> sessions.open("大篷车", null, 3)));
		}
		record Bad(String title, String place, Integer hours, String field) {
		}
		for (Bad bad : List.of(new Bad(null, null, 3, "title"), new Bad("  ", null, 3, "title"), new Bad("题".repeat(101), null, 3, "title"),
				new Bad("大篷车", "地".repeat(201), 3, "place"), new Bad("大篷车", null, 0, "hours"), new Bad("大篷车", null, 13, "hours"))) {
			assertThatExceptionOfType(InvalidInputException.class).as(bad.toString())
				.isThrownBy(() -> as("counsellor", () -> sessions.open(bad.title(), bad.place(), bad.hours())))
				.satisfies(e -> assertThat(e.problems()).extracting(p -> p.field()).containsExactly(bad.field()));
		}
		assertThat(count("select count(*) from care_assessment_session")).isEqualTo(before);
		SessionView s = as("counsellor", () -> sessions.open("心理关爱大篷车走进陈经纶中学", "行政楼 203 室", null));
		assertThat(s.open()).isTrue();
		assertThat(s.code()).matches("[0-9a-f]{24}");
		assertThat(Duration.between(s.opensAt(), s.closesAt())).isEqualTo(Duration.ofHours(4));
		assertThat(as("counsellor", () -> sessions.mine())).extracting(SessionView::id).contains(s.id());
	}

	@Test
	void resultsGoToTheWorkerAndTheSessionsCounsellorOnly() {
		SessionView s = as("counsellor", () -> sessions.open("心理关爱大篷车走进陈经纶中学", null, 3));
		String teacher = AppointmentFixtures.worker(jdbc, "陈经纶中学工会", null);
		// 李静 serves 朝阳 and 东城, not 丰台: a 泛华 worker at the session still shares with her, because the session says so.
		String visitor = AppointmentFixtures.worker(jdbc, "泛华集团工会", null);
		long counsellor2 = jdbc.sql("select id from care_counsellor where name = '王磊'").query(Long.class).single();
		Taken mine = as(teacher, () -> assessments.take(Instrument.PHQ9, MILD, true, counsellor2, s.code()));
		Taken theirs = as(visitor, () -> assessments.take(Instrument.GAD7, List.of(0, 1, 0, 1, 0, 0, 0), true, null, s.code()));
		long li = jdbc.sql("select id from care_counsellor where name = '李静'").query(Long.class).single();
		assertThat(jdbc.sql("select shared_with from care_assessment where id in (:ids)").param("ids", List.of(mine.id(), theirs.id())).query(Long.class)
			.list()).containsOnly(li);
		assertThat(as("counsellor", () -> assessments.get(mine.id())).score()).isEqualTo(6);
		assertThat(as(teacher, () -> assessments.get(mine.id())).own()).isTrue();
		for (String other : List.of("counsellor2", "chaoyang", "admin", visitor)) {
			assertThatExceptionOfType(RecordNotFoundException.class).as(other).isThrownBy(() -> as(other, () -> assessments.get(mine.id())));
			assertThatExceptionOfType(RecordNotFoundException.class).as(other).isThrownBy(() -> as(other, () -> sessions.results(s.id())));
		}
		var results = as("counsellor", () -> sessions.results(s.id()));
		assertThat(results.results()).extracting(r -> r.assessmentId()).containsExactlyInAnyOrder(mine.id(), theirs.id());
		assertThat(results.session().taken()).isEqualTo(2);
		// Listing the results is a read of each, audited.
		assertThat(jdbc.sql("select count(*) from audit_entry where action = 'care.assessment.read' and target_id in (:ids)")
			.param("ids", List.of(String.valueOf(mine.id()), String.valueOf(theirs.id()))).query(Long.class).single()).isEqualTo(3);
	}

	@Test
	void aClosedOrUnknownSessionStoresNothing() {
		SessionView s = as("counsellor", () -> sessions.open("团体辅导现场测评", null, 2));
		String worker = AppointmentFixtures.worker(jdbc, "陈经纶中学工会", null);
		long before = count("select count(*) from care_assessment");
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> as(worker, () -> assessments.take(Instrument.PHQ9, MILD, true, null, "0123456789abcdef01234567")))
			.satisfies(e -> assertThat(e.problems()).extracting(p -> p.field()).containsExactly("session"));
		clock.moveTo(s.closesAt());
		assertThatExceptionOfType(StateConflictException.class).isThrownBy(() -> as(worker, () -> assessments.take(Instrument.PHQ9, MILD, true, null, s.code())))
			.satisfies(e -> assertThat(e.code()).isEqualTo("care.session.closed"));
		assertThat(count("select count(*) from care_assessment")).isEqualTo(before);
		assertThat(as(worker, () -> sessions.scanned(s.code())).open()).isFalse();
		assertThatExceptionOfType(StateConflictException.class).isThrownBy(() -> as("counsellor", () -> {
			sessions.close(s.id());
			return null;
		}));
		// Closing early: the counsellor ends an open one; another counsellor is told it does not exist.
		clock.reset();
		SessionView other = as("counsellor", () -> sessions.open("第二场", null, 2));
		assertThatExceptionOfType(RecordNotFoundException.class).isThrownBy(() -> as("counsellor2", () -> {
			sessions.close(other.id());
			return null;
		}));
		as("counsellor", () -> {
			sessions.close(other.id());
			return null;
		});
		assertThatExceptionOfType(StateConflictException.class).isThrownBy(() -> as(worker, () -> assessments.take(Instrument.PHQ9, MILD, true, null, other.code())));
		// Staff and counsellors cannot open the worker's page of a session.
		assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> as("chaoyang", () -> sessions.scanned(other.code())));
	}
}
