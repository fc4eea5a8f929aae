package org.gonghui.activity;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The activity module's API for services that follow up on what a member took part in (care's satisfaction
 * ratings, issue 14). A member took part in an activity when they were checked in at least once: with their
 * registration's code, or as a walk-in whom staff recognised as that member; a registration alone is no attendance.
 * Only FINISHED activities are offered: until the finish the activity has not fully happened and attendance is not
 * final. A caravan (心理关爱大篷车) is an activity of kind CARAVAN, so whoever was checked in at its visit took part in it.
 * <p>
 * No data-scope check: the caller asks about one member (the signed-in worker, as a rule) and the answer names
 * nobody, only the activities and their organisers.
 */
public interface AttendedActivities {

	/** The FINISHED activities the member was checked in at, most recent first, at most {@code limit}. */
	List<AttendedActivity> finishedAttendedBy(long memberId, int limit);

	/** The activity, if it is FINISHED and the member was checked in at it; empty otherwise (unknown included). */
	Optional<AttendedActivity> finishedAttendedBy(long memberId, long activityId);

	/**
	 * A finished activity a member attended: its organiser (with the organiser's current path in the tree, for the
	 * caller's scope rules) and the day it was held: its first session's day in Beijing time, or the day it finished
	 * when it has no sessions.
	 */
	record AttendedActivity(long id, String title, ActivityKind kind, long organizationId, String organizationName, String organizationPath,
			LocalDate heldOn) {
	}
}
