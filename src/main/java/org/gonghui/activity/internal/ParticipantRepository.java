package org.gonghui.activity.internal;

import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import org.gonghui.activity.RegistrationStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The participant list of one activity as staff read and export it: each registration with the member's
 * name, card number and employer, and when they first checked in. No ID number, no phone.
 */
@Repository
class ParticipantRepository {

	private static final String FROM = " from registration r join member m on m.id = r.member_id left join employer e on e.id = m.employer_id"
			+ " where r.activity_id = :activity and (cast(:status as varchar) is null or r.status = :status)";

	private static final String SELECT = "select r.id, r.member_id, m.name, m.card_number, e.name as employer_name, r.status, r.created_at, r.consent_at, r.consent_offline,"
			+ " (select min(c.checked_in_at) from check_in c where c.registration_id = r.id) as first_check_in" + FROM;

	private final JdbcClient jdbc;

	ParticipantRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Participant(long registrationId, long memberId, String name, String cardNumber, String employerName, RegistrationStatus status,
			Instant registeredAt, Instant firstCheckIn, Instant consentAt, boolean consentOffline) {
	}

	long count(long activityId, RegistrationStatus status) {
		return jdbc.sql("select count(*)" + FROM).param("activity", activityId).param("status", name(status), Types.VARCHAR).query(Long.class).single();
	}

	/** In arrival order (registration id), which is also the waitlist's order. */
	List<Participant> page(long activityId, RegistrationStatus status, long offset, int limit) {
		return jdbc.sql(SELECT + " order by r.id limit :limit offset :offset")
			.param("activity", activityId)
			.param("status", name(status), Types.VARCHAR)
			.param("limit", limit)
			.param("offset", offset)
			.query(ParticipantRepository::map)
			.list();
	}

	void forEach(long activityId, RegistrationStatus status, Consumer<Participant> action) {
		jdbc.sql(SELECT + " order by r.id").param("activity", activityId).param("status", name(status), Types.VARCHAR)
			.query(ParticipantRepository::map).stream().forEach(action);
	}

	/** Registrations per status, for the counts above the list. */
	List<StatusCount> countsByStatus(long activityId) {
		return jdbc.sql("select status, count(*) as n from registration where activity_id = :activity group by status")
			.param("activity", activityId)
			.query((rs, n) -> new StatusCount(RegistrationStatus.valueOf(rs.getString("status")), rs.getLong("n")))
			.list();
	}

	record StatusCount(RegistrationStatus status, long count) {
	}

	private static String name(RegistrationStatus status) {
		return status == null ? null : status.name();
	}

	private static Participant map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		var checkIn = rs.getTimestamp("first_check_in");
		var consent = rs.getTimestamp("consent_at");
		return new Participant(rs.getLong("id"), rs.getLong("member_id"), rs.getString("name"), rs.getString("card_number"),
				rs.getString("employer_name"), RegistrationStatus.valueOf(rs.getString("status")), rs.getTimestamp("created_at").toInstant(),
				checkIn == null ? null : checkIn.toInstant(), consent == null ? null : consent.toInstant(), rs.getBoolean("consent_offline"));
	}
}
