package org.gonghui.activity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.gonghui.activity.ActivityKind;
import org.gonghui.activity.ActivityStatus;
import org.gonghui.activity.Audience;
import org.gonghui.shared.OrgPath;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for activities and their sessions. Seats are taken and given back only by conditional updates. */
@Repository
class ActivityRepository {

	private static final String SELECT = "select a.*, o.name as organization_name, o.path as organization_path"
			+ " from activity a join organization o on o.id = a.organization_id";

	private final JdbcClient jdbc;

	ActivityRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Activity(long id, long organizationId, String organizationName, OrgPath organizationPath, ActivityKind kind, String title,
			String description, String venue, int capacity, boolean waitlistEnabled, boolean approvalRequired, Audience audience,
			Instant registrationOpensAt, Instant registrationClosesAt, ActivityStatus status, int seatsTaken, Instant createdAt, int version) {
	}

	record Session(long id, String title, String type, Instant startsAt, Instant endsAt, boolean counts) {
	}

	long insert(long organizationId, ActivityKind kind, String title, String description, String venue, int capacity, boolean waitlist,
			boolean approval, Audience audience, Instant opensAt, Instant closesAt, String by, Instant now) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("insert into activity (organization_id, kind, title, description, venue, capacity, waitlist_enabled, approval_required, audience,"
				+ " registration_opens_at, registration_closes_at, status, seats_taken, created_by, created_at, updated_at)"
				+ " values (:org, :kind, :title, :description, :venue, :capacity, :waitlist, :approval, :audience, :opens, :closes, 'DRAFT', 0,"
				+ " :by, :now, :now)")
			.param("org", organizationId)
			.param("kind", kind.name())
			.param("title", title)
			.param("description", description, Types.VARCHAR)
			.param("venue", venue, Types.VARCHAR)
			.param("capacity", capacity)
			.param("waitlist", waitlist)
			.param("approval", approval)
			.param("audience", audience.name())
			.param("opens", timestamp(opensAt), Types.TIMESTAMP)
			.param("closes", timestamp(closesAt), Types.TIMESTAMP)
			.param("by", by)
			.param("now", Timestamp.from(now))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	void insertSession(long activityId, int position, String title, String type, Instant startsAt, Instant endsAt, boolean counts) {
		jdbc.sql("insert into activity_session (activity_id, title, type, starts_at, ends_at, counts, position)"
				+ " values (:activity, :title, :type, :starts, :ends, :counts, :position)")
			.param("activity", activityId)
			.param("title", title)
			.param("type", type)
			.param("starts", Timestamp.from(startsAt))
			.param("ends", Timestamp.from(endsAt))
			.param("counts", counts)
			.param("position", position)
			.update();
	}

	Optional<Activity> findById(long id) {
		return jdbc.sql(SELECT + " where a.id = :id").param("id", id).query(ActivityRepository::map).optional();
	}

	/**
	 * Published activities a member may join: open to all members, or organised by one of the
	 * organisations the member's union lies under ({@code ancestorIds}: the ids of its path).
	 */
	List<Activity> openFor(List<Long> ancestorIds, int limit) {
		return jdbc.sql(SELECT + " where a.status = 'PUBLISHED' and (a.audience = 'ALL_MEMBERS' or a.organization_id in (:ancestors))"
				+ " order by a.registration_closes_at nulls last, a.id desc limit :limit")
			.param("ancestors", ancestorIds)
			.param("limit", limit)
			.query(ActivityRepository::map)
			.list();
	}

	List<Session> sessions(long activityId) {
		return jdbc.sql("select id, title, type, starts_at, ends_at, counts from activity_session where activity_id = :activity order by position, id")
			.param("activity", activityId)
			.query((rs, n) -> new Session(rs.getLong("id"), rs.getString("title"), rs.getString("type"), rs.getTimestamp("starts_at").toInstant(),
					rs.getTimestamp("ends_at").toInstant(), rs.getBoolean("counts")))
			.list();
	}

	/** Publishes a draft; the registration window opens now unless it was set. False when it was not a draft. */
	boolean publish(long id, Instant now) {
		return jdbc.sql("update activity set status = 'PUBLISHED', registration_opens_at = coalesce(registration_opens_at, :now),"
				+ " updated_at = :now, version = version + 1 where id = :id and status = 'DRAFT'")
			.param("now", Timestamp.from(now))
			.param("id", id)
			.update() == 1;
	}

	/** Takes a seat if one is free: the one statement that decides, under the row lock, so never more than capacity. */
	boolean takeSeat(long id) {
		return jdbc.sql("update activity set seats_taken = seats_taken + 1 where id = :id and seats_taken < capacity").param("id", id).update() == 1;
	}

	void freeSeat(long id) {
		jdbc.sql("update activity set seats_taken = seats_taken - 1 where id = :id and seats_taken > 0").param("id", id).update();
	}

	private static Timestamp timestamp(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	private static Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}

	private static Activity map(ResultSet rs, int n) throws SQLException {
		return new Activity(rs.getLong("id"), rs.getLong("organization_id"), rs.getString("organization_name"),
				new OrgPath(rs.getString("organization_path")), ActivityKind.valueOf(rs.getString("kind")), rs.getString("title"),
				rs.getString("description"), rs.getString("venue"), rs.getInt("capacity"), rs.getBoolean("waitlist_enabled"),
				rs.getBoolean("approval_required"), Audience.valueOf(rs.getString("audience")), instant(rs.getTimestamp("registration_opens_at")),
				instant(rs.getTimestamp("registration_closes_at")), ActivityStatus.valueOf(rs.getString("status")), rs.getInt("seats_taken"),
				rs.getTimestamp("created_at").toInstant(), rs.getInt("version"));
	}
}
