package org.gonghui.activity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.gonghui.activity.ActivityKind;
import org.gonghui.activity.ActivityStatus;
import org.gonghui.activity.Audience;
import org.gonghui.activity.RegistrationStatus;
import org.gonghui.shared.OrgPath;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for activities and their sessions. Seats are taken and given back only by conditional updates. */
@Repository
class ActivityRepository {

	private static final String SELECT = "select a.*, o.name as organization_name, o.path as organization_path"
			+ " from activity a join organization o on o.id = a.organization_id";

	private static final String LIST_SELECT = "select a.*, o.name as organization_name, o.path as organization_path,"
			+ " a.first_session_at as first_start,"
			+ " (select count(*) from registration r where r.activity_id = a.id and r.status = 'WAITLISTED') as waitlisted"
			+ " from activity a join organization o on o.id = a.organization_id";

	private final JdbcClient jdbc;

	ActivityRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Activity(long id, long organizationId, String organizationName, OrgPath organizationPath, ActivityKind kind, String title,
			String description, String venue, int capacity, boolean waitlistEnabled, boolean approvalRequired, Audience audience,
			Instant registrationOpensAt, Instant registrationClosesAt, ActivityStatus status, int seatsTaken, Instant createdAt, int version,
			Long siteId, java.math.BigDecimal completionMinShare, boolean completionNeedsAssessment, String issuer, Integer minParticipants) {
	}

	/** Staff list filters; each may be null. */
	record Filter(ActivityStatus status, ActivityKind kind, String text) {
	}

	/** Orders of the staff list; the SQL is fixed text chosen by the enum, never taken from the request. */
	enum Sort {
		STARTS("first_start desc nulls last, a.id desc"), CREATED("a.created_at desc, a.id desc"), TITLE("a.title, a.id");

		private final String orderBy;

		Sort(String orderBy) {
			this.orderBy = orderBy;
		}
	}

	/** One line of the staff list: the activity, when it starts, and how many registrations it has. */
	record Listed(Activity activity, Instant firstStart, long waitlisted) {
	}

	record Session(long id, String title, String type, Instant startsAt, Instant endsAt, boolean counts, String host, String place) {
	}

	long insert(long organizationId, ActivityKind kind, String title, String description, String venue, Long siteId, int capacity,
			boolean waitlist, boolean approval, Audience audience, Instant opensAt, Instant closesAt, String by, Instant now) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("insert into activity (organization_id, kind, title, description, venue, site_id, capacity, waitlist_enabled, approval_required,"
				+ " audience, registration_opens_at, registration_closes_at, status, seats_taken, created_by, created_at, updated_at)"
				+ " values (:org, :kind, :title, :description, :venue, :site, :capacity, :waitlist, :approval, :audience, :opens, :closes, 'DRAFT', 0,"
				+ " :by, :now, :now)")
			.param("org", organizationId)
			.param("site", siteId, Types.BIGINT)
			.param("kind", kind.name())
			.param("title", title)
			.param("description", description, Types.VARCHAR)
			.param("venue", venue, Types.VARCHAR)
			.param("capacity", capacity)
			.param("waitlist", waitlist)
			.param("approval", approval)
			.param("audience", audience.name())
			.param("opens", timestamp(opensAt), Types.TIMESTAMP)
			.param("closes", timestamp(closesAt), Types.TIMESTAMP)
			.param("by", by)
			.param("now", Timestamp.from(now))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	void insertSession(long activityId, int position, String title, String type, Instant startsAt, Instant endsAt, boolean counts) {
		insertSession(activityId, position, title, type, startsAt, endsAt, counts, null, null);
	}

	void insertSession(long activityId, int position, String title, String type, Instant startsAt, Instant endsAt, boolean counts, String host,
			String place) {
		jdbc.sql("insert into activity_session (activity_id, title, type, starts_at, ends_at, counts, position, host, place)"
				+ " values (:activity, :title, :type, :starts, :ends, :counts, :position, :host, :place)")
			.param("host", host, Types.VARCHAR)
			.param("place", place, Types.VARCHAR)
			.param("activity", activityId)
			.param("title", title)
			.param("type", type)
			.param("starts", Timestamp.from(startsAt))
			.param("ends", Timestamp.from(endsAt))
			.param("counts", counts)
			.param("position", position)
			.update();
		// Sessions are only ever added, so the earliest start kept on the row stays true (ActivityMetrics counts on it).
		jdbc.sql("update activity set first_session_at = case when first_session_at is null or first_session_at > :starts then :starts"
				+ " else first_session_at end where id = :activity")
			.param("starts", Timestamp.from(startsAt))
			.param("activity", activityId)
			.update();
	}

	Optional<Activity> findById(long id) {
		return jdbc.sql(SELECT + " where a.id = :id").param("id", id).query(ActivityRepository::map).optional();
	}

	/**
	 * Published activities a member may join: open to all members; organised by one of the organisations
	 * the member's union lies under ({@code ancestorIds}: the ids of its path); open to the member's
	 * employer; or naming the member.
	 */
	List<Activity> openFor(List<Long> ancestorIds, long memberId, Long employerId, int limit) {
		// Competitions take entries from units, not registrations from members.
		return jdbc.sql(SELECT + " where a.status = 'PUBLISHED' and a.kind <> 'COMPETITION' and (a.audience = 'ALL_MEMBERS'"
				+ " or a.audience = 'ORGANIZATION_SUBTREE' and a.organization_id in (:ancestors)"
				+ " or a.audience = 'EMPLOYERS' and exists (select 1 from activity_audience_employer e where e.activity_id = a.id and e.employer_id = :employer)"
				+ " or a.audience = 'NAMED_LIST' and exists (select 1 from activity_audience_member m where m.activity_id = a.id and m.member_id = :member))"
				+ " order by a.registration_closes_at nulls last, a.id desc limit :limit")
			.param("ancestors", ancestorIds)
			.param("employer", employerId == null ? -1L : employerId)
			.param("member", memberId)
			.param("limit", limit)
			.query(ActivityRepository::map)
			.list();
	}

	List<Session> sessions(long activityId) {
		return jdbc.sql("select id, title, type, starts_at, ends_at, counts, host, place from activity_session where activity_id = :activity"
				+ " order by position, id")
			.param("activity", activityId)
			.query((rs, n) -> new Session(rs.getLong("id"), rs.getString("title"), rs.getString("type"), rs.getTimestamp("starts_at").toInstant(),
					rs.getTimestamp("ends_at").toInstant(), rs.getBoolean("counts"), rs.getString("host"), rs.getString("place")))
			.list();
	}

	/** Publishes a draft; the registration window opens now unless it was set. False when it was not a draft. */
	boolean publish(long id, Instant now) {
		// An activity published after its registration deadline (recorded afterwards) gets no opening time:
		// registration stays closed, and the window's check constraint (opens before closes) holds.
		return jdbc.sql("update activity set status = 'PUBLISHED', registration_opens_at = case when registration_opens_at is not null"
				+ " then registration_opens_at when registration_closes_at is not null and registration_closes_at <= :now then null else :now end,"
				+ " updated_at = :now, version = version + 1 where id = :id and status = 'DRAFT'")
			.param("now", Timestamp.from(now))
			.param("id", id)
			.update() == 1;
	}

	/**
	 * Takes a seat if one is free and registration has not ended: the one statement that decides, under the
	 * row lock, so never more than capacity, and nothing slips in after the activity started or was cancelled.
	 */
	/** An activity with one member's registration for it, if they have one. */
	record WithRegistration(Activity activity, Long registrationId, RegistrationStatus status, Instant offeredUntil, Instant createdAt,
			Instant consentAt, boolean consentOffline) {
	}

	/** The activity and the member's registration for it: what a sign-up checks, in one round trip. */
	Optional<WithRegistration> findWithRegistration(long id, long memberId) {
		return jdbc.sql("select a.*, o.name as organization_name, o.path as organization_path, r.id as r_id, r.status as r_status,"
				+ " r.offered_until as r_offered_until, r.created_at as r_created_at, r.consent_at as r_consent_at,"
				+ " r.consent_offline as r_consent_offline from activity a join organization o on o.id = a.organization_id"
				+ " left join registration r on r.activity_id = a.id and r.member_id = :member where a.id = :id")
			.param("member", memberId)
			.param("id", id)
			.query((rs, n) -> {
				String status = rs.getString("r_status");
				return new WithRegistration(map(rs, n), status == null ? null : rs.getLong("r_id"), status == null ? null : RegistrationStatus.valueOf(status),
						instant(rs.getTimestamp("r_offered_until")), instant(rs.getTimestamp("r_created_at")), instant(rs.getTimestamp("r_consent_at")),
						rs.getBoolean("r_consent_offline"));
			})
			.optional();
	}

	/** Whether the activity takes new registrations (is PUBLISHED), as committed now. */
	boolean open(long id) {
		return jdbc.sql("select count(*) from activity where id = :id and status = 'PUBLISHED'").param("id", id).query(Long.class).single() > 0;
	}

	/** Activities still taking seats that have a free seat while someone is on the waitlist. */
	List<Long> freeSeatsWithWaiters(int limit) {
		return jdbc.sql("select a.id from activity a where a.status in ('PUBLISHED', 'CLOSED') and a.seats_taken < a.capacity"
				+ " and exists (select 1 from registration r where r.activity_id = a.id and r.status = 'WAITLISTED') order by a.id limit :limit")
			.param("limit", limit)
			.query(Long.class)
			.list();
	}

	/**
	 * {@link #takeSeat}, for a new sign-up: only while the activity is PUBLISHED, and not while anyone waits,
	 * so a newcomer never takes a seat ahead of the waitlist (such a seat is offered to its head instead:
	 * {@link OfferExpiry}).
	 */
	boolean takeSeatIfNobodyWaits(long id) {
		return jdbc.sql("update activity set seats_taken = seats_taken + 1 where id = :id and seats_taken < capacity"
				+ " and status = 'PUBLISHED'"
				+ " and not exists (select 1 from registration w where w.activity_id = :id and w.status = 'WAITLISTED')").param("id", id).update() == 1;
	}

	boolean takeSeat(long id) {
		return jdbc.sql("update activity set seats_taken = seats_taken + 1 where id = :id and seats_taken < capacity"
				+ " and status in ('PUBLISHED', 'CLOSED')").param("id", id).update() == 1;
	}

	long count(String scopePattern, Filter f) {
		return bind(jdbc.sql("select count(*) from activity a join organization o on o.id = a.organization_id" + FILTER), scopePattern, f)
			.query(Long.class).single();
	}

	List<Listed> search(String scopePattern, Filter f, Sort sort, long offset, int limit) {
		return bind(jdbc.sql("select * from (" + LIST_SELECT + FILTER + ") x order by " + sort.orderBy.replace("a.", "x.")
				+ " limit :limit offset :offset"), scopePattern, f)
			.param("limit", limit)
			.param("offset", offset)
			.query((rs, n) -> new Listed(map(rs, n), instant(rs.getTimestamp("first_start")), rs.getLong("waitlisted")))
			.list();
	}

	private static final String FILTER = " where o.path like :scope and (cast(:status as varchar) is null or a.status = :status)"
			+ " and (cast(:kind as varchar) is null or a.kind = :kind) and (cast(:text as varchar) is null or a.title like :text)";

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, String scopePattern, Filter f) {
		return spec.param("scope", scopePattern)
			.param("status", f.status() == null ? null : f.status().name(), Types.VARCHAR)
			.param("kind", f.kind() == null ? null : f.kind().name(), Types.VARCHAR)
			.param("text", f.text() == null ? null : "%" + org.gonghui.shared.Text.escapeLike(f.text()) + "%", Types.VARCHAR);
	}


	/** Moves the status if it still is {@code from} (a concurrent move loses); false otherwise. */
	boolean move(long id, ActivityStatus from, ActivityStatus to, Instant now) {
		return jdbc.sql("update activity set status = :to, updated_at = :now, version = version + 1 where id = :id and status = :from")
			.param("to", to.name())
			.param("from", from.name())
			.param("now", Timestamp.from(now))
			.param("id", id)
			.update() == 1;
	}

	/**
	 * Edits the details at a known version. Capacity may not drop below the seats already taken: the
	 * condition is in the statement, so a sign-up racing the edit cannot end above capacity either.
	 */
	EditOutcome update(long id, int version, String title, String description, String venue, Long siteId, int capacity, Integer minParticipants,
			boolean waitlist, Instant opensAt, Instant closesAt, Instant now) {
		int n = jdbc.sql("update activity set title = :title, description = :description, venue = :venue, site_id = :site, capacity = :capacity,"
				+ " min_participants = :min, waitlist_enabled = :waitlist, registration_opens_at = :opens, registration_closes_at = :closes,"
				+ " updated_at = :now, version = version + 1 where id = :id and version = :version and seats_taken <= :capacity")
			.param("min", minParticipants, Types.INTEGER)
			.param("title", title)
			.param("description", description, Types.VARCHAR)
			.param("venue", venue, Types.VARCHAR)
			.param("site", siteId, Types.BIGINT)
			.param("capacity", capacity)
			.param("waitlist", waitlist)
			.param("opens", timestamp(opensAt), Types.TIMESTAMP)
			.param("closes", timestamp(closesAt), Types.TIMESTAMP)
			.param("now", Timestamp.from(now))
			.param("id", id)
			.param("version", version)
			.update();
		if (n == 1) {
			return EditOutcome.DONE;
		}
		Activity current = findById(id).orElseThrow();
		return current.version() != version ? EditOutcome.STALE : EditOutcome.BELOW_TAKEN;
	}

	enum EditOutcome {
		DONE, STALE, BELOW_TAKEN
	}

	/**
	 * Closes out the registrations of an activity that ends: {@code seatHolders} become {@code seatHoldersTo}
	 * (REGISTERED → NO_SHOW when it finishes, → CANCELLED when it is cancelled), everyone still waiting is
	 * cancelled; each change gets its event row. Returns how many changed.
	 */
	int closeOut(long activityId, org.gonghui.activity.RegistrationStatus registeredTo, String actor, String note, Instant now) {
		int changed = 0;
		for (String from : List.of("REGISTERED", "OFFERED", "WAITLISTED", "PENDING_APPROVAL")) {
			String to = from.equals("REGISTERED") ? registeredTo.name() : "CANCELLED";
			jdbc.sql("insert into registration_event (registration_id, from_status, to_status, actor, note, occurred_at)"
					+ " select id, status, :to, :actor, :note, :now from registration where activity_id = :a and status = :from")
				.param("to", to).param("actor", actor).param("note", note).param("now", Timestamp.from(now)).param("a", activityId).param("from", from)
				.update();
			changed += jdbc.sql("update registration set status = :to, offered_until = null, updated_at = :now, version = version + 1"
					+ " where activity_id = :a and status = :from")
				.param("to", to).param("now", Timestamp.from(now)).param("a", activityId).param("from", from)
				.update();
		}
		// Seats follow the registrations that still hold one.
		jdbc.sql("update activity set seats_taken = (select count(*) from registration r where r.activity_id = activity.id"
				+ " and r.status in ('REGISTERED', 'OFFERED', 'ATTENDED', 'NO_SHOW')) where id = :a").param("a", activityId).update();
		return changed;
	}


	/** The least group size ("至少 8 人成团"), or none; the caller has checked it against the capacity. */
	void setMinParticipants(long id, Integer minParticipants) {
		jdbc.sql("update activity set min_participants = :min where id = :id").param("min", minParticipants, Types.INTEGER).param("id", id).update();
	}

	void setCamp(long id, java.math.BigDecimal minShare, boolean needsAssessment, String issuer) {
		jdbc.sql("update activity set completion_min_share = :share, completion_needs_assessment = :assessment, issuer = :issuer where id = :id")
			.param("share", minShare, Types.DECIMAL)
			.param("assessment", needsAssessment)
			.param("issuer", issuer, Types.VARCHAR)
			.param("id", id)
			.update();
	}

	long waitlisted(long id) {
		return jdbc.sql("select count(*) from registration where activity_id = :id and status = 'WAITLISTED'").param("id", id).query(Long.class).single();
	}

	void freeSeat(long id) {
		jdbc.sql("update activity set seats_taken = seats_taken - 1 where id = :id and seats_taken > 0").param("id", id).update();
	}

	private static Timestamp timestamp(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	private static Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}

	private static Activity map(ResultSet rs, int n) throws SQLException {
		return new Activity(rs.getLong("id"), rs.getLong("organization_id"), rs.getString("organization_name"),
				new OrgPath(rs.getString("organization_path")), ActivityKind.valueOf(rs.getString("kind")), rs.getString("title"),
				rs.getString("description"), rs.getString("venue"), rs.getInt("capacity"), rs.getBoolean("waitlist_enabled"),
				rs.getBoolean("approval_required"), Audience.valueOf(rs.getString("audience")), instant(rs.getTimestamp("registration_opens_at")),
				instant(rs.getTimestamp("registration_closes_at")), ActivityStatus.valueOf(rs.getString("status")), rs.getInt("seats_taken"),
				rs.getTimestamp("created_at").toInstant(), rs.getInt("version"), (Long) rs.getObject("site_id", Long.class),
				rs.getBigDecimal("completion_min_share"), rs.getBoolean("completion_needs_assessment"), rs.getString("issuer"),
				(Integer) rs.getObject("min_participants", Integer.class));
	}
}
