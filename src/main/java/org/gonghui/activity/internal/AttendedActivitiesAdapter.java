package org.gonghui.activity.internal;

import java.util.List;
import java.util.Optional;

import org.gonghui.activity.AttendedActivities;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Finished activities a member attended, for other modules (care's satisfaction ratings); see {@link AttendedActivities}. */
@Component
class AttendedActivitiesAdapter implements AttendedActivities {

	private static final int MAX_LIMIT = 500;

	private final AttendanceRepository attendance;

	AttendedActivitiesAdapter(AttendanceRepository attendance) {
		this.attendance = attendance;
	}

	@Override
	@Transactional(readOnly = true)
	public List<AttendedActivity> finishedAttendedBy(long memberId, int limit) {
		return attendance.finishedAttendedBy(memberId, Math.max(0, Math.min(limit, MAX_LIMIT)));
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<AttendedActivity> finishedAttendedBy(long memberId, long activityId) {
		return attendance.finishedAttendedBy(memberId, activityId);
	}
}
