package org.gonghui.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

import org.gonghui.GonghuiApplication;
import org.gonghui.TestOrganizations;
import org.gonghui.TestUsers;
import org.gonghui.care.internal.AssessmentService;
import org.gonghui.care.internal.CareFigures;
import org.gonghui.care.internal.FollowUpService;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.RecordNotFoundException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.annotation.Transactional;

/**
 * Self-assessment on a real database (H2 and PostgreSQL), with a clock the test moves: scoring stored,
 * answers encrypted, nobody but the worker and the chosen counsellor reads a result, the safety follow-up
 * and its escalation when the deadline passes, counts for unions with small cells suppressed.
 */
@SpringBootTest(classes = { GonghuiApplication.class, AssessmentContract.MovableClock.class })
@ActiveProfiles({ "demo", "test" })
@Transactional
abstract class AssessmentContract {

	/** A clock the test moves forward; it starts at a fixed instant. */
	static final class Moving extends Clock {
		private Instant now = Instant.parse("2026-11-30T02:00:00Z");

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return Clock.fixed(now, zone);
		}

		@Override
		public Instant instant() {
			return now;
		}

		void advance(Duration d) {
			now = now.plus(d);
		}
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class MovableClock {
		@Bean
		@Primary
		Moving movingClock() {
			return new Moving();
		}
	}

	@Autowired
	Moving clock;

	@Autowired
	AssessmentService assessments;

	@Autowired
	FollowUpService followUps;

	@Autowired
	CareFigures figures;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	private long counsellor;

	private <T> T as(String username, Supplier<T> action) {
		return TestUsers.runAs(users, username, action);
	}

	private void as(String username, Runnable action) {
		TestUsers.runAs(users, username, () -> {
			action.run();
			return null;
		});
	}

	private long account(String username) {
		return jdbc.sql("select id from account where username = :u").param("u", username).query(Long.class).single();
	}

	/** The demo counsellor serves 东城区总工会 (the demo worker's district) for these tests. */
	@BeforeEach
	void counsellorServesDongcheng() {
		long accountId = account("counsellor");
		counsellor = jdbc.sql("select id from care_counsellor where account_id = :a").param("a", accountId).query(Long.class).optional().orElseGet(() -> {
			jdbc.sql("insert into care_counsellor (account_id, name, affiliation, created_at) values (:a, '测试咨询师', '北京安定医院', current_timestamp)")
				.param("a", accountId).update();
			return jdbc.sql("select id from care_counsellor where account_id = :a").param("a", accountId).query(Long.class).single();
		});
		long dongcheng = TestOrganizations.id(jdbc, "东城区总工会");
		if (jdbc.sql("select count(*) from care_counsellor_organization where counsellor_id = :c and organization_id = :o").param("c", counsellor)
			.param("o", dongcheng).query(Long.class).single() == 0) {
			jdbc.sql("insert into care_counsellor_organization (counsellor_id, organization_id) values (:c, :o)").param("c", counsellor)
				.param("o", dongcheng).update();
		}
	}

	private static List<Integer> phq9(int item9, int each) {
		List<Integer> answers = new java.util.ArrayList<>(Collections.nCopies(9, each));
		answers.set(8, item9);
		return answers;
	}

	@Test
	void theWorkerSeesTheirResultAndNobodyElseDoes() {
		var taken = as("worker", () -> assessments.take(Instrument.PHQ9, phq9(0, 1), true, null));
		assertThat(taken.score()).isEqualTo(8);
		assertThat(taken.band()).isEqualTo(Band.MILD);
		assertThat(taken.safetyFollowUp()).isFalse();
		assertThat(as("worker", () -> assessments.get(taken.id())).answers()).containsExactly(1, 1, 1, 1, 1, 1, 1, 1, 0);
		String stored = jdbc.sql("select answers_cipher from care_assessment where id = :id").param("id", taken.id()).query(String.class).single();
		assertThat(stored).doesNotContain("1,1,1");
		for (String other : List.of("admin", "longtan", "fengtai", "counsellor")) {
			assertThatThrownBy(() -> as(other, () -> assessments.get(taken.id()))).as(other).isInstanceOf(RecordNotFoundException.class);
		}
		assertThatThrownBy(() -> as("longtan", () -> assessments.take(Instrument.GAD7, List.of(0, 0, 0, 0, 0, 0, 0), true, null)))
			.isInstanceOf(AccessDeniedException.class);
		assertThat(jdbc.sql("select count(*) from audit_entry where target_type = 'care_assessment' and detail like '%8%'").query(Long.class).single())
			.isZero();
	}

	@Test
	void aResultSharedWithACounsellorIsReadByThemAndTheReadIsAudited() {
		var taken = as("worker", () -> assessments.take(Instrument.GAD7, List.of(2, 2, 2, 2, 1, 1, 1), true, counsellor));
		assertThat(taken.band()).isEqualTo(Band.MODERATE);
		assertThat(taken.suggestProfessional()).isTrue();
		assertThat(as("counsellor", () -> assessments.get(taken.id())).own()).isFalse();
		assertThat(jdbc.sql("select count(*) from audit_entry where action = 'care.assessment.read' and target_id = :id")
			.param("id", String.valueOf(taken.id())).query(Long.class).single()).isEqualTo(1);
		assertThat(as("worker", () -> assessments.mine())).extracting(AssessmentService.AssessmentView::id).contains(taken.id());
	}

	@Test
	void withoutConsentOrWithBadAnswersNothingIsStored() {
		long before = jdbc.sql("select count(*) from care_assessment").query(Long.class).single();
		assertThatThrownBy(() -> as("worker", () -> assessments.take(Instrument.PHQ9, phq9(0, 0), false, null)))
			.satisfies(e -> assertThat(((InvalidInputException) e).problems()).extracting(p -> p.field()).containsExactly("consent"));
		assertThatThrownBy(() -> as("worker", () -> assessments.take(Instrument.PHQ9, List.of(0, 1, 2), true, null)))
			.satisfies(e -> assertThat(((InvalidInputException) e).problems()).extracting(p -> p.field()).containsExactly("answers"));
		assertThatThrownBy(() -> as("worker", () -> assessments.take(Instrument.GAD7, List.of(0, 1, 2, 3, 4, 0, 0), true, null)))
			.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> as("worker", () -> assessments.take(null, null, true, 999_999L)))
			.satisfies(e -> assertThat(((InvalidInputException) e).problems()).extracting(p -> p.field()).contains("instrument", "shareWith"));
		assertThat(jdbc.sql("select count(*) from care_assessment").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void aPositiveItemNineOpensAFollowUpThatEscalatesWhenItsDeadlinePasses() {
		long dongcheng = TestOrganizations.id(jdbc, "东城区总工会");
		jdbc.sql("delete from care_lead").update();
		jdbc.sql("insert into care_lead (organization_id, account_id) values (:o, :a)").param("o", dongcheng).param("a", account("admin")).update();
		var taken = as("worker", () -> assessments.take(Instrument.PHQ9, phq9(1, 0), true, null));
		assertThat(taken.safetyFollowUp()).isTrue();
		var open = as("counsellor", () -> followUps.mine()).stream().filter(f -> f.score() == 1 && f.item9() == 1).toList();
		assertThat(open).hasSize(1);
		long followUp = open.get(0).id();
		// The follow-up tells the score and item 9, not the answers: the counsellor cannot open the assessment.
		assertThatThrownBy(() -> as("counsellor", () -> assessments.get(taken.id()))).isInstanceOf(RecordNotFoundException.class);
		assertThatThrownBy(() -> as("counsellor", () -> followUps.revealContact(followUp))).isInstanceOf(org.gonghui.shared.StateConflictException.class);
		as("worker", () -> assessments.requestCallBack(taken.id()));
		assertThat(as("counsellor", () -> followUps.revealContact(followUp))).isNotBlank();
		// Staff of another district do not see it at all.
		assertThatThrownBy(() -> as("fengtai", () -> followUps.take(followUp))).isInstanceOf(RecordNotFoundException.class);

		clock.advance(Duration.ofHours(23));
		assertThat(followUps.escalateOverdue()).isZero();
		clock.advance(Duration.ofHours(2));
		assertThat(followUps.escalateOverdue()).isGreaterThanOrEqualTo(1);
		assertThat(followUps.escalateOverdue()).isZero();
		assertThat(as("admin", () -> followUps.mine())).anySatisfy(f -> {
			assertThat(f.id()).isEqualTo(followUp);
			assertThat(f.escalatedToMe()).isTrue();
			assertThat(f.overdue()).isTrue();
		});
		as("counsellor", () -> followUps.take(followUp));
		as("counsellor", () -> followUps.close(followUp, "已电话联系，约定面谈"));
		assertThatThrownBy(() -> as("counsellor", () -> followUps.close(followUp, "again"))).isInstanceOf(org.gonghui.shared.StateConflictException.class);
	}

	@Test
	void unionsSeeCountsWithCellsUnderTenSuppressed() {
		for (int i = 0; i < 12; i++) {
			as("worker", () -> assessments.take(Instrument.GAD7, List.of(0, 0, 0, 0, 0, 0, 0), true, null));
		}
		as("worker", () -> assessments.take(Instrument.GAD7, List.of(3, 3, 3, 3, 3, 0, 0), true, null));
		long longtan = TestOrganizations.id(jdbc, "龙潭街道总工会");
		LocalDate day = LocalDate.of(2026, 11, 30);
		var f = as("longtan", () -> figures.figures(longtan, day, day));
		var gad = f.instruments().stream().filter(x -> x.instrument() == Instrument.GAD7).findFirst().orElseThrow();
		assertThat(gad.taken().count()).isGreaterThanOrEqualTo(13);
		assertThat(gad.bands()).filteredOn(b -> b.band() == Band.MINIMAL).singleElement().satisfies(b -> assertThat(b.count()).isGreaterThanOrEqualTo(12));
		assertThat(gad.bands()).filteredOn(b -> b.band() == Band.SEVERE).singleElement().satisfies(b -> {
			assertThat(b.count()).isNull();
			assertThat(b.suppressed()).isTrue();
		});
		var phq = f.instruments().stream().filter(x -> x.instrument() == Instrument.PHQ9).findFirst().orElseThrow();
		assertThat(phq.taken().suppressed()).isTrue();
		assertThatThrownBy(() -> as("chaoyang", () -> figures.figures(longtan, day, day))).isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> as("worker", () -> figures.figures(longtan, day, day))).isInstanceOf(AccessDeniedException.class);
	}
}
