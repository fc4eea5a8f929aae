package org.gonghui.care.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gonghui.care.CommentStatus;
import org.gonghui.care.ServiceForm;
import org.gonghui.care.ServiceType;
import org.gonghui.care.SlotMode;
import org.gonghui.care.internal.RatingRules.Tally;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * SQL for satisfaction ratings. The two unique keys (activity and member; booking) make a second rating of one service
 * by one worker fail in the database, whatever the code before it did. Figures are sums and counts per form or per
 * activity over the rows whose organisation path lies in the scope; no query here returns a member next to a comment
 * except the worker's own.
 */
@Repository
class RatingRepository {

	private static final String SELECT = "select id, activity_id, booking_id, member_id, form, title, organization_id, organization_path, held_on,"
			+ " score, comment, comment_status, created_at from care_rating";

	private final JdbcClient jdbc;

	RatingRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Rating(long id, Long activityId, Long bookingId, long memberId, ServiceForm form, String title, long organizationId, String organizationPath,
			LocalDate heldOn, int score, String comment, CommentStatus commentStatus, Instant createdAt) {

		ServiceType type() {
			return activityId != null ? ServiceType.ACTIVITY : ServiceType.APPOINTMENT;
		}

		long serviceId() {
			return activityId != null ? activityId : bookingId;
		}
	}

	record NewRating(Long activityId, Long bookingId, long memberId, ServiceForm form, String title, long organizationId, String organizationPath,
			LocalDate heldOn, int score, String comment, CommentStatus commentStatus) {
	}

	/** A comment as staff and other workers see it: no member, no booking. */
	record Comment(long id, Long activityId, String title, ServiceForm form, int score, String text, CommentStatus status, String organizationPath,
			Instant createdAt) {
	}

	/** An appointment that took place (DONE) for the member, with what the rating needs of it. */
	record DoneAppointment(long bookingId, SlotMode mode, Instant startsAt, String counsellorName) {
	}

	/** One activity's ratings in a scope and period. */
	record ServiceTally(long activityId, String title, ServiceForm form, long organizationId, LocalDate heldOn, long count, long sum, long comments) {
	}

	long insert(NewRating r, Instant now) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("insert into care_rating (activity_id, booking_id, member_id, form, title, organization_id, organization_path, held_on, score, comment,"
				+ " comment_status, created_at) values (:activity, :booking, :member, :form, :title, :org, :path, :heldOn, :score, :comment, :status, :now)")
			.param("activity", r.activityId(), Types.BIGINT)
			.param("booking", r.bookingId(), Types.BIGINT)
			.param("member", r.memberId())
			.param("form", r.form().name())
			.param("title", r.title(), Types.VARCHAR)
			.param("org", r.organizationId())
			.param("path", r.organizationPath())
			.param("heldOn", Date.valueOf(r.heldOn()))
			.param("score", r.score())
			.param("comment", r.comment(), Types.VARCHAR)
			.param("status", r.commentStatus() == null ? null : r.commentStatus().name(), Types.VARCHAR)
			.param("now", Timestamp.from(now))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	Optional<Rating> findById(long id) {
		return jdbc.sql(SELECT + " where id = :id").param("id", id).query(RatingRepository::map).optional();
	}

	Optional<Rating> find(ServiceType type, long serviceId, long memberId) {
		String where = type == ServiceType.ACTIVITY ? " where activity_id = :service and member_id = :member" : " where booking_id = :service and member_id = :member";
		return jdbc.sql(SELECT + where).param("service", serviceId).param("member", memberId).query(RatingRepository::map).optional();
	}

	/** The member's own ratings, newest first. */
	List<Rating> ofMember(long memberId, int limit) {
		return jdbc.sql(SELECT + " where member_id = :member order by created_at desc, id desc limit :limit")
			.param("member", memberId)
			.param("limit", limit)
			.query(RatingRepository::map)
			.list();
	}

	/** The member's appointments that took place, latest first. */
	List<DoneAppointment> doneAppointments(long memberId, int limit) {
		return jdbc.sql("select b.id, s.mode, s.starts_at, c.name from care_booking b join care_slot s on s.id = b.slot_id"
				+ " join care_counsellor c on c.id = s.counsellor_id where b.member_id = :member and b.status = 'DONE'"
				+ " order by s.starts_at desc, b.id desc limit :limit")
			.param("member", memberId)
			.param("limit", limit)
			.query(RatingRepository::done)
			.list();
	}

	Optional<DoneAppointment> doneAppointment(long memberId, long bookingId) {
		return jdbc.sql("select b.id, s.mode, s.starts_at, c.name from care_booking b join care_slot s on s.id = b.slot_id"
				+ " join care_counsellor c on c.id = s.counsellor_id where b.id = :booking and b.member_id = :member and b.status = 'DONE'")
			.param("booking", bookingId)
			.param("member", memberId)
			.query(RatingRepository::done)
			.optional();
	}

	/** Count and sum of scores per form, for the services held in the period whose organisation lies in the scope. */
	Map<ServiceForm, Tally> tallyByForm(String scopePattern, LocalDate from, LocalDate to) {
		Map<ServiceForm, Tally> tallies = new EnumMap<>(ServiceForm.class);
		jdbc.sql("select form, count(*) as n, sum(score) as s from care_rating where organization_path like :scope and held_on >= :from"
				+ " and held_on <= :to group by form")
			.param("scope", scopePattern)
			.param("from", Date.valueOf(from))
			.param("to", Date.valueOf(to))
			.query((rs, n) -> tallies.put(ServiceForm.valueOf(rs.getString("form")), new Tally(rs.getLong("n"), rs.getLong("s"))))
			.list();
		return tallies;
	}

	/** Count and sum of scores per activity (appointments are never listed one by one), for the same selection. */
	List<ServiceTally> tallyByActivity(String scopePattern, LocalDate from, LocalDate to, int limit) {
		return jdbc.sql("select activity_id, max(title) as title, max(form) as form, max(organization_id) as organization_id, max(held_on) as held_on,"
				+ " count(*) as n, sum(score) as s, count(comment) as comments from care_rating where activity_id is not null"
				+ " and organization_path like :scope and held_on >= :from and held_on <= :to group by activity_id order by max(held_on) desc, activity_id desc"
				+ " limit :limit")
			.param("scope", scopePattern)
			.param("from", Date.valueOf(from))
			.param("to", Date.valueOf(to))
			.param("limit", limit)
			.query((rs, n) -> new ServiceTally(rs.getLong("activity_id"), rs.getString("title"), ServiceForm.valueOf(rs.getString("form")),
					rs.getLong("organization_id"), rs.getDate("held_on").toLocalDate(), rs.getLong("n"), rs.getLong("s"), rs.getLong("comments")))
			.list();
	}

	/**
	 * Comments on activities whose organisation lies in the scope, newest first; of one status and one activity when
	 * given. Appointment comments are never among them.
	 */
	List<Comment> activityComments(String scopePattern, CommentStatus status, Long activityId, int limit) {
		return jdbc.sql("select id, activity_id, title, form, score, comment, comment_status, organization_path, created_at from care_rating"
				+ " where activity_id is not null and comment is not null and organization_path like :scope"
				+ " and (cast(:status as varchar) is null or comment_status = :status) and (cast(:activity as bigint) is null or activity_id = :activity)"
				+ " order by created_at desc, id desc limit :limit")
			.param("scope", scopePattern)
			.param("status", status == null ? null : status.name(), Types.VARCHAR)
			.param("activity", activityId, Types.BIGINT)
			.param("limit", limit)
			.query(RatingRepository::comment)
			.list();
	}

	long pendingComments(String scopePattern) {
		return jdbc.sql("select count(*) from care_rating where comment_status = 'PENDING' and organization_path like :scope")
			.param("scope", scopePattern)
			.query(Long.class)
			.single();
	}

	/** Moderation, conditional on the status read: of two staff deciding at once, one decides. */
	boolean moderate(long id, CommentStatus from, CommentStatus to, String by, Instant now) {
		return jdbc.sql("update care_rating set comment_status = :to, moderated_by = :by, moderated_at = :now where id = :id and comment_status = :from")
			.param("to", to.name())
			.param("by", by)
			.param("now", Timestamp.from(now))
			.param("id", id)
			.param("from", from.name())
			.update() == 1;
	}

	/** How many rated the counsellor's appointments, and the sum of their scores. */
	Tally counsellorTally(long counsellorId) {
		return jdbc.sql("select count(*) as n, coalesce(sum(r.score), 0) as s from care_rating r join care_booking b on b.id = r.booking_id"
				+ " join care_slot s on s.id = b.slot_id where s.counsellor_id = :c")
			.param("c", counsellorId)
			.query((rs, n) -> new Tally(rs.getLong("n"), rs.getLong("s")))
			.single();
	}

	/** The texts of the comments on the counsellor's appointments, in the order of their text (not of time: see the service). */
	List<String> counsellorComments(long counsellorId, int limit) {
		return jdbc.sql("select r.comment from care_rating r join care_booking b on b.id = r.booking_id join care_slot s on s.id = b.slot_id"
				+ " where s.counsellor_id = :c and r.comment is not null order by r.comment limit :limit")
			.param("c", counsellorId)
			.param("limit", limit)
			.query(String.class)
			.list();
	}

	/** A subtree moved: the stored paths below the old root now start with the new one. */
	void rebase(String oldPath, String newPath) {
		jdbc.sql("update care_rating set organization_path = concat(:newPath, substring(organization_path, :cut)) where organization_path like :prefix")
			.param("newPath", newPath)
			.param("cut", oldPath.length() + 1)
			.param("prefix", oldPath + "%")
			.update();
	}

	private static Rating map(ResultSet rs, int n) throws SQLException {
		String status = rs.getString("comment_status");
		return new Rating(rs.getLong("id"), rs.getObject("activity_id", Long.class), rs.getObject("booking_id", Long.class), rs.getLong("member_id"),
				ServiceForm.valueOf(rs.getString("form")), rs.getString("title"), rs.getLong("organization_id"), rs.getString("organization_path"),
				rs.getDate("held_on").toLocalDate(), rs.getInt("score"), rs.getString("comment"), status == null ? null : CommentStatus.valueOf(status),
				rs.getTimestamp("created_at").toInstant());
	}

	private static Comment comment(ResultSet rs, int n) throws SQLException {
		return new Comment(rs.getLong("id"), rs.getObject("activity_id", Long.class), rs.getString("title"), ServiceForm.valueOf(rs.getString("form")),
				rs.getInt("score"), rs.getString("comment"), CommentStatus.valueOf(rs.getString("comment_status")), rs.getString("organization_path"),
				rs.getTimestamp("created_at").toInstant());
	}

	private static DoneAppointment done(ResultSet rs, int n) throws SQLException {
		return new DoneAppointment(rs.getLong("id"), SlotMode.valueOf(rs.getString("mode")), rs.getTimestamp("starts_at").toInstant(), rs.getString("name"));
	}
}
