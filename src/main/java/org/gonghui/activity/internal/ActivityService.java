package org.gonghui.activity.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.gonghui.activity.ActivityKind;
import org.gonghui.activity.ActivityStatus;
import org.gonghui.activity.Audience;
import org.gonghui.facility.Sites;
import org.gonghui.member.MemberSummary;
import org.gonghui.organization.OrganizationSummary;
import org.gonghui.organization.Organizations;
import org.gonghui.platform.AuditLog;
import org.gonghui.platform.CurrentUser;
import org.gonghui.platform.Role;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.InvalidInputException.FieldProblem;
import org.gonghui.shared.OrgPath;
import org.gonghui.shared.PageResult;
import org.gonghui.shared.RecordNotFoundException;
import org.gonghui.shared.Text;
import org.gonghui.shared.TextChecks;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Activities in the caller's scope: create (a draft, with sessions, co-organisers, experts, venue and
 * audience), edit the details, list and read. Status moves are in {@link ActivityLifecycle}.
 */
@Service
public class ActivityService {

	static final int MAX_TITLE = 200;
	static final int MAX_DESCRIPTION = 4000;
	static final int MAX_VENUE = 200;
	static final int MAX_CAPACITY = 100_000;
	static final int MAX_SESSIONS = 100;

	private final ActivityRepository activities;
	private final ActivityDetailsRepository details;
	private final ActivityInput input;
	private final Waitlist waitlist;
	private final Organizations organizations;
	private final org.gonghui.member.Members members;
	private final Sites sites;
	private final CurrentUser currentUser;
	private final AuditLog audit;
	private final Clock clock;

	ActivityService(ActivityRepository activities, ActivityDetailsRepository details, ActivityInput input, Waitlist waitlist,
			Organizations organizations, org.gonghui.member.Members members, Sites sites, CurrentUser currentUser, AuditLog audit, Clock clock) {
		this.members = members;
		this.waitlist = waitlist;
		this.activities = activities;
		this.details = details;
		this.input = input;
		this.organizations = organizations;
		this.sites = sites;
		this.currentUser = currentUser;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Creates an activity. Competitions and caravans are created by their own services (they need their
	 * rounds or their request), so they are refused here.
	 */
	@Transactional
	public long create(NewActivity c) {
		if (c.kind() == ActivityKind.COMPETITION || c.kind() == ActivityKind.CARAVAN) {
			requireWriter();
			throw InvalidInputException.of("kind", "activity.kind.ownPage");
		}
		return createOwned(c);
	}

	/** {@link #create} for the services that own competitions and caravans. */
	@Transactional
	long createOwned(NewActivity c) {
		requireWriter();
		List<FieldProblem> problems = new ArrayList<>();
		OrganizationSummary organiser = null;
		if (c.organizationId() == null) {
			problems.add(new FieldProblem("organizationId", "validation.required"));
		}
		else {
			organiser = organizations.findVisible(c.organizationId()).orElse(null);
			if (organiser == null) {
				problems.add(new FieldProblem("organizationId", "activity.organization.notFound"));
			}
		}
		if (c.kind() == null) {
			problems.add(new FieldProblem("kind", "validation.required"));
		}
		Fields f = fields(c.title(), c.description(), c.venue(), c.siteId(), c.capacity(), c.registrationOpensAt(), c.registrationClosesAt(), problems);
		List<NewSession> sessions = c.sessions() == null ? List.of() : c.sessions();
		checkSessions(sessions, problems);
		Audience audience = c.audience() == null ? Audience.ORGANIZATION_SUBTREE : c.audience();
		var employers = input.employers(audience, c.audienceEmployerIds(), problems);
		var named = input.members(audience, c.audienceMemberIds(), problems);
		var coOrganizers = input.coOrganizers(c.coOrganizers(), problems);
		var experts = input.experts(c.experts(), problems);
		String issuer = TextChecks.line(c.issuer(), "issuer", 100, problems);
		checkCamp(c.kind(), c.completionRule(), issuer, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		// Default window: from publishing until the first session starts.
		Instant closes = c.registrationClosesAt() != null ? c.registrationClosesAt()
				: sessions.stream().map(NewSession::startsAt).filter(java.util.Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
		if (c.registrationOpensAt() != null && closes != null && !c.registrationOpensAt().isBefore(closes)) {
			throw InvalidInputException.of("registrationOpensAt", "activity.window.opensAfterStart");
		}
		Instant now = clock.instant();
		long id = activities.insert(organiser.id(), c.kind(), f.title(), f.description(), f.venue(), c.siteId(), c.capacity(),
				Boolean.TRUE.equals(c.waitlistEnabled()), Boolean.TRUE.equals(c.approvalRequired()), audience, c.registrationOpensAt(), closes,
				currentUser.username(), now);
		for (int i = 0; i < sessions.size(); i++) {
			NewSession s = sessions.get(i);
			var type = org.gonghui.activity.SessionType.parse(s.type());
			activities.insertSession(id, i, Text.clean(s.title()), type == null ? "OTHER" : type.name(), s.startsAt(), s.endsAt(),
					s.counts() == null || s.counts(), Text.clean(s.host()), Text.clean(s.place()));
		}
		details.replaceCoOrganizers(id, coOrganizers);
		details.replaceExperts(id, experts);
		details.addAudienceEmployers(id, employers);
		details.addAudienceMembers(id, named);
		if (c.kind() == ActivityKind.TRAINING_CAMP) {
			activities.setCamp(id, c.completionRule() == null ? null : c.completionRule().minAttendanceShare(),
					c.completionRule() != null && Boolean.TRUE.equals(c.completionRule().finalAssessment()), issuer);
		}
		audit.record("activity.create", "activity", id, c.kind() + " " + f.title() + " (" + c.capacity() + " seats, " + audience + ")");
		return id;
	}

	/**
	 * Edits the details of an activity that has not started. Capacity may not drop below the seats already
	 * taken (a clear refusal, nothing stored); a capacity that grows offers the new seats to the waitlist.
	 */
	@Transactional
	public void update(long id, ActivityEdit e) {
		requireWriter();
		ActivityRepository.Activity a = visible(id);
		if (!a.status().editable()) {
			throw InvalidInputException.of("status", "activity.edit.notEditable");
		}
		List<FieldProblem> problems = new ArrayList<>();
		if (e.version() == null) {
			problems.add(new FieldProblem("version", "validation.required"));
		}
		Fields f = fields(e.title(), e.description(), e.venue(), e.siteId(), e.capacity(), e.registrationOpensAt(), e.registrationClosesAt(),
				problems);
		var coOrganizers = input.coOrganizers(e.coOrganizers(), problems);
		var experts = input.experts(e.experts(), problems);
		boolean waitlistOn = Boolean.TRUE.equals(e.waitlistEnabled());
		if (!waitlistOn && a.waitlistEnabled() && activities.waitlisted(id) > 0) {
			problems.add(new FieldProblem("waitlistEnabled", "activity.waitlist.notEmpty"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		var outcome = activities.update(id, e.version(), f.title(), f.description(), f.venue(), e.siteId(), e.capacity(), waitlistOn,
				e.registrationOpensAt(), e.registrationClosesAt(), clock.instant());
		switch (outcome) {
			case STALE -> throw new OptimisticLockingFailureException("activity " + id + " changed meanwhile");
			case BELOW_TAKEN -> throw InvalidInputException.of("capacity", "activity.capacity.belowTaken", visible(id).seatsTaken());
			case DONE -> {
			}
		}
		// Lists left out of the edit (null) stay as they are; an empty list clears them.
		if (e.coOrganizers() != null) {
			details.replaceCoOrganizers(id, coOrganizers);
		}
		if (e.experts() != null) {
			details.replaceExperts(id, experts);
		}
		if (e.capacity() > a.capacity()) {
			waitlist.offerFreeSeats(id);
		}
		String capacityChange = a.capacity() != e.capacity() ? " capacity " + a.capacity() + " -> " + e.capacity() : "";
		audit.record("activity.update", "activity", id, f.title() + capacityChange);
	}

	/**
	 * Employer ids for an EMPLOYERS audience typed as names or credit codes, one per line, matched in the
	 * organiser's subtree; a line that matches nothing (or more than one) is a field problem naming the line.
	 */
	@Transactional(readOnly = true)
	public List<Long> employerIds(Long organiserId, List<String> lines) {
		requireWriter();
		if (organiserId != null && organizations.findVisible(organiserId).isEmpty()) {
			throw InvalidInputException.of("organizationId", "activity.organization.notFound");
		}
		List<Long> ids = new ArrayList<>();
		List<FieldProblem> problems = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			String line = Text.clean(lines.get(i));
			if (line == null) {
				continue;
			}
			var match = organiserId == null ? java.util.Optional.<org.gonghui.organization.EmployerSummary>empty()
					: organizations.matchEmployer(organiserId, line);
			if (match.isEmpty()) {
				problems.add(new FieldProblem("audienceEmployers", "activity.audience.employerLine", i + 1, line));
			}
			else {
				ids.add(match.get().id());
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return ids;
	}

	/** Member ids for a NAMED_LIST audience typed as card numbers, one per line, in the caller's scope. */
	@Transactional(readOnly = true)
	public List<Long> memberIdsByCard(List<String> lines) {
		requireWriter();
		List<Long> ids = new ArrayList<>();
		List<FieldProblem> problems = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			String line = Text.clean(lines.get(i));
			if (line == null) {
				continue;
			}
			var member = members.findByCardNumber(line).filter(m -> currentUser.scope().includes(new OrgPath(m.unionPath())));
			if (member.isEmpty()) {
				problems.add(new FieldProblem("audienceMembers", "activity.audience.memberLine", i + 1, line));
			}
			else {
				ids.add(member.get().id());
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return ids;
	}

	/** The organiser a new activity or competition form names first: the caller's own organisation; staff only. */
	public Long defaultOrganiser() {
		requireWriter();
		return ownOrganisation();
	}

	/** The caller's own organisation, the first value of a unit picker; null for callers without one. */
	public Long ownOrganisation() {
		return currentUser.account().map(org.gonghui.platform.AccountRef::organizationId).orElse(null);
	}

	@Transactional(readOnly = true)
	public ActivityView get(long id) {
		return view(visible(id));
	}

	/** Activities of the caller's scope for the staff list, filtered, sorted and paged. */
	@Transactional(readOnly = true)
	public PageResult<ActivityLine> list(ActivityQuery q, PageResult.Request page) {
		requireWriter();
		String scope = currentUser.scope().pathPattern();
		var filter = new ActivityRepository.Filter(q.status(), q.kind(), Text.clean(q.text()));
		var sort = q.sort() == null ? ActivityRepository.Sort.STARTS : ActivityRepository.Sort.valueOf(q.sort().name());
		long total = activities.count(scope, filter);
		var lines = activities.search(scope, filter, sort, page.offset(), page.size()).stream()
			.map(l -> new ActivityLine(l.activity().id(), l.activity().title(), l.activity().kind(), l.activity().organizationName(),
					l.activity().status(), l.activity().capacity(), l.activity().seatsTaken(), l.waitlisted(), l.firstStart()))
			.toList();
		return new PageResult<>(lines, page.page(), page.size(), total);
	}

	/** Published activities the member may join, soonest closing first. */
	@Transactional(readOnly = true)
	public List<ActivityView> openFor(MemberSummary member) {
		return activities.openFor(new OrgPath(member.unionPath()).ids(), member.id(), member.employerId(), 100).stream().map(this::view).toList();
	}

	/** An activity a worker may see: published (or running, closed) and with the member in its audience; else not found. */
	ActivityRepository.Activity visibleTo(MemberSummary member, long id) {
		return visibleTo(member, activities.findById(id), id);
	}

	/** {@link #visibleTo(MemberSummary, long)} for an activity already read. */
	ActivityRepository.Activity visibleTo(MemberSummary member, Optional<ActivityRepository.Activity> activity, long id) {
		return activity
			.filter(a -> a.status() == ActivityStatus.PUBLISHED || a.status() == ActivityStatus.CLOSED || a.status() == ActivityStatus.ONGOING)
			.filter(a -> inAudience(a, member))
			.orElseThrow(() -> new RecordNotFoundException("activity", id));
	}

	/** The activity for a worker (see {@link #visibleTo}). */
	@Transactional(readOnly = true)
	public ActivityView getFor(MemberSummary member, long id) {
		return view(visibleTo(member, id));
	}

	/** The audience rule: who may register for the activity. */
	boolean inAudience(ActivityRepository.Activity a, MemberSummary member) {
		return switch (a.audience()) {
			case ALL_MEMBERS -> true;
			case ORGANIZATION_SUBTREE -> new OrgPath(member.unionPath()).isWithin(a.organizationPath());
			case EMPLOYERS, NAMED_LIST -> details.listed(a.id(), member.id(), a.audience() == Audience.EMPLOYERS ? member.employerId() : null);
		};
	}

	ActivityRepository.Activity visible(long id) {
		return visible(activities.findById(id), id);
	}

	/** {@link #visible(long)} for an activity already read. */
	ActivityRepository.Activity visible(Optional<ActivityRepository.Activity> activity, long id) {
		return activity.filter(a -> currentUser.scope().includes(a.organizationPath())).orElseThrow(() -> new RecordNotFoundException("activity", id));
	}

	boolean mayWrite() {
		return currentUser.account().map(a -> a.role() == Role.ADMIN || a.role() == Role.STAFF || a.role() == Role.UNION_CHAIR).orElse(false);
	}

	void requireWriter() {
		if (!mayWrite()) {
			throw new AccessDeniedException("Not allowed to manage activities");
		}
	}

	private ActivityView view(ActivityRepository.Activity a) {
		long id = a.id();
		List<SessionView> sessions = activities.sessions(id).stream()
			.map(s -> new SessionView(s.id(), s.title(), s.type(), s.startsAt(), s.endsAt(), s.counts(), s.host(), s.place()))
			.toList();
		var site = a.siteId() == null ? null : sites.find(a.siteId()).map(s -> new VenueSite(s.id(), s.name(), s.address())).orElse(null);
		var coOrganizers = details.coOrganizers(id).stream().map(c -> new CoOrganizerInput(c.organizationId(), c.name())).toList();
		var experts = details.experts(id).stream().map(e -> new ExpertInput(e.name(), e.affiliation())).toList();
		var employers = a.audience() == Audience.EMPLOYERS
				? details.audienceEmployers(id).stream().map(e -> new AudienceEmployer(e.id(), e.name())).toList() : List.<AudienceEmployer>of();
		long named = a.audience() == Audience.NAMED_LIST ? details.audienceMemberCount(id) : 0;
		return new ActivityView(a.id(), a.organizationId(), a.organizationName(), a.kind(), a.title(), a.description(), a.venue(), site,
				a.capacity(), a.seatsTaken(), a.waitlistEnabled(), a.approvalRequired(), a.audience(), employers, named, a.registrationOpensAt(),
				a.registrationClosesAt(), a.status(), sessions, coOrganizers, experts, a.version(),
				a.kind() == ActivityKind.TRAINING_CAMP ? new CompletionRule(a.completionMinShare(), a.completionNeedsAssessment()) : null, a.issuer());
	}

	private Fields fields(String rawTitle, String rawDescription, String rawVenue, Long siteId, Integer capacity, Instant opens, Instant closes,
			List<FieldProblem> problems) {
		String title = TextChecks.line(rawTitle, "title", MAX_TITLE, problems);
		if (title == null) {
			problems.add(new FieldProblem("title", "validation.required"));
		}
		String venue = TextChecks.line(rawVenue, "venue", MAX_VENUE, problems);
		String description = TextChecks.text(rawDescription, "description", MAX_DESCRIPTION, problems);
		input.site(siteId, problems);
		if (capacity == null) {
			problems.add(new FieldProblem("capacity", "validation.required"));
		}
		else if (capacity < 1 || capacity > MAX_CAPACITY) {
			problems.add(new FieldProblem("capacity", "activity.capacity.range", MAX_CAPACITY));
		}
		if (opens != null && closes != null && !opens.isBefore(closes)) {
			problems.add(new FieldProblem("registrationClosesAt", "activity.window.closesBeforeOpens"));
		}
		return new Fields(title, description, venue);
	}

	private record Fields(String title, String description, String venue) {
	}

	/** Completion rules and issuers belong to training camps only. */
	private static void checkCamp(ActivityKind kind, CompletionRule rule, String issuer, List<FieldProblem> problems) {
		if (kind != ActivityKind.TRAINING_CAMP) {
			if (rule != null) {
				problems.add(new FieldProblem("completionRule", "activity.camp.only"));
			}
			if (issuer != null) {
				problems.add(new FieldProblem("issuer", "activity.camp.only"));
			}
			return;
		}
		var share = rule == null ? null : rule.minAttendanceShare();
		if (share != null && (share.signum() <= 0 || share.compareTo(java.math.BigDecimal.ONE) > 0 || share.stripTrailingZeros().scale() > 3)) {
			problems.add(new FieldProblem("completionRule.minAttendanceShare", "activity.camp.share"));
		}
	}

	private static void checkSessions(List<NewSession> sessions, List<FieldProblem> problems) {
		if (sessions.size() > MAX_SESSIONS) {
			problems.add(new FieldProblem("sessions", "activity.sessions.tooMany", MAX_SESSIONS));
			return;
		}
		for (int i = 0; i < sessions.size(); i++) {
			NewSession s = sessions.get(i);
			String field = "sessions[" + i + "]";
			if (s == null) {
				problems.add(new FieldProblem(field + ".title", "validation.required"));
				continue;
			}
			String title = TextChecks.line(s.title(), field + ".title", 200, problems);
			if (title == null) {
				problems.add(new FieldProblem(field + ".title", "validation.required"));
			}
			TextChecks.line(s.host(), field + ".host", 100, problems);
			TextChecks.line(s.place(), field + ".place", 200, problems);
			if (s.type() != null && !s.type().isBlank() && org.gonghui.activity.SessionType.parse(s.type()) == null) {
				problems.add(new FieldProblem(field + ".type", "activity.session.type.unknown"));
			}
			if (s.startsAt() == null || s.endsAt() == null) {
				problems.add(new FieldProblem(field + ".startsAt", "validation.required"));
			}
			else if (!s.startsAt().isBefore(s.endsAt())) {
				problems.add(new FieldProblem(field + ".endsAt", "activity.session.endsBeforeStart"));
			}
			else if (java.time.Duration.between(s.startsAt(), s.endsAt()).compareTo(java.time.Duration.ofHours(24)) > 0) {
				problems.add(new FieldProblem(field + ".endsAt", "activity.session.tooLong"));
			}
		}
	}

	/**
	 * A new activity as staff enter it. {@code audience} defaults to the organiser's subtree; EMPLOYERS needs
	 * {@code audienceEmployerIds}, NAMED_LIST needs {@code audienceMemberIds}. The venue is a facility site
	 * ({@code siteId}), an address ({@code venue}), or both.
	 */
	public record NewActivity(Long organizationId, ActivityKind kind, String title, String description, String venue, Integer capacity,
			Boolean waitlistEnabled, Boolean approvalRequired, Audience audience, Instant registrationOpensAt, Instant registrationClosesAt,
			List<NewSession> sessions, Long siteId, List<Long> audienceEmployerIds, List<Long> audienceMemberIds,
			List<CoOrganizerInput> coOrganizers, List<ExpertInput> experts, CompletionRule completionRule, String issuer) {

		/** The short form, without venue site, audience lists, co-organisers and experts. */
		public NewActivity(Long organizationId, ActivityKind kind, String title, String description, String venue, Integer capacity,
				Boolean waitlistEnabled, Boolean approvalRequired, Audience audience, Instant registrationOpensAt, Instant registrationClosesAt,
				List<NewSession> sessions) {
			this(organizationId, kind, title, description, venue, capacity, waitlistEnabled, approvalRequired, audience, registrationOpensAt,
					registrationClosesAt, sessions, null, null, null, null, null, null, null);
		}
	}

	/**
	 * A training camp's completion rule: the least share of counting sessions attended (above 0, at most 1;
	 * default 1, every counting session) and whether a final assessment must be passed too.
	 */
	public record CompletionRule(java.math.BigDecimal minAttendanceShare, Boolean finalAssessment) {
	}

	/**
	 * What may change before the activity starts; {@code version} is the one the editor read. Co-organisers
	 * and experts left out (null) are kept; the other fields are replaced.
	 */
	public record ActivityEdit(Integer version, String title, String description, String venue, Long siteId, Integer capacity,
			Boolean waitlistEnabled, Instant registrationOpensAt, Instant registrationClosesAt, List<CoOrganizerInput> coOrganizers,
			List<ExpertInput> experts) {
	}

	/**
	 * A session: {@code type} names a {@link org.gonghui.activity.SessionType} (default OTHER); {@code counts}
	 * toward attendance (default true); {@code host} is the speaker or host, {@code place} where it happens.
	 */
	public record NewSession(String title, String type, Instant startsAt, Instant endsAt, Boolean counts, String host, String place) {

		/** A session without a named speaker or place. */
		public NewSession(String title, String type, Instant startsAt, Instant endsAt, Boolean counts) {
			this(title, type, startsAt, endsAt, counts, null, null);
		}
	}

	/** A co-organiser: an organisation of the tree by id, or a named department. */
	public record CoOrganizerInput(Long organizationId, String name) {
	}

	public record ExpertInput(String name, String affiliation) {
	}

	public record VenueSite(long id, String name, String address) {
	}

	public record AudienceEmployer(long id, String name) {
	}

	public enum ListSort {
		STARTS, CREATED, TITLE
	}

	/** Staff list filters; each may be null. */
	public record ActivityQuery(ActivityStatus status, ActivityKind kind, String text, ListSort sort) {
	}

	public record ActivityLine(long id, String title, ActivityKind kind, String organizationName, ActivityStatus status, int capacity,
			int seatsTaken, long waitlisted, Instant firstStart) {

		public java.time.LocalDateTime startsAtLocal() {
			return local(firstStart);
		}
	}

	public record ActivityView(long id, long organizationId, String organizationName, ActivityKind kind, String title, String description,
			String venue, VenueSite site, int capacity, int seatsTaken, boolean waitlistEnabled, boolean approvalRequired, Audience audience,
			List<AudienceEmployer> audienceEmployers, long namedListSize, Instant registrationOpensAt, Instant registrationClosesAt,
			ActivityStatus status, List<SessionView> sessions, List<CoOrganizerInput> coOrganizers, List<ExpertInput> experts, int version,
			CompletionRule completionRule, String issuer) {

		/** Registration deadline in Beijing time, for pages. */
		public java.time.LocalDateTime closesAtLocal() {
			return local(registrationClosesAt);
		}

		public java.time.LocalDateTime opensAtLocal() {
			return local(registrationOpensAt);
		}
	}

	public record SessionView(long id, String title, String type, Instant startsAt, Instant endsAt, boolean counts, String host, String place) {

		public java.time.LocalDateTime startsAtLocal() {
			return local(startsAt);
		}

		public java.time.LocalDateTime endsAtLocal() {
			return local(endsAt);
		}
	}

	/** Activities happen on Beijing time, whatever zone the server runs in. */
	static java.time.LocalDateTime local(Instant instant) {
		return instant == null ? null : java.time.LocalDateTime.ofInstant(instant, java.time.ZoneId.of("Asia/Shanghai"));
	}
}
