package org.gonghui.organization.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.gonghui.platform.DataScope;
import org.gonghui.shared.OrgPath;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * SQL for outreach visits. A visit is in scope when its employer's organisation is: lists bind the
 * scope pattern to the fixed {@code o.path like :scope} clause.
 */
@Repository
class OutreachVisitRepository {

	private static final String FROM = " from outreach_visit v join employer e on e.id = v.employer_id"
			+ " join organization o on o.id = e.organization_id";

	private static final String SELECT = "select v.id, v.employer_id, v.visit_date, v.staff_username, v.staff_name, v.companions,"
			+ " v.purpose, v.result, v.follow_up_date, v.follow_up_done, v.follow_up_done_at, v.follow_up_done_by, v.created_at,"
			+ " v.updated_at, v.version, e.name as employer_name, o.path as organization_path" + FROM;

	// Optional filters are typed parameters that switch their clause off when null, so the SQL text never varies.
	private static final String FILTER = " where o.path like :scope and (cast(:employer as bigint) is null or v.employer_id = :employer)"
			+ " and (cast(:from as date) is null or v.visit_date >= :from) and (cast(:to as date) is null or v.visit_date <= :to)";

	private static final String OVERDUE = " where o.path like :scope and v.follow_up_done = false and v.follow_up_date < :today";

	private final JdbcClient jdbc;

	OutreachVisitRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A visit with the employer's name and the path that decides who sees it. */
	record Row(OutreachVisit visit, String employerName, OrgPath organizationPath) {
	}

	Optional<Row> findById(long id) {
		return jdbc.sql(SELECT + " where v.id = :id").param("id", id).query(OutreachVisitRepository::map).optional();
	}

	long count(DataScope scope, Long employerId, LocalDate from, LocalDate to) {
		return jdbc.sql("select count(*)" + FROM + FILTER)
			.param("scope", scope.pathPattern())
			.param("employer", employerId, Types.BIGINT)
			.param("from", date(from), Types.DATE)
			.param("to", date(to), Types.DATE)
			.query(Long.class)
			.single();
	}

	/** Newest visits first. */
	List<Row> search(DataScope scope, Long employerId, LocalDate from, LocalDate to, long offset, int limit) {
		return jdbc.sql(SELECT + FILTER + " order by v.visit_date desc, v.id desc limit :limit offset :offset")
			.param("scope", scope.pathPattern())
			.param("employer", employerId, Types.BIGINT)
			.param("from", date(from), Types.DATE)
			.param("to", date(to), Types.DATE)
			.param("limit", limit)
			.param("offset", offset)
			.query(OutreachVisitRepository::map)
			.list();
	}

	long countOverdue(DataScope scope, LocalDate today) {
		return jdbc.sql("select count(*)" + FROM + OVERDUE)
			.param("scope", scope.pathPattern())
			.param("today", date(today), Types.DATE)
			.query(Long.class)
			.single();
	}

	/** Open follow-ups whose date lies before {@code today}, the longest overdue first. */
	List<Row> findOverdue(DataScope scope, LocalDate today, long offset, int limit) {
		return jdbc.sql(SELECT + OVERDUE + " order by v.follow_up_date, v.id limit :limit offset :offset")
			.param("scope", scope.pathPattern())
			.param("today", date(today), Types.DATE)
			.param("limit", limit)
			.param("offset", offset)
			.query(OutreachVisitRepository::map)
			.list();
	}

	long insert(OutreachVisit v) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("insert into outreach_visit (employer_id, visit_date, staff_username, staff_name, companions, purpose, result,"
				+ " follow_up_date, follow_up_done, follow_up_done_at, follow_up_done_by, created_at, updated_at, version)"
				+ " values (:employer, :visitDate, :username, :staffName, :companions, :purpose, :result, :followUp, :done, :doneAt, :doneBy,"
				+ " :now, :now, 0)")
			.param("employer", v.employerId())
			.param("visitDate", date(v.visitDate()), Types.DATE)
			.param("username", v.staffUsername())
			.param("staffName", v.staffName())
			.param("companions", v.companions(), Types.VARCHAR)
			.param("purpose", v.purpose())
			.param("result", v.result(), Types.VARCHAR)
			.param("followUp", date(v.followUpDate()), Types.DATE)
			.param("done", v.followUpDone())
			.param("doneAt", v.followUpDoneAt() == null ? null : Timestamp.from(v.followUpDoneAt()), Types.TIMESTAMP)
			.param("doneBy", v.followUpDoneBy(), Types.VARCHAR)
			.param("now", Timestamp.from(v.createdAt()))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	/** Closes an open follow-up; false when it was already closed (or has none). */
	boolean completeFollowUp(long id, String by, Instant now) {
		return jdbc.sql("update outreach_visit set follow_up_done = true, follow_up_done_at = :now, follow_up_done_by = :by,"
				+ " updated_at = :now, version = version + 1 where id = :id and follow_up_done = false and follow_up_date is not null")
			.param("now", Timestamp.from(now))
			.param("by", by)
			.param("id", id)
			.update() == 1;
	}

	private static Date date(LocalDate d) {
		return d == null ? null : Date.valueOf(d);
	}

	private static Row map(ResultSet rs, int row) throws SQLException {
		var v = new OutreachVisit(rs.getLong("id"), rs.getLong("employer_id"), rs.getObject("visit_date", LocalDate.class),
				rs.getString("staff_username"), rs.getString("staff_name"), rs.getString("companions"), rs.getString("purpose"),
				rs.getString("result"), rs.getObject("follow_up_date", LocalDate.class), rs.getBoolean("follow_up_done"),
				instant(rs.getTimestamp("follow_up_done_at")), rs.getString("follow_up_done_by"), instant(rs.getTimestamp("created_at")),
				instant(rs.getTimestamp("updated_at")), rs.getInt("version"));
		return new Row(v, rs.getString("employer_name"), new OrgPath(rs.getString("organization_path")));
	}

	private static Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}
}
