package org.gonghui.activity.internal;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for a camp's cohort: attendance of counting sessions, final assessments, and completion results. */
@Repository
class CampCompletionRepository {

	private final JdbcClient jdbc;

	CampCompletionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A trainee: a registration that holds a seat, with the counting sessions the member checked in to. */
	record Trainee(long registrationId, long memberId, String name, int attended, Boolean assessmentPassed) {
	}

	int countingSessions(long activityId) {
		return jdbc.sql("select count(*) from activity_session where activity_id = :a and counts").param("a", activityId).query(Integer.class).single();
	}

	List<Trainee> trainees(long activityId) {
		return jdbc.sql("select r.id, r.member_id, m.name,"
				+ " (select count(distinct c.session_id) from check_in c join activity_session s on s.id = c.session_id"
				+ "   where c.registration_id = r.id and s.counts) as attended,"
				+ " (select a.passed from camp_assessment a where a.activity_id = r.activity_id and a.member_id = r.member_id) as passed"
				+ " from registration r join member m on m.id = r.member_id"
				+ " where r.activity_id = :a and r.status in ('REGISTERED', 'ATTENDED', 'NO_SHOW') order by r.id")
			.param("a", activityId)
			.query((rs, n) -> new Trainee(rs.getLong("id"), rs.getLong("member_id"), rs.getString("name"), rs.getInt("attended"),
					(Boolean) rs.getObject("passed", Boolean.class)))
			.list();
	}

	/**
	 * An activity without sessions counts a check-in without a session as attending "the" session; with
	 * sessions, only check-ins of counting sessions count.
	 */
	int attendedWithoutSessions(long registrationId) {
		return jdbc.sql("select count(*) from check_in where registration_id = :r").param("r", registrationId).query(Integer.class).single() > 0 ? 1 : 0;
	}

	void recordAssessment(long activityId, long memberId, boolean passed, String by, Instant now) {
		if (jdbc.sql("update camp_assessment set passed = :p, recorded_by = :by, recorded_at = :now where activity_id = :a and member_id = :m")
			.param("p", passed).param("by", by).param("now", Timestamp.from(now)).param("a", activityId).param("m", memberId).update() == 0) {
			jdbc.sql("insert into camp_assessment (activity_id, member_id, passed, recorded_by, recorded_at) values (:a, :m, :p, :by, :now)")
				.param("a", activityId).param("m", memberId).param("p", passed).param("by", by).param("now", Timestamp.from(now)).update();
		}
	}

	/** Writes the result of one trainee; an earlier result (a re-evaluation) is replaced, keeping its override. */
	void saveResult(long activityId, Trainee t, int counting, boolean byRule, Instant now) {
		var existing = result(activityId, t.memberId());
		boolean completed = existing.filter(r -> r.overrideReason() != null).map(Result::completed).orElse(byRule);
		jdbc.sql("delete from camp_result where activity_id = :a and member_id = :m").param("a", activityId).param("m", t.memberId()).update();
		jdbc.sql("insert into camp_result (activity_id, member_id, registration_id, attended_sessions, counting_sessions, assessment_passed,"
				+ " completed_by_rule, completed, override_reason, overridden_by, evaluated_at)"
				+ " values (:a, :m, :r, :attended, :counting, :passed, :byRule, :completed, :reason, :by, :now)")
			.param("a", activityId).param("m", t.memberId()).param("r", t.registrationId()).param("attended", t.attended())
			.param("counting", counting).param("passed", t.assessmentPassed(), Types.BOOLEAN).param("byRule", byRule).param("completed", completed)
			.param("reason", existing.map(Result::overrideReason).orElse(null), Types.VARCHAR)
			.param("by", existing.map(Result::overriddenBy).orElse(null), Types.VARCHAR)
			.param("now", Timestamp.from(now))
			.update();
	}

	boolean override(long activityId, long memberId, boolean completed, String reason, String by) {
		return jdbc.sql("update camp_result set completed = :c, override_reason = case when completed_by_rule = :c then null else :reason end,"
				+ " overridden_by = case when completed_by_rule = :c then null else :by end where activity_id = :a and member_id = :m")
			.param("c", completed).param("reason", reason).param("by", by).param("a", activityId).param("m", memberId).update() == 1;
	}

	record Result(long memberId, String name, int attended, int counting, Boolean assessmentPassed, boolean completedByRule, boolean completed,
			String overrideReason, String overriddenBy) {
	}

	Optional<Result> result(long activityId, long memberId) {
		return jdbc.sql(RESULT + " where r.activity_id = :a and r.member_id = :m").param("a", activityId).param("m", memberId)
			.query(CampCompletionRepository::result).optional();
	}

	List<Result> results(long activityId) {
		return jdbc.sql(RESULT + " where r.activity_id = :a order by r.registration_id").param("a", activityId)
			.query(CampCompletionRepository::result).list();
	}

	private static final String RESULT = "select r.*, m.name from camp_result r join member m on m.id = r.member_id";

	private static Result result(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Result(rs.getLong("member_id"), rs.getString("name"), rs.getInt("attended_sessions"), rs.getInt("counting_sessions"),
				(Boolean) rs.getObject("assessment_passed", Boolean.class), rs.getBoolean("completed_by_rule"), rs.getBoolean("completed"),
				rs.getString("override_reason"), rs.getString("overridden_by"));
	}
}
