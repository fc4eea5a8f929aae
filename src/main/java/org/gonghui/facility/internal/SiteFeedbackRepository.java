package org.gonghui.facility.internal;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.gonghui.platform.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for worker feedback on sites. Moderation lists are scoped by the site's owning organisation. */
@Repository
class SiteFeedbackRepository {

	private static final String COLUMNS = "f.id, f.site_id, f.author, f.author_name, f.rating, f.comment, f.photo_type is not null as has_photo,"
			+ " f.status, f.created_at, f.moderated_by, f.moderated_at, f.moderation_note, s.name as site_name, o.path as organization_path";

	private static final String FROM = " from site_feedback f join site s on s.id = f.site_id join organization o on o.id = s.organization_id";

	private final JdbcClient jdbc;

	SiteFeedbackRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	enum Status {
		PENDING, APPROVED, REJECTED
	}

	record Row(long id, long siteId, String author, String authorName, int rating, String comment, boolean hasPhoto, Status status,
			Instant createdAt, String moderatedBy, Instant moderatedAt, String moderationNote, String siteName, String organizationPath) {
	}

	long insert(long siteId, String author, String authorName, int rating, String comment, String photoType, byte[] photo, Instant at,
			java.time.LocalDate day) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("insert into site_feedback (site_id, author, author_name, rating, comment, photo_type, photo, status, created_at, created_day)"
				+ " values (:site, :author, :authorName, :rating, :comment, :photoType, :photo, 'PENDING', :at, :day)")
			.param("site", siteId)
			.param("author", author)
			.param("authorName", authorName)
			.param("rating", rating)
			.param("comment", comment, Types.VARCHAR)
			.param("photoType", photoType, Types.VARCHAR)
			.param("photo", photo, Types.VARBINARY)
			.param("at", Timestamp.from(at))
			.param("day", java.sql.Date.valueOf(day))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	/** Feedback the author left on the site since the instant (one a day keeps a site's rating honest). */
	long countByAuthorSince(long siteId, String author, Instant since) {
		return jdbc.sql("select count(*) from site_feedback where site_id = :site and author = :author and created_at >= :since")
			.param("site", siteId)
			.param("author", author)
			.param("since", Timestamp.from(since))
			.query(Long.class)
			.single();
	}

	Optional<Row> findById(long id) {
		return jdbc.sql("select " + COLUMNS + FROM + " where f.id = :id").param("id", id).query(this::map).optional();
	}

	List<Row> approved(long siteId, int limit) {
		return jdbc.sql("select " + COLUMNS + FROM + " where f.site_id = :site and f.status = 'APPROVED' order by f.created_at desc, f.id desc limit :limit")
			.param("site", siteId)
			.param("limit", limit)
			.query(this::map)
			.list();
	}

	record Rating(double average, long count) {
	}

	Rating rating(long siteId) {
		return jdbc.sql("select coalesce(avg(cast(rating as double precision)), 0) as average, count(*) as n from site_feedback"
				+ " where site_id = :site and status = 'APPROVED'")
			.param("site", siteId)
			.query((rs, n) -> new Rating(rs.getDouble("average"), rs.getLong("n")))
			.single();
	}

	long count(DataScope scope, Status status) {
		return jdbc.sql("select count(*)" + FROM + " where o.path like :scope and f.status = :status")
			.param("scope", scope.pathPattern())
			.param("status", status.name())
			.query(Long.class)
			.single();
	}

	/** Oldest first, so nothing waits forever. */
	List<Row> list(DataScope scope, Status status, long offset, int limit) {
		return jdbc.sql("select " + COLUMNS + FROM + " where o.path like :scope and f.status = :status order by f.created_at, f.id"
				+ " limit :limit offset :offset")
			.param("scope", scope.pathPattern())
			.param("status", status.name())
			.param("limit", limit)
			.param("offset", offset)
			.query(this::map)
			.list();
	}

	/** Decides pending feedback; false when someone decided it meanwhile. */
	boolean moderate(long id, Status to, String by, String note, Instant at) {
		return jdbc.sql("update site_feedback set status = :to, moderated_by = :by, moderated_at = :at, moderation_note = :note"
				+ " where id = :id and status = 'PENDING'")
			.param("to", to.name())
			.param("by", by)
			.param("at", Timestamp.from(at))
			.param("note", note, Types.VARCHAR)
			.param("id", id)
			.update() == 1;
	}

	void dropPhoto(long id) {
		jdbc.sql("update site_feedback set photo = null, photo_type = null where id = :id").param("id", id).update();
	}

	record Photo(String contentType, byte[] content) {
	}

	Optional<Photo> photo(long id) {
		return jdbc.sql("select photo_type, photo from site_feedback where id = :id and photo is not null")
			.param("id", id)
			.query((rs, n) -> new Photo(rs.getString("photo_type"), rs.getBytes("photo")))
			.optional();
	}

	private Row map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		Timestamp moderatedAt = rs.getTimestamp("moderated_at");
		return new Row(rs.getLong("id"), rs.getLong("site_id"), rs.getString("author"), rs.getString("author_name"), rs.getInt("rating"),
				rs.getString("comment"), rs.getBoolean("has_photo"), Status.valueOf(rs.getString("status")), rs.getTimestamp("created_at").toInstant(),
				rs.getString("moderated_by"), moderatedAt == null ? null : moderatedAt.toInstant(), rs.getString("moderation_note"),
				rs.getString("site_name"), rs.getString("organization_path"));
	}
}
