package org.gonghui.activity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.gonghui.activity.RegistrationStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * SQL for check-ins. Reads registrations and sessions itself (the registration module's repositories
 * stay as they are); the only write to a registration is the conditional REGISTERED → ATTENDED move.
 */
@Repository
class CheckInRepository {

	/** Name and employer of the person: the member's when known, else what staff typed for a walk-in. */
	private static final String SELECT = "select c.id, c.activity_id, c.session_id, c.registration_id, c.member_id, c.walk_in, c.checked_in_at,"
			+ " coalesce(m.name, c.walk_in_name) as person_name, coalesce(e.name, c.walk_in_employer) as employer_name"
			+ " from check_in c left join member m on m.id = c.member_id left join employer e on e.id = m.employer_id";

	private final JdbcClient jdbc;

	CheckInRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record CheckIn(long id, long activityId, Long sessionId, Long registrationId, Long memberId, boolean walkIn, String personName,
			String employerName, Instant at) {
	}

	record CodeMatch(long registrationId, long memberId, RegistrationStatus status) {
	}

	record SessionRow(long id, String title, boolean counts) {
	}

	record SessionCount(long sessionKey, long checkedIn, long walkIns) {
	}

	record EmployerCount(String employerName, long people) {
	}

	/** The registration with this code, if it belongs to this activity: a code of another activity is no match. */
	Optional<CodeMatch> registrationByCode(long activityId, String code) {
		return jdbc.sql("select id, member_id, status from registration where check_in_code = :code and activity_id = :activity")
			.param("code", code)
			.param("activity", activityId)
			.query((rs, n) -> new CodeMatch(rs.getLong("id"), rs.getLong("member_id"), RegistrationStatus.valueOf(rs.getString("status"))))
			.optional();
	}

	Optional<CodeMatch> registrationOfMember(long activityId, long memberId) {
		return jdbc.sql("select id, member_id, status from registration where activity_id = :activity and member_id = :member")
			.param("activity", activityId)
			.param("member", memberId)
			.query((rs, n) -> new CodeMatch(rs.getLong("id"), rs.getLong("member_id"), RegistrationStatus.valueOf(rs.getString("status"))))
			.optional();
	}

	List<SessionRow> sessions(long activityId) {
		return jdbc.sql("select id, title, counts from activity_session where activity_id = :activity order by position, id")
			.param("activity", activityId)
			.query((rs, n) -> new SessionRow(rs.getLong("id"), rs.getString("title"), rs.getBoolean("counts")))
			.list();
	}

	long insert(long activityId, Long sessionId, Long registrationId, Long memberId, boolean walkIn, String walkInName, String walkInEmployer,
			String by, Instant at) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("insert into check_in (activity_id, session_id, session_key, registration_id, member_id, walk_in, walk_in_name, walk_in_employer,"
				+ " checked_in_by, checked_in_at) values (:activity, :session, :key, :registration, :member, :walkIn, :name, :employer, :by, :at)")
			.param("activity", activityId)
			.param("session", sessionId, Types.BIGINT)
			.param("key", sessionKey(sessionId))
			.param("registration", registrationId, Types.BIGINT)
			.param("member", memberId, Types.BIGINT)
			.param("walkIn", walkIn)
			.param("name", walkInName, Types.VARCHAR)
			.param("employer", walkInEmployer, Types.VARCHAR)
			.param("by", by)
			.param("at", Timestamp.from(at))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	Optional<CheckIn> findById(long id) {
		return jdbc.sql(SELECT + " where c.id = :id").param("id", id).query(CheckInRepository::map).optional();
	}

	/** The member's check-in for the session, by code or as a walk-in: the unique key allows one. */
	Optional<CheckIn> findByMember(long activityId, Long sessionId, long memberId) {
		return jdbc.sql(SELECT + " where c.activity_id = :activity and c.session_key = :key and c.member_id = :member")
			.param("activity", activityId)
			.param("key", sessionKey(sessionId))
			.param("member", memberId)
			.query(CheckInRepository::map)
			.optional();
	}

	/** The first check-in: REGISTERED becomes ATTENDED, once (false when it was ATTENDED already or moved meanwhile). */
	boolean markAttended(long registrationId, Instant now) {
		return jdbc.sql("update registration set status = 'ATTENDED', updated_at = :now, version = version + 1 where id = :id and status = 'REGISTERED'")
			.param("now", Timestamp.from(now))
			.param("id", registrationId)
			.update() == 1;
	}

	void insertRegistrationEvent(long registrationId, RegistrationStatus from, RegistrationStatus to, String actor, String note, Instant at) {
		jdbc.sql("insert into registration_event (registration_id, from_status, to_status, actor, note, occurred_at)"
				+ " values (:registration, :from, :to, :actor, :note, :at)")
			.param("registration", registrationId)
			.param("from", from.name())
			.param("to", to.name())
			.param("actor", actor)
			.param("note", note, Types.VARCHAR)
			.param("at", Timestamp.from(at))
			.update();
	}

	/** Registrations holding a seat (the statuses of {@link RegistrationStatus#holdsSeat()}). */
	long seatHolders(long activityId) {
		List<String> statuses = Arrays.stream(RegistrationStatus.values()).filter(RegistrationStatus::holdsSeat).map(Enum::name).toList();
		return jdbc.sql("select count(*) from registration where activity_id = :activity and status in (:statuses)")
			.param("activity", activityId)
			.param("statuses", statuses)
			.query(Long.class)
			.single();
	}

	/** Check-ins by code and walk-ins per session key (0: the activity has no sessions). */
	Map<Long, SessionCount> perSession(long activityId) {
		return jdbc.sql("select session_key, sum(case when walk_in then 0 else 1 end) as checked_in, sum(case when walk_in then 1 else 0 end) as walk_ins"
				+ " from check_in where activity_id = :activity group by session_key")
			.param("activity", activityId)
			.query((rs, n) -> new SessionCount(rs.getLong("session_key"), rs.getLong("checked_in"), rs.getLong("walk_ins")))
			.list()
			.stream()
			.collect(Collectors.toMap(SessionCount::sessionKey, c -> c));
	}

	/**
	 * People per employer over all sessions: a known member counts once (under their registered employer,
	 * else what was typed), each walk-in of an unknown member counts as one. A null name: nothing given.
	 */
	List<EmployerCount> perEmployer(long activityId) {
		return jdbc.sql("select employer_name, count(distinct member_id) + count(*) - count(member_id) as people from ("
				+ " select coalesce(e.name, c.walk_in_employer) as employer_name, c.member_id from check_in c"
				+ " left join member m on m.id = c.member_id left join employer e on e.id = m.employer_id where c.activity_id = :activity) x"
				+ " group by employer_name")
			.param("activity", activityId)
			.query((rs, n) -> new EmployerCount(rs.getString("employer_name"), rs.getLong("people")))
			.list();
	}

	/** Distinct people over all sessions (same counting as {@link #perEmployer}). */
	long people(long activityId) {
		return jdbc.sql("select count(distinct member_id) + count(*) - count(member_id) from check_in where activity_id = :activity")
			.param("activity", activityId)
			.query(Long.class)
			.single();
	}

	/** The key column behind the unique constraints: the session's id, or 0 without sessions. */
	static long sessionKey(Long sessionId) {
		return sessionId == null ? 0 : sessionId;
	}

	private static CheckIn map(ResultSet rs, int n) throws SQLException {
		return new CheckIn(rs.getLong("id"), rs.getLong("activity_id"), rs.getObject("session_id", Long.class),
				rs.getObject("registration_id", Long.class), rs.getObject("member_id", Long.class), rs.getBoolean("walk_in"), rs.getString("person_name"),
				rs.getString("employer_name"), rs.getTimestamp("checked_in_at").toInstant());
	}
}
