package org.gonghui.activity.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.gonghui.activity.ActivityKind;
import org.gonghui.activity.Audience;
import org.gonghui.organization.OrganizationSummary;
import org.gonghui.organization.Organizations;
import org.gonghui.platform.AuditLog;
import org.gonghui.platform.CurrentUser;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.InvalidInputException.FieldProblem;
import org.gonghui.shared.Text;
import org.gonghui.shared.TextChecks;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Activities in the caller's scope: create (a draft, with sessions, co-organisers, experts, venue and
 * audience) and edit the details. Status moves are in {@link ActivityLifecycle}, reading in
 * {@link ActivityQueries}, the field rules in {@link ActivityChecks}.
 */
@Service
public class ActivityService {

	private final ActivityRepository activities;
	private final ActivityDetailsRepository details;
	private final ActivityInput input;
	private final ActivityChecks checks;
	private final ActivityAccess access;
	private final Waitlist waitlist;
	private final Organizations organizations;
	private final CurrentUser currentUser;
	private final AuditLog audit;
	private final Clock clock;

	ActivityService(ActivityRepository activities, ActivityDetailsRepository details, ActivityInput input, ActivityChecks checks,
			ActivityAccess access, Waitlist waitlist, Organizations organizations, CurrentUser currentUser, AuditLog audit, Clock clock) {
		this.waitlist = waitlist;
		this.activities = activities;
		this.details = details;
		this.input = input;
		this.checks = checks;
		this.access = access;
		this.organizations = organizations;
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
			access.requireWriter();
			throw InvalidInputException.of("kind", "activity.kind.ownPage");
		}
		return createOwned(c);
	}

	/** {@link #create} for the services that own competitions and caravans. */
	@Transactional
	long createOwned(NewActivity c) {
		access.requireWriter();
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
		ActivityChecks.Fields f = checks.fields(c.title(), c.description(), c.venue(), c.siteId(), c.capacity(), c.registrationOpensAt(),
				c.registrationClosesAt(), problems);
		List<NewSession> sessions = c.sessions() == null ? List.of() : c.sessions();
		ActivityChecks.checkSessions(sessions, problems);
		Audience audience = c.audience() == null ? Audience.ORGANIZATION_SUBTREE : c.audience();
		var employers = input.employers(audience, c.audienceEmployerIds(), problems);
		var named = input.members(audience, c.audienceMemberIds(), problems);
		var coOrganizers = input.coOrganizers(c.coOrganizers(), problems);
		var experts = input.experts(c.experts(), problems);
		String issuer = TextChecks.line(c.issuer(), "issuer", 100, problems);
		ActivityChecks.checkCamp(c.kind(), c.completionRule(), issuer, problems);
		ActivityChecks.checkMinParticipants(c.minParticipants(), c.capacity(), problems);
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
		if (c.minParticipants() != null) {
			activities.setMinParticipants(id, c.minParticipants());
		}
		details.replaceCoOrganizers(id, coOrganizers);
		details.replaceExperts(id, experts);
		details.addAudienceEmployers(id, employers);
		details.addAudienceMembers(id, named);
		if (c.kind() == ActivityKind.TRAINING_CAMP) {
			activities.setCamp(id, c.completionRule() == null ? null : c.completionRule().minAttendanceShare(),
					c.completionRule() != null && Boolean.TRUE.equals(c.completionRule().finalAssessment()), issuer);
		}
		audit.record("activity.create", "activity", id, c.kind() + " " + f.title() + " (" + c.capacity() + " seats"
				+ (c.minParticipants() == null ? "" : ", at least " + c.minParticipants()) + ", " + audience + ")");
		return id;
	}

	/**
	 * Edits the details of an activity that has not started. Capacity may not drop below the seats already
	 * taken (a clear refusal, nothing stored); a capacity that grows offers the new seats to the waitlist.
	 */
	@Transactional
	public void update(long id, ActivityEdit e) {
		access.requireWriter();
		ActivityRepository.Activity a = access.visible(id);
		if (!a.status().editable()) {
			throw InvalidInputException.of("status", "activity.edit.notEditable");
		}
		List<FieldProblem> problems = new ArrayList<>();
		if (e.version() == null) {
			problems.add(new FieldProblem("version", "validation.required"));
		}
		ActivityChecks.Fields f = checks.fields(e.title(), e.description(), e.venue(), e.siteId(), e.capacity(), e.registrationOpensAt(),
				e.registrationClosesAt(), problems);
		ActivityChecks.checkMinParticipants(e.minParticipants(), e.capacity(), problems);
		var coOrganizers = input.coOrganizers(e.coOrganizers(), problems);
		var experts = input.experts(e.experts(), problems);
		boolean waitlistOn = Boolean.TRUE.equals(e.waitlistEnabled());
		if (!waitlistOn && a.waitlistEnabled() && activities.waitlisted(id) > 0) {
			problems.add(new FieldProblem("waitlistEnabled", "activity.waitlist.notEmpty"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		var outcome = activities.update(id, e.version(), f.title(), f.description(), f.venue(), e.siteId(), e.capacity(), e.minParticipants(),
				waitlistOn, e.registrationOpensAt(), e.registrationClosesAt(), clock.instant());
		switch (outcome) {
			case STALE -> throw new OptimisticLockingFailureException("activity " + id + " changed meanwhile");
			case BELOW_TAKEN -> throw InvalidInputException.of("capacity", "activity.capacity.belowTaken", access.visible(id).seatsTaken());
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
		String minChange = !java.util.Objects.equals(a.minParticipants(), e.minParticipants())
				? " min participants " + a.minParticipants() + " -> " + e.minParticipants() : "";
		audit.record("activity.update", "activity", id, f.title() + capacityChange + minChange);
	}

	/**
	 * A new activity as staff enter it. {@code audience} defaults to the organiser's subtree; EMPLOYERS needs
	 * {@code audienceEmployerIds}, NAMED_LIST needs {@code audienceMemberIds}. The venue is a facility site
	 * ({@code siteId}), an address ({@code venue}), or both. {@code capacity} is the most participants,
	 * {@code minParticipants} (optional, at most the capacity) the least for the activity to take place: a group
	 * counselling group of 8–12 is capacity 12, minParticipants 8.
	 */
	public record NewActivity(Long organizationId, ActivityKind kind, String title, String description, String venue, Integer capacity,
			Boolean waitlistEnabled, Boolean approvalRequired, Audience audience, Instant registrationOpensAt, Instant registrationClosesAt,
			List<NewSession> sessions, Long siteId, List<Long> audienceEmployerIds, List<Long> audienceMemberIds,
			List<CoOrganizerInput> coOrganizers, List<ExpertInput> experts, CompletionRule completionRule, String issuer, Integer minParticipants) {

		/** Without a least group size. */
		public NewActivity(Long organizationId, ActivityKind kind, String title, String description, String venue, Integer capacity,
				Boolean waitlistEnabled, Boolean approvalRequired, Audience audience, Instant registrationOpensAt, Instant registrationClosesAt,
				List<NewSession> sessions, Long siteId, List<Long> audienceEmployerIds, List<Long> audienceMemberIds,
				List<CoOrganizerInput> coOrganizers, List<ExpertInput> experts, CompletionRule completionRule, String issuer) {
			this(organizationId, kind, title, description, venue, capacity, waitlistEnabled, approvalRequired, audience, registrationOpensAt,
					registrationClosesAt, sessions, siteId, audienceEmployerIds, audienceMemberIds, coOrganizers, experts, completionRule, issuer, null);
		}

		/** The short form, without venue site, audience lists, co-organisers and experts. */
		public NewActivity(Long organizationId, ActivityKind kind, String title, String description, String venue, Integer capacity,
				Boolean waitlistEnabled, Boolean approvalRequired, Audience audience, Instant registrationOpensAt, Instant registrationClosesAt,
				List<NewSession> sessions) {
			this(organizationId, kind, title, description, venue, capacity, waitlistEnabled, approvalRequired, audience, registrationOpensAt,
					registrationClosesAt, sessions, null, null, null, null, null, null, null, null);
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
	 * and experts left out (null) are kept; the other fields are replaced ({@code minParticipants} left out: none).
	 */
	public record ActivityEdit(Integer version, String title, String description, String venue, Long siteId, Integer capacity,
			Boolean waitlistEnabled, Instant registrationOpensAt, Instant registrationClosesAt, List<CoOrganizerInput> coOrganizers,
			List<ExpertInput> experts, Integer minParticipants) {

		/** Without a least group size. */
		public ActivityEdit(Integer version, String title, String description, String venue, Long siteId, Integer capacity,
				Boolean waitlistEnabled, Instant registrationOpensAt, Instant registrationClosesAt, List<CoOrganizerInput> coOrganizers,
				List<ExpertInput> experts) {
			this(version, title, description, venue, siteId, capacity, waitlistEnabled, registrationOpensAt, registrationClosesAt, coOrganizers,
					experts, null);
		}
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
}
