package org.gonghui.facility.internal;

import org.gonghui.facility.Crs;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
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
import org.gonghui.platform.AuditLog;
import org.gonghui.platform.CurrentUser;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.InvalidInputException.FieldProblem;
import org.gonghui.shared.RecordNotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Service sites in the caller's scope: create, edit, move through their life (PLANNED → BUILDING →
 * OPEN ⇄ SUSPENDED → CLOSED). Every write takes a new revision and tells the nearest index after commit;
 * the first opening publishes {@link SiteOpened}. Reading is in {@link SiteQueries}, the checks of the
 * details in {@link SiteChecks}.
 */
@Service
public class SiteService {

	static final int MAX_NOTE = 500;

	/** The legal moves of a site's status; CLOSED is final. */
	private static final Map<SiteStatus, Set<SiteStatus>> MOVES = new EnumMap<>(Map.of(
			SiteStatus.PLANNED, EnumSet.of(SiteStatus.BUILDING, SiteStatus.OPEN, SiteStatus.CLOSED),
			SiteStatus.BUILDING, EnumSet.of(SiteStatus.PLANNED, SiteStatus.OPEN, SiteStatus.CLOSED),
			SiteStatus.OPEN, EnumSet.of(SiteStatus.SUSPENDED, SiteStatus.CLOSED),
			SiteStatus.SUSPENDED, EnumSet.of(SiteStatus.OPEN, SiteStatus.CLOSED),
			SiteStatus.CLOSED, EnumSet.noneOf(SiteStatus.class)));

	private static final Set<SiteStatus> CREATABLE = EnumSet.of(SiteStatus.PLANNED, SiteStatus.BUILDING, SiteStatus.OPEN);

	private final SiteRepository sites;
	private final SiteQueries queries;
	private final SiteChecks checks;
	private final CurrentUser currentUser;
	private final AuditLog audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	SiteService(SiteRepository sites, SiteQueries queries, SiteChecks checks, CurrentUser currentUser, AuditLog audit,
			ApplicationEventPublisher events, Clock clock) {
		this.sites = sites;
		this.queries = queries;
		this.checks = checks;
		this.currentUser = currentUser;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
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
		SiteChecks.Checked checked = checks.check(c, null, problems, scoped);
		SiteStatus status = c.status() == null ? SiteStatus.PLANNED : c.status();
		if (!CREATABLE.contains(status)) {
			// A suspended or closed site is reached by a status move, which records why.
			problems.add(new FieldProblem("status", "site.status.newOnly"));
		}
		LocalDate today = queries.today();
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
		Site old = queries.visible(id).site();
		List<FieldProblem> problems = new ArrayList<>();
		SiteChecks.Checked checked = checks.check(c, id, problems, true);
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
		move(queries.visible(id).site(), to, effectiveOn, note, currentUser.username());
	}

	/** A status move of start-up data (no caller, no scope). */
	void moveAsSystem(long id, SiteStatus to, LocalDate effectiveOn, String note) {
		move(sites.findById(id).orElseThrow(() -> new RecordNotFoundException("site", id)).site(), to, effectiveOn, note, "system");
	}

	/** The status move itself, for a caller already checked (or start-up data, which has none). */
	void move(Site old, SiteStatus to, LocalDate effectiveOn, String note, String actor) {
		long id = old.id();
		List<FieldProblem> problems = new ArrayList<>();
		LocalDate today = queries.today();
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
		String cleanNote = SiteChecks.checkLine(note, "note", MAX_NOTE, problems);
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

	private static org.springframework.context.MessageSourceResolvable statusLabel(SiteStatus status) {
		return new org.springframework.context.support.DefaultMessageSourceResolvable("site.status." + status.name());
	}

	private void requireWriter() {
		if (!queries.mayWrite()) {
			throw new AccessDeniedException("Not allowed to manage sites");
		}
	}

	private static Site withId(Site s, long id) {
		return new Site(id, s.organizationId(), s.type(), s.name(), s.address(), s.lat(), s.lon(), s.openingHours(), s.amenities(), s.capacity(),
				s.contactName(), s.contactPhone(), s.description(), s.status(), s.statusSince(), s.openedOn(), s.isPublic(), s.revision(),
				s.createdAt(), s.updatedAt(), s.version());
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
