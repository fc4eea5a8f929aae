package org.gonghui.facility.internal;

import org.gonghui.facility.Crs;
import org.gonghui.facility.GeoPoint;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gonghui.facility.Amenity;
import org.gonghui.facility.SiteOpened;
import org.gonghui.facility.SiteStatus;
import org.gonghui.facility.SiteType;
import org.gonghui.organization.OrganizationSummary;
import org.gonghui.organization.Organizations;
import org.gonghui.platform.AuditLog;
import org.gonghui.platform.CurrentUser;
import org.gonghui.platform.DataScope;
import org.gonghui.platform.Role;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.InvalidInputException.FieldProblem;
import org.gonghui.shared.OrgPath;
import org.gonghui.shared.PageResult;
import org.gonghui.shared.RecordNotFoundException;
import org.gonghui.shared.Text;
import org.gonghui.shared.TextChecks;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Service sites in the caller's scope: create, edit, move through their life (PLANNED → BUILDING →
 * OPEN ⇄ SUSPENDED → CLOSED), and read. Public sites are readable by anyone. Every write takes a new
 * revision and tells the nearest index after commit; the first opening publishes {@link SiteOpened}.
 */
@Service
public class SiteService {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
	static final int MAX_NAME = 100;
	static final int MAX_ADDRESS = 200;
	static final int MAX_CONTACT_NAME = 50;
	static final int MAX_CONTACT_PHONE = 30;
	static final int MAX_DESCRIPTION = 2000;
	static final int MAX_NOTE = 500;
	static final int MAX_CAPACITY = 100_000;

	/** The legal moves of a site's status; CLOSED is final. */
	private static final Map<SiteStatus, Set<SiteStatus>> MOVES = new EnumMap<>(Map.of(
			SiteStatus.PLANNED, EnumSet.of(SiteStatus.BUILDING, SiteStatus.OPEN, SiteStatus.CLOSED),
			SiteStatus.BUILDING, EnumSet.of(SiteStatus.PLANNED, SiteStatus.OPEN, SiteStatus.CLOSED),
			SiteStatus.OPEN, EnumSet.of(SiteStatus.SUSPENDED, SiteStatus.CLOSED),
			SiteStatus.SUSPENDED, EnumSet.of(SiteStatus.OPEN, SiteStatus.CLOSED),
			SiteStatus.CLOSED, EnumSet.noneOf(SiteStatus.class)));

	private static final Set<SiteStatus> CREATABLE = EnumSet.of(SiteStatus.PLANNED, SiteStatus.BUILDING, SiteStatus.OPEN);

	private static final java.util.regex.Pattern CONTACT_PHONE = java.util.regex.Pattern.compile("[+0-9][0-9 ()\\-转]{4,29}");

	private final SiteRepository sites;
	private final Organizations organizations;
	private final CurrentUser currentUser;
	private final AuditLog audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	SiteService(SiteRepository sites, Organizations organizations, CurrentUser currentUser, AuditLog audit, ApplicationEventPublisher events,
			Clock clock) {
		this.sites = sites;
		this.organizations = organizations;
		this.currentUser = currentUser;
		this.audit = audit;
		this.events = events;
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

	@Transactional
	public long create(SiteCommand c) {
		requireWriter();
		return insert(c, currentUser.username(), true);
	}

	/**
	 * Stores a new site after checking it; {@code scoped} checks the owner against the caller's scope
	 * (false only for start-up data, which has no caller).
	 */
	long insert(SiteCommand c, String actor, boolean scoped) {
		List<FieldProblem> problems = new ArrayList<>();
		Checked checked = check(c, null, problems, scoped);
		SiteStatus status = c.status() == null ? SiteStatus.PLANNED : c.status();
		if (!CREATABLE.contains(status)) {
			// A suspended or closed site is reached by a status move, which records why.
			problems.add(new FieldProblem("status", "site.status.newOnly"));
		}
		LocalDate today = today();
		LocalDate since = c.statusSince() == null ? today : c.statusSince();
		if (since.isAfter(today)) {
			problems.add(new FieldProblem("statusSince", "validation.dateInFuture"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		LocalDate openedOn = status == SiteStatus.OPEN ? since : null;
		Instant now = clock.instant();
		Site site = new Site(null, checked.organization().id(), c.type(), checked.name(), checked.address(), checked.location().lat(),
				checked.location().lon(), checked.hours().text(), checked.amenities(), c.capacity(), checked.contactName(), checked.contactPhone(),
				checked.description(), status, since, openedOn, c.isPublic() == null || c.isPublic(), sites.nextRevision(), now, now, 0);
		long id;
		try {
			id = sites.insert(site);
		}
		catch (DuplicateKeyException e) {
			// Someone stored the same name between the check and the insert.
			throw InvalidInputException.of("name", "site.name.taken");
		}
		sites.insertStatusChange(id, null, status, since, null, actor, now);
		audit.record("site.create", "site", id, site.type() + " " + site.name() + " (" + status + ")");
		Site stored = withId(site, id);
		events.publishEvent(new SiteChanged(stored));
		if (openedOn != null) {
			events.publishEvent(new SiteOpened(id, stored.organizationId(), stored.type(), openedOn));
		}
		return id;
	}

	/**
	 * Edits a site's details; status moves go through {@link #changeStatus}. {@code version} guards against
	 * lost updates. Returns false, writing nothing, when the details are what is stored already (an
	 * exported sheet imported back unedited).
	 */
	@Transactional
	public boolean update(long id, int version, SiteCommand c) {
		requireWriter();
		Site old = visible(id).site();
		List<FieldProblem> problems = new ArrayList<>();
		Checked checked = check(c, id, problems, true);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Site site = new Site(id, checked.organization().id(), c.type(), checked.name(), checked.address(), checked.location().lat(),
				checked.location().lon(), checked.hours().text(), checked.amenities(), c.capacity(), checked.contactName(), checked.contactPhone(),
				checked.description(), old.status(), old.statusSince(), old.openedOn(), c.isPublic() == null ? old.isPublic() : c.isPublic(),
				sites.nextRevision(), old.createdAt(), clock.instant(), version + 1);
		String changes = changes(old, site);
		if (changes.equals(NO_CHANGE) && old.version() == version) {
			return false; // a stale version still answers "changed by someone else" below
		}
		boolean updated;
		try {
			updated = sites.update(site, version);
		}
		catch (DuplicateKeyException e) {
			throw InvalidInputException.of("name", "site.name.taken");
		}
		if (!updated) {
			throw new OptimisticLockingFailureException("site " + id + " was changed by someone else");
		}
		audit.record("site.update", "site", id, site.name() + ": " + changes);
		events.publishEvent(new SiteChanged(site));
		return true;
	}

	/**
	 * Moves a site to another status from {@code effectiveOn} (today when null; never in the future, never
	 * before the current status began). The first move to OPEN sets {@code openedOn} and publishes
	 * {@link SiteOpened}.
	 */
	@Transactional
	public void changeStatus(long id, SiteStatus to, LocalDate effectiveOn, String note) {
		requireWriter();
		move(visible(id).site(), to, effectiveOn, note, currentUser.username());
	}

	/** A status move of start-up data (no caller, no scope). */
	void moveAsSystem(long id, SiteStatus to, LocalDate effectiveOn, String note) {
		move(sites.findById(id).orElseThrow(() -> new RecordNotFoundException("site", id)).site(), to, effectiveOn, note, "system");
	}

	/** The status move itself, for a caller already checked (or start-up data, which has none). */
	void move(Site old, SiteStatus to, LocalDate effectiveOn, String note, String actor) {
		long id = old.id();
		List<FieldProblem> problems = new ArrayList<>();
		LocalDate today = today();
		LocalDate on = effectiveOn == null ? today : effectiveOn;
		if (to == null) {
			problems.add(new FieldProblem("status", "validation.required"));
		}
		else if (!MOVES.get(old.status()).contains(to)) {
			// The statuses' labels ("开放", "建设中"), resolved with the message, not the codes.
			problems.add(new FieldProblem("status", "site.status.illegal", statusLabel(old.status()), statusLabel(to)));
		}
		if (on.isAfter(today)) {
			problems.add(new FieldProblem("effectiveOn", "validation.dateInFuture"));
		}
		else if (on.isBefore(old.statusSince())) {
			problems.add(new FieldProblem("effectiveOn", "site.status.beforeCurrent", old.statusSince()));
		}
		String cleanNote = checkLine(note, "note", MAX_NOTE, problems);
		if (to == SiteStatus.SUSPENDED || to == SiteStatus.CLOSED) {
			if (cleanNote == null) {
				problems.add(new FieldProblem("note", "site.status.reasonRequired"));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		boolean firstOpening = to == SiteStatus.OPEN && old.openedOn() == null;
		LocalDate openedOn = firstOpening ? on : to == SiteStatus.PLANNED || to == SiteStatus.BUILDING ? null : old.openedOn();
		Instant now = clock.instant();
		Site site = new Site(id, old.organizationId(), old.type(), old.name(), old.address(), old.lat(), old.lon(), old.openingHours(), old.amenities(),
				old.capacity(), old.contactName(), old.contactPhone(), old.description(), to, on, openedOn, old.isPublic(), sites.nextRevision(),
				old.createdAt(), now, old.version() + 1);
		if (!sites.update(site, old.version())) {
			throw new OptimisticLockingFailureException("site " + id + " was changed by someone else");
		}
		sites.insertStatusChange(id, old.status(), to, on, cleanNote, actor, now);
		audit.record("site.status", "site", id, old.status() + " -> " + to + " on " + on);
		events.publishEvent(new SiteChanged(site));
		if (firstOpening) {
			events.publishEvent(new SiteOpened(id, site.organizationId(), site.type(), on));
		}
	}

	/** The statuses a site may move to from {@code from}, for the status form. */
	public Set<SiteStatus> legalMoves(SiteStatus from) {
		return Set.copyOf(MOVES.get(from));
	}

	/** Which fields an edit changed, for the audit trail (values of location and owner included; they matter most). */
	private static final String NO_CHANGE = "no change";

	private static String changes(Site a, Site b) {
		List<String> changed = new ArrayList<>();
		if (a.organizationId() != b.organizationId()) {
			changed.add("organization " + a.organizationId() + " -> " + b.organizationId());
		}
		if (a.lat() != b.lat() || a.lon() != b.lon()) {
			changed.add(String.format(java.util.Locale.ROOT, "location %.6f,%.6f -> %.6f,%.6f", a.lat(), a.lon(), b.lat(), b.lon()));
		}
		if (a.isPublic() != b.isPublic()) {
			changed.add("public " + a.isPublic() + " -> " + b.isPublic());
		}
		addIfChanged(changed, "type", a.type(), b.type());
		addIfChanged(changed, "name", a.name(), b.name());
		addIfChanged(changed, "address", a.address(), b.address());
		addIfChanged(changed, "openingHours", a.openingHours(), b.openingHours());
		addIfChanged(changed, "amenities", a.amenities(), b.amenities());
		addIfChanged(changed, "capacity", a.capacity(), b.capacity());
		addIfChanged(changed, "contactName", a.contactName(), b.contactName());
		addIfChanged(changed, "contactPhone", a.contactPhone(), b.contactPhone());
		addIfChanged(changed, "description", a.description(), b.description());
		return changed.isEmpty() ? NO_CHANGE : String.join("; ", changed);
	}

	private static void addIfChanged(List<String> changed, String field, Object before, Object after) {
		if (!java.util.Objects.equals(before, after)) {
			changed.add(field);
		}
	}

	/** Organisations the caller may own sites with (their scope), for the form's picker. */
	@Transactional(readOnly = true)
	public List<OrganizationSummary> ownerChoices() {
		requireStaff();
		List<OrganizationSummary> choices = new ArrayList<>();
		for (var level : org.gonghui.organization.OrganizationLevel.values()) {
			choices.addAll(organizations.visibleAtLevel(level));
		}
		return choices;
	}

	/** The path of an organisation in the caller's scope (for filters); not found otherwise. */
	OrgPath organizationPath(long organizationId) {
		return organizations.findVisible(organizationId).map(o -> new OrgPath(o.path()))
			.orElseThrow(() -> new RecordNotFoundException("organization", organizationId));
	}

	/** A name as it will be stored (white space cleaned), to look it up before storing. */
	String cleanName(String name) {
		return Text.clean(name);
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

	/** Validates everything but the status; collects all problems at once so the form shows them together. */
	private Checked check(SiteCommand c, Long siteId, List<FieldProblem> problems, boolean scoped) {
		OrganizationSummary organization = null;
		if (c.organizationId() == null) {
			problems.add(new FieldProblem("organizationId", "validation.required"));
		}
		else {
			organization = (scoped ? organizations.findVisible(c.organizationId()) : organizations.find(c.organizationId())).orElse(null);
			if (organization == null) {
				problems.add(new FieldProblem("organizationId", "site.organization.notFound"));
			}
		}
		if (c.type() == null) {
			problems.add(new FieldProblem("type", "validation.required"));
		}
		String name = required(checkLine(c.name(), "name", MAX_NAME, problems), "name", problems);
		if (name != null && organization != null && name.length() <= MAX_NAME && sites.nameTaken(organization.id(), name, siteId)) {
			problems.add(new FieldProblem("name", "site.name.taken"));
		}
		String address = required(checkLine(c.address(), "address", MAX_ADDRESS, problems), "address", problems);
		GeoPoint location = null;
		try {
			location = Coordinates.toWgs84(c.lat(), c.lon(), c.crs());
		}
		catch (InvalidInputException e) {
			problems.addAll(e.problems());
		}
		OpeningHours hours = null;
		if (Text.clean(c.openingHours()) == null) {
			problems.add(new FieldProblem("openingHours", "validation.required"));
		}
		else {
			try {
				hours = OpeningHours.parse(c.openingHours());
			}
			catch (InvalidInputException e) {
				problems.addAll(e.problems());
			}
		}
		if (c.capacity() != null && (c.capacity() < 0 || c.capacity() > MAX_CAPACITY)) {
			problems.add(new FieldProblem("capacity", "site.capacity.range", MAX_CAPACITY));
		}
		String contactName = checkLine(c.contactName(), "contactName", MAX_CONTACT_NAME, problems);
		String contactPhone = checkLine(c.contactPhone() == null ? null : Text.toHalfWidth(c.contactPhone()), "contactPhone", MAX_CONTACT_PHONE,
				problems);
		if (contactPhone != null && contactPhone.length() <= MAX_CONTACT_PHONE && !CONTACT_PHONE.matcher(contactPhone).matches()) {
			problems.add(new FieldProblem("contactPhone", "site.contactPhone.invalid"));
		}
		String description = checkText(c.description(), "description", MAX_DESCRIPTION, problems);
		long amenities = 0;
		if (c.amenities() != null) {
			if (c.amenities().stream().anyMatch(java.util.Objects::isNull)) {
				problems.add(new FieldProblem("amenities", "validation.typeMismatch"));
			}
			else {
				amenities = Amenity.maskOf(c.amenities());
			}
		}
		return new Checked(organization, name, address, location, hours, amenities, contactName, contactPhone, description);
	}

	private record Checked(OrganizationSummary organization, String name, String address, GeoPoint location, OpeningHours hours, long amenities,
			String contactName, String contactPhone, String description) {
	}

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

	private static org.springframework.context.MessageSourceResolvable statusLabel(SiteStatus status) {
		return new org.springframework.context.support.DefaultMessageSourceResolvable("site.status." + status.name());
	}

	private void requireWriter() {
		if (!mayWrite()) {
			throw new AccessDeniedException("Not allowed to manage sites");
		}
	}

	private void requireStaff() {
		if (!currentUser.account().map(a -> a.role().isStaffLike()).orElse(false)) {
			throw new AccessDeniedException("Staff only");
		}
	}

	private static Site withId(Site s, long id) {
		return new Site(id, s.organizationId(), s.type(), s.name(), s.address(), s.lat(), s.lon(), s.openingHours(), s.amenities(), s.capacity(),
				s.contactName(), s.contactPhone(), s.description(), s.status(), s.statusSince(), s.openedOn(), s.isPublic(), s.revision(),
				s.createdAt(), s.updatedAt(), s.version());
	}

	private static String required(String value, String field, List<FieldProblem> problems) {
		if (value == null) {
			problems.add(new FieldProblem(field, "validation.required"));
		}
		return value;
	}

	static String checkLine(String text, String field, int max, List<FieldProblem> problems) {
		return TextChecks.line(text, field, max, problems);
	}

	static String checkText(String text, String field, int max, List<FieldProblem> problems) {
		return TextChecks.text(text, field, max, problems);
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

	/**
	 * A site as entered. {@code crs} says how {@code lat}/{@code lon} are given (WGS84 when null);
	 * {@code status} and {@code statusSince} matter on creation only.
	 */
	public record SiteCommand(Long organizationId, SiteType type, String name, String address, Double lat, Double lon, Crs crs,
			String openingHours, Collection<Amenity> amenities, Integer capacity, String contactName, String contactPhone, String description,
			SiteStatus status, LocalDate statusSince, Boolean isPublic) {
	}
}
