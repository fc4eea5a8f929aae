package org.gonghui.honor.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for public notices (公示) and the objections to them. */
@Repository
class NoticeRepository {

	record NoticeRow(long id, long campaignId, LocalDate startsOn, LocalDate endsOn, int workingDays, Instant closedAt, String closedBy, String outcome,
			Instant createdAt, String createdBy) {
	}

	record ObjectionRow(long id, long noticeId, long nominationId, String candidateName, String objectorName, String phoneMasked, String reason,
			String fileName, String contentType, String status, String assignee, String finding, Instant resolvedAt, String resolvedBy,
			Instant createdAt) {
	}

	record NewObjection(long noticeId, long nominationId, String name, String phoneCipher, String phoneHash, String phoneMasked, String reason,
			String fileName, String contentType, byte[] content) {
	}

	private static final String OBJECTION = "select j.id, j.notice_id, j.nomination_id, n.name as candidate_name, j.objector_name, j.phone_masked,"
			+ " j.reason, j.file_name, j.content_type, j.status, j.assignee, j.finding, j.resolved_at, j.resolved_by, j.created_at"
			+ " from honor_objection j join honor_nomination n on n.id = j.nomination_id";

	private final JdbcClient jdbc;

	NoticeRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(long campaignId, LocalDate startsOn, LocalDate endsOn, int days, String actor, Instant at) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("insert into honor_notice (campaign_id, starts_on, ends_on, working_days, created_at, created_by) values (:c, :s, :e, :d, :at, :by)")
			.param("c", campaignId).param("s", Date.valueOf(startsOn)).param("e", Date.valueOf(endsOn)).param("d", days).param("at", Timestamp.from(at))
			.param("by", actor).update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	Optional<NoticeRow> find(long id) {
		return jdbc.sql("select * from honor_notice where id = :id").param("id", id).query(NoticeRepository::notice).optional();
	}

	List<NoticeRow> ofCampaign(long campaignId) {
		return jdbc.sql("select * from honor_notice where campaign_id = :c order by starts_on desc, id desc").param("c", campaignId)
			.query(NoticeRepository::notice).list();
	}

	/** Notices running on {@code today}, newest first: the public list. */
	List<NoticeRow> open(LocalDate today) {
		return jdbc.sql("select * from honor_notice where closed_at is null and starts_on <= :d and ends_on >= :d order by starts_on desc, id desc")
			.param("d", Date.valueOf(today)).query(NoticeRepository::notice).list();
	}

	/** Closes once: a second close finds it closed. */
	boolean close(long id, String outcome, String actor, Instant at) {
		return jdbc.sql("update honor_notice set closed_at = :at, closed_by = :by, outcome = :o where id = :id and closed_at is null")
			.param("at", Timestamp.from(at)).param("by", actor).param("o", outcome).param("id", id).update() == 1;
	}

	long insertObjection(NewObjection o, Instant at) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("insert into honor_objection (notice_id, nomination_id, objector_name, phone_cipher, phone_hash, phone_masked, reason, file_name,"
				+ " content_type, content, status, created_at) values (:notice, :nomination, :name, :cipher, :hash, :masked, :reason, :file, :type,"
				+ " :content, 'RECEIVED', :at)")
			.param("notice", o.noticeId()).param("nomination", o.nominationId()).param("name", o.name()).param("cipher", o.phoneCipher())
			.param("hash", o.phoneHash()).param("masked", o.phoneMasked()).param("reason", o.reason()).param("file", o.fileName())
			.param("type", o.contentType()).param("content", o.content()).param("at", Timestamp.from(at)).update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	Optional<ObjectionRow> findObjection(long id) {
		return jdbc.sql(OBJECTION + " where j.id = :id").param("id", id).query(NoticeRepository::objection).optional();
	}

	List<ObjectionRow> objections(long noticeId) {
		return jdbc.sql(OBJECTION + " where j.notice_id = :n order by j.created_at, j.id").param("n", noticeId).query(NoticeRepository::objection).list();
	}

	boolean assign(long id, String assignee) {
		return jdbc.sql("update honor_objection set assignee = :a, status = 'INVESTIGATING' where id = :id and status in ('RECEIVED', 'INVESTIGATING')")
			.param("a", assignee).param("id", id).update() == 1;
	}

	boolean resolve(long id, String outcome, String finding, String actor, Instant at) {
		return jdbc.sql("update honor_objection set status = :o, finding = :f, resolved_at = :at, resolved_by = :by where id = :id"
				+ " and status in ('RECEIVED', 'INVESTIGATING')").param("o", outcome).param("f", finding).param("at", Timestamp.from(at))
			.param("by", actor).param("id", id).update() == 1;
	}

	String phoneCipher(long objectionId) {
		return jdbc.sql("select phone_cipher from honor_objection where id = :id").param("id", objectionId).query(String.class).single();
	}

	Optional<NominationService.StoredFile> file(long objectionId) {
		return jdbc.sql("select file_name, content_type, content from honor_objection where id = :id and content is not null").param("id", objectionId)
			.query((rs, i) -> new NominationService.StoredFile(rs.getString("file_name"), rs.getString("content_type"), rs.getBytes("content"))).optional();
	}

	private static NoticeRow notice(ResultSet rs, int n) throws SQLException {
		Timestamp closed = rs.getTimestamp("closed_at");
		return new NoticeRow(rs.getLong("id"), rs.getLong("campaign_id"), rs.getDate("starts_on").toLocalDate(), rs.getDate("ends_on").toLocalDate(),
				rs.getInt("working_days"), closed == null ? null : closed.toInstant(), rs.getString("closed_by"), rs.getString("outcome"),
				rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"));
	}

	private static ObjectionRow objection(ResultSet rs, int n) throws SQLException {
		Timestamp resolved = rs.getTimestamp("resolved_at");
		return new ObjectionRow(rs.getLong("id"), rs.getLong("notice_id"), rs.getLong("nomination_id"), rs.getString("candidate_name"),
				rs.getString("objector_name"), rs.getString("phone_masked"), rs.getString("reason"), rs.getString("file_name"),
				rs.getString("content_type"), rs.getString("status"), rs.getString("assignee"), rs.getString("finding"),
				resolved == null ? null : resolved.toInstant(), rs.getString("resolved_by"), rs.getTimestamp("created_at").toInstant());
	}
}
