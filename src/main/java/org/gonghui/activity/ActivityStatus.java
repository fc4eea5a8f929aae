package org.gonghui.activity;

/** DRAFT (staff only) → PUBLISHED (registration may open) → CLOSED / ONGOING → FINISHED; CANCELLED from any but FINISHED. */
public enum ActivityStatus {
	DRAFT, PUBLISHED, CLOSED, ONGOING, FINISHED, CANCELLED
}
