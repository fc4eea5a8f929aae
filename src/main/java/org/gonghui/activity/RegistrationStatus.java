package org.gonghui.activity;

import java.util.EnumSet;
import java.util.Set;

/**
 * A registration's life, after the state machine CiviCRM users know: a seat (REGISTERED), a place in the
 * queue (WAITLISTED), waiting for the organiser (PENDING_APPROVAL), a freed seat offered to the head of the
 * queue until a deadline (OFFERED), and the ends: CANCELLED, ATTENDED, NO_SHOW.
 */
public enum RegistrationStatus {
	REGISTERED, WAITLISTED, PENDING_APPROVAL, OFFERED, CANCELLED, ATTENDED, NO_SHOW;

	/** Whether a registration in this status holds one of the activity's seats. */
	public boolean holdsSeat() {
		return this == REGISTERED || this == OFFERED || this == ATTENDED || this == NO_SHOW;
	}

	/** The statuses this one may move to; the rest are refused. */
	public Set<RegistrationStatus> next() {
		return switch (this) {
			case REGISTERED -> EnumSet.of(CANCELLED, ATTENDED, NO_SHOW);
			case WAITLISTED -> EnumSet.of(OFFERED, CANCELLED);
			case PENDING_APPROVAL -> EnumSet.of(REGISTERED, WAITLISTED, CANCELLED);
			case OFFERED -> EnumSet.of(REGISTERED, CANCELLED);
			case CANCELLED, ATTENDED, NO_SHOW -> EnumSet.noneOf(RegistrationStatus.class);
		};
	}

	public boolean mayMoveTo(RegistrationStatus to) {
		return next().contains(to);
	}
}
