package org.gonghui.facility;

import java.time.LocalDate;

/**
 * A site became OPEN for the first time (created open, or moved to OPEN from planning or building).
 * Re-opening after a suspension is not a new opening. The work-plan module counts these against the
 * year's targets (e.g. "50 outdoor worker stations this year").
 */
public record SiteOpened(long siteId, long organizationId, SiteType type, LocalDate openedOn) {
}
