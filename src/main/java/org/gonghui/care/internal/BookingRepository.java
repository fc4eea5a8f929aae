package org.gonghui.care.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.gonghui.care.BookingStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * SQL for bookings. Moves are conditional on the status read, so a worker cancelling while the counsellor confirms
 * gives one result; a booking leaving its slot clears {@code active_slot_id} in the same statement.
 */
@Repository
class BookingRepository {

	private static final String SELECT = "select b.id, b.slot_id, b.member_id, m.name as member_name, b.employer_id, b.discreet, b.status, b.created_at"
			+ " from care_booking b join member m on m.id = b.member_id";

	private final JdbcClient jdbc;

	BookingRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Booking(long id, long slotId, long memberId, String memberName, Long employerId, boolean discreet, BookingStatus status, Instant createdAt) {
	}

	long insert(long slotId, long memberId, Long employerId, String unionPath, boolean discreet, Instant now) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("insert into care_booking (slot_id, active_slot_id, member_id, employer_id, union_path, discreet, status, created_at, updated_at)"
				+ " values (:slot, :slot, :member, :employer, :path, :discreet, 'BOOKED', :now, :now)")
			.param("slot", slotId)
			.param("member", memberId)
			.param("employer", employerId, Types.BIGINT)
			.param("path", unionPath)
			.param("discreet", discreet)
			.param("now", Timestamp.from(now))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	Optional<Booking> findById(long id) {
		return jdbc.sql(SELECT + " where b.id = :id").param("id", id).query(BookingRepository::map).optional();
	}

	/** The booking holding the slot, if any. */
	Optional<Booking> holding(long slotId) {
		return jdbc.sql(SELECT + " where b.active_slot_id = :slot").param("slot", slotId).query(BookingRepository::map).optional();
	}

	/** A member's bookings, newest slot first. */
	List<Booking> ofMember(long memberId, int limit) {
		return jdbc.sql(SELECT + " join care_slot s on s.id = b.slot_id where b.member_id = :member order by s.starts_at desc, b.id desc limit :limit")
			.param("member", memberId)
			.param("limit", limit)
			.query(BookingRepository::map)
			.list();
	}

	/** Bookings holding a counsellor's slots that end after {@code from}, soonest first. */
	List<Booking> ofCounsellor(long counsellorId, Instant from, int limit) {
		return jdbc.sql(SELECT + " join care_slot s on s.id = b.active_slot_id where s.counsellor_id = :c and s.ends_at > :from"
				+ " order by s.starts_at, b.id limit :limit")
			.param("c", counsellorId)
			.param("from", Timestamp.from(from))
			.param("limit", limit)
			.query(BookingRepository::map)
			.list();
	}

	/** A member's bookings still ahead (booked or confirmed, starting after now). */
	long upcomingOf(long memberId, Instant now) {
		return jdbc.sql("select count(*) from care_booking b join care_slot s on s.id = b.slot_id where b.member_id = :member"
				+ " and b.status in ('BOOKED', 'CONFIRMED') and s.starts_at > :now")
			.param("member", memberId)
			.param("now", Timestamp.from(now))
			.query(Long.class)
			.single();
	}

	/** The member's next booking still ahead, for the reminder on 我的. */
	Optional<Booking> nextOf(long memberId, Instant now) {
		return jdbc.sql(SELECT + " join care_slot s on s.id = b.slot_id where b.member_id = :member and b.status in ('BOOKED', 'CONFIRMED')"
				+ " and s.ends_at > :now order by s.starts_at limit 1")
			.param("member", memberId)
			.param("now", Timestamp.from(now))
			.query(BookingRepository::map)
			.optional();
	}

	/** Moves a booking if it still has status {@code from}; a move to CANCELLED lets go of the slot. */
	boolean move(long id, BookingStatus from, BookingStatus to, Instant now) {
		return jdbc.sql("update care_booking set status = :to, active_slot_id = case when :cancel then null else active_slot_id end,"
				+ " updated_at = :now, version = version + 1 where id = :id and status = :from")
			.param("to", to.name())
			.param("cancel", to == BookingStatus.CANCELLED)
			.param("now", Timestamp.from(now))
			.param("id", id)
			.param("from", from.name())
			.update() == 1;
	}

	private static Booking map(ResultSet rs, int row) throws SQLException {
		long employer = rs.getLong("employer_id");
		Long employerId = rs.wasNull() ? null : employer;
		return new Booking(rs.getLong("id"), rs.getLong("slot_id"), rs.getLong("member_id"), rs.getString("member_name"), employerId,
				rs.getBoolean("discreet"), BookingStatus.valueOf(rs.getString("status")), rs.getTimestamp("created_at").toInstant());
	}
}
