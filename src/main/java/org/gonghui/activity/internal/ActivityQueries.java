package org.gonghui.activity.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.gonghui.activity.ActivityKind;
import org.gonghui.activity.ActivityStatus;
import org.gonghui.activity.Audience;
import org.gonghui.activity.internal.ActivityService.CoOrganizerInput;
import org.gonghui.activity.internal.ActivityService.CompletionRule;
import org.gonghui.activity.internal.ActivityService.ExpertInput;
import org.gonghui.facility.Sites;
import org.gonghui.member.MemberSummary;
import org.gonghui.member.Members;
import org.gonghui.organization.Organizations;
import org.gonghui.platform.CurrentUser;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.InvalidInputException.FieldProblem;
import org.gonghui.shared.OrgPath;
import org.gonghui.shared.PageResult;
import org.gonghui.shared.Text;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The read side of activities: the staff list, one activity for staff or for a worker, what a member may
 * join, and the look-ups the forms make before they write. Writes are in {@link ActivityService} and
 * {@link ActivityLifecycle}; who may see what is {@link ActivityAccess}.
 */
@Service
public class ActivityQueries {

	private final ActivityRepository activities;
	private final ActivityDetailsRepository details;
	private final ActivityAccess access;
	private final Organizations organizations;
	private final Members members;
	private final Sites sites;
	private final CurrentUser currentUser;

	ActivityQueries(ActivityRepository activities, ActivityDetailsRepository details, ActivityAccess access, Organizations organizations,
			Members members, Sites sites, CurrentUser currentUser) {
		this.activities = activities;
		this.details = details;
		this.access = access;
		this.organizations = organizations;
		this.members = members;
		this.sites = sites;
		this.currentUser = currentUser;
	}

	/**
	 * Employer ids for an EMPLOYERS audience typed as names or credit codes, one per line, matched in the
	 * organiser's subtree; a line that matches nothing (or more than one) is a field problem naming the line.
	 */
	@Transactional(readOnly = true)
	public List<Long> employerIds(Long organiserId, List<String> lines) {
		access.requireWriter();
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
		access.requireWriter();
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
		access.requireWriter();
		return ownOrganisation();
	}

	/** The caller's own organisation, the first value of a unit picker; null for callers without one. */
	public Long ownOrganisation() {
		return currentUser.account().map(org.gonghui.platform.AccountRef::organizationId).orElse(null);
	}

	@Transactional(readOnly = true)
	public ActivityView get(long id) {
		return view(access.visible(id));
	}

	/** Activities of the caller's scope for the staff list, filtered, sorted and paged. */
	@Transactional(readOnly = true)
	public PageResult<ActivityLine> list(ActivityQuery q, PageResult.Request page) {
		access.requireWriter();
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

	/** The activity for a worker (see {@link ActivityAccess#visibleTo}). */
	@Transactional(readOnly = true)
	public ActivityView getFor(MemberSummary member, long id) {
		return view(access.visibleTo(member, id));
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
				a.kind() == ActivityKind.TRAINING_CAMP ? new CompletionRule(a.completionMinShare(), a.completionNeedsAssessment()) : null, a.issuer(),
				a.minParticipants());
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
			CompletionRule completionRule, String issuer, Integer minParticipants) {

		/**
		 * How many more seat holders the group needs to take place ("还差 2 人成团"): 0 once it has them, null when
		 * the activity sets no least size.
		 */
		public Integer stillNeeded() {
			return minParticipants == null ? null : Math.max(0, minParticipants - seatsTaken);
		}

		/** Whether signing up asks for the member's consent first (group counselling). */
		public boolean consentRequired() {
			return RegistrationService.needsConsent(kind);
		}

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
