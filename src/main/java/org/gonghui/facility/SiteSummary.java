package org.gonghui.facility;

/** A site as other modules see it: enough to name a venue and point to it on a map. */
public record SiteSummary(long id, String name, String address, SiteType type, SiteStatus status, double lat, double lon) {
}
