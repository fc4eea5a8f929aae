package org.gonghui.care;

/** A slot is open for booking, held by exactly one active booking, or withdrawn by the counsellor. */
public enum SlotStatus {
	OPEN, BOOKED, WITHDRAWN
}
