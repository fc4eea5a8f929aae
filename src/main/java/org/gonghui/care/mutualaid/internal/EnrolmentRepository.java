package org.gonghui.care.mutualaid.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.gonghui.care.mutualaid.EnrolmentStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * SQL for enrolments and covers. Reads the member registry's table for the union's eligible members (names,
 * gender, the sealed ID number for the age rule), as care's bookings do; writes only its own tables.
 */
@Repository
class EnrolmentRepository {

	private static final String SELECT = "select e.id, e.plan_id, e.union_id, e.union_path, e.shares, e.term_starts_on, e.term_ends_on, e.members,"
			+ " e.contribution_fen, e.status, e.payment_reference, e.paid_at from aid_enrolment e";
	private static final String COVER = "select c.id, c.enrolment_id, c.plan_id, c.member_id, m.name as member_name, c.union_path, c.shares,"
			+ " c.covered_from, c.covered_until, c.renewal, c.joined_later, c.contribution_fen from aid_cover c join member m on m.id = c.member_id";

	private final JdbcClient jdbc;

	EnrolmentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Enrolment(long id, long planId, long unionId, String unionPath, int shares, LocalDate termStartsOn, LocalDate termEndsOn, int members,
			long contributionFen, EnrolmentStatus status, String paymentReference, Instant paidAt) {
	}

	record Cover(long id, long enrolmentId, long planId, long memberId, String memberName, String unionPath, int shares, LocalDate coveredFrom,
			LocalDate coveredUntil, boolean renewal, boolean joinedLater, long contributionFen) {
	}

	/** A member of the union as the eligibility rule needs them. */
	record Candidate(long id, String name, String gender, String idNumberCipher, String status) {
	}

	List<Candidate> activeMembersOf(long unionId) {
		return jdbc.sql("select id, name, gender, id_number_cipher, status from member where union_id = :union and status = 'ACTIVE' order by id")
			.param("union", unionId)
			.query((rs, n) -> new Candidate(rs.getLong("id"), rs.getString("name"), rs.getString("gender"), rs.getString("id_number_cipher"),
					rs.getString("status")))
			.list();
	}

	boolean exists(long planId, long unionId, LocalDate termStartsOn) {
		return jdbc.sql("select count(*) from aid_enrolment where plan_id = :plan and union_id = :union and term_starts_on = :start")
			.param("plan", planId)
			.param("union", unionId)
			.param("start", Date.valueOf(termStartsOn))
			.query(Long.class)
			.single() > 0;
	}

	long insert(long planId, long unionId, String unionPath, int shares, LocalDate start, LocalDate end, int members, long contributionFen, String by,
			Instant now) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("insert into aid_enrolment (plan_id, union_id, union_path, shares, term_starts_on, term_ends_on, members, contribution_fen, status,"
				+ " created_by, created_at, updated_at) values (:plan, :union, :path, :shares, :start, :end, :members, :fen, 'DUE', :by, :now, :now)")
			.param("plan", planId)
			.param("union", unionId)
			.param("path", unionPath)
			.param("shares", shares)
			.param("start", Date.valueOf(start))
			.param("end", Date.valueOf(end))
			.param("members", members)
			.param("fen", contributionFen)
			.param("by", by)
			.param("now", Timestamp.from(now))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	void insertCover(long enrolmentId, long planId, long memberId, String unionPath, int shares, LocalDate from, LocalDate until, boolean renewal,
			boolean joinedLater, long contributionFen, Instant now) {
		jdbc.sql("insert into aid_cover (enrolment_id, plan_id, member_id, union_path, shares, covered_from, covered_until, renewal, joined_later,"
				+ " contribution_fen, created_at) values (:e, :plan, :member, :path, :shares, :from, :until, :renewal, :later, :fen, :now)")
			.param("e", enrolmentId)
			.param("plan", planId)
			.param("member", memberId)
			.param("path", unionPath)
			.param("shares", shares)
			.param("from", Date.valueOf(from))
			.param("until", Date.valueOf(until))
			.param("renewal", renewal)
			.param("later", joinedLater)
			.param("fen", contributionFen)
			.param("now", Timestamp.from(now))
			.update();
	}

	/** True when the member had cover of the plan ending within {@code [from, to]}: a renewal within the grace window. */
	boolean coverEndedBetween(long memberId, long planId, LocalDate from, LocalDate to) {
		return jdbc.sql("select count(*) from aid_cover where member_id = :member and plan_id = :plan and covered_until between :from and :to")
			.param("member", memberId)
			.param("plan", planId)
			.param("from", Date.valueOf(from))
			.param("to", Date.valueOf(to))
			.query(Long.class)
			.single() > 0;
	}

	/** Adds a joiner's cover to the statement, in the same statement as the cover it counts. */
	boolean addToStatement(long enrolmentId, long contributionFen, Instant now) {
		return jdbc.sql("update aid_enrolment set members = members + 1, contribution_fen = contribution_fen + :fen, updated_at = :now,"
				+ " version = version + 1 where id = :id")
			.param("fen", contributionFen)
			.param("now", Timestamp.from(now))
			.param("id", enrolmentId)
			.update() == 1;
	}

	boolean markPaid(long id, String reference, String by, Instant now) {
		return jdbc.sql("update aid_enrolment set status = 'PAID', payment_reference = :ref, paid_at = :now, paid_by = :by, updated_at = :now,"
				+ " version = version + 1 where id = :id and status = 'DUE'")
			.param("ref", reference)
			.param("by", by)
			.param("now", Timestamp.from(now))
			.param("id", id)
			.update() == 1;
	}

	Optional<Enrolment> findById(long id) {
		return jdbc.sql(SELECT + " where e.id = :id").param("id", id).query(EnrolmentRepository::map).optional();
	}

	List<Enrolment> ofPlan(long planId, String scopePattern) {
		return jdbc.sql(SELECT + " where e.plan_id = :plan and e.union_path like :scope order by e.term_starts_on desc, e.id desc")
			.param("plan", planId)
			.param("scope", scopePattern)
			.query(EnrolmentRepository::map)
			.list();
	}

	List<Cover> covers(long enrolmentId) {
		return jdbc.sql(COVER + " where c.enrolment_id = :e order by c.id").param("e", enrolmentId).query(EnrolmentRepository::mapCover).list();
	}

	Optional<Cover> cover(long id) {
		return jdbc.sql(COVER + " where c.id = :id").param("id", id).query(EnrolmentRepository::mapCover).optional();
	}

	boolean covered(long enrolmentId, long memberId) {
		return jdbc.sql("select count(*) from aid_cover where enrolment_id = :e and member_id = :m").param("e", enrolmentId).param("m", memberId)
			.query(Long.class).single() > 0;
	}

	/** The member's covers, latest term first. */
	List<Cover> coversOf(long memberId) {
		return jdbc.sql(COVER + " where c.member_id = :m order by c.covered_from desc, c.id desc").param("m", memberId)
			.query(EnrolmentRepository::mapCover).list();
	}

	/** The member's cover of the plan on a day, if any. */
	Optional<Cover> coverOn(long memberId, long planId, LocalDate day) {
		return jdbc.sql(COVER + " where c.member_id = :m and c.plan_id = :plan and c.covered_from <= :day and c.covered_until > :day order by c.id desc")
			.param("m", memberId)
			.param("plan", planId)
			.param("day", Date.valueOf(day))
			.query(EnrolmentRepository::mapCover)
			.list().stream().findFirst();
	}

	private static Enrolment map(ResultSet rs, int row) throws SQLException {
		Timestamp paid = rs.getTimestamp("paid_at");
		return new Enrolment(rs.getLong("id"), rs.getLong("plan_id"), rs.getLong("union_id"), rs.getString("union_path"), rs.getInt("shares"),
				rs.getDate("term_starts_on").toLocalDate(), rs.getDate("term_ends_on").toLocalDate(), rs.getInt("members"), rs.getLong("contribution_fen"),
				EnrolmentStatus.valueOf(rs.getString("status")), rs.getString("payment_reference"), paid == null ? null : paid.toInstant());
	}

	private static Cover mapCover(ResultSet rs, int row) throws SQLException {
		return new Cover(rs.getLong("id"), rs.getLong("enrolment_id"), rs.getLong("plan_id"), rs.getLong("member_id"), rs.getString("member_name"),
				rs.getString("union_path"), rs.getInt("shares"), rs.getDate("covered_from").toLocalDate(), rs.getDate("covered_until").toLocalDate(),
				rs.getBoolean("renewal"), rs.getBoolean("joined_later"), rs.getLong("contribution_fen"));
	}
}
