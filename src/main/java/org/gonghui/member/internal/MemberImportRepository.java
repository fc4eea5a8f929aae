package org.gonghui.member.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Import jobs ({@code member_import}) and their rejected rows ({@code member_import_error}). */
@Repository
class MemberImportRepository {

	private static final String COLUMNS = "id, union_id, file_name, file_format, file_encoding, status, total_rows, processed_rows,"
			+ " created_count, updated_count, unchanged_count, rejected_count, started_by, started_at, finished_at, failure_message";

	private final JdbcClient jdbc;
	private final JdbcTemplate template;

	MemberImportRepository(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	/** A job as stored. {@code totalRows} is null until the worker has counted the file. */
	record ImportJob(long id, long unionId, String fileName, String format, String encoding, String status, Integer totalRows,
			int processedRows, int created, int updated, int unchanged, int rejected, String startedBy, Instant startedAt,
			Instant finishedAt, String failureMessage) {
	}

	/** One rejected cell or row. */
	record ImportError(int rowNumber, String column, String reason) {
	}

	long insert(long unionId, String fileName, String format, String encoding, String startedBy, Instant at, String owner) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("insert into member_import (union_id, union_path, file_name, file_format, file_encoding, status, started_by, started_at, owner,"
				+ " heartbeat_at) values (:union, (select o.path from organization o where o.id = :union), :name, :format, :encoding, 'QUEUED', :by, :at, :owner, :at)")
			.param("owner", owner)
			.param("union", unionId)
			.param("name", fileName)
			.param("format", format)
			.param("encoding", encoding)
			.param("by", startedBy)
			.param("at", Timestamp.from(at))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	Optional<ImportJob> find(long id) {
		return jdbc.sql("select " + COLUMNS + " from member_import where id = :id").param("id", id).query(MemberImportRepository::map).optional();
	}

	/** The newest jobs of unions whose path matches {@code scope} (the caller's data scope). */
	List<ImportJob> recent(String scope, int limit) {
		return jdbc.sql("select " + COLUMNS + " from member_import where union_path like :scope order by started_at desc, id desc limit :limit")
			.param("scope", scope)
			.param("limit", limit)
			.query(MemberImportRepository::map)
			.list();
	}

	void running(long id, String encoding, Integer totalRows) {
		jdbc.sql("update member_import set status = 'RUNNING', file_encoding = coalesce(:encoding, file_encoding), total_rows = :total where id = :id")
			.param("encoding", encoding)
			.param("total", totalRows)
			.param("id", id)
			.update();
	}

	/** Adds a chunk's counts; runs in the chunk's transaction. */
	void progress(long id, int processed, int created, int updated, int unchanged, int rejected) {
		jdbc.sql("update member_import set processed_rows = processed_rows + :processed, created_count = created_count + :created,"
				+ " updated_count = updated_count + :updated, unchanged_count = unchanged_count + :unchanged,"
				+ " rejected_count = rejected_count + :rejected where id = :id")
			.param("processed", processed)
			.param("created", created)
			.param("updated", updated)
			.param("unchanged", unchanged)
			.param("rejected", rejected)
			.param("id", id)
			.update();
	}

	void finish(long id, String status, Instant at, String failureMessage) {
		jdbc.sql("update member_import set status = :status, finished_at = :at, failure_message = :failure where id = :id")
			.param("status", status)
			.param("at", Timestamp.from(at))
			.param("failure", failureMessage == null ? null : failureMessage.substring(0, Math.min(500, failureMessage.length())))
			.param("id", id)
			.update();
	}

	/** This instance is alive: its unfinished jobs' heartbeat moves on. */
	int beat(String owner, Instant at) {
		return jdbc.sql("update member_import set heartbeat_at = :at where owner = :owner and status in ('QUEUED', 'RUNNING')")
			.param("at", Timestamp.from(at)).param("owner", owner).update();
	}

	/** Unfinished jobs whose owner has not beaten since {@code staleBefore}: their instance is gone. */
	List<Long> abandoned(Instant staleBefore) {
		return jdbc.sql("select id from member_import where status in ('QUEUED', 'RUNNING') and heartbeat_at < :stale order by id")
			.param("stale", Timestamp.from(staleBefore)).query(Long.class).list();
	}

	/**
	 * Marks an abandoned job FAILED unless its owner beat again meanwhile (or another instance got there
	 * first): the condition is re-checked in the update, so two instances never both claim it.
	 */
	boolean failAbandoned(long id, Instant staleBefore, Instant at, String reason) {
		return jdbc.sql("update member_import set status = 'FAILED', finished_at = :at, failure_message = :reason"
				+ " where id = :id and status in ('QUEUED', 'RUNNING') and heartbeat_at < :stale")
			.param("at", Timestamp.from(at)).param("reason", reason).param("id", id).param("stale", Timestamp.from(staleBefore))
			.update() == 1;
	}

	/** Deletes the error rows of jobs finished before {@code finishedBefore}; the jobs and their counts stay. */
	int purgeErrors(Instant finishedBefore) {
		return jdbc.sql("delete from member_import_error where import_id in (select id from member_import where finished_at < :before)")
			.param("before", Timestamp.from(finishedBefore)).update();
	}

	/** Jobs left QUEUED or RUNNING (by an instance that stopped). */
	List<Long> unfinished(List<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select id from member_import where id in (:ids) and status in ('QUEUED', 'RUNNING')").param("ids", ids)
			.query(Long.class).list();
	}

	void insertErrors(long importId, List<ImportError> errors) {
		if (errors.isEmpty()) {
			return;
		}
		template.batchUpdate("insert into member_import_error (import_id, row_no, column_header, reason) values (?, ?, ?, ?)", errors, 500,
				(ps, e) -> {
					ps.setLong(1, importId);
					ps.setInt(2, e.rowNumber());
					if (e.column() == null) {
						ps.setNull(3, Types.VARCHAR);
					}
					else {
						ps.setString(3, e.column().length() > 40 ? e.column().substring(0, 40) : e.column());
					}
					ps.setString(4, e.reason().length() > 300 ? e.reason().substring(0, 300) : e.reason());
				});
	}

	/** Errors in report order, a page at a time: rows after {@code afterId} (keyset paging keeps memory flat). */
	List<ErrorRow> errors(long importId, long afterId, int limit) {
		return jdbc.sql("select id, row_no, column_header, reason from member_import_error where import_id = :id and id > :after"
				+ " order by id limit :limit")
			.param("id", importId)
			.param("after", afterId)
			.param("limit", limit)
			.query((rs, n) -> new ErrorRow(rs.getLong("id"), new ImportError(rs.getInt("row_no"), rs.getString("column_header"), rs.getString("reason"))))
			.list();
	}

	long countErrors(long importId) {
		return jdbc.sql("select count(*) from member_import_error where import_id = :id").param("id", importId).query(Long.class).single();
	}

	record ErrorRow(long id, ImportError error) {
	}

	private static ImportJob map(ResultSet rs, int n) throws SQLException {
		Timestamp finished = rs.getTimestamp("finished_at");
		return new ImportJob(rs.getLong("id"), rs.getLong("union_id"), rs.getString("file_name"), rs.getString("file_format"),
				rs.getString("file_encoding"), rs.getString("status"), rs.getObject("total_rows", Integer.class), rs.getInt("processed_rows"),
				rs.getInt("created_count"), rs.getInt("updated_count"), rs.getInt("unchanged_count"), rs.getInt("rejected_count"),
				rs.getString("started_by"), rs.getTimestamp("started_at").toInstant(), finished == null ? null : finished.toInstant(),
				rs.getString("failure_message"));
	}
}
