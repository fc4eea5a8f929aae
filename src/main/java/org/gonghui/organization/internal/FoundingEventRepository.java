package org.gonghui.organization.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.List;

import org.gonghui.organization.FoundingStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the founding history. Rows are only ever added: the history is what happened. */
@Repository
class FoundingEventRepository {

	private final JdbcClient jdbc;

	FoundingEventRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** An event with the name of the union it named, as the history shows it. */
	record Row(FoundingEvent event, String unionName) {
	}

	void insert(FoundingEvent e) {
		jdbc.sql("insert into employer_founding_event (employer_id, occurred_at, actor, actor_name, from_status, to_status, union_id, note,"
				+ " visit_id) values (:employer, :at, :actor, :actorName, :from, :to, :union, :note, :visit)")
			.param("employer", e.employerId())
			.param("at", Timestamp.from(e.occurredAt()))
			.param("actor", e.actor())
			.param("actorName", e.actorName())
			.param("from", e.from().name())
			.param("to", e.to().name())
			.param("union", e.unionId(), Types.BIGINT)
			.param("note", e.note(), Types.VARCHAR)
			.param("visit", e.visitId(), Types.BIGINT)
			.update();
	}

	/** Newest first. */
	List<Row> findByEmployer(long employerId) {
		return jdbc.sql("select f.id, f.employer_id, f.occurred_at, f.actor, f.actor_name, f.from_status, f.to_status, f.union_id,"
				+ " u.name as union_name, f.note, f.visit_id from employer_founding_event f left join organization u on u.id = f.union_id"
				+ " where f.employer_id = :employer order by f.occurred_at desc, f.id desc")
			.param("employer", employerId)
			.query(FoundingEventRepository::map)
			.list();
	}

	private static Row map(ResultSet rs, int row) throws SQLException {
		long union = rs.getLong("union_id");
		Long unionId = rs.wasNull() ? null : union;
		long visit = rs.getLong("visit_id");
		Long visitId = rs.wasNull() ? null : visit;
		var e = new FoundingEvent(rs.getLong("id"), rs.getLong("employer_id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
				rs.getString("actor_name"), FoundingStatus.valueOf(rs.getString("from_status")), FoundingStatus.valueOf(rs.getString("to_status")),
				unionId, rs.getString("note"), visitId);
		return new Row(e, rs.getString("union_name"));
	}
}
