package org.gonghui.care.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.gonghui.care.Band;
import org.gonghui.care.Instrument;
import org.gonghui.care.internal.AssessmentSessionRepository.Result;
import org.gonghui.care.internal.AssessmentSessionRepository.Session;
import org.gonghui.care.internal.CounsellorRepository.Counsellor;
import org.gonghui.platform.AuditLog;
import org.gonghui.platform.CurrentUser;
import org.gonghui.platform.Role;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.InvalidInputException.FieldProblem;
import org.gonghui.shared.RecordNotFoundException;
import org.gonghui.shared.StateConflictException;
import org.gonghui.shared.TextChecks;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * On-site assessments (现场测评) at a caravan or a group session. The counsellor opens a session for a few hours and
 * shows its QR code; willing participants scan it and answer PHQ-9 or GAD-7 on their own phone, signed in to their
 * own account. The result goes to the worker and to that counsellor, as the consent page says, and to nobody else:
 * the session's organiser, the union and the administrator see no row of it (the union's counts include it).
 */
@Service
public class AssessmentSessionService {

	static final int MAX_HOURS = 12;
	private static final int MAX_LISTED = 50;
	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));
	private static final SecureRandom RANDOM = new SecureRandom();

	private final AssessmentSessionRepository sessions;
	private final CounsellorService counsellors;
	private final CurrentUser currentUser;
	private final AuditLog audit;
	private final Clock clock;

	AssessmentSessionService(AssessmentSessionRepository sessions, CounsellorService counsellors, CurrentUser currentUser, AuditLog audit, Clock clock) {
		this.sessions = sessions;
		this.counsellors = counsellors;
		this.currentUser = currentUser;
		this.audit = audit;
		this.clock = clock;
	}

	/** A session as its counsellor and the scanning worker see it. */
	public record SessionView(long id, String title, String place, String code, String counsellorName, String affiliation, Instant opensAt,
			Instant closesAt, boolean open, long taken) {

		public String opens() {
			return WHEN.format(opensAt);
		}

		public String closes() {
			return WHEN.format(closesAt);
		}
	}

	/** A result of the session for its counsellor. */
	public record ResultView(long assessmentId, String workerName, Instrument instrument, int score, Band band, boolean safety, Instant takenAt) {

		public String when() {
			return WHEN.format(takenAt);
		}
	}

	public record SessionResults(SessionView session, List<ResultView> results) {
	}

	/** Opens a session now for {@code hours} (1 to 12, default 4). Bad input: 400, nothing stored. */
	@Transactional
	public SessionView open(String title, String place, Integer hours) {
		Counsellor me = requireCounsellor();
		List<FieldProblem> problems = new ArrayList<>();
		String t = TextChecks.line(title, "title", 100, problems);
		if (t == null && problems.isEmpty()) {
			problems.add(new FieldProblem("title", "validation.required"));
		}
		String p = TextChecks.line(place, "place", 200, problems);
		int h = hours == null ? 4 : hours;
		if (h < 1 || h > MAX_HOURS) {
			problems.add(new FieldProblem("hours", "care.session.hours", 1, MAX_HOURS));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Instant now = clock.instant();
		byte[] token = new byte[12];
		RANDOM.nextBytes(token);
		long id = sessions.insert(me.id(), t, p, HexFormat.of().formatHex(token), now, now.plus(Duration.ofHours(h)), now);
		audit.record("care.session.open", "care_assessment_session", id, t + ", " + h + " h");
		return view(sessions.find(id).orElseThrow());
	}

	/** The signed-in counsellor's sessions, latest first. */
	@Transactional(readOnly = true)
	public List<SessionView> mine() {
		Counsellor me = requireCounsellor();
		return sessions.ofCounsellor(me.id(), MAX_LISTED).stream().map(this::view).toList();
	}

	/** A session with its results, for its counsellor only (each result listed is an audited read); 404 for anyone else. */
	@Transactional
	public SessionResults results(long id) {
		Session s = own(id);
		List<Result> rows = sessions.results(id);
		rows.forEach(r -> audit.record("care.assessment.read", "care_assessment", r.assessmentId(), "counsellor listed the session's results"));
		return new SessionResults(view(s), rows.stream()
			.map(r -> new ResultView(r.assessmentId(), r.workerName(), r.instrument(), r.score(), r.band(), r.safety(), r.takenAt())).toList());
	}

	/** One of the signed-in counsellor's sessions, without its results (nothing is read); 404 for anyone else. */
	@Transactional(readOnly = true)
	public SessionView session(long id) {
		return view(own(id));
	}

	/** Ends a session early; scanning its code then answers that it is closed. */
	@Transactional
	public void close(long id) {
		own(id);
		if (!sessions.close(id, clock.instant())) {
			throw new StateConflictException("care.session.closed");
		}
		audit.record("care.session.close", "care_assessment_session", id, "closed by its counsellor");
	}

	/** What a worker who scanned the code sees: the session and its counsellor. Unknown codes: not found. */
	@Transactional(readOnly = true)
	public SessionView scanned(String code) {
		if (!currentUser.hasRole(Role.WORKER)) {
			throw new AccessDeniedException("On-site assessments are answered by workers signed in to their own account");
		}
		return sessions.byCode(code == null ? "" : code).map(this::view).orElseThrow(() -> new RecordNotFoundException("care_assessment_session", 0));
	}

	/**
	 * The session an assessment is answered in, checked while it is taken: it exists (else the field is wrong) and is
	 * open now (else 409 and nothing is stored).
	 */
	Session openSession(String code, List<FieldProblem> problems) {
		var found = sessions.byCode(code);
		if (found.isEmpty()) {
			problems.add(new FieldProblem("session", "care.session.unknown"));
			return null;
		}
		Instant now = clock.instant();
		if (now.isBefore(found.get().opensAt()) || !now.isBefore(found.get().closesAt())) {
			throw new StateConflictException("care.session.closed");
		}
		return found.get();
	}

	private Session own(long id) {
		Counsellor me = counsellors.own().orElseThrow(() -> new RecordNotFoundException("care_assessment_session", id));
		return sessions.find(id).filter(s -> s.counsellorId() == me.id()).orElseThrow(() -> new RecordNotFoundException("care_assessment_session", id));
	}

	private Counsellor requireCounsellor() {
		return counsellors.own().orElseThrow(() -> new AccessDeniedException("Only counsellors with a profile open on-site sessions"));
	}

	private SessionView view(Session s) {
		Instant now = clock.instant();
		boolean open = !now.isBefore(s.opensAt()) && now.isBefore(s.closesAt());
		return new SessionView(s.id(), s.title(), s.place(), s.code(), s.counsellorName(), s.affiliation(), s.opensAt(), s.closesAt(), open, s.taken());
	}
}
