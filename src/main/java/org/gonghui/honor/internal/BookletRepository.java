package org.gonghui.honor.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * SQL for profile booklets (风采录): the choice of honorees and how the cover reads. The organisation's path
 * is joined, not stored, so a booklet follows its union when a subtree moves.
 */
@Repository
class BookletRepository {

	record BookletRow(long id, String title, long organizationId, String organizationName, String organizationPath, int year, String paper,
			int honoreeCount, String createdBy, Instant createdAt) {
	}

	private static final String BOOKLET = "select b.id, b.title, b.organization_id, o.name as organization_name, o.path as organization_path,"
			+ " b.booklet_year, b.paper, b.honoree_count, b.created_by, b.created_at from booklet b join organization o on o.id = b.organization_id";

	private final JdbcClient jdbc;

	BookletRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(String title, long organizationId, int year, String paper, List<Long> honoreeIds, String actor, Instant at) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("insert into booklet (title, organization_id, booklet_year, paper, honoree_count, created_by, created_at)"
				+ " values (:title, :org, :year, :paper, :count, :by, :at)")
			.param("title", title).param("org", organizationId).param("year", year).param("paper", paper).param("count", honoreeIds.size())
			.param("by", actor).param("at", Timestamp.from(at)).update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		// Multi-row inserts of 500: a booklet of thousands is a handful of statements, not thousands.
		for (int from = 0; from < honoreeIds.size(); from += 500) {
			int to = Math.min(honoreeIds.size(), from + 500);
			StringBuilder sql = new StringBuilder("insert into booklet_honoree (booklet_id, position, honoree_id) values ");
			for (int i = from; i < to; i++) {
				sql.append(i == from ? "" : ", ").append("(:b, :p").append(i).append(", :h").append(i).append(')');
			}
			var spec = jdbc.sql(sql.toString()).param("b", id);
			for (int i = from; i < to; i++) {
				spec = spec.param("p" + i, i).param("h" + i, honoreeIds.get(i));
			}
			spec.update();
		}
		return id;
	}

	Optional<BookletRow> find(long id) {
		return jdbc.sql(BOOKLET + " where b.id = :id").param("id", id).query(BookletRepository::booklet).optional();
	}

	long count(String scope) {
		return jdbc.sql("select count(*) from booklet b join organization o on o.id = b.organization_id where o.path like :scope").param("scope", scope)
			.query(Long.class).single();
	}

	List<BookletRow> list(String scope, long offset, int limit) {
		return jdbc.sql(BOOKLET + " where o.path like :scope order by b.created_at desc, b.id desc limit :limit offset :offset").param("scope", scope)
			.param("limit", limit).param("offset", offset).query(BookletRepository::booklet).list();
	}

	/** The booklet's honorees in the order chosen. */
	List<Long> honoreeIds(long bookletId) {
		return jdbc.sql("select honoree_id from booklet_honoree where booklet_id = :b order by position").param("b", bookletId).query(Long.class).list();
	}

	private static BookletRow booklet(ResultSet rs, int n) throws SQLException {
		return new BookletRow(rs.getLong("id"), rs.getString("title"), rs.getLong("organization_id"), rs.getString("organization_name"),
				rs.getString("organization_path"), rs.getInt("booklet_year"), rs.getString("paper"), rs.getInt("honoree_count"), rs.getString("created_by"),
				rs.getTimestamp("created_at").toInstant());
	}
}
