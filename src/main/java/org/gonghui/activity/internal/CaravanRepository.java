package org.gonghui.activity.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.gonghui.activity.CaravanStatus;
import org.gonghui.shared.OrgPath;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * SQL for caravan requests and their history. Status moves are conditional updates on the status and version
 * that were read, so two staff deciding at once cannot both succeed.
 */
@Repository
class CaravanRepository {

	private static final String SELECT = "select r.*, u.name as union_name, u.path as union_path, d.name as district_name,"
			+ " d.path as district_path, e.name as employer_name"
			+ " from caravan_request r join organization u on u.id = r.union_id join organization d on d.id = r.district_id"
			+ " left join employer e on e.id = r.employer_id";

	/** The scope clause binds the caller's path pattern; the status filter is one of two fixed texts. */
	private static final String IN_SCOPE = " where u.path like :scope";

	private static final String WITH_STATUS = " and r.status = :status";

	private final JdbcClient jdbc;

	CaravanRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Request(long id, long unionId, String unionName, OrgPath unionPath, long districtId, String districtName, OrgPath districtPath,
			Long employerId, String employerName, LocalDate windowFrom, LocalDate windowTo, int expectedParticipants, String needs,
			String contactName, String contactPhone, CaravanStatus status, String decisionNote, Long activityId, String requestedBy,
			Instant createdAt, Instant updatedAt, int version) {
	}

	record Event(long id, CaravanStatus from, CaravanStatus to, String actor, String note, Instant at) {
	}

	/** What a new request stores; the status is REQUESTED. */
	record NewRequest(long unionId, long districtId, Long employerId, LocalDate windowFrom, LocalDate windowTo, int expectedParticipants,
			String needs, String contactName, String contactPhone, String requestedBy) {
	}

	long insert(NewRequest r, Instant now) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("insert into caravan_request (union_id, district_id, employer_id, window_from, window_to, expected_participants, needs,"
				+ " contact_name, contact_phone, status, requested_by, created_at, updated_at)"
				+ " values (:union, :district, :employer, :from, :to, :participants, :needs, :contactName, :contactPhone, 'REQUESTED', :by, :now, :now)")
			.param("union", r.unionId())
			.param("district", r.districtId())
			.param("employer", r.employerId(), Types.BIGINT)
			.param("from", Date.valueOf(r.windowFrom()))
			.param("to", Date.valueOf(r.windowTo()))
			.param("participants", r.expectedParticipants())
			.param("needs", r.needs())
			.param("contactName", r.contactName())
			.param("contactPhone", r.contactPhone())
			.param("by", r.requestedBy())
			.param("now", Timestamp.from(now))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	Optional<Request> findById(long id) {
		return jdbc.sql(SELECT + " where r.id = :id").param("id", id).query(CaravanRepository::map).optional();
	}

	long count(String scope, CaravanStatus status) {
		return jdbc.sql("select count(*) from caravan_request r join organization u on u.id = r.union_id" + IN_SCOPE
				+ (status == null ? "" : WITH_STATUS))
			.param("scope", scope)
			.param("status", status == null ? "" : status.name())
			.query(Long.class)
			.single();
	}

	/** Requests of unions in the scope, newest first. */
	List<Request> search(String scope, CaravanStatus status, long offset, int limit) {
		return jdbc.sql(SELECT + IN_SCOPE + (status == null ? "" : WITH_STATUS) + " order by r.created_at desc, r.id desc limit :limit offset :offset")
			.param("scope", scope)
			.param("status", status == null ? "" : status.name())
			.param("limit", limit)
			.param("offset", offset)
			.query(CaravanRepository::map)
			.list();
	}

	/**
	 * Moves the request from the status and version that were read to {@code to}; false when someone else
	 * changed it meanwhile (nothing is written then). {@code activityId} is set when the move is to SCHEDULED.
	 */
	boolean move(long id, CaravanStatus from, int version, CaravanStatus to, String note, Long activityId, Instant now) {
		return jdbc.sql("update caravan_request set status = :to, decision_note = coalesce(:note, decision_note), activity_id = :activity,"
				+ " updated_at = :now, version = version + 1 where id = :id and status = :from and version = :version")
			.param("to", to.name())
			.param("note", note, Types.VARCHAR)
			.param("activity", activityId, Types.BIGINT)
			.param("now", Timestamp.from(now))
			.param("id", id)
			.param("from", from.name())
			.param("version", version)
			.update() == 1;
	}

	void insertEvent(long requestId, CaravanStatus from, CaravanStatus to, String actor, String note, Instant at) {
		jdbc.sql("insert into caravan_request_event (request_id, from_status, to_status, actor, note, occurred_at)"
				+ " values (:request, :from, :to, :actor, :note, :at)")
			.param("request", requestId)
			.param("from", from == null ? null : from.name(), Types.VARCHAR)
			.param("to", to.name())
			.param("actor", actor)
			.param("note", note, Types.VARCHAR)
			.param("at", Timestamp.from(at))
			.update();
	}

	List<Event> events(long requestId) {
		return jdbc.sql("select * from caravan_request_event where request_id = :request order by id")
			.param("request", requestId)
			.query((rs, n) -> new Event(rs.getLong("id"), status(rs.getString("from_status")), CaravanStatus.valueOf(rs.getString("to_status")),
					rs.getString("actor"), rs.getString("note"), rs.getTimestamp("occurred_at").toInstant()))
			.list();
	}

	private static CaravanStatus status(String value) {
		return value == null ? null : CaravanStatus.valueOf(value);
	}

	private static Request map(ResultSet rs, int n) throws SQLException {
		return new Request(rs.getLong("id"), rs.getLong("union_id"), rs.getString("union_name"), new OrgPath(rs.getString("union_path")),
				rs.getLong("district_id"), rs.getString("district_name"), new OrgPath(rs.getString("district_path")),
				rs.getObject("employer_id", Long.class), rs.getString("employer_name"), rs.getObject("window_from", LocalDate.class),
				rs.getObject("window_to", LocalDate.class), rs.getInt("expected_participants"), rs.getString("needs"), rs.getString("contact_name"),
				rs.getString("contact_phone"), CaravanStatus.valueOf(rs.getString("status")), rs.getString("decision_note"),
				rs.getObject("activity_id", Long.class), rs.getString("requested_by"), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant(), rs.getInt("version"));
	}
}
