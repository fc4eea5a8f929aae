package org.gonghui.activity.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.gonghui.activity.ActivityKind;
import org.gonghui.activity.ActivityStatus;
import org.gonghui.activity.Audience;
import org.gonghui.organization.OrganizationSummary;
import org.gonghui.organization.Organizations;
import org.gonghui.platform.AuditLog;
import org.gonghui.platform.CurrentUser;
import org.gonghui.platform.Role;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.InvalidInputException.FieldProblem;
import org.gonghui.shared.RecordNotFoundException;
import org.gonghui.shared.Text;
import org.gonghui.shared.TextChecks;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Activities in the caller's scope: create (as a draft, with sessions), read, publish. */
@Service
public class ActivityService {

	static final int MAX_TITLE = 200;
	static final int MAX_DESCRIPTION = 4000;
	static final int MAX_VENUE = 200;
	static final int MAX_CAPACITY = 100_000;
	static final int MAX_SESSIONS = 100;

	private final ActivityRepository activities;
	private final Organizations organizations;
	private final CurrentUser currentUser;
	private final AuditLog audit;
	private final Clock clock;

	ActivityService(ActivityRepository activities, Organizations organizations, CurrentUser currentUser, AuditLog audit, Clock clock) {
		this.activities = activities;
		this.organizations = organizations;
		this.currentUser = currentUser;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	public long create(NewActivity c) {
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
		String title = line(c.title(), "title", MAX_TITLE, problems);
		if (title == null) {
			problems.add(new FieldProblem("title", "validation.required"));
		}
		String venue = line(c.venue(), "venue", MAX_VENUE, problems);
		String description = c.description() == null || c.description().isBlank() ? null : c.description().strip();
		if (description != null && description.length() > MAX_DESCRIPTION) {
			problems.add(new FieldProblem("description", "validation.tooLong", MAX_DESCRIPTION));
		}
		if (c.capacity() == null) {
			problems.add(new FieldProblem("capacity", "validation.required"));
		}
		else if (c.capacity() < 1 || c.capacity() > MAX_CAPACITY) {
			problems.add(new FieldProblem("capacity", "activity.capacity.range", MAX_CAPACITY));
		}
		List<NewSession> sessions = c.sessions() == null ? List.of() : c.sessions();
		if (sessions.size() > MAX_SESSIONS) {
			problems.add(new FieldProblem("sessions", "activity.sessions.tooMany", MAX_SESSIONS));
		}
		for (int i = 0; i < sessions.size(); i++) {
			NewSession s = sessions.get(i);
			String field = "sessions[" + i + "]";
			if (s == null || Text.clean(s.title()) == null) {
				problems.add(new FieldProblem(field + ".title", "validation.required"));
			}
			if (s != null && (s.startsAt() == null || s.endsAt() == null)) {
				problems.add(new FieldProblem(field + ".startsAt", "validation.required"));
			}
			else if (s != null && !s.startsAt().isBefore(s.endsAt())) {
				problems.add(new FieldProblem(field + ".endsAt", "activity.session.endsBeforeStart"));
			}
		}
		if (c.registrationOpensAt() != null && c.registrationClosesAt() != null && !c.registrationOpensAt().isBefore(c.registrationClosesAt())) {
			problems.add(new FieldProblem("registrationClosesAt", "activity.window.closesBeforeOpens"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		// Default window: from publishing until the first session starts.
		Instant closes = c.registrationClosesAt() != null ? c.registrationClosesAt()
				: sessions.stream().map(NewSession::startsAt).min(Comparator.naturalOrder()).orElse(null);
		Instant now = clock.instant();
		long id = activities.insert(organiser.id(), c.kind(), title, description, venue, c.capacity(), Boolean.TRUE.equals(c.waitlistEnabled()),
				Boolean.TRUE.equals(c.approvalRequired()), c.audience() == null ? Audience.ORGANIZATION_SUBTREE : c.audience(),
				c.registrationOpensAt(), closes, currentUser.username(), now);
		for (int i = 0; i < sessions.size(); i++) {
			NewSession s = sessions.get(i);
			activities.insertSession(id, i, Text.clean(s.title()), s.type() == null ? "OTHER" : s.type(), s.startsAt(), s.endsAt(),
					s.counts() == null || s.counts());
		}
		audit.record("activity.create", "activity", id, c.kind() + " " + title + " (" + c.capacity() + " seats)");
		return id;
	}

	@Transactional
	public void publish(long id) {
		requireWriter();
		ActivityRepository.Activity a = visible(id);
		if (!activities.publish(id, clock.instant())) {
			throw InvalidInputException.of("status", "activity.publish.notDraft");
		}
		audit.record("activity.publish", "activity", id, a.title());
	}

	@Transactional(readOnly = true)
	public ActivityView get(long id) {
		return view(visible(id));
	}

	private ActivityView view(ActivityRepository.Activity a) {
		long id = a.id();
		List<SessionView> sessions = activities.sessions(id).stream()
			.map(s -> new SessionView(s.id(), s.title(), s.type(), s.startsAt(), s.endsAt(), s.counts()))
			.toList();
		return new ActivityView(a.id(), a.organizationId(), a.organizationName(), a.kind(), a.title(), a.description(), a.venue(), a.capacity(),
				a.seatsTaken(), a.waitlistEnabled(), a.approvalRequired(), a.audience(), a.registrationOpensAt(), a.registrationClosesAt(),
				a.status(), sessions);
	}

	/** Published activities the member may join, soonest closing first. */
	@Transactional(readOnly = true)
	public List<ActivityView> openFor(org.gonghui.member.MemberSummary member) {
		return activities.openFor(new org.gonghui.shared.OrgPath(member.unionPath()).ids(), 100).stream().map(a -> view(a)).toList();
	}

	/** An activity a worker may see: published (or running, closed) and with the member in its audience; else not found. */
	ActivityRepository.Activity visibleTo(org.gonghui.member.MemberSummary member, long id) {
		return activities.findById(id)
			.filter(a -> a.status() == ActivityStatus.PUBLISHED || a.status() == ActivityStatus.CLOSED || a.status() == ActivityStatus.ONGOING)
			.filter(a -> inAudience(a, member))
			.orElseThrow(() -> new RecordNotFoundException("activity", id));
	}

	/** The activity for a worker (see {@link #visibleTo}). */
	@Transactional(readOnly = true)
	public ActivityView getFor(org.gonghui.member.MemberSummary member, long id) {
		return view(visibleTo(member, id));
	}

	static boolean inAudience(ActivityRepository.Activity a, org.gonghui.member.MemberSummary member) {
		return a.audience() == Audience.ALL_MEMBERS || new org.gonghui.shared.OrgPath(member.unionPath()).isWithin(a.organizationPath());
	}

	ActivityRepository.Activity visible(long id) {
		return activities.findById(id).filter(a -> currentUser.scope().includes(a.organizationPath()))
			.orElseThrow(() -> new RecordNotFoundException("activity", id));
	}

	boolean mayWrite() {
		return currentUser.account().map(a -> a.role() == Role.ADMIN || a.role() == Role.STAFF || a.role() == Role.UNION_CHAIR).orElse(false);
	}

	void requireWriter() {
		if (!mayWrite()) {
			throw new AccessDeniedException("Not allowed to manage activities");
		}
	}

	private static String line(String text, String field, int max, List<FieldProblem> problems) {
		return TextChecks.line(text, field, max, problems);
	}

	/** A new activity as staff enter it; {@code audience} defaults to the organiser's subtree. */
	public record NewActivity(Long organizationId, ActivityKind kind, String title, String description, String venue, Integer capacity,
			Boolean waitlistEnabled, Boolean approvalRequired, Audience audience, Instant registrationOpensAt, Instant registrationClosesAt,
			List<NewSession> sessions) {
	}

	/** A session: {@code type} (lecture, visit, …) is free text for now; {@code counts} toward attendance (default true). */
	public record NewSession(String title, String type, Instant startsAt, Instant endsAt, Boolean counts) {
	}

	public record ActivityView(long id, long organizationId, String organizationName, ActivityKind kind, String title, String description,
			String venue, int capacity, int seatsTaken, boolean waitlistEnabled, boolean approvalRequired, Audience audience,
			Instant registrationOpensAt, Instant registrationClosesAt, ActivityStatus status, List<SessionView> sessions) {

		/** Registration deadline in Beijing time, for pages. */
		public java.time.LocalDateTime closesAtLocal() {
			return local(registrationClosesAt);
		}
	}

	public record SessionView(long id, String title, String type, Instant startsAt, Instant endsAt, boolean counts) {

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
