package org.gonghui.activity.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

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
import org.gonghui.platform.AccountRef;
import org.gonghui.platform.AuditLog;
import org.gonghui.platform.CurrentUser;
import org.gonghui.platform.Role;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.InvalidInputException.FieldProblem;
import org.gonghui.shared.PageResult;
import org.gonghui.shared.RecordNotFoundException;
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
 */
@Service
public class CaravanService {

	static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
	static final int MAX_PARTICIPANTS = 10_000;
	static final int MAX_NEEDS = 1000;
	static final int MAX_NOTE = 200;
	static final int MAX_MONTHS_AHEAD = 6;
	static final int MAX_SESSIONS = 20;
	/** A caravan's sessions are care sessions: talks, group counselling, one-to-one consultations. */
	static final String SESSION_TYPE = org.gonghui.activity.SessionType.COUNSELLING.name();

	/** Office phones are landlines as often as mobiles: digits with the usual separators, no stricter rule. */
	private static final Pattern PHONE = Pattern.compile("[0-9+()\\- ]{5,30}");

	private static final Set<Role> PARTICIPANTS = EnumSet.of(Role.ADMIN, Role.STAFF, Role.UNION_CHAIR);
	private static final Set<Role> DECIDERS = EnumSet.of(Role.ADMIN, Role.STAFF);

	private final CaravanRepository caravans;
	private final ActivityService activities;
	private final ActivityLifecycle lifecycle;
	private final Organizations organizations;
	private final CurrentUser currentUser;
	private final AuditLog audit;
	private final MessageSource messages;
	private final Clock clock;

	CaravanService(CaravanRepository caravans, ActivityService activities, ActivityLifecycle lifecycle, Organizations organizations,
			CurrentUser currentUser, AuditLog audit, MessageSource messages, Clock clock) {
		this.caravans = caravans;
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
		requireParticipant();
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
		checkWindow(in.windowFrom(), in.windowTo(), problems);
		if (in.expectedParticipants() == null) {
			problems.add(new FieldProblem("expectedParticipants", "validation.required"));
		}
		else if (in.expectedParticipants() < 1 || in.expectedParticipants() > MAX_PARTICIPANTS) {
			problems.add(new FieldProblem("expectedParticipants", "caravan.participants.range", MAX_PARTICIPANTS));
		}
		String needs = required(TextChecks.text(in.needs(), "needs", MAX_NEEDS, problems), "needs", problems);
		String contactName = required(TextChecks.line(in.contactName(), "contactName", 50, problems), "contactName", problems);
		String contactPhone = required(TextChecks.line(in.contactPhone(), "contactPhone", 30, problems), "contactPhone", problems);
		if (contactPhone != null && contactPhone.length() <= 30 && !PHONE.matcher(Text.toHalfWidth(contactPhone)).matches()) {
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

	/** Requests of unions in the caller's scope, newest first, optionally of one status. */
	@Transactional(readOnly = true)
	public PageResult<CaravanLine> list(CaravanStatus status, PageResult.Request page) {
		requireParticipant();
		String scope = currentUser.scope().pathPattern();
		long total = caravans.count(scope, status);
		var lines = caravans.search(scope, status, page.offset(), page.size()).stream()
			.map(r -> new CaravanLine(r.id(), r.unionId(), r.unionName(), r.districtName(), r.employerName(), r.windowFrom(), r.windowTo(),
					r.expectedParticipants(), r.status(), r.activityId(), r.createdAt()))
			.toList();
		return new PageResult<>(lines, page.page(), page.size(), total);
	}

	/** One request with its history and what the caller may do with it. */
	@Transactional(readOnly = true)
	public CaravanView get(long id) {
		requireParticipant();
		return view(visible(id));
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
		requireParticipant();
		CaravanRepository.Request r = visible(id);
		if (!mayWithdraw(r)) {
			throw new AccessDeniedException("Only the requesting union withdraws a caravan request");
		}
		requireLegal(r, CaravanStatus.WITHDRAWN);
		String text = note(note, "note", false);
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
		requireParticipant();
		CaravanRepository.Request r = visible(id);
		requireDecider(r);
		requireLegal(r, CaravanStatus.SCHEDULED);
		List<FieldProblem> problems = new ArrayList<>();
		List<CaravanSession> sessions = in.sessions() == null ? List.of() : in.sessions();
		checkSessions(r, sessions, problems);
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

	/** Whether the caller may ask for a caravan at all (the list shows the button). */
	public boolean mayRequest() {
		return currentUser.account().map(a -> PARTICIPANTS.contains(a.role())).orElse(false);
	}

	/** The union a new request names first: the only union in the caller's scope (a union chair's own), else none. */
	@Transactional(readOnly = true)
	public Long defaultUnion() {
		requireParticipant();
		List<OrganizationSummary> unions = organizations.visibleJoinableUnions(null, 2);
		return unions.size() == 1 ? unions.get(0).id() : null;
	}

	/** Today in Beijing, where the visits happen. */
	public LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), BEIJING);
	}

	private void decide(long id, CaravanStatus to, String rawNote, boolean noteRequired) {
		requireParticipant();
		CaravanRepository.Request r = visible(id);
		requireDecider(r);
		requireLegal(r, to);
		String note = note(rawNote, noteRequired ? "reason" : "note", noteRequired);
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

	private String note(String raw, String field, boolean required) {
		List<FieldProblem> problems = new ArrayList<>();
		String note = TextChecks.line(raw, field, MAX_NOTE, problems);
		if (required && note == null) {
			problems.add(new FieldProblem(field, "caravan.decline.reasonRequired"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return note;
	}

	private void checkWindow(LocalDate from, LocalDate to, List<FieldProblem> problems) {
		LocalDate today = today();
		LocalDate latest = today.plusMonths(MAX_MONTHS_AHEAD);
		if (from == null) {
			problems.add(new FieldProblem("windowFrom", "validation.required"));
		}
		else if (!from.isAfter(today)) {
			problems.add(new FieldProblem("windowFrom", "caravan.window.notFuture"));
		}
		if (to == null) {
			problems.add(new FieldProblem("windowTo", "validation.required"));
		}
		else if (from != null && to.isBefore(from)) {
			problems.add(new FieldProblem("windowTo", "caravan.window.reversed"));
		}
		else if (to.isAfter(latest)) {
			problems.add(new FieldProblem("windowTo", "caravan.window.tooFar", MAX_MONTHS_AHEAD, latest.toString()));
		}
	}

	private void checkSessions(CaravanRepository.Request r, List<CaravanSession> sessions, List<FieldProblem> problems) {
		if (sessions.isEmpty()) {
			problems.add(new FieldProblem("sessions", "caravan.sessions.required"));
			return;
		}
		if (sessions.size() > MAX_SESSIONS) {
			problems.add(new FieldProblem("sessions", "activity.list.tooMany", MAX_SESSIONS));
			return;
		}
		Instant now = clock.instant();
		for (int i = 0; i < sessions.size(); i++) {
			CaravanSession s = sessions.get(i);
			String field = "sessions[" + i + "]";
			if (s == null || s.startsAt() == null) {
				problems.add(new FieldProblem(field + ".startsAt", "validation.required"));
				continue;
			}
			if (s.endsAt() == null) {
				problems.add(new FieldProblem(field + ".endsAt", "validation.required"));
				continue;
			}
			if (!s.startsAt().isBefore(s.endsAt())) {
				problems.add(new FieldProblem(field + ".endsAt", "activity.session.endsBeforeStart"));
			}
			else if (!s.startsAt().isAfter(now)) {
				problems.add(new FieldProblem(field + ".startsAt", "caravan.session.past"));
			}
			else if (LocalDate.ofInstant(s.startsAt(), BEIJING).isBefore(r.windowFrom()) || LocalDate.ofInstant(s.endsAt(), BEIJING).isAfter(r.windowTo())) {
				problems.add(new FieldProblem(field + ".startsAt", "caravan.session.outsideWindow", r.windowFrom().toString(), r.windowTo().toString()));
			}
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

	private static String required(String value, String field, List<FieldProblem> problems) {
		if (value == null) {
			problems.add(new FieldProblem(field, "validation.required"));
		}
		return value;
	}

	private CaravanRepository.Request visible(long id) {
		return caravans.findById(id).filter(r -> currentUser.scope().includes(r.unionPath()))
			.orElseThrow(() -> new RecordNotFoundException("caravan_request", id));
	}

	private void requireParticipant() {
		if (!mayRequest()) {
			throw new AccessDeniedException("Not allowed to handle caravans");
		}
	}

	/** District staff (or higher) decide: a chair sees their union's request but never the district above it. */
	private boolean mayDecide(CaravanRepository.Request r) {
		return currentUser.account().map(a -> DECIDERS.contains(a.role())).orElse(false) && currentUser.scope().includes(r.districtPath());
	}

	private void requireDecider(CaravanRepository.Request r) {
		if (!mayDecide(r)) {
			throw new AccessDeniedException("Only the district federation decides on a caravan request");
		}
	}

	/** The account that asked, or the union's chair (accounts change hands; the union's wish does not). */
	private boolean mayWithdraw(CaravanRepository.Request r) {
		return currentUser.account().map(AccountRef::username).filter(r.requestedBy()::equals).isPresent() || currentUser.hasRole(Role.UNION_CHAIR);
	}

	private CaravanView view(CaravanRepository.Request r) {
		var history = caravans.events(r.id()).stream().map(e -> new CaravanEvent(e.from(), e.to(), e.actor(), e.note(), e.at())).toList();
		boolean decider = mayDecide(r);
		var actions = new Actions(decider && r.status().mayMoveTo(CaravanStatus.ACCEPTED), decider && r.status().mayMoveTo(CaravanStatus.DECLINED),
				mayWithdraw(r) && r.status().mayMoveTo(CaravanStatus.WITHDRAWN), decider && r.status().mayMoveTo(CaravanStatus.SCHEDULED));
		return new CaravanView(r.id(), r.unionId(), r.unionName(), r.districtId(), r.districtName(), r.employerId(), r.employerName(), r.windowFrom(),
				r.windowTo(), r.expectedParticipants(), r.needs(), r.contactName(), r.contactPhone(), r.status(), r.decisionNote(), r.activityId(),
				r.requestedBy(), r.createdAt(), r.updatedAt(), r.version(), history, actions);
	}

	static LocalDateTime local(Instant instant) {
		return instant == null ? null : LocalDateTime.ofInstant(instant, BEIJING);
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

	/** What the caller may do with the request now. */
	public record Actions(boolean accept, boolean decline, boolean withdraw, boolean schedule) {

		public boolean any() {
			return accept || decline || withdraw || schedule;
		}
	}

	public record CaravanEvent(CaravanStatus from, CaravanStatus to, String actor, String note, Instant at) {

		public LocalDateTime atLocal() {
			return local(at);
		}
	}

	public record CaravanLine(long id, long unionId, String unionName, String districtName, String employerName, LocalDate windowFrom,
			LocalDate windowTo, int expectedParticipants, CaravanStatus status, Long activityId, Instant createdAt) {

		public LocalDateTime createdAtLocal() {
			return local(createdAt);
		}
	}

	public record CaravanView(long id, long unionId, String unionName, long districtId, String districtName, Long employerId, String employerName,
			LocalDate windowFrom, LocalDate windowTo, int expectedParticipants, String needs, String contactName, String contactPhone,
			CaravanStatus status, String decisionNote, Long activityId, String requestedBy, Instant createdAt, Instant updatedAt, int version,
			List<CaravanEvent> history, Actions actions) {

		public LocalDateTime createdAtLocal() {
			return local(createdAt);
		}
	}
}
