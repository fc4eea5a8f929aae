package org.gonghui.activity.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.gonghui.activity.CertificateStatus;
import org.gonghui.shared.OrgPath;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for certificates. The organiser's path comes along with every row, for the scope check. */
@Repository
class CertificateRepository {

	private static final String SELECT = "select c.*, o.path as organization_path from certificate c"
			+ " join activity a on a.id = c.activity_id join organization o on o.id = a.organization_id";

	private final JdbcClient jdbc;

	CertificateRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A certificate as issued, with the path of the organiser of its activity. */
	record Certificate(long id, String number, long activityId, long memberId, String holderName, String programme, String issuer,
			String organiser, LocalDate startsOn, LocalDate endsOn, BigDecimal hours, CertificateStatus status, String revokedReason,
			String revokedBy, Instant revokedAt, Instant issuedAt, OrgPath organizationPath) {
	}

	/** What is printed, fixed when the certificate is issued. */
	record NewCertificate(String number, long activityId, long memberId, String holderName, String programme, String issuer, String organiser,
			LocalDate startsOn, LocalDate endsOn, BigDecimal hours, Instant issuedAt) {
	}

	/** Trainees of the camp whose result says completed and who have no certificate yet. */
	List<Long> completedWithoutCertificate(long activityId) {
		return jdbc.sql("select r.member_id from camp_result r where r.activity_id = :activity and r.completed = true"
				+ " and not exists (select 1 from certificate c where c.activity_id = r.activity_id and c.member_id = r.member_id)"
				+ " order by r.member_id")
			.param("activity", activityId)
			.query(Long.class)
			.list();
	}

	/**
	 * Inserts unless the trainee already has a certificate for the camp; false then. A racing insert of the
	 * same trainee still meets the unique key (the caller retries).
	 */
	boolean insert(NewCertificate c) {
		return jdbc.sql("insert into certificate (number, activity_id, member_id, holder_name, programme, issuer, organiser, starts_on, ends_on,"
				+ " hours, status, issued_at) select :number, :activity, :member, :holder, :programme, :issuer, :organiser, cast(:startsOn as date),"
				// Typed casts: in INSERT ... SELECT, PostgreSQL would take untyped date and time parameters for text.
				+ " cast(:endsOn as date), cast(:hours as numeric(7, 1)), 'VALID', cast(:issuedAt as timestamp with time zone)"
				+ " from (values (1)) v where not exists"
				+ " (select 1 from certificate c where c.activity_id = :activity and c.member_id = :member)")
			.param("number", c.number())
			.param("activity", c.activityId())
			.param("member", c.memberId())
			.param("holder", c.holderName())
			.param("programme", c.programme())
			.param("issuer", c.issuer(), Types.VARCHAR)
			.param("organiser", c.organiser())
			.param("startsOn", c.startsOn() == null ? null : Date.valueOf(c.startsOn()), Types.DATE)
			.param("endsOn", c.endsOn() == null ? null : Date.valueOf(c.endsOn()), Types.DATE)
			.param("hours", c.hours())
			.param("issuedAt", Timestamp.from(c.issuedAt()))
			.update() == 1;
	}

	Optional<Certificate> findByNumber(String number) {
		return jdbc.sql(SELECT + " where c.number = :number").param("number", number).query(CertificateRepository::map).optional();
	}

	List<Certificate> ofActivity(long activityId) {
		return jdbc.sql(SELECT + " where c.activity_id = :activity order by c.holder_name, c.id")
			.param("activity", activityId)
			.query(CertificateRepository::map)
			.list();
	}

	List<Certificate> ofMember(long memberId) {
		return jdbc.sql(SELECT + " where c.member_id = :member order by c.issued_at desc, c.id desc")
			.param("member", memberId)
			.query(CertificateRepository::map)
			.list();
	}

	/** Revokes if still valid (a second revocation, even a racing one, changes nothing); false otherwise. */
	boolean revoke(long id, String reason, String by, Instant now) {
		return jdbc.sql("update certificate set status = 'REVOKED', revoked_reason = :reason, revoked_by = :by, revoked_at = :now"
				+ " where id = :id and status = 'VALID'")
			.param("reason", reason)
			.param("by", by)
			.param("now", Timestamp.from(now))
			.param("id", id)
			.update() == 1;
	}

	private static Certificate map(ResultSet rs, int n) throws SQLException {
		Date startsOn = rs.getDate("starts_on");
		Date endsOn = rs.getDate("ends_on");
		Timestamp revokedAt = rs.getTimestamp("revoked_at");
		return new Certificate(rs.getLong("id"), rs.getString("number"), rs.getLong("activity_id"), rs.getLong("member_id"),
				rs.getString("holder_name"), rs.getString("programme"), rs.getString("issuer"), rs.getString("organiser"),
				startsOn == null ? null : startsOn.toLocalDate(), endsOn == null ? null : endsOn.toLocalDate(), rs.getBigDecimal("hours"),
				CertificateStatus.valueOf(rs.getString("status")), rs.getString("revoked_reason"), rs.getString("revoked_by"),
				revokedAt == null ? null : revokedAt.toInstant(), rs.getTimestamp("issued_at").toInstant(),
				new OrgPath(rs.getString("organization_path")));
	}
}
