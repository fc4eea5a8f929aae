package org.gonghui.activity.internal;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.sql.DataSource;

import org.gonghui.activity.RegistrationStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * SQL for registrations. Status changes are conditional on the status read ("where status = :from"), so
 * two instances, or two clicks, can never both move the same registration.
 */
@Repository
class RegistrationRepository {

	private static final String SELECT = "select r.*, m.name as member_name from registration r join member m on m.id = r.member_id";

	/**
	 * On PostgreSQL a new registration is one statement: the conditional seat update, the insert and its
	 * first event as data-modifying CTEs, atomic on its own (the unique key of a racing second click aborts
	 * all of it, seat included), so it needs no transaction and costs one round trip where the sign-up rush
	 * would otherwise pay five (BEGIN, seat, insert, event, COMMIT). Elsewhere (H2) the same three statements
	 * run in one transaction. Both are held to the same contract ({@code RegistrationContract}).
	 */
	private static final String CREATE_IN_ONE = "with seat as (update activity set seats_taken = seats_taken + 1"
			+ " where id = :activity and :wantsSeat and seats_taken < capacity and status = 'PUBLISHED'"
			+ " and not exists (select 1 from registration w where w.activity_id = :activity and w.status = 'WAITLISTED') returning id),"
			+ " reg as (insert into registration (activity_id, member_id, status, check_in_code, registered_by, created_at, updated_at,"
			+ " consent_at, consent_version, consent_offline)"
			+ " select :activity, :member, case when :approval then 'PENDING_APPROVAL' when exists (select 1 from seat) then 'REGISTERED'"
			+ " else 'WAITLISTED' end, :code, :by, cast(:now as timestamp with time zone), cast(:now as timestamp with time zone),"
			+ " cast(:consentAt as timestamp with time zone), cast(:consentVersion as varchar(20)), :consentOffline"
			+ " where exists (select 1 from seat)"
			+ " or (:approval or :waitlist) and exists (select 1 from activity o where o.id = :activity and o.status = 'PUBLISHED')"
			+ " returning id, status),"
			+ " ev as (insert into registration_event (registration_id, from_status, to_status, actor, note, occurred_at)"
			+ " select id, null, status, :by, null, cast(:now as timestamp with time zone) from reg)"
			+ " select id, status from reg";

	private final JdbcClient jdbc;
	private final ActivityRepository activities;
	private final TransactionTemplate transaction;
	private final DataSource dataSource;
	private volatile Boolean postgres;

	RegistrationRepository(JdbcClient jdbc, ActivityRepository activities, PlatformTransactionManager transactions, DataSource dataSource) {
		this.jdbc = jdbc;
		this.activities = activities;
		this.transaction = new TransactionTemplate(transactions);
		this.dataSource = dataSource;
	}

	/** What {@link #create} stored. */
	record Created(long id, RegistrationStatus status) {
	}

	/**
	 * The consent a member gave before signing up (group counselling): when, to which text, and whether staff
	 * recorded a consent the member signed on paper ({@code offline}) rather than the member accepting it themself.
	 */
	record Consent(Instant at, String version, boolean offline) {
	}

	/**
	 * A new registration with its first event: pending approval if the activity needs it, else a seat if one
	 * is free and nobody waits (the conditional update decides), else a waitlist place if the activity keeps
	 * one. Empty when the activity is full without a waitlist, or no longer open (a status change since the
	 * caller read it); nothing is stored then. Throws
	 * {@link org.springframework.dao.DuplicateKeyException} if the member already has one, with nothing
	 * stored either. {@code consent} (may be null) is stored with the registration, in the same statement.
	 */
	Optional<Created> create(long activityId, long memberId, boolean approval, boolean waitlist, String code, String by, Instant now,
			Consent consent) {
		if (isPostgres()) {
			return jdbc.sql(CREATE_IN_ONE)
				.param("activity", activityId)
				.param("member", memberId)
				.param("wantsSeat", !approval)
				.param("approval", approval)
				.param("waitlist", waitlist)
				.param("code", code)
				.param("by", by)
				.param("now", Timestamp.from(now))
				.param("consentAt", consent == null ? null : Timestamp.from(consent.at()), Types.TIMESTAMP)
				.param("consentVersion", consent == null ? null : consent.version(), Types.VARCHAR)
				.param("consentOffline", consent != null && consent.offline())
				.query((rs, n) -> new Created(rs.getLong("id"), RegistrationStatus.valueOf(rs.getString("status"))))
				.optional();
		}
		return transaction.execute(tx -> {
			RegistrationStatus status;
			if (!activities.open(activityId)) {
				return Optional.<Created>empty();
			}
			if (approval) {
				status = RegistrationStatus.PENDING_APPROVAL;
			}
			else if (activities.takeSeatIfNobodyWaits(activityId)) {
				status = RegistrationStatus.REGISTERED;
			}
			else if (waitlist) {
				status = RegistrationStatus.WAITLISTED;
			}
			else {
				return Optional.<Created>empty();
			}
			long id = insert(activityId, memberId, status, code, by, now, consent);
			insertEvent(id, null, status, by, null, now);
			return Optional.of(new Created(id, status));
		});
	}

	private boolean isPostgres() {
		Boolean pg = postgres;
		if (pg == null) {
			try {
				pg = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName).toLowerCase(Locale.ROOT).contains("postgres");
			}
			catch (MetaDataAccessException e) {
				throw new IllegalStateException("Cannot tell which database this is", e);
			}
			postgres = pg;
		}
		return pg;
	}

	record Registration(long id, long activityId, long memberId, String memberName, RegistrationStatus status, Instant offeredUntil,
			String checkInCode, String registeredBy, Instant createdAt, int version, Instant consentAt, String consentVersion,
			boolean consentOffline) {
	}

	long insert(long activityId, long memberId, RegistrationStatus status, String code, String by, Instant now, Consent consent) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("insert into registration (activity_id, member_id, status, check_in_code, registered_by, created_at, updated_at,"
				+ " consent_at, consent_version, consent_offline)"
				+ " values (:activity, :member, :status, :code, :by, :now, :now, :consentAt, :consentVersion, :consentOffline)")
			.param("consentAt", consent == null ? null : Timestamp.from(consent.at()), Types.TIMESTAMP)
			.param("consentVersion", consent == null ? null : consent.version(), Types.VARCHAR)
			.param("consentOffline", consent != null && consent.offline())
			.param("activity", activityId)
			.param("member", memberId)
			.param("status", status.name())
			.param("code", code)
			.param("by", by)
			.param("now", Timestamp.from(now))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	Optional<Registration> findById(long id) {
		return jdbc.sql(SELECT + " where r.id = :id").param("id", id).query(RegistrationRepository::map).optional();
	}

	Optional<Registration> find(long activityId, long memberId) {
		return jdbc.sql(SELECT + " where r.activity_id = :activity and r.member_id = :member")
			.param("activity", activityId)
			.param("member", memberId)
			.query(RegistrationRepository::map)
			.optional();
	}

	/** Moves a registration if it still has status {@code from}; false when someone moved it first. */
	boolean move(long id, RegistrationStatus from, RegistrationStatus to, Instant offeredUntil, Instant now) {
		return jdbc.sql("update registration set status = :to, offered_until = :until, updated_at = :now, version = version + 1"
				+ " where id = :id and status = :from")
			.param("to", to.name())
			.param("until", offeredUntil == null ? null : Timestamp.from(offeredUntil), Types.TIMESTAMP)
			.param("now", Timestamp.from(now))
			.param("id", id)
			.param("from", from.name())
			.update() == 1;
	}

	/** The longest-waiting registration on the waitlist: arrival order is id order. */
	Optional<Long> headOfWaitlist(long activityId) {
		return jdbc.sql("select id from registration where activity_id = :activity and status = 'WAITLISTED' order by id limit 1")
			.param("activity", activityId)
			.query(Long.class)
			.optional();
	}

	/** Offers whose deadline has passed, oldest first. */
	List<Registration> expiredOffers(Instant now, int limit) {
		return jdbc.sql(SELECT + " where r.status = 'OFFERED' and r.offered_until < :now order by r.offered_until limit :limit")
			.param("now", Timestamp.from(now))
			.param("limit", limit)
			.query(RegistrationRepository::map)
			.list();
	}

	long count(long activityId) {
		return jdbc.sql("select count(*) from registration where activity_id = :activity").param("activity", activityId).query(Long.class).single();
	}

	List<Registration> page(long activityId, long offset, int limit) {
		return jdbc.sql(SELECT + " where r.activity_id = :activity order by r.id limit :limit offset :offset")
			.param("activity", activityId)
			.param("limit", limit)
			.param("offset", offset)
			.query(RegistrationRepository::map)
			.list();
	}

	/** A member's registration with its activity's title and first session. */
	record OfMember(Registration registration, String activityTitle, Instant firstSessionStartsAt) {
	}

	List<OfMember> ofMember(long memberId, int limit) {
		return jdbc.sql(SELECT.replace(" from registration r", ", a.title as activity_title,"
				+ " a.first_session_at as first_start from registration r")
				+ " join activity a on a.id = r.activity_id where r.member_id = :member order by r.id desc limit :limit")
			.param("member", memberId)
			.param("limit", limit)
			.query((rs, n) -> {
				Timestamp first = rs.getTimestamp("first_start");
				return new OfMember(map(rs, n), rs.getString("activity_title"), first == null ? null : first.toInstant());
			})
			.list();
	}

	void insertEvent(long registrationId, RegistrationStatus from, RegistrationStatus to, String actor, String note, Instant at) {
		jdbc.sql("insert into registration_event (registration_id, from_status, to_status, actor, note, occurred_at)"
				+ " values (:registration, :from, :to, :actor, :note, :at)")
			.param("registration", registrationId)
			.param("from", from == null ? null : from.name(), Types.VARCHAR)
			.param("to", to.name())
			.param("actor", actor)
			.param("note", note, Types.VARCHAR)
			.param("at", Timestamp.from(at))
			.update();
	}

	private static Registration map(ResultSet rs, int n) throws SQLException {
		Timestamp until = rs.getTimestamp("offered_until");
		return new Registration(rs.getLong("id"), rs.getLong("activity_id"), rs.getLong("member_id"), rs.getString("member_name"),
				RegistrationStatus.valueOf(rs.getString("status")), until == null ? null : until.toInstant(), rs.getString("check_in_code"),
				rs.getString("registered_by"), rs.getTimestamp("created_at").toInstant(), rs.getInt("version"),
				rs.getTimestamp("consent_at") == null ? null : rs.getTimestamp("consent_at").toInstant(), rs.getString("consent_version"),
				rs.getBoolean("consent_offline"));
	}
}
