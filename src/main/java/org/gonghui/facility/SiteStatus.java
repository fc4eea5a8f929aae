package org.gonghui.facility;

/** A site's life: planned, being built, open, suspended for a while, closed for good. */
public enum SiteStatus {
	PLANNED,
	BUILDING,
	OPEN,
	SUSPENDED,
	CLOSED
}
