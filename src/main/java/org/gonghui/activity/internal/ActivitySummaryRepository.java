package org.gonghui.activity.internal;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gonghui.activity.RegistrationStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for summaries and their photos, and the registration counts the figures need beyond attendance. */
@Repository
class ActivitySummaryRepository {

	private final JdbcClient jdbc;

	ActivitySummaryRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Summary(long activityId, String text, String writtenBy, Instant updatedAt, int version) {
	}

	record Photo(long id, String contentType, int byteSize, int width, int height, String caption, int position) {
	}

	record Image(String contentType, byte[] content) {
	}

	Optional<Summary> find(long activityId) {
		return jdbc.sql("select activity_id, text, written_by, updated_at, version from activity_summary where activity_id = :activity")
			.param("activity", activityId)
			.query((rs, n) -> new Summary(rs.getLong("activity_id"), rs.getString("text"), rs.getString("written_by"),
					rs.getTimestamp("updated_at").toInstant(), rs.getInt("version")))
			.optional();
	}

	/** The first summary, at version 1. A concurrent first write fails on the primary key. */
	void insert(long activityId, String text, String by, Instant now) {
		jdbc.sql("insert into activity_summary (activity_id, text, written_by, updated_at, version) values (:activity, :text, :by, :now, 1)")
			.param("activity", activityId)
			.param("text", text)
			.param("by", by)
			.param("now", Timestamp.from(now))
			.update();
	}

	/** Replaces the text if it still is at {@code version}; false when someone saved meanwhile. */
	boolean update(long activityId, int version, String text, String by, Instant now) {
		return jdbc.sql("update activity_summary set text = :text, written_by = :by, updated_at = :now, version = version + 1"
				+ " where activity_id = :activity and version = :version")
			.param("text", text)
			.param("by", by)
			.param("now", Timestamp.from(now))
			.param("activity", activityId)
			.param("version", version)
			.update() == 1;
	}

	List<Photo> photos(long activityId) {
		return jdbc.sql("select id, content_type, byte_size, width, height, caption, position from activity_photo where activity_id = :activity"
				+ " order by position, id")
			.param("activity", activityId)
			.query((rs, n) -> new Photo(rs.getLong("id"), rs.getString("content_type"), rs.getInt("byte_size"), rs.getInt("width"),
					rs.getInt("height"), rs.getString("caption"), rs.getInt("position")))
			.list();
	}

	long photoCount(long activityId) {
		return jdbc.sql("select count(*) from activity_photo where activity_id = :activity").param("activity", activityId).query(Long.class).single();
	}

	/** The place after the last photo; two uploads that read the same one collide on the unique key. */
	int nextPosition(long activityId) {
		return jdbc.sql("select coalesce(max(position), -1) + 1 from activity_photo where activity_id = :activity")
			.param("activity", activityId)
			.query(Integer.class)
			.single();
	}

	long insertPhoto(long activityId, String contentType, byte[] content, int width, int height, String caption, int position, String by,
			Instant now) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("insert into activity_photo (activity_id, content_type, content, byte_size, width, height, caption, position, created_by,"
				+ " created_at) values (:activity, :type, :content, :size, :width, :height, :caption, :position, :by, :now)")
			.param("activity", activityId)
			.param("type", contentType)
			.param("content", content)
			.param("size", content.length)
			.param("width", width)
			.param("height", height)
			.param("caption", caption, Types.VARCHAR)
			.param("position", position)
			.param("by", by)
			.param("now", Timestamp.from(now))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	boolean deletePhoto(long activityId, long photoId) {
		return jdbc.sql("delete from activity_photo where id = :id and activity_id = :activity")
			.param("id", photoId)
			.param("activity", activityId)
			.update() == 1;
	}

	Optional<Image> image(long activityId, long photoId) {
		return jdbc.sql("select content_type, content from activity_photo where id = :id and activity_id = :activity")
			.param("id", photoId)
			.param("activity", activityId)
			.query((rs, n) -> new Image(rs.getString("content_type"), rs.getBytes("content")))
			.optional();
	}

	/** Registrations per status; statuses without any are absent. */
	Map<RegistrationStatus, Long> registrationsByStatus(long activityId) {
		Map<RegistrationStatus, Long> counts = new EnumMap<>(RegistrationStatus.class);
		jdbc.sql("select status, count(*) as n from registration where activity_id = :activity group by status")
			.param("activity", activityId)
			.query(rs -> {
				counts.put(RegistrationStatus.valueOf(rs.getString("status")), rs.getLong("n"));
			});
		return counts;
	}

	/**
	 * People who came without a registration, over all sessions: a known member once, each walk-in of an
	 * unknown person as one (the counting of the attendance figures).
	 */
	long walkInPeople(long activityId) {
		return jdbc.sql("select count(distinct member_id) + count(*) - count(member_id) from check_in where activity_id = :activity and walk_in")
			.param("activity", activityId)
			.query(Long.class)
			.single();
	}
}
