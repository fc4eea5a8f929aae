package org.gonghui.facility;

import java.util.List;
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
}
