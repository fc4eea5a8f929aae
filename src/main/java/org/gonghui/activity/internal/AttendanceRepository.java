package org.gonghui.activity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.gonghui.activity.ActivityKind;
import org.gonghui.activity.AttendedActivities.AttendedActivity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for "which finished activities did this member attend": a check-in row naming the member (by code or as a
 * recognised walk-in) is attendance. Starts from the member's check-ins ({@code ix_check_in_member}), so it reads a
 * handful of rows whatever the number of activities.
 */
@Repository
class AttendanceRepository {

	private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	private static final String SELECT = "select a.id, a.title, a.kind, a.organization_id, o.name as organization_name, o.path as organization_path,"
			+ " a.updated_at, a.first_session_at as first_start"
			+ " from activity a join organization o on o.id = a.organization_id"
			+ " where a.status = 'FINISHED' and a.id in (select c.activity_id from check_in c where c.member_id = :member)";

	private final JdbcClient jdbc;

	AttendanceRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<AttendedActivity> finishedAttendedBy(long memberId, int limit) {
		return jdbc.sql("select * from (" + SELECT + ") x order by coalesce(x.first_start, x.updated_at) desc, x.id desc limit :limit")
			.param("member", memberId)
			.param("limit", limit)
			.query(AttendanceRepository::map)
			.list();
	}

	Optional<AttendedActivity> finishedAttendedBy(long memberId, long activityId) {
		return jdbc.sql(SELECT + " and a.id = :activity").param("member", memberId).param("activity", activityId).query(AttendanceRepository::map).optional();
	}

	private static AttendedActivity map(ResultSet rs, int n) throws SQLException {
		Timestamp first = rs.getTimestamp("first_start");
		Timestamp day = first != null ? first : rs.getTimestamp("updated_at");
		return new AttendedActivity(rs.getLong("id"), rs.getString("title"), ActivityKind.valueOf(rs.getString("kind")), rs.getLong("organization_id"),
				rs.getString("organization_name"), rs.getString("organization_path"), LocalDate.ofInstant(day.toInstant(), BEIJING));
	}
}
