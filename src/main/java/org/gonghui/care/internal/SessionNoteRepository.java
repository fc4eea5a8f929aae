package org.gonghui.care.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for session notes and the worker's consents to a successor. The note text arrives and leaves encrypted. */
@Repository
class SessionNoteRepository {

	private final JdbcClient jdbc;

	SessionNoteRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Note(long id, long bookingId, long counsellorId, String counsellorName, long memberId, String bodyCipher, Instant slotStartsAt,
			Instant updatedAt) {
	}

	record Consent(long id, long memberId, String memberName, long counsellorId, String counsellorName, Instant grantedAt, Instant revokedAt) {
	}

	private static final String NOTE = "select n.id, n.booking_id, n.counsellor_id, c.name as counsellor_name, n.member_id, n.body_cipher,"
			+ " s.starts_at, n.updated_at from care_session_note n join care_counsellor c on c.id = n.counsellor_id"
			+ " join care_booking b on b.id = n.booking_id join care_slot s on s.id = b.slot_id";

	private static final String CONSENT = "select k.id, k.member_id, m.name as member_name, k.counsellor_id, c.name as counsellor_name, k.granted_at,"
			+ " k.revoked_at from care_note_consent k join member m on m.id = k.member_id join care_counsellor c on c.id = k.counsellor_id";

	Optional<Note> ofBooking(long bookingId) {
		return jdbc.sql(NOTE + " where n.booking_id = :b").param("b", bookingId).query(SessionNoteRepository::note).optional();
	}

	/** Inserts the booking's note, or replaces its text (the caller holds the booking's lock; the unique key backs it). */
	void save(long bookingId, long counsellorId, long memberId, String bodyCipher, Instant now) {
		int updated = jdbc.sql("update care_session_note set body_cipher = :body, updated_at = :now, version = version + 1 where booking_id = :b")
			.param("body", bodyCipher).param("now", Timestamp.from(now)).param("b", bookingId).update();
		if (updated == 0) {
			insert(bookingId, counsellorId, memberId, bodyCipher, now);
		}
	}

	private void insert(long bookingId, long counsellorId, long memberId, String bodyCipher, Instant now) {
		jdbc.sql("insert into care_session_note (booking_id, counsellor_id, member_id, body_cipher, created_at, updated_at)"
				+ " values (:b, :c, :m, :body, :now, :now)")
			.param("b", bookingId).param("c", counsellorId).param("m", memberId).param("body", bodyCipher).param("now", Timestamp.from(now))
			.update();
	}

	/** Locks the booking row: two saves of one note (two tabs) queue up instead of racing to insert. */
	void lockBooking(long bookingId) {
		jdbc.sql("select id from care_booking where id = :b for update").param("b", bookingId).query(Long.class).optional();
	}

	/** All notes about a member, the newest session first. */
	List<Note> ofMember(long memberId) {
		return jdbc.sql(NOTE + " where n.member_id = :m order by s.starts_at desc, n.id desc").param("m", memberId)
			.query(SessionNoteRepository::note).list();
	}

	long grant(long memberId, long counsellorId, Instant now) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("insert into care_note_consent (member_id, counsellor_id, live_counsellor_id, granted_at) values (:m, :c, :c, :now)")
			.param("m", memberId).param("c", counsellorId).param("now", Timestamp.from(now)).update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	boolean revoke(long consentId, long memberId, Instant now) {
		return jdbc.sql("update care_note_consent set revoked_at = :now, live_counsellor_id = null where id = :id and member_id = :m and revoked_at is null")
			.param("now", Timestamp.from(now)).param("id", consentId).param("m", memberId).update() == 1;
	}

	Optional<Consent> live(long memberId, long counsellorId) {
		return jdbc.sql(CONSENT + " where k.member_id = :m and k.live_counsellor_id = :c").param("m", memberId).param("c", counsellorId)
			.query(SessionNoteRepository::consent).optional();
	}

	Optional<Consent> consent(long id) {
		return jdbc.sql(CONSENT + " where k.id = :id").param("id", id).query(SessionNoteRepository::consent).optional();
	}

	/** A worker's consents, live ones first. */
	List<Consent> consentsOf(long memberId) {
		return jdbc.sql(CONSENT + " where k.member_id = :m order by case when k.revoked_at is null then 0 else 1 end, k.granted_at desc")
			.param("m", memberId).query(SessionNoteRepository::consent).list();
	}

	/** The live consents naming a counsellor: the workers whose notes they may read. */
	List<Consent> liveFor(long counsellorId) {
		return jdbc.sql(CONSENT + " where k.live_counsellor_id = :c order by k.granted_at desc").param("c", counsellorId)
			.query(SessionNoteRepository::consent).list();
	}

	private static Note note(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Note(rs.getLong("id"), rs.getLong("booking_id"), rs.getLong("counsellor_id"), rs.getString("counsellor_name"), rs.getLong("member_id"),
				rs.getString("body_cipher"), rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
	}

	private static Consent consent(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		Timestamp revoked = rs.getTimestamp("revoked_at");
		return new Consent(rs.getLong("id"), rs.getLong("member_id"), rs.getString("member_name"), rs.getLong("counsellor_id"),
				rs.getString("counsellor_name"), rs.getTimestamp("granted_at").toInstant(), revoked == null ? null : revoked.toInstant());
	}
}
