package org.gonghui.care;

/**
 * A booking's life: booked by the worker, confirmed by the counsellor, then done or a no-show once the time has
 * come; the worker may cancel before the cut-off. Every status but CANCELLED holds the slot.
 */
public enum BookingStatus {
	BOOKED, CONFIRMED, DONE, NO_SHOW, CANCELLED;

	public boolean holdsSlot() {
		return this != CANCELLED;
	}

	/** The moves the rules allow; everything else is refused. */
	public boolean mayMoveTo(BookingStatus to) {
		return switch (this) {
			case BOOKED -> to == CONFIRMED || to == DONE || to == NO_SHOW || to == CANCELLED;
			case CONFIRMED -> to == DONE || to == NO_SHOW || to == CANCELLED;
			case DONE, NO_SHOW, CANCELLED -> false;
		};
	}

	/** Still ahead: the worker may cancel it (before the cut-off) and the counsellor may confirm or close it. */
	public boolean upcoming() {
		return this == BOOKED || this == CONFIRMED;
	}
}
