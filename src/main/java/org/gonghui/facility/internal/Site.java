package org.gonghui.facility.internal;

import java.time.Instant;
import java.time.LocalDate;

import org.gonghui.facility.SiteStatus;
import org.gonghui.facility.SiteType;

/** A service site as stored: WGS-84 location, canonical opening hours text, amenities as a bit mask. */
record Site(Long id, long organizationId, SiteType type, String name, String address, double lat, double lon, String openingHours,
		long amenities, Integer capacity, String contactName, String contactPhone, String description, SiteStatus status,
		LocalDate statusSince, LocalDate openedOn, boolean isPublic, long revision, Instant createdAt, Instant updatedAt, int version) {

	/** Only open public sites are offered to workers (the nearest index holds exactly these). */
	boolean findable() {
		return isPublic && status == SiteStatus.OPEN;
	}
}
