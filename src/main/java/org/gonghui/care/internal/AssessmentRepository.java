package org.gonghui.care.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.gonghui.care.Band;
import org.gonghui.care.Instrument;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for self-assessments and the safety follow-ups they open. */
@Repository
class AssessmentRepository {

	record AssessmentRow(long id, long accountId, String organizationPath, Instrument instrument, String answersCipher, int score, Band band,
			boolean safety, Long sharedWith, Instant takenAt) {
	}

	record FollowUpRow(long id, long assessmentId, String organizationPath, int score, int item9, boolean callBack, Instant dueAt, String status,
			Long takenBy, Instant closedAt, String outcome, Instant escalatedAt, Long escalatedTo, Instant createdAt, long workerAccountId) {
	}

	private static final String FOLLOW_UP = "select f.*, a.account_id as worker_account_id from care_follow_up f join care_assessment a on a.id = f.assessment_id";

	private final JdbcClient jdbc;

	AssessmentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(long accountId, String path, Instrument instrument, String answersCipher, int score, Band band, boolean safety, Long sharedWith,
			Instant at) {
		return insert(accountId, path, instrument, answersCipher, score, band, safety, sharedWith, null, at);
	}

	/** {@code sessionId}: the on-site session the worker answered in, or null. */
	long insert(long accountId, String path, Instrument instrument, String answersCipher, int score, Band band, boolean safety, Long sharedWith,
			Long sessionId, Instant at) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("insert into care_assessment (account_id, organization_path, instrument, answers_cipher, score, band, safety, shared_with, session_id,"
				+ " taken_at) values (:account, :path, :instrument, :answers, :score, :band, :safety, :shared, :session, :at)")
			.param("account", accountId).param("path", path).param("instrument", instrument.name()).param("answers", answersCipher)
			.param("score", score).param("band", band.name()).param("safety", safety).param("shared", sharedWith)
			.param("session", sessionId, java.sql.Types.BIGINT).param("at", Timestamp.from(at))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	Optional<AssessmentRow> find(long id) {
		return jdbc.sql("select * from care_assessment where id = :id").param("id", id).query(AssessmentRepository::assessment).optional();
	}

	List<AssessmentRow> ofAccount(long accountId) {
		return jdbc.sql("select * from care_assessment where account_id = :a order by taken_at desc, id desc").param("a", accountId)
			.query(AssessmentRepository::assessment).list();
	}

	long insertFollowUp(long assessmentId, String path, int score, int item9, Instant dueAt, Instant at) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("insert into care_follow_up (assessment_id, organization_path, score, item9, call_back, due_at, status, created_at)"
				+ " values (:a, :path, :score, :item9, false, :due, 'OPEN', :at)")
			.param("a", assessmentId).param("path", path).param("score", score).param("item9", item9).param("due", Timestamp.from(dueAt))
			.param("at", Timestamp.from(at)).update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	Optional<FollowUpRow> followUpOf(long assessmentId) {
		return jdbc.sql(FOLLOW_UP + " where f.assessment_id = :a").param("a", assessmentId).query(AssessmentRepository::followUp).optional();
	}

	Optional<FollowUpRow> findFollowUp(long id) {
		return jdbc.sql(FOLLOW_UP + " where f.id = :id").param("id", id).query(AssessmentRepository::followUp).optional();
	}

	void requestCallBack(long followUpId) {
		jdbc.sql("update care_follow_up set call_back = true where id = :id").param("id", followUpId).update();
	}

	/**
	 * Follow-ups a counsellor sees: those of workers in the organisations the counsellor serves, and those
	 * escalated to the account; the newest first, open ones before the rest.
	 */
	List<FollowUpRow> forCounsellor(Long counsellorId, long accountId) {
		return jdbc.sql(FOLLOW_UP + " where (f.organization_path is not null and exists (select 1 from care_counsellor_organization s join organization o"
				+ " on o.id = s.organization_id where s.counsellor_id = :c and f.organization_path like concat(o.path, '%'))) or f.escalated_to = :account"
				+ " order by case f.status when 'CLOSED' then 1 else 0 end, f.due_at, f.id")
			.param("c", counsellorId == null ? -1L : counsellorId).param("account", accountId).query(AssessmentRepository::followUp).list();
	}

	boolean take(long id, long counsellorId) {
		return jdbc.sql("update care_follow_up set status = 'TAKEN', taken_by = :c where id = :id and status = 'OPEN'").param("c", counsellorId)
			.param("id", id).update() == 1;
	}

	boolean close(long id, String outcome, Instant at) {
		return jdbc.sql("update care_follow_up set status = 'CLOSED', outcome = :o, closed_at = :at where id = :id and status <> 'CLOSED'")
			.param("o", outcome).param("at", Timestamp.from(at)).param("id", id).update() == 1;
	}

	/** Open follow-ups whose deadline passed and that no one has escalated yet. */
	List<FollowUpRow> overdue(Instant now) {
		return jdbc.sql(FOLLOW_UP + " where f.status = 'OPEN' and f.due_at < :now and f.escalated_at is null order by f.due_at")
			.param("now", Timestamp.from(now)).query(AssessmentRepository::followUp).list();
	}

	boolean escalate(long id, Long leadAccountId, Instant at) {
		return jdbc.sql("update care_follow_up set escalated_at = :at, escalated_to = :lead where id = :id and escalated_at is null")
			.param("at", Timestamp.from(at)).param("lead", leadAccountId).param("id", id).update() == 1;
	}

	/** The care lead of the nearest organisation on the path that has one (the path's own ids, deepest first). */
	Optional<Long> careLead(List<Long> pathIdsDeepestFirst) {
		for (Long orgId : pathIdsDeepestFirst) {
			var lead = jdbc.sql("select account_id from care_lead where organization_id = :o").param("o", orgId).query(Long.class).optional();
			if (lead.isPresent()) {
				return lead;
			}
		}
		return Optional.empty();
	}

	Optional<Long> counsellorOfAccount(long accountId) {
		return jdbc.sql("select id from care_counsellor where account_id = :a and active = true").param("a", accountId).query(Long.class).optional();
	}

	/** The counsellor serves the path: one of the organisations served is the path's organisation or above it. */
	boolean serves(long counsellorId, String path) {
		return path != null && jdbc.sql("select count(*) from care_counsellor_organization s join organization o on o.id = s.organization_id"
				+ " where s.counsellor_id = :c and :path like concat(o.path, '%')").param("c", counsellorId).param("path", path).query(Long.class)
			.single() > 0;
	}

	record CounsellorChoice(long id, String name, String affiliation) {
	}

	/** Active counsellors serving the path, for the worker to share a result with. */
	List<CounsellorChoice> counsellorsServing(String path) {
		if (path == null) {
			return List.of();
		}
		return jdbc.sql("select distinct c.id, c.name, c.affiliation from care_counsellor c join care_counsellor_organization s on s.counsellor_id = c.id"
				+ " join organization o on o.id = s.organization_id where c.active = true and :path like concat(o.path, '%') order by c.name")
			.param("path", path).query((rs, n) -> new CounsellorChoice(rs.getLong("id"), rs.getString("name"), rs.getString("affiliation"))).list();
	}

	String usernameOf(long accountId) {
		return jdbc.sql("select username from account where id = :id").param("id", accountId).query(String.class).single();
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

	private static AssessmentRow assessment(ResultSet rs, int n) throws SQLException {
		return new AssessmentRow(rs.getLong("id"), rs.getLong("account_id"), rs.getString("organization_path"), Instrument.valueOf(rs.getString("instrument")),
				rs.getString("answers_cipher"), rs.getInt("score"), Band.valueOf(rs.getString("band")), rs.getBoolean("safety"),
				rs.getObject("shared_with", Long.class), instant(rs, "taken_at"));
	}

	private static FollowUpRow followUp(ResultSet rs, int n) throws SQLException {
		return new FollowUpRow(rs.getLong("id"), rs.getLong("assessment_id"), rs.getString("organization_path"), rs.getInt("score"), rs.getInt("item9"),
				rs.getBoolean("call_back"), instant(rs, "due_at"), rs.getString("status"), rs.getObject("taken_by", Long.class), instant(rs, "closed_at"),
				rs.getString("outcome"), instant(rs, "escalated_at"), rs.getObject("escalated_to", Long.class), instant(rs, "created_at"),
				rs.getLong("worker_account_id"));
	}
}
