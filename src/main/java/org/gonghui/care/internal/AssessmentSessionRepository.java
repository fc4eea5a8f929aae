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

/** SQL for on-site assessment sessions and the results answered in them. */
@Repository
class AssessmentSessionRepository {

	private static final String SELECT = "select s.*, c.name as counsellor_name, c.affiliation,"
			+ " (select count(*) from care_assessment a where a.session_id = s.id) as taken"
			+ " from care_assessment_session s join care_counsellor c on c.id = s.counsellor_id";

	private final JdbcClient jdbc;

	AssessmentSessionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Session(long id, long counsellorId, String counsellorName, String affiliation, String title, String place, String code, Instant opensAt,
			Instant closesAt, long taken) {
	}

	/** A result answered in a session, as its counsellor lists them: the worker's name, never their answers. */
	record Result(long assessmentId, String workerName, Instrument instrument, int score, Band band, boolean safety, Instant takenAt) {
	}

	long insert(long counsellorId, String title, String place, String code, Instant opensAt, Instant closesAt, Instant now) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("insert into care_assessment_session (counsellor_id, title, place, code, opens_at, closes_at, created_at)"
				+ " values (:c, :title, :place, :code, :opens, :closes, :now)")
			.param("c", counsellorId).param("title", title).param("place", place).param("code", code).param("opens", Timestamp.from(opensAt))
			.param("closes", Timestamp.from(closesAt)).param("now", Timestamp.from(now))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	Optional<Session> find(long id) {
		return jdbc.sql(SELECT + " where s.id = :id").param("id", id).query(AssessmentSessionRepository::session).optional();
	}

	Optional<Session> byCode(String code) {
		return jdbc.sql(SELECT + " where s.code = :code").param("code", code).query(AssessmentSessionRepository::session).optional();
	}

	List<Session> ofCounsellor(long counsellorId, int limit) {
		return jdbc.sql(SELECT + " where s.counsellor_id = :c order by s.opens_at desc, s.id desc limit :limit").param("c", counsellorId)
			.param("limit", limit).query(AssessmentSessionRepository::session).list();
	}

	/** Ends a session now, if it is still open; answers whether it was. */
	boolean close(long id, Instant now) {
		return jdbc.sql("update care_assessment_session set closes_at = :now where id = :id and closes_at > :now and opens_at < :now")
			.param("now", Timestamp.from(now)).param("id", id).update() == 1;
	}

	List<Result> results(long sessionId) {
		return jdbc.sql("select a.id, coalesce(m.name, acc.display_name) as worker_name, a.instrument, a.score, a.band, a.safety, a.taken_at"
				+ " from care_assessment a join account acc on acc.id = a.account_id left join member m on m.account_username = acc.username"
				+ " where a.session_id = :s order by a.taken_at desc, a.id desc")
			.param("s", sessionId)
			.query((rs, n) -> new Result(rs.getLong("id"), rs.getString("worker_name"), Instrument.valueOf(rs.getString("instrument")), rs.getInt("score"),
					Band.valueOf(rs.getString("band")), rs.getBoolean("safety"), rs.getTimestamp("taken_at").toInstant()))
			.list();
	}

	private static Session session(ResultSet rs, int n) throws SQLException {
		return new Session(rs.getLong("id"), rs.getLong("counsellor_id"), rs.getString("counsellor_name"), rs.getString("affiliation"),
				rs.getString("title"), rs.getString("place"), rs.getString("code"), rs.getTimestamp("opens_at").toInstant(),
				rs.getTimestamp("closes_at").toInstant(), rs.getLong("taken"));
	}
}
