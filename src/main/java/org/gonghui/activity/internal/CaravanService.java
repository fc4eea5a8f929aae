package org.gonghui.activity.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.gonghui.activity.ActivityKind;
import org.gonghui.activity.Audience;
import org.gonghui.activity.CaravanStatus;
import org.gonghui.activity.internal.ActivityService.CoOrganizerInput;
import org.gonghui.activity.internal.ActivityService.ExpertInput;
import org.gonghui.activity.internal.ActivityService.NewActivity;
import org.gonghui.activity.internal.ActivityService.NewSession;
import org.gonghui.organization.EmployerSummary;
import org.gonghui.organization.OrganizationLevel;
import org.gonghui.organization.OrganizationSummary;
import org.gonghui.organization.OrganizationType;
import org.gonghui.organization.Organizations;
import org.gonghui.platform.AuditLog;
import org.gonghui.platform.CurrentUser;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.InvalidInputException.FieldProblem;
import org.gonghui.shared.Text;
import org.gonghui.shared.TextChecks;
import org.springframework.context.MessageSource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Caravans (心理关爱大篷车, "送服务进单位"). A workplace union asks its district federation for a visit within a
 * date window; district staff accept or decline it, then schedule it: sessions inside the window, a venue,
 * seats and experts. Scheduling creates and publishes a CARAVAN activity organised by the union and
 * co-organised by the district, so the union's members register and are checked in like for any activity.
 * <p>
 * Who may do what: union chairs, staff and administrators see the requests of unions in their scope (others
 * are not found); staff and administrators whose scope holds the request's district decide and schedule, so
 * a chair never accepts their own request; the requester (or the union's chair) may withdraw until the visit
 * is scheduled. Every move is a conditional update on the status and version read, so two staff deciding at
 * once give one result.
 * <p>
 * Reading and the access rules are in {@link CaravanQueries}, the input rules in {@link CaravanChecks}.
 */
@Service
public class CaravanService {

	/** A caravan's sessions are care sessions: talks, group counselling, one-to-one consultations. */
	static final String SESSION_TYPE = org.gonghui.activity.SessionType.COUNSELLING.name();

	private final CaravanRepository caravans;
	private final CaravanQueries queries;
	private final ActivityService activities;
	private final ActivityLifecycle lifecycle;
	private final Organizations organizations;
	private final CurrentUser currentUser;
	private final AuditLog audit;
	private final MessageSource messages;
	private final Clock clock;

	CaravanService(CaravanRepository caravans, CaravanQueries queries, ActivityService activities, ActivityLifecycle lifecycle,
			Organizations organizations, CurrentUser currentUser, AuditLog audit, MessageSource messages, Clock clock) {
		this.caravans = caravans;
		this.queries = queries;
		this.activities = activities;
		this.lifecycle = lifecycle;
		this.organizations = organizations;
		this.currentUser = currentUser;
		this.audit = audit;
		this.messages = messages;
		this.clock = clock;
	}

	/** A union in the caller's scope asks for a visit. Every problem is reported at once; nothing is stored on error. */
	@Transactional
	public long request(NewCaravanRequest in) {
		queries.requireParticipant();
		List<FieldProblem> problems = new ArrayList<>();
		OrganizationSummary union = null;
		OrganizationSummary district = null;
		if (in.unionId() == null) {
			problems.add(new FieldProblem("unionId", "validation.required"));
		}
		else {
			union = organizations.findVisible(in.unionId()).orElse(null);
			if (union == null) {
				problems.add(new FieldProblem("unionId", "caravan.union.notFound"));
			}
			else if (!organizations.acceptsMembers(union.id())) {
				problems.add(new FieldProblem("unionId", "caravan.union.notWorkplace"));
			}
			else {
				// The district federation that handles it follows from the tree; it is never typed in.
				district = organizations.ancestor(union.id(), OrganizationLevel.DISTRICT, OrganizationType.REGIONAL_FEDERATION).orElse(null);
				if (district == null) {
					problems.add(new FieldProblem("unionId", "caravan.union.noDistrict"));
				}
			}
		}
		Long employerId = union == null ? null : employer(union.id(), in.employerId(), problems);
		CaravanChecks.checkWindow(in.windowFrom(), in.windowTo(), queries.today(), problems);
		if (in.expectedParticipants() == null) {
			problems.add(new FieldProblem("expectedParticipants", "validation.required"));
		}
		else if (in.expectedParticipants() < 1 || in.expectedParticipants() > CaravanChecks.MAX_PARTICIPANTS) {
			problems.add(new FieldProblem("expectedParticipants", "caravan.participants.range", CaravanChecks.MAX_PARTICIPANTS));
		}
		String needs = CaravanChecks.required(TextChecks.text(in.needs(), "needs", CaravanChecks.MAX_NEEDS, problems), "needs", problems);
		String contactName = CaravanChecks.required(TextChecks.line(in.contactName(), "contactName", 50, problems), "contactName", problems);
		String contactPhone = CaravanChecks.required(TextChecks.line(in.contactPhone(), "contactPhone", 30, problems), "contactPhone", problems);
		if (contactPhone != null && contactPhone.length() <= 30 && !CaravanChecks.isPhone(Text.toHalfWidth(contactPhone))) {
			problems.add(new FieldProblem("contactPhone", "caravan.contactPhone.invalid"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Instant now = clock.instant();
		long id = caravans.insert(new CaravanRepository.NewRequest(union.id(), district.id(), employerId, in.windowFrom(), in.windowTo(),
				in.expectedParticipants(), needs, contactName, Text.toHalfWidth(contactPhone), currentUser.username()), now);
		caravans.insertEvent(id, null, CaravanStatus.REQUESTED, currentUser.username(), null, now);
		audit.record("caravan.request", "caravan_request", id, union.name() + " -> " + district.name() + ", " + in.windowFrom() + ".."
				+ in.windowTo() + ", " + in.expectedParticipants() + " people");
		return id;
	}

	@Transactional
	public void accept(long id, String note) {
		decide(id, CaravanStatus.ACCEPTED, note, false);
	}

	/** Declines a request; the reason is required (the union reads it). */
	@Transactional
	public void decline(long id, String reason) {
		decide(id, CaravanStatus.DECLINED, reason, true);
	}

	/** The union takes its request back, until the visit is scheduled. */
	@Transactional
	public void withdraw(long id, String note) {
		queries.requireParticipant();
		CaravanRepository.Request r = queries.visible(id);
		if (!queries.mayWithdraw(r)) {
			throw new AccessDeniedException("Only the requesting union withdraws a caravan request");
		}
		requireLegal(r, CaravanStatus.WITHDRAWN);
		String text = CaravanChecks.note(note, "note", false);
		move(r, CaravanStatus.WITHDRAWN, text, null, null);
		audit.record("caravan.withdraw", "caravan_request", id, r.unionName() + (text == null ? "" : ": " + text));
	}

	/**
	 * Schedules an accepted request: checks the sessions (inside the window, in the future), the experts (at
	 * least one) and the rest, creates the CARAVAN activity and publishes it, and marks the request SCHEDULED,
	 * all in one transaction: if any step fails, neither the activity nor the change is kept. Returns the
	 * activity's id.
	 */
	@Transactional
	public long schedule(long id, ScheduleInput in) {
		queries.requireParticipant();
		CaravanRepository.Request r = queries.visible(id);
		queries.requireDecider(r);
		requireLegal(r, CaravanStatus.SCHEDULED);
		List<FieldProblem> problems = new ArrayList<>();
		List<CaravanSession> sessions = in.sessions() == null ? List.of() : in.sessions();
		CaravanChecks.checkSessions(r, sessions, clock.instant(), problems);
		List<ExpertInput> experts = in.experts() == null ? List.of() : in.experts();
		if (experts.stream().noneMatch(e -> e != null && Text.clean(e.name()) != null)) {
			problems.add(new FieldProblem("experts", "caravan.experts.required"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		String title = Text.clean(in.title()) != null ? in.title() : defaultTitle(r);
		String venue = Text.clean(in.venue()) != null ? in.venue() : r.unionName();
		int capacity = in.capacity() != null ? in.capacity() : r.expectedParticipants();
		boolean waitlist = in.waitlistEnabled() == null || in.waitlistEnabled();
		List<NewSession> activitySessions = sessions.stream().map(s -> new NewSession(s.title(), SESSION_TYPE, s.startsAt(), s.endsAt(), true)).toList();
		// The activity service checks titles, lengths, capacity and experts against its own rules; a problem
		// there ends this transaction too, with the same field names the schedule form uses.
		long activityId = activities.createOwned(new NewActivity(r.unionId(), ActivityKind.CARAVAN, title, r.needs(), venue, capacity, waitlist, false,
				Audience.ORGANIZATION_SUBTREE, null, null, activitySessions, null, null, null, List.of(new CoOrganizerInput(r.districtId(), null)),
				experts, null, null));
		lifecycle.publish(activityId);
		move(r, CaravanStatus.SCHEDULED, null, activityId, null);
		audit.record("caravan.schedule", "caravan_request", id, r.unionName() + ": activity " + activityId + ", " + sessions.size() + " sessions, "
				+ capacity + " seats");
		return activityId;
	}

	private void decide(long id, CaravanStatus to, String rawNote, boolean noteRequired) {
		queries.requireParticipant();
		CaravanRepository.Request r = queries.visible(id);
		queries.requireDecider(r);
		requireLegal(r, to);
		String note = CaravanChecks.note(rawNote, noteRequired ? "reason" : "note", noteRequired);
		move(r, to, note, null, note);
		String detail = r.unionName() + (note == null ? "" : ": " + note);
		if (to == CaravanStatus.ACCEPTED) {
			audit.record("caravan.accept", "caravan_request", id, detail);
		}
		else {
			audit.record("caravan.decline", "caravan_request", id, detail);
		}
	}

	/** The conditional move and its history line; someone else's change in between gives 409, nothing written. */
	private void move(CaravanRepository.Request r, CaravanStatus to, String note, Long activityId, String decisionNote) {
		Instant now = clock.instant();
		if (!caravans.move(r.id(), r.status(), r.version(), to, decisionNote, activityId, now)) {
			throw new OptimisticLockingFailureException("caravan request " + r.id() + " changed meanwhile");
		}
		caravans.insertEvent(r.id(), r.status(), to, currentUser.username(), note, now);
	}

	private static void requireLegal(CaravanRepository.Request r, CaravanStatus to) {
		if (!r.status().mayMoveTo(to)) {
			throw InvalidInputException.of("status", "caravan.transition." + to.name());
		}
	}

	/** The workplace: the employer given (it must belong to the union), else the union's only employer, if it has one. */
	private Long employer(long unionId, Long employerId, List<FieldProblem> problems) {
		if (employerId == null) {
			List<EmployerSummary> own = organizations.employersOf(unionId);
			return own.size() == 1 ? own.get(0).id() : null;
		}
		if (organizations.findEmployer(employerId).filter(e -> e.organizationId() == unionId).isEmpty()) {
			problems.add(new FieldProblem("employerId", "caravan.employer.notFound"));
		}
		return employerId;
	}

	/** The activity's title, in Chinese whatever the caller's language: it is data the union's members read. */
	private String defaultTitle(CaravanRepository.Request r) {
		String place = r.employerName() != null ? r.employerName() : r.unionName();
		return messages.getMessage("caravan.activity.title", new Object[] { place }, Locale.SIMPLIFIED_CHINESE);
	}

	/** What a union asks for. {@code employerId} is optional: by default the union's only employer, if it has just one. */
	public record NewCaravanRequest(Long unionId, Long employerId, LocalDate windowFrom, LocalDate windowTo, Integer expectedParticipants,
			String needs, String contactName, String contactPhone) {
	}

	/**
	 * How an accepted request is scheduled. Defaults: the title names the workplace; the venue is the union's
	 * name; the seats are the expected participants; the waitlist is on.
	 */
	public record ScheduleInput(String title, List<CaravanSession> sessions, String venue, Integer capacity, Boolean waitlistEnabled,
			List<ExpertInput> experts) {
	}

	public record CaravanSession(String title, Instant startsAt, Instant endsAt) {
	}
}
