package org.gonghui.activity.internal;

import java.util.Optional;

import org.gonghui.activity.ActivityStatus;
import org.gonghui.activity.Audience;
import org.gonghui.member.MemberSummary;
import org.gonghui.platform.CurrentUser;
import org.gonghui.platform.Role;
import org.gonghui.shared.OrgPath;
import org.gonghui.shared.RecordNotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may see and manage an activity: staff see the activities of their scope, workers the published ones
 * whose audience holds them; anything else is not found, exactly as a missing id. Every service of the
 * module asks here, so the rule changes in one place.
 */
@Component
class ActivityAccess {

	private final ActivityRepository activities;
	private final ActivityDetailsRepository details;
	private final CurrentUser currentUser;

	ActivityAccess(ActivityRepository activities, ActivityDetailsRepository details, CurrentUser currentUser) {
		this.activities = activities;
		this.details = details;
		this.currentUser = currentUser;
	}

	/** An activity a worker may see: published (or running, closed) and with the member in its audience; else not found. */
	ActivityRepository.Activity visibleTo(MemberSummary member, long id) {
		return visibleTo(member, activities.findById(id), id);
	}

	/** {@link #visibleTo(MemberSummary, long)} for an activity already read. */
	ActivityRepository.Activity visibleTo(MemberSummary member, Optional<ActivityRepository.Activity> activity, long id) {
		return activity
			.filter(a -> a.status() == ActivityStatus.PUBLISHED || a.status() == ActivityStatus.CLOSED || a.status() == ActivityStatus.ONGOING)
			.filter(a -> inAudience(a, member))
			.orElseThrow(() -> new RecordNotFoundException("activity", id));
	}

	/** The audience rule: who may register for the activity. */
	boolean inAudience(ActivityRepository.Activity a, MemberSummary member) {
		return switch (a.audience()) {
			case ALL_MEMBERS -> true;
			case ORGANIZATION_SUBTREE -> new OrgPath(member.unionPath()).isWithin(a.organizationPath());
			case EMPLOYERS, NAMED_LIST -> details.listed(a.id(), member.id(), a.audience() == Audience.EMPLOYERS ? member.employerId() : null);
		};
	}

	/** An activity in the caller's scope; else not found. */
	ActivityRepository.Activity visible(long id) {
		return visible(activities.findById(id), id);
	}

	/** {@link #visible(long)} for an activity already read. */
	ActivityRepository.Activity visible(Optional<ActivityRepository.Activity> activity, long id) {
		return activity.filter(a -> currentUser.scope().includes(a.organizationPath())).orElseThrow(() -> new RecordNotFoundException("activity", id));
	}

	boolean mayWrite() {
		return currentUser.account().map(a -> a.role() == Role.ADMIN || a.role() == Role.STAFF || a.role() == Role.UNION_CHAIR).orElse(false);
	}

	void requireWriter() {
		if (!mayWrite()) {
			throw new AccessDeniedException("Not allowed to manage activities");
		}
	}
}
