package org.gonghui.activity.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.gonghui.activity.ActivityStatus;
import org.gonghui.activity.RegistrationStatus;
import org.gonghui.member.MemberSummary;
import org.gonghui.member.Members;
import org.gonghui.platform.AuditLog;
import org.gonghui.platform.CurrentUser;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.InvalidInputException.FieldProblem;
import org.gonghui.shared.OrgPath;
import org.gonghui.shared.Text;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Check-in at the door (签到): staff scan or type a registration's code, or record a walk-in who came
 * without registering; and the attendance figures the summaries quote (60 workers from 京东快递 and 良苑餐厅…).
 * Idempotent: one check-in per registration (and per known member) and session is a unique key, so a
 * double scan, or the same worker at two doors, answers the first check-in instead of counting twice.
 */
@Service
public class CheckInService {

	/** What the QR code of a registration carries before the code itself. */
	static final String QR_PREFIX = "GONGHUI-CHECKIN:";
	static final int MAX_NAME = 50;
	static final int MAX_EMPLOYER = 100;

	private static final Pattern CODE = Pattern.compile("[0-9a-f]{32}");

	private final CheckInRepository checkIns;
	private final ActivityAccess access;
	private final Members members;
	private final CurrentUser currentUser;
	private final AuditLog audit;
	private final Clock clock;
	private final TransactionTemplate transaction;

	CheckInService(CheckInRepository checkIns, ActivityAccess access, Members members, CurrentUser currentUser, AuditLog audit, Clock clock,
			PlatformTransactionManager transactions) {
		this.checkIns = checkIns;
		this.access = access;
		this.members = members;
		this.currentUser = currentUser;
		this.audit = audit;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * Checks in the registration with this code (as typed, or as the QR code carries it) for a session.
	 * An unknown code and a code of another activity get the same answer, so the page is no oracle for
	 * codes. A second check-in for the same session answers the first, with {@code alreadyCheckedIn}.
	 */
	public CheckInResult checkIn(long activityId, String code, Long sessionId) {
		access.requireWriter();
		ActivityRepository.Activity activity = access.visible(activityId);
		requireOpen(activity);
		Long session = session(activityId, sessionId);
		String normalized = normalize(code);
		CheckInRepository.CodeMatch registration = checkIns.registrationByCode(activityId, normalized)
			.orElseThrow(() -> InvalidInputException.of("code", "activity.checkIn.unknownCode"));
		if (registration.status() != RegistrationStatus.REGISTERED && registration.status() != RegistrationStatus.ATTENDED) {
			throw InvalidInputException.of("code", "activity.checkIn.notRegistered", status(registration.status()));
		}
		return checkInRegistration(activityId, session, registration);
	}

	/**
	 * Records someone who came without registering. Does not take a seat. With {@code memberId} (a member in
	 * the caller's scope) the name is the member's; a member who does hold a registration is checked in on it.
	 */
	public WalkInResult walkIn(long activityId, Long sessionId, String name, String employer, Long memberId) {
		access.requireWriter();
		ActivityRepository.Activity activity = access.visible(activityId);
		requireOpen(activity);
		Long session = session(activityId, sessionId);
		List<FieldProblem> problems = new ArrayList<>();
		String cleanName = line(name, "name", MAX_NAME, problems);
		String cleanEmployer = line(employer, "employer", MAX_EMPLOYER, problems);
		MemberSummary member = null;
		if (memberId != null) {
			member = members.find(memberId).filter(m -> currentUser.scope().includes(new OrgPath(m.unionPath()))).orElse(null);
			if (member == null) {
				problems.add(new FieldProblem("memberId", "activity.member.notFound"));
			}
		}
		else if (cleanName == null) {
			problems.add(new FieldProblem("name", "validation.required"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		if (member != null) {
			Optional<CheckInRepository.CodeMatch> registration = checkIns.registrationOfMember(activityId, member.id())
				.filter(r -> r.status() == RegistrationStatus.REGISTERED || r.status() == RegistrationStatus.ATTENDED);
			if (registration.isPresent()) {
				CheckInResult r = checkInRegistration(activityId, session, registration.get());
				return new WalkInResult(r.checkInId(), member.id(), r.registrationId(), r.memberName(), r.employerName(), r.sessionId(),
						r.alreadyCheckedIn(), r.at());
			}
			var existing = checkIns.findByMember(activityId, session, member.id());
			if (existing.isPresent()) {
				return walkInResult(existing.get(), true);
			}
		}
		Long knownMember = member == null ? null : member.id();
		String by = currentUser.username();
		try {
			long id = transaction.execute(status -> {
				long checkInId = checkIns.insert(activityId, session, null, knownMember, true, cleanName, cleanEmployer, by, clock.instant());
				audit.record("checkIn.walkIn", "check_in", checkInId, "activity " + activityId + ", session " + session
						+ (knownMember != null ? ", member " + knownMember : ", " + cleanName));
				return checkInId;
			});
			return walkInResult(checkIns.findById(id).orElseThrow(), false);
		}
		catch (DuplicateKeyException e) {
			if (knownMember == null) {
				throw e;
			}
			// The same member recorded at the other door a moment ago: that is the answer.
			return walkInResult(checkIns.findByMember(activityId, session, knownMember).orElseThrow(), true);
		}
	}

	/** Figures per session and per employer, and the number of distinct people who came. */
	@Transactional(readOnly = true)
	public Attendance attendance(long activityId) {
		access.requireWriter();
		return attendanceOf(access.visible(activityId));
	}

	/**
	 * The figures without the caller checks: for callers that did their own (the summary service) or need
	 * none (the module API's publishable summary, which carries no personal data).
	 */
	Attendance attendanceOf(ActivityRepository.Activity activity) {
		long activityId = activity.id();
		long registered = checkIns.seatHolders(activityId);
		Map<Long, CheckInRepository.SessionCount> counts = checkIns.perSession(activityId);
		List<SessionFigures> sessions = new ArrayList<>();
		for (CheckInRepository.SessionRow s : checkIns.sessions(activityId)) {
			var c = counts.get(s.id());
			sessions.add(new SessionFigures(s.id(), s.title(), s.counts(), registered, c == null ? 0 : c.checkedIn(), c == null ? 0 : c.walkIns()));
		}
		var withoutSession = counts.get(0L);
		if (sessions.isEmpty() || withoutSession != null) {
			sessions.add(new SessionFigures(null, null, true, registered, withoutSession == null ? 0 : withoutSession.checkedIn(),
					withoutSession == null ? 0 : withoutSession.walkIns()));
		}
		List<EmployerFigures> employers = checkIns.perEmployer(activityId).stream()
			.map(e -> new EmployerFigures(e.employerName(), e.people()))
			// Most people first; "not given" last, whatever its size.
			.sorted(Comparator.comparing((EmployerFigures e) -> e.employerName() == null)
				.thenComparing(EmployerFigures::people, Comparator.reverseOrder())
				.thenComparing(e -> e.employerName() == null ? "" : e.employerName()))
			.toList();
		return new Attendance(activity.id(), activity.title(), activity.status(), registered, checkIns.people(activityId), sessions, employers);
	}

	private CheckInResult checkInRegistration(long activityId, Long session, CheckInRepository.CodeMatch registration) {
		var existing = checkIns.findByMember(activityId, session, registration.memberId());
		if (existing.isPresent()) {
			return result(existing.get(), registration.registrationId(), true);
		}
		String by = currentUser.username();
		try {
			long id = transaction.execute(status -> {
				Instant now = clock.instant();
				long checkInId = checkIns.insert(activityId, session, registration.registrationId(), registration.memberId(), false, null, null, by,
						now);
				// Conditional on REGISTERED: a check-in for the second session, or a race with the other door, moves nothing.
				if (checkIns.markAttended(registration.registrationId(), now)) {
					checkIns.insertRegistrationEvent(registration.registrationId(), RegistrationStatus.REGISTERED, RegistrationStatus.ATTENDED, by,
							"check-in", now);
				}
				audit.record("checkIn.create", "check_in", checkInId,
						"activity " + activityId + ", session " + session + ", registration " + registration.registrationId());
				return checkInId;
			});
			return result(checkIns.findById(id).orElseThrow(), registration.registrationId(), false);
		}
		catch (DuplicateKeyException e) {
			// The other scan of the same code won the race (its transaction is the one that counts).
			return result(checkIns.findByMember(activityId, session, registration.memberId()).orElseThrow(), registration.registrationId(), true);
		}
	}

	/** Check-in happens around the activity: not on drafts, nor once it is cancelled or finished. */
	private static void requireOpen(ActivityRepository.Activity activity) {
		if (activity.status() != ActivityStatus.PUBLISHED && activity.status() != ActivityStatus.CLOSED
				&& activity.status() != ActivityStatus.ONGOING) {
			throw InvalidInputException.of(null, "activity.checkIn.notOpen");
		}
	}

	/** The session checked in for: as given (one of the activity's), the only one, or none without sessions. */
	private Long session(long activityId, Long sessionId) {
		List<CheckInRepository.SessionRow> sessions = checkIns.sessions(activityId);
		if (sessionId != null) {
			if (sessions.stream().noneMatch(s -> s.id() == sessionId)) {
				throw InvalidInputException.of("sessionId", "activity.checkIn.session");
			}
			return sessionId;
		}
		if (sessions.size() > 1) {
			throw InvalidInputException.of("sessionId", "activity.checkIn.sessionRequired");
		}
		return sessions.isEmpty() ? null : sessions.get(0).id();
	}

	/**
	 * The code as stored (32 lower-case hex digits) from what a scanner or a person typed: full-width forms
	 * from a Chinese input method, surrounding spaces, upper case and the QR code's prefix are accepted.
	 * Anything else is an unknown code, without asking the database.
	 */
	static String normalize(String code) {
		String value = code == null ? null : Text.clean(Text.toHalfWidth(code));
		if (value == null) {
			throw InvalidInputException.of("code", "validation.required");
		}
		if (value.regionMatches(true, 0, QR_PREFIX, 0, QR_PREFIX.length())) {
			value = value.substring(QR_PREFIX.length()).strip();
		}
		value = value.toLowerCase(Locale.ROOT);
		if (!CODE.matcher(value).matches()) {
			throw InvalidInputException.of("code", "activity.checkIn.unknownCode");
		}
		return value;
	}

	/** The registration status in the caller's language, resolved when the message is. */
	private static DefaultMessageSourceResolvable status(RegistrationStatus status) {
		return new DefaultMessageSourceResolvable(new String[] { "activity.checkIn.status." + status.name() }, status.name());
	}

	private static String line(String text, String field, int max, List<FieldProblem> problems) {
		String value = Text.clean(text);
		if (value != null && value.length() > max) {
			problems.add(new FieldProblem(field, "validation.tooLong", max));
		}
		else if (Text.hasControlCharacters(value)) {
			problems.add(new FieldProblem(field, "validation.controlCharacters"));
		}
		return value;
	}

	private static CheckInResult result(CheckInRepository.CheckIn c, long registrationId, boolean already) {
		return new CheckInResult(c.id(), registrationId, c.personName(), c.employerName(), c.sessionId(), already, c.at());
	}

	private static WalkInResult walkInResult(CheckInRepository.CheckIn c, boolean already) {
		return new WalkInResult(c.id(), c.memberId(), c.registrationId(), c.personName(), c.employerName(), c.sessionId(), already, c.at());
	}

	/** A check-in by code: who (name and employer only), for which session, and whether it had been done before. */
	public record CheckInResult(long checkInId, long registrationId, String memberName, String employerName, Long sessionId,
			boolean alreadyCheckedIn, Instant at) {
	}

	/**
	 * A walk-in as recorded; {@code registrationId} is set when the member turned out to hold a registration
	 * and was checked in on it instead.
	 */
	public record WalkInResult(long checkInId, Long memberId, Long registrationId, String name, String employerName, Long sessionId,
			boolean alreadyCheckedIn, Instant at) {
	}

	/**
	 * Attendance of an activity. {@code people} counts each known member once over all sessions, and each
	 * walk-in of an unknown person as one.
	 */
	public record Attendance(long activityId, String title, ActivityStatus status, long registered, long people, List<SessionFigures> sessions,
			List<EmployerFigures> employers) {
	}

	/**
	 * One session (or the activity itself, {@code sessionId} null, when it has no sessions). {@code registered}
	 * is the registrations holding a seat, the same for every session.
	 */
	public record SessionFigures(Long sessionId, String title, boolean counts, long registered, long checkedIn, long walkIns) {
	}

	/** People per employer; {@code employerName} null for those who gave none. */
	public record EmployerFigures(String employerName, long people) {
	}
}
