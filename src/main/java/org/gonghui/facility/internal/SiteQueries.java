package org.gonghui.facility.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.gonghui.facility.Amenity;
import org.gonghui.facility.GeoPoint;
import org.gonghui.facility.SiteStatus;
import org.gonghui.facility.SiteType;
import org.gonghui.organization.OrganizationSummary;
import org.gonghui.organization.Organizations;
import org.gonghui.platform.CurrentUser;
import org.gonghui.platform.DataScope;
import org.gonghui.platform.Role;
import org.gonghui.shared.OrgPath;
import org.gonghui.shared.PageResult;
import org.gonghui.shared.RecordNotFoundException;
import org.gonghui.shared.Text;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The read side of the site registry: lists, counts, one site for staff or for the public, its status
 * history, and who may see or edit what. Writes are in {@link SiteService}; they change for other reasons
 * (the status rules, the audit trail) than the pages and the API do.
 */
@Service
public class SiteQueries {

	/** Sites open and close on Beijing time, whatever zone the server runs in. */
	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private final SiteRepository sites;
	private final Organizations organizations;
	private final CurrentUser currentUser;
	private final Clock clock;

	SiteQueries(SiteRepository sites, Organizations organizations, CurrentUser currentUser, Clock clock) {
		this.sites = sites;
		this.organizations = organizations;
		this.currentUser = currentUser;
		this.clock = clock;
	}

	/** Sites in the caller's scope matching the filters; an organisation filter outside the scope answers not found. */
	@Transactional(readOnly = true)
	public PageResult<SiteView> search(SiteQuery query, PageResult.Request page) {
		requireStaff();
		DataScope scope = currentUser.scope();
		SiteRepository.Filter filter = filter(query);
		long total = sites.count(scope, filter);
		LocalDateTime now = now();
		List<SiteView> rows = sites.search(scope, filter, query.sortOrDefault(), page.offset(), page.size()).stream()
			.map(r -> view(r, now, true))
			.toList();
		return new PageResult<>(rows, page.page(), page.size(), total);
	}

	/** Counts per type and status in the caller's scope. */
	@Transactional(readOnly = true)
	public Map<SiteType, Map<SiteStatus, Long>> tally() {
		requireStaff();
		Map<SiteType, Map<SiteStatus, Long>> tally = new EnumMap<>(SiteType.class);
		for (SiteRepository.Tally t : sites.tally(currentUser.scope())) {
			tally.computeIfAbsent(t.type(), k -> new EnumMap<>(SiteStatus.class)).put(t.status(), t.count());
		}
		return tally;
	}

	/** A site for staff in scope. */
	@Transactional(readOnly = true)
	public SiteView get(long id) {
		return view(visible(id), now(), mayWrite());
	}

	/**
	 * A site as the public sees it: public sites to anyone, any site to staff in scope; everything else
	 * is not found, exactly as a missing id.
	 */
	@Transactional(readOnly = true)
	public SiteView getPublic(long id) {
		SiteRepository.Row row = sites.findById(id).orElseThrow(() -> new RecordNotFoundException("site", id));
		boolean inScope = currentUser.scope().includes(row.organizationPath());
		if (!row.site().isPublic() && !inScope) {
			throw new RecordNotFoundException("site", id);
		}
		SiteView view = view(row, now(), inScope && mayWrite());
		return inScope ? view : view.forPublic();
	}

	@Transactional(readOnly = true)
	public List<StatusLine> history(long id) {
		visible(id);
		return sites.statusHistory(id).stream()
			.map(c -> new StatusLine(c.from(), c.to(), c.effectiveOn(), c.note(), c.actor(), LocalDateTime.ofInstant(c.occurredAt(), ZONE)))
			.toList();
	}

	/** The path of an organisation in the caller's scope (for filters); not found otherwise. */
	OrgPath organizationPath(long organizationId) {
		return organizations.findVisible(organizationId).map(o -> new OrgPath(o.path()))
			.orElseThrow(() -> new RecordNotFoundException("organization", organizationId));
	}

	public boolean mayWrite() {
		return currentUser.account().map(a -> a.role() == Role.ADMIN || a.role() == Role.STAFF || a.role() == Role.UNION_CHAIR).orElse(false);
	}

	public LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), ZONE);
	}

	LocalDateTime now() {
		return LocalDateTime.ofInstant(clock.instant(), ZONE);
	}

	/** A site in the caller's scope; out of scope answers not found, exactly as a missing id. */
	SiteRepository.Row visible(long id) {
		return sites.findById(id).filter(r -> currentUser.scope().includes(r.organizationPath()))
			.orElseThrow(() -> new RecordNotFoundException("site", id));
	}

	private SiteRepository.Filter filter(SiteQuery q) {
		OrgPath orgPath = null;
		if (q.organizationId() != null) {
			OrganizationSummary org = organizations.findVisible(q.organizationId())
				.orElseThrow(() -> new RecordNotFoundException("organization", q.organizationId()));
			orgPath = new OrgPath(org.path());
		}
		return new SiteRepository.Filter(q.type(), q.status(), Text.clean(q.text()), orgPath);
	}

	SiteView view(SiteRepository.Row row, LocalDateTime now, boolean mayEdit) {
		Site s = row.site();
		OpeningHours hours = OpeningHours.parse(s.openingHours());
		GeoPoint gcj = ChinaCoordinates.wgsToGcj(new GeoPoint(s.lat(), s.lon()));
		return new SiteView(s.id(), s.organizationId(), row.organizationName(), s.type(), s.name(), s.address(), s.lat(), s.lon(), gcj.lat(),
				gcj.lon(), hours.text(), hours.week().stream().map(d -> new DayHours(d.day(), d.intervals(), d.intervals().isEmpty())).toList(), List.copyOf(Amenity.fromMask(s.amenities())), s.capacity(), s.contactName(), s.contactPhone(),
				s.description(), s.status(), s.statusSince(), s.openedOn(), s.isPublic(), s.status() == SiteStatus.OPEN && hours.isOpenAt(now),
				Navigation.amapUrl(gcj, s.name()), LocalDateTime.ofInstant(s.updatedAt(), ZONE), s.version(), mayEdit);
	}

	private void requireStaff() {
		if (!currentUser.account().map(a -> a.role().isStaffLike()).orElse(false)) {
			throw new AccessDeniedException("Staff only");
		}
	}

	/** List filters and order; each filter may be null. */
	public record SiteQuery(SiteType type, SiteStatus status, String text, Long organizationId, String sort) {

		SiteRepository.Sort sortOrDefault() {
			if (sort != null) {
				for (SiteRepository.Sort s : SiteRepository.Sort.values()) {
					if (s.name().equalsIgnoreCase(sort)) {
						return s;
					}
				}
			}
			return SiteRepository.Sort.NAME;
		}
	}

	/**
	 * A site as staff or the API give it. {@code lat}/{@code lon} are WGS-84; {@code latGcj}/{@code lonGcj}
	 * the GCJ-02 form for Chinese map apps. {@code isPublic} is named so for JSON ({@code public} is a keyword).
	 */
	public record SiteView(long id, long organizationId, String organizationName, SiteType type, String name, String address, double lat,
			double lon, double latGcj, double lonGcj, String openingHours, List<DayHours> week, List<Amenity> amenities,
			Integer capacity, String contactName, String contactPhone, String description, SiteStatus status, LocalDate statusSince,
			LocalDate openedOn, @com.fasterxml.jackson.annotation.JsonProperty("public") boolean isPublic, boolean openNow, String navigateUrl, LocalDateTime updatedAt, int version, boolean mayEdit) {

		/**
		 * What anyone may see: the site's service phone stays (it is the number on the station's sign, and the
		 * form says it is public), the contact person's name does not.
		 */
		SiteView forPublic() {
			return new SiteView(id, organizationId, organizationName, type, name, address, lat, lon, latGcj, lonGcj, openingHours, week, amenities,
					capacity, null, contactPhone, description, status, statusSince, openedOn, isPublic, openNow, navigateUrl, updatedAt, version,
					false);
		}
	}

	/** One weekday's opening ranges for the site page ("08:00–18:00"; a range past midnight shows on the day it starts). */
	public record DayHours(java.time.DayOfWeek day, List<String> intervals, boolean closed) {
	}

	/** A line of the status history. */
	public record StatusLine(SiteStatus from, SiteStatus to, LocalDate effectiveOn, String note, String actor, LocalDateTime at) {
	}
}
