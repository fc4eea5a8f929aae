package org.gonghui.facility;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The facility module's API for other modules: a site as a venue (activities held at a 职工之家). */
public interface Sites {

	/**
	 * The site, if the caller may hold an activity there: a public site, or any site in the caller's
	 * data scope. Empty otherwise, so a venue picker cannot reveal sites outside the scope.
	 */
	Optional<SiteSummary> findUsable(long siteId);

	/** The site regardless of scope, for showing the venue of an activity already published. */
	Optional<SiteSummary> find(long siteId);

	/**
	 * Open sites of a type in the caller's data scope, by name, at most {@code limit}: the rooms a counsellor of
	 * 朝阳 may hold appointments in, for a picker.
	 */
	List<SiteSummary> openInScope(SiteType type, int limit);

	/**
	 * Where each of these organisations in the caller's data scope can be put on a map: its own open 职工之家, else
	 * its first other open site. Organisations without one, or outside the scope, are missing from the answer
	 * (organisations have no address of their own; their sites do).
	 */
	Map<Long, SiteSummary> placesOf(Collection<Long> organizationIds);
}
