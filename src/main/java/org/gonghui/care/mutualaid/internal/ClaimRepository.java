package org.gonghui.care.mutualaid.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.gonghui.care.mutualaid.ClaimStatus;
import org.gonghui.care.mutualaid.DocumentKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * SQL for claims, their steps and documents. Every move is conditional on the status and version read, so of two
 * reviewers deciding at once one wins and the other is told the claim changed.
 */
@Repository
class ClaimRepository {

	private static final String SELECT = "select c.id, c.plan_id, p.name as plan_name, c.benefit_id, c.cover_id, c.member_id, m.name as member_name,"
			+ " c.union_path, c.district_path, c.event_date, c.hospital, c.diagnosis_cipher, c.expenses_fen, c.other_paid_fen, c.payout_fen,"
			+ " c.payout_trace, c.status, c.step_due_at, c.reason, c.payment_reference, c.paid_at, c.submitted_by, c.submitted_at, c.version"
			+ " from aid_claim c join aid_plan p on p.id = c.plan_id join member m on m.id = c.member_id";

	private final JdbcClient jdbc;

	ClaimRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Claim(long id, long planId, String planName, long benefitId, long coverId, long memberId, String memberName, String unionPath,
			String districtPath, LocalDate eventDate, String hospital, String diagnosisCipher, long expensesFen, long otherPaidFen, Long payoutFen,
			String payoutTrace, ClaimStatus status, Instant stepDueAt, String reason, String paymentReference, Instant paidAt, String submittedBy,
			Instant submittedAt, int version) {
	}

	record Step(ClaimStatus status, String actor, Instant at, String reason) {
	}

	record Document(long id, long claimId, DocumentKind kind, String fileName, String contentType, int size, Instant uploadedAt) {
	}

	record NewClaim(long planId, long benefitId, long coverId, long memberId, String unionPath, String districtPath, LocalDate eventDate,
			String hospital, String diagnosisCipher, long expensesFen, long otherPaidFen) {
	}

	long insert(NewClaim c, Instant dueAt, String by, Instant now) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("insert into aid_claim (plan_id, benefit_id, cover_id, member_id, union_path, district_path, event_date, hospital, diagnosis_cipher,"
				+ " expenses_fen, other_paid_fen, status, step_due_at, submitted_by, submitted_at, updated_at) values (:plan, :benefit, :cover, :member,"
				+ " :path, :district, :event, :hospital, :diagnosis, :expenses, :other, 'SUBMITTED', :due, :by, :now, :now)")
			.param("plan", c.planId())
			.param("benefit", c.benefitId())
			.param("cover", c.coverId())
			.param("member", c.memberId())
			.param("path", c.unionPath())
			.param("district", c.districtPath())
			.param("event", Date.valueOf(c.eventDate()))
			.param("hospital", c.hospital(), Types.VARCHAR)
			.param("diagnosis", c.diagnosisCipher(), Types.VARCHAR)
			.param("expenses", c.expensesFen())
			.param("other", c.otherPaidFen())
			.param("due", Timestamp.from(dueAt))
			.param("by", by)
			.param("now", Timestamp.from(now))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	/**
	 * Moves the claim if nobody moved it since it was read: the status, the payout as computed, the reason, the next
	 * step's due time and the payment reference, in one statement.
	 */
	boolean move(Claim from, ClaimStatus to, Long payoutFen, String trace, String reason, Instant dueAt, String paymentReference, Instant now) {
		return jdbc.sql("update aid_claim set status = :to, payout_fen = :payout, payout_trace = :trace, reason = :reason, step_due_at = :due,"
				+ " payment_reference = :ref, paid_at = case when :paid then :now else paid_at end, updated_at = :now, version = version + 1"
				+ " where id = :id and status = :from and version = :version")
			.param("to", to.name())
			.param("payout", payoutFen, Types.BIGINT)
			.param("trace", trace, Types.VARCHAR)
			.param("reason", reason, Types.VARCHAR)
			.param("due", dueAt == null ? null : Timestamp.from(dueAt), Types.TIMESTAMP)
			.param("ref", paymentReference, Types.VARCHAR)
			.param("paid", to == ClaimStatus.PAID)
			.param("now", Timestamp.from(now))
			.param("id", from.id())
			.param("from", from.status().name())
			.param("version", from.version())
			.update() == 1;
	}

	void step(long claimId, ClaimStatus status, String actor, String reason, Instant at) {
		jdbc.sql("insert into aid_claim_step (claim_id, status, actor, happened_at, reason) values (:c, :s, :a, :at, :r)")
			.param("c", claimId)
			.param("s", status.name())
			.param("a", actor)
			.param("at", Timestamp.from(at))
			.param("r", reason, Types.VARCHAR)
			.update();
	}

	List<Step> steps(long claimId) {
		return jdbc.sql("select status, actor, happened_at, reason from aid_claim_step where claim_id = :c order by happened_at, id")
			.param("c", claimId)
			.query((rs, n) -> new Step(ClaimStatus.valueOf(rs.getString("status")), rs.getString("actor"), rs.getTimestamp("happened_at").toInstant(),
					rs.getString("reason")))
			.list();
	}

	Optional<Claim> findById(long id) {
		return jdbc.sql(SELECT + " where c.id = :id").param("id", id).query(ClaimRepository::map).optional();
	}

	/** Claims in the scope, optionally of one status and/or overdue at {@code now}, newest first. */
	List<Claim> inScope(String scopePattern, ClaimStatus status, Instant overdueAt, int limit) {
		return jdbc.sql(SELECT + " where c.union_path like :scope and (:status = '' or c.status = :status)"
				+ " and (:overdue = false or (c.step_due_at < :now and c.status not in ('PAID', 'REJECTED')))"
				+ " order by c.submitted_at desc, c.id desc limit :limit")
			.param("scope", scopePattern)
			.param("status", status == null ? "" : status.name())
			.param("overdue", overdueAt != null)
			.param("now", Timestamp.from(overdueAt == null ? Instant.EPOCH : overdueAt))
			.param("limit", limit)
			.query(ClaimRepository::map)
			.list();
	}

	List<Claim> ofMember(long memberId) {
		return jdbc.sql(SELECT + " where c.member_id = :m order by c.submitted_at desc, c.id desc").param("m", memberId).query(ClaimRepository::map).list();
	}

	/** Approved claims waiting for their payout in the scope, oldest first: the bank's list. */
	void forEachApproved(String scopePattern, Consumer<Claim> each) {
		jdbc.sql(SELECT + " where c.union_path like :scope and c.status = 'APPROVED' order by c.submitted_at, c.id")
			.param("scope", scopePattern)
			.query(ClaimRepository::map)
			.stream()
			.forEach(each);
	}

	/** What the benefit already paid (or approved) the member under the same cover: the term cap's use. */
	long paidInTerm(long coverId, long benefitId, long exceptClaimId) {
		return jdbc.sql("select coalesce(sum(payout_fen), 0) from aid_claim where cover_id = :cover and benefit_id = :benefit and id <> :id"
				+ " and status in ('APPROVED', 'PAID', 'FEDERATION_REVIEW')")
			.param("cover", coverId)
			.param("benefit", benefitId)
			.param("id", exceptClaimId)
			.query(Long.class)
			.single();
	}

	/** What other plans paid (or approved) the member for an event on the same day: the cross-plan offset. */
	long paidByOtherPlans(long memberId, long planId, LocalDate eventDate) {
		return jdbc.sql("select coalesce(sum(payout_fen), 0) from aid_claim where member_id = :m and plan_id <> :plan and event_date = :day"
				+ " and status in ('APPROVED', 'PAID')")
			.param("m", memberId)
			.param("plan", planId)
			.param("day", Date.valueOf(eventDate))
			.query(Long.class)
			.single();
	}

	long insertDocument(long claimId, DocumentKind kind, String fileName, String contentType, byte[] content, String by, Instant now) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("insert into aid_claim_document (claim_id, kind, file_name, content_type, size_bytes, content, uploaded_by, uploaded_at)"
				+ " values (:c, :kind, :name, :type, :size, :content, :by, :now)")
			.param("c", claimId)
			.param("kind", kind.name())
			.param("name", fileName)
			.param("type", contentType)
			.param("size", content.length)
			.param("content", content)
			.param("by", by)
			.param("now", Timestamp.from(now))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	List<Document> documents(long claimId) {
		return jdbc.sql("select id, claim_id, kind, file_name, content_type, size_bytes, uploaded_at from aid_claim_document where claim_id = :c order by id")
			.param("c", claimId)
			.query((rs, n) -> new Document(rs.getLong("id"), rs.getLong("claim_id"), DocumentKind.valueOf(rs.getString("kind")), rs.getString("file_name"),
					rs.getString("content_type"), rs.getInt("size_bytes"), rs.getTimestamp("uploaded_at").toInstant()))
			.list();
	}

	Optional<byte[]> content(long claimId, long documentId) {
		return jdbc.sql("select content from aid_claim_document where id = :d and claim_id = :c")
			.param("d", documentId)
			.param("c", claimId)
			.query((rs, n) -> rs.getBytes("content"))
			.optional();
	}

	long countDocuments(long claimId) {
		return jdbc.sql("select count(*) from aid_claim_document where claim_id = :c").param("c", claimId).query(Long.class).single();
	}

	private static Claim map(ResultSet rs, int row) throws SQLException {
		long payout = rs.getLong("payout_fen");
		Long payoutFen = rs.wasNull() ? null : payout;
		Timestamp due = rs.getTimestamp("step_due_at");
		Timestamp paid = rs.getTimestamp("paid_at");
		return new Claim(rs.getLong("id"), rs.getLong("plan_id"), rs.getString("plan_name"), rs.getLong("benefit_id"), rs.getLong("cover_id"),
				rs.getLong("member_id"), rs.getString("member_name"), rs.getString("union_path"), rs.getString("district_path"),
				rs.getDate("event_date").toLocalDate(), rs.getString("hospital"), rs.getString("diagnosis_cipher"), rs.getLong("expenses_fen"),
				rs.getLong("other_paid_fen"), payoutFen, rs.getString("payout_trace"), ClaimStatus.valueOf(rs.getString("status")),
				due == null ? null : due.toInstant(), rs.getString("reason"), rs.getString("payment_reference"), paid == null ? null : paid.toInstant(),
				rs.getString("submitted_by"), rs.getTimestamp("submitted_at").toInstant(), rs.getInt("version"));
	}
}
