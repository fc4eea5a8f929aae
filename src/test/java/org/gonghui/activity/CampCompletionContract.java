package org.gonghui.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.gonghui.TestOrganizations.id;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.gonghui.GonghuiApplication;
import org.gonghui.activity.internal.ActivityLifecycle;
import org.gonghui.activity.internal.ActivityQueries;
import org.gonghui.activity.internal.ActivityService;
import org.gonghui.activity.internal.ActivityService.CompletionRule;
import org.gonghui.activity.internal.ActivityService.NewActivity;
import org.gonghui.activity.internal.ActivityService.NewSession;
import org.gonghui.activity.internal.CampCompletion;
import org.gonghui.activity.internal.CampCompletion.CompletionView;
import org.gonghui.activity.internal.CheckInService;
import org.gonghui.activity.internal.RegistrationService;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.RecordNotFoundException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.ActiveProfiles;

/**
 * A training camp's cohort end to end: attendance of counting sessions from check-ins, the completion rule
 * evaluated when the camp finishes (a session that does not count is ignored; exactly at the threshold
 * completes), the final assessment, and overrides with a reason that a re-evaluation keeps.
 */
@SpringBootTest(classes = { GonghuiApplication.class, org.gonghui.MovableClock.class })
@ActiveProfiles({ "demo", "test" })
abstract class CampCompletionContract {

	@Autowired
	ActivityService activities;

	@Autowired
	ActivityQueries queries;

	@Autowired
	ActivityLifecycle lifecycle;

	@Autowired
	RegistrationService registrations;

	@Autowired
	CheckInService checkIns;

	@Autowired
	CampCompletion camps;

	@Autowired
	JdbcClient jdbc;

	/** Three counting sessions and a welcome dinner that does not count; rule: 0.66 of counting sessions. */
	long camp(BigDecimal share, boolean assessment) {
		Instant day = Instant.now().plus(Duration.ofDays(7));
		List<NewSession> sessions = List.of(new NewSession("开班仪式", "CEREMONY", day, day.plus(Duration.ofHours(1)), true),
				new NewSession("专题报告", "REPORT", day.plus(Duration.ofHours(2)), day.plus(Duration.ofHours(4)), true),
				new NewSession("企业参观", "VISIT", day.plus(Duration.ofDays(1)), day.plus(Duration.ofDays(1)).plus(Duration.ofHours(3)), true),
				new NewSession("欢迎晚宴", "OTHER", day.plus(Duration.ofHours(10)), day.plus(Duration.ofHours(12)), false));
		long id = activities.create(new NewActivity(id(jdbc, "丰台区总工会"), ActivityKind.TRAINING_CAMP, "劳模创新培训营" + UUID.randomUUID(), null,
				"清华大学", 109, false, false, null, null, null, sessions, null, null, null, null, null, new CompletionRule(share, assessment),
				"清华大学继续教育学院"));
		lifecycle.publish(id);
		return id;
	}

	void attend(long activity, long registration, int... sessionPositions) {
		String code = jdbc.sql("select check_in_code from registration where id = :id").param("id", registration).query(String.class).single();
		List<Long> sessions = queries.get(activity).sessions().stream().map(ActivityQueries.SessionView::id).toList();
		for (int p : sessionPositions) {
			checkIns.checkIn(activity, code, sessions.get(p));
		}
	}

	CompletionView result(long activity, long member) {
		return camps.results(activity).stream().filter(r -> r.memberId() == member).findFirst().orElseThrow();
	}

	@Test
	@WithUserDetails("fengtai")
	void theRuleIsEvaluatedWhenTheCampFinishes() {
		long camp = camp(new BigDecimal("0.66"), false);
		assertThat(queries.get(camp).completionRule().minAttendanceShare()).isEqualByComparingTo("0.66");
		assertThat(queries.get(camp).issuer()).isEqualTo("清华大学继续教育学院");
		List<Long> people = ActivityFixtures.members(jdbc, "泛华集团工会", null, "学员", 4);
		List<Long> regs = people.stream().map(m -> registrations.register(camp, m).id()).toList();
		attend(camp, regs.get(0), 0, 1, 2);
		attend(camp, regs.get(1), 0, 2);      // 2 of 3 = 0.667 >= 0.66
		attend(camp, regs.get(2), 1, 3);      // 1 of 3; the dinner does not count
		// regs.get(3) never came.
		lifecycle.move(camp, ActivityStatus.ONGOING, null);
		lifecycle.move(camp, ActivityStatus.FINISHED, null);

		assertThat(result(camp, people.get(0)).completed()).isTrue();
		assertThat(result(camp, people.get(1)).completed()).isTrue();
		assertThat(result(camp, people.get(1)).attendedSessions()).isEqualTo(2);
		assertThat(result(camp, people.get(2)).completed()).isFalse();
		assertThat(result(camp, people.get(2)).attendedSessions()).isEqualTo(1);
		assertThat(result(camp, people.get(3)).completed()).isFalse();
		assertThat(result(camp, people.get(3)).countingSessions()).isEqualTo(3);
		// Those who completed got their certificates in the same step, in the partner institution's name.
		assertThat(jdbc.sql("select member_id from certificate where activity_id = :a and issuer = '清华大学继续教育学院' order by member_id")
			.param("a", camp).query(Long.class).list()).containsExactly(people.get(0), people.get(1));
	}

	@Test
	@WithUserDetails("fengtai")
	void overridesNeedAReasonAndAreRecorded() {
		long camp = camp(new BigDecimal("1"), false);
		long member = ActivityFixtures.members(jdbc, "泛华集团工会", null, "学员", 1).get(0);
		long reg = registrations.register(camp, member).id();
		attend(camp, reg, 0, 1);
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> camps.override(camp, member, true, "病假"))
			.satisfies(e -> assertThat(e.problems().get(0).code()).isEqualTo("activity.camp.notEvaluated"));
		lifecycle.move(camp, ActivityStatus.ONGOING, null);
		lifecycle.move(camp, ActivityStatus.FINISHED, null);
		assertThat(result(camp, member).completed()).isFalse();
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> camps.override(camp, member, true, " "))
			.satisfies(e -> assertThat(e.problems().get(0).code()).isEqualTo("activity.camp.overrideReason"));
		assertThat(jdbc.sql("select count(*) from certificate where activity_id = :a").param("a", camp).query(Long.class).single()).isZero();
		camps.override(camp, member, true, "企业参观因公出差，补交参观报告");
		assertThat(jdbc.sql("select count(*) from certificate where activity_id = :a").param("a", camp).query(Long.class).single()).isOne();
		var r = result(camp, member);
		assertThat(r.completed()).isTrue();
		assertThat(r.completedByRule()).isFalse();
		assertThat(r.overrideReason()).isEqualTo("企业参观因公出差，补交参观报告");
		assertThat(jdbc.sql("select count(*) from audit_entry where action = 'camp.override' and target_id = :id").param("id", String.valueOf(camp))
			.query(Long.class).single()).isEqualTo(1);
		// Turned back to "not completed", the certificate issued meanwhile is revoked with the reason.
		camps.override(camp, member, false, "补交报告不合格");
		assertThat(jdbc.sql("select status || ' ' || revoked_reason from certificate where activity_id = :a").param("a", camp).query(String.class)
			.single()).isEqualTo("REVOKED 补交报告不合格");
	}

	@Test
	@WithUserDetails("fengtai")
	void aFinalAssessmentMustBePassedWhenTheRuleAsks() {
		long camp = camp(new BigDecimal("0.5"), true);
		List<Long> people = ActivityFixtures.members(jdbc, "泛华集团工会", null, "学员", 2);
		List<Long> regs = people.stream().map(m -> registrations.register(camp, m).id()).toList();
		attend(camp, regs.get(0), 0, 1, 2);
		attend(camp, regs.get(1), 0, 1, 2);
		camps.recordAssessment(camp, people.get(0), true);
		camps.recordAssessment(camp, people.get(1), false);
		long stranger = ActivityFixtures.members(jdbc, "泛华集团工会", null, "路人", 1).get(0);
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> camps.recordAssessment(camp, stranger, true));
		lifecycle.move(camp, ActivityStatus.ONGOING, null);
		lifecycle.move(camp, ActivityStatus.FINISHED, null);
		assertThat(result(camp, people.get(0)).completed()).isTrue();
		assertThat(result(camp, people.get(1)).completed()).isFalse();
	}

	@Test
	@WithUserDetails("fengtai")
	void campFieldsBelongToCampsAndSharesAreChecked() {
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> camp(new BigDecimal("1.5"), false))
			.satisfies(e -> assertThat(e.problems().get(0).field()).isEqualTo("completionRule.minAttendanceShare"));
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> camp(new BigDecimal("0"), false));
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> activities.create(new NewActivity(id(jdbc, "丰台区总工会"),
				ActivityKind.VISIT, "参观", null, null, 10, false, false, null, null, null, List.of(), null, null, null, null, null,
				new CompletionRule(BigDecimal.ONE, false), "清华")))
			.satisfies(e -> assertThat(e.problems()).extracting(InvalidInputException.FieldProblem::code).containsOnly("activity.camp.only"));
	}

	@Test
	@WithUserDetails("chaoyang")
	void anotherDistrictCannotReadTheCohort() {
		long camp = jdbc.sql("select min(id) from activity where organization_id = :o").param("o", id(jdbc, "龙潭街道总工会")).query(Long.class).single();
		assertThatExceptionOfType(RecordNotFoundException.class).isThrownBy(() -> camps.results(camp));
	}
}
