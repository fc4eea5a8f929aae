package org.gonghui.facility.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gonghui.facility.SiteStatus;
import org.gonghui.facility.SiteSummary;
import org.gonghui.facility.SiteType;
import org.gonghui.facility.Sites;
import org.gonghui.platform.CurrentUser;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
class SitesAdapter implements Sites {

	private final SiteRepository sites;
	private final CurrentUser currentUser;

	SitesAdapter(SiteRepository sites, CurrentUser currentUser) {
		this.sites = sites;
		this.currentUser = currentUser;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<SiteSummary> findUsable(long siteId) {
		return sites.findById(siteId).filter(r -> r.site().isPublic() || currentUser.scope().includes(r.organizationPath())).map(SitesAdapter::summary);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<SiteSummary> find(long siteId) {
		return sites.findById(siteId).map(SitesAdapter::summary);
	}

	@Override
	@Transactional(readOnly = true)
	public List<SiteSummary> openInScope(SiteType type, int limit) {
		return sites.search(currentUser.scope(), new SiteRepository.Filter(type, SiteStatus.OPEN, null, null), SiteRepository.Sort.NAME, 0, limit)
			.stream().map(SitesAdapter::summary).toList();
	}

	@Override
	@Transactional(readOnly = true)
	public Map<Long, SiteSummary> placesOf(Collection<Long> organizationIds) {
		Map<Long, SiteSummary> places = new LinkedHashMap<>();
		for (SiteRepository.Row r : sites.openOwnedBy(organizationIds)) {
			if (currentUser.scope().includes(r.organizationPath())) {
				places.putIfAbsent(r.site().organizationId(), summary(r));
			}
		}
		return places;
	}

	private static SiteSummary summary(SiteRepository.Row r) {
		Site s = r.site();
		return new SiteSummary(s.id(), s.name(), s.address(), s.type(), s.status(), s.lat(), s.lon());
	}
}
