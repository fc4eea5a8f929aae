package org.gonghui.activity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.gonghui.activity.RegistrationStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * SQL for registrations. Status changes are conditional on the status read ("where status = :from"), so
 * two instances, or two clicks, can never both move the same registration.
 */
@Repository
class RegistrationRepository {

	private static final String SELECT = "select r.*, m.name as member_name from registration r join member m on m.id = r.member_id";

	private final JdbcClient jdbc;

	RegistrationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Registration(long id, long activityId, long memberId, String memberName, RegistrationStatus status, Instant offeredUntil,
			String checkInCode, String registeredBy, Instant createdAt, int version) {
	}

	long insert(long activityId, long memberId, RegistrationStatus status, String code, String by, Instant now) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("insert into registration (activity_id, member_id, status, check_in_code, registered_by, created_at, updated_at)"
				+ " values (:activity, :member, :status, :code, :by, :now, :now)")
			.param("activity", activityId)
			.param("member", memberId)
			.param("status", status.name())
			.param("code", code)
			.param("by", by)
			.param("now", Timestamp.from(now))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	Optional<Registration> findById(long id) {
		return jdbc.sql(SELECT + " where r.id = :id").param("id", id).query(RegistrationRepository::map).optional();
	}

	Optional<Registration> find(long activityId, long memberId) {
		return jdbc.sql(SELECT + " where r.activity_id = :activity and r.member_id = :member")
			.param("activity", activityId)
			.param("member", memberId)
			.query(RegistrationRepository::map)
			.optional();
	}

	/** Moves a registration if it still has status {@code from}; false when someone moved it first. */
	boolean move(long id, RegistrationStatus from, RegistrationStatus to, Instant offeredUntil, Instant now) {
		return jdbc.sql("update registration set status = :to, offered_until = :until, updated_at = :now, version = version + 1"
				+ " where id = :id and status = :from")
			.param("to", to.name())
			.param("until", offeredUntil == null ? null : Timestamp.from(offeredUntil), Types.TIMESTAMP)
			.param("now", Timestamp.from(now))
			.param("id", id)
			.param("from", from.name())
			.update() == 1;
	}

	/** The longest-waiting registration on the waitlist: arrival order is id order. */
	Optional<Long> headOfWaitlist(long activityId) {
		return jdbc.sql("select id from registration where activity_id = :activity and status = 'WAITLISTED' order by id limit 1")
			.param("activity", activityId)
			.query(Long.class)
			.optional();
	}

	/** Offers whose deadline has passed, oldest first. */
	List<Registration> expiredOffers(Instant now, int limit) {
		return jdbc.sql(SELECT + " where r.status = 'OFFERED' and r.offered_until < :now order by r.offered_until limit :limit")
			.param("now", Timestamp.from(now))
			.param("limit", limit)
			.query(RegistrationRepository::map)
			.list();
	}

	long count(long activityId) {
		return jdbc.sql("select count(*) from registration where activity_id = :activity").param("activity", activityId).query(Long.class).single();
	}

	List<Registration> page(long activityId, long offset, int limit) {
		return jdbc.sql(SELECT + " where r.activity_id = :activity order by r.id limit :limit offset :offset")
			.param("activity", activityId)
			.param("limit", limit)
			.param("offset", offset)
			.query(RegistrationRepository::map)
			.list();
	}

	/** A member's registration with its activity's title and first session. */
	record OfMember(Registration registration, String activityTitle, Instant firstSessionStartsAt) {
	}

	List<OfMember> ofMember(long memberId, int limit) {
		return jdbc.sql(SELECT.replace(" from registration r", ", a.title as activity_title,"
				+ " (select min(s.starts_at) from activity_session s where s.activity_id = a.id) as first_start from registration r")
				+ " join activity a on a.id = r.activity_id where r.member_id = :member order by r.id desc limit :limit")
			.param("member", memberId)
			.param("limit", limit)
			.query((rs, n) -> {
				Timestamp first = rs.getTimestamp("first_start");
				return new OfMember(map(rs, n), rs.getString("activity_title"), first == null ? null : first.toInstant());
			})
			.list();
	}

	void insertEvent(long registrationId, RegistrationStatus from, RegistrationStatus to, String actor, String note, Instant at) {
		jdbc.sql("insert into registration_event (registration_id, from_status, to_status, actor, note, occurred_at)"
				+ " values (:registration, :from, :to, :actor, :note, :at)")
			.param("registration", registrationId)
			.param("from", from == null ? null : from.name(), Types.VARCHAR)
			.param("to", to.name())
			.param("actor", actor)
			.param("note", note, Types.VARCHAR)
			.param("at", Timestamp.from(at))
			.update();
	}

	private static Registration map(ResultSet rs, int n) throws SQLException {
		Timestamp until = rs.getTimestamp("offered_until");
		return new Registration(rs.getLong("id"), rs.getLong("activity_id"), rs.getLong("member_id"), rs.getString("member_name"),
				RegistrationStatus.valueOf(rs.getString("status")), until == null ? null : until.toInstant(), rs.getString("check_in_code"),
				rs.getString("registered_by"), rs.getTimestamp("created_at").toInstant(), rs.getInt("version"));
	}
}
