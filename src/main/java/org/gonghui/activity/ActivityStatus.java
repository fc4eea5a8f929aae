package org.gonghui.activity;

import java.util.EnumSet;
import java.util.Set;

/**
 * DRAFT (staff only) → PUBLISHED (registration may open) ⇄ CLOSED (registration stopped early) → ONGOING →
 * FINISHED; CANCELLED from any status before the activity starts.
 */
public enum ActivityStatus {
	DRAFT, PUBLISHED, CLOSED, ONGOING, FINISHED, CANCELLED;

	public Set<ActivityStatus> next() {
		return switch (this) {
			case DRAFT -> EnumSet.of(PUBLISHED, CANCELLED);
			case PUBLISHED -> EnumSet.of(CLOSED, ONGOING, CANCELLED);
			case CLOSED -> EnumSet.of(PUBLISHED, ONGOING, CANCELLED);
			case ONGOING -> EnumSet.of(FINISHED);
			case FINISHED, CANCELLED -> EnumSet.noneOf(ActivityStatus.class);
		};
	}

	public boolean mayMoveTo(ActivityStatus to) {
		return next().contains(to);
	}

	/** Whether details (title, capacity, window) may still be edited. */
	public boolean editable() {
		return this == DRAFT || this == PUBLISHED || this == CLOSED;
	}
}
