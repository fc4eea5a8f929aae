package org.gonghui.care.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.gonghui.care.SlotMode;
import org.gonghui.care.SlotStatus;
import org.gonghui.care.internal.SlotRules.Neighbour;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * SQL for availability slots. Taking a slot is a conditional update ({@code where status = 'OPEN'}): of any
 * number of workers racing for it, the database lets exactly one change the row, the others see no row changed.
 */
@Repository
class SlotRepository {

	private static final String SELECT = "select id, counsellor_id, starts_at, ends_at, mode, site_id, location, link, status, created_by from care_slot";

	private final JdbcClient jdbc;

	SlotRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Slot(long id, long counsellorId, Instant startsAt, Instant endsAt, SlotMode mode, Long siteId, String location, String link,
			SlotStatus status, String createdBy) {
	}

	long insert(long counsellorId, Instant startsAt, Instant endsAt, SlotMode mode, Long siteId, String location, String link, String by, Instant now) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("insert into care_slot (counsellor_id, starts_at, ends_at, mode, site_id, location, link, status, created_by, created_at, updated_at)"
				+ " values (:counsellor, :starts, :ends, :mode, :site, :location, :link, 'OPEN', :by, :now, :now)")
			.param("counsellor", counsellorId)
			.param("starts", Timestamp.from(startsAt))
			.param("ends", Timestamp.from(endsAt))
			.param("mode", mode.name())
			.param("site", siteId, Types.BIGINT)
			.param("location", location, Types.VARCHAR)
			.param("link", link, Types.VARCHAR)
			.param("by", by)
			.param("now", Timestamp.from(now))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	Optional<Slot> findById(long id) {
		return jdbc.sql(SELECT + " where id = :id").param("id", id).query(SlotRepository::map).optional();
	}

	/** A counsellor's slots not withdrawn that end after {@code from}, soonest first. */
	List<Slot> ofCounsellor(long counsellorId, Instant from, int limit) {
		return jdbc.sql(SELECT + " where counsellor_id = :c and status <> 'WITHDRAWN' and ends_at > :from order by starts_at, id limit :limit")
			.param("c", counsellorId)
			.param("from", Timestamp.from(from))
			.param("limit", limit)
			.query(SlotRepository::map)
			.list();
	}

	/** Open slots of these counsellors starting in (from, to), soonest first. */
	List<Slot> open(Collection<Long> counsellorIds, Instant from, Instant to, int limit) {
		if (counsellorIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(SELECT + " where counsellor_id in (:ids) and status = 'OPEN' and starts_at > :from and starts_at < :to"
				+ " order by starts_at, id limit :limit")
			.param("ids", counsellorIds)
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.param("limit", limit)
			.query(SlotRepository::map)
			.list();
	}

	/** Whether the counsellor has a slot (not withdrawn) overlapping the time from start to end. */
	boolean overlaps(long counsellorId, Instant start, Instant end) {
		return jdbc.sql("select count(*) from care_slot where counsellor_id = :c and status <> 'WITHDRAWN' and starts_at < :end and ends_at > :start")
			.param("c", counsellorId)
			.param("start", Timestamp.from(start))
			.param("end", Timestamp.from(end))
			.query(Long.class)
			.single() > 0;
	}

	/** Open and still ahead → booked; false when another booking (or the clock) came first. */
	boolean take(long id, Instant now) {
		return jdbc.sql("update care_slot set status = 'BOOKED', updated_at = :now, version = version + 1"
				+ " where id = :id and status = 'OPEN' and starts_at > :now")
			.param("id", id)
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	/** Booked → open again, when its booking is cancelled. */
	boolean release(long id, Instant now) {
		return jdbc.sql("update care_slot set status = 'OPEN', updated_at = :now, version = version + 1 where id = :id and status = 'BOOKED'")
			.param("id", id)
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	/** Open → withdrawn; a booked slot stays (the worker is told by the counsellor, not by a vanished slot). */
	boolean withdraw(long id, Instant now) {
		return jdbc.sql("update care_slot set status = 'WITHDRAWN', updated_at = :now, version = version + 1 where id = :id and status = 'OPEN'")
			.param("id", id)
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	/**
	 * Locks, in id order, the slots of a room around a time. Two workers booking neighbouring slots of one room then
	 * pass the discretion check one after the other instead of both seeing the other's slot still free; the fixed
	 * order keeps two such bookings from waiting on each other.
	 */
	void lockRoom(long siteId, Instant from, Instant to) {
		jdbc.sql("select id from care_slot where site_id = :site and starts_at < :to and ends_at > :from order by id for update")
			.param("site", siteId)
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query(Long.class)
			.list();
	}

	/**
	 * Bookings holding slots in these rooms around (from, to) made by workers of one employer: what the discretion
	 * rule compares a slot with.
	 */
	List<Neighbour> sameEmployerInRooms(Collection<Long> siteIds, long employerId, Instant from, Instant to) {
		if (siteIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select s.id, s.site_id, s.starts_at, s.ends_at, b.discreet from care_slot s join care_booking b on b.active_slot_id = s.id"
				+ " where s.site_id in (:sites) and b.employer_id = :employer and s.starts_at < :to and s.ends_at > :from")
			.param("sites", siteIds)
			.param("employer", employerId)
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query((rs, n) -> new Neighbour(rs.getLong(1), rs.getLong(2), rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant(),
					rs.getBoolean(5)))
			.list();
	}

	private static Slot map(ResultSet rs, int row) throws SQLException {
		long site = rs.getLong("site_id");
		Long siteId = rs.wasNull() ? null : site;
		return new Slot(rs.getLong("id"), rs.getLong("counsellor_id"), rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(),
				SlotMode.valueOf(rs.getString("mode")), siteId, rs.getString("location"), rs.getString("link"), SlotStatus.valueOf(rs.getString("status")),
				rs.getString("created_by"));
	}
}
