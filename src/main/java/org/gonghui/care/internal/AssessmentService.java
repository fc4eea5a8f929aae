package org.gonghui.care.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.gonghui.care.Band;
import org.gonghui.care.Instrument;
import org.gonghui.member.MemberSummary;
import org.gonghui.member.Members;
import org.gonghui.platform.AccountRef;
import org.gonghui.platform.AuditLog;
import org.gonghui.platform.CurrentUser;
import org.gonghui.platform.PersonalDataCipher;
import org.gonghui.platform.Role;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.InvalidInputException.FieldProblem;
import org.gonghui.shared.RecordNotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Voluntary self-assessment. A worker answers PHQ-9 or GAD-7 after consenting; the answers are stored
 * encrypted and only the worker — and the one counsellor they chose to share with — can open the result.
 * Everyone else, administrators included, is told it does not exist. A positive PHQ-9 item 9 opens a
 * follow-up for the counsellors serving the worker's union, due within {@code gonghui.care.follow-up-within}.
 */
@Service
public class AssessmentService {

	private final AssessmentRepository assessments;
	private final AssessmentSessionService sessions;
	private final Members members;
	private final PersonalDataCipher cipher;
	private final CurrentUser currentUser;
	private final AuditLog audit;
	private final Clock clock;
	private final Duration followUpWithin;

	AssessmentService(AssessmentRepository assessments, AssessmentSessionService sessions, Members members, PersonalDataCipher cipher, CurrentUser currentUser, AuditLog audit,
			Clock clock, @Value("${gonghui.care.follow-up-within:PT24H}") Duration followUpWithin) {
		this.assessments = assessments;
		this.sessions = sessions;
		this.members = members;
		this.cipher = cipher;
		this.currentUser = currentUser;
		this.audit = audit;
		this.clock = clock;
		this.followUpWithin = followUpWithin;
	}

	public record Taken(long id, Instrument instrument, int score, Band band, boolean suggestProfessional, boolean safetyFollowUp) {
	}

	public record AssessmentView(long id, Instrument instrument, List<Integer> answers, int score, Band band, boolean suggestProfessional,
			boolean safety, String sharedWith, Instant takenAt, boolean callBackRequested, boolean own) {

		/** When it was taken, in Beijing time, as pages show it. */
		public String when() {
			return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(takenAt.atZone(java.time.ZoneId.of("Asia/Shanghai")));
		}
	}

	public record Counsellor(long id, String name, String affiliation) {
	}

	/** Takes an assessment for the signed-in worker. Without consent nothing is stored. */
	@Transactional
	public Taken take(Instrument instrument, List<Integer> answers, Boolean consent, Long shareWith) {
		return take(instrument, answers, consent, shareWith, null);
	}

	/**
	 * As {@link #take(Instrument, List, Boolean, Long)}; with {@code sessionCode} (the QR of an on-site session) the
	 * result is shared with that session's counsellor, whatever {@code shareWith} says, and the session must be open.
	 */
	@Transactional
	public Taken take(Instrument instrument, List<Integer> answers, Boolean consent, Long shareWith, String sessionCode) {
		AccountRef worker = requireWorker();
		List<FieldProblem> problems = new ArrayList<>();
		if (!Boolean.TRUE.equals(consent)) {
			problems.add(new FieldProblem("consent", "care.assessment.consentRequired"));
		}
		if (instrument == null) {
			problems.add(new FieldProblem("instrument", "care.assessment.instrument"));
		}
		else if (answers == null || answers.size() != instrument.items() || answers.stream().anyMatch(a -> a == null || a < 0 || a > 3)) {
			problems.add(new FieldProblem("answers", "care.assessment.answers", instrument.items()));
		}
		String path = members.findByAccount(worker.username()).map(MemberSummary::unionPath).orElse(null);
		Long counsellor = null;
		AssessmentSessionRepository.Session session = null;
		if (sessionCode != null && !sessionCode.isBlank()) {
			session = sessions.openSession(sessionCode.strip(), problems);
			counsellor = session == null ? null : session.counsellorId();
		}
		else if (shareWith != null) {
			if (assessments.counsellorsServing(path).stream().noneMatch(c -> c.id() == shareWith)) {
				problems.add(new FieldProblem("shareWith", "care.assessment.counsellorUnknown"));
			}
			else {
				counsellor = shareWith;
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Scoring.Result result = Scoring.score(instrument, answers);
		Instant now = clock.instant();
		String encrypted = cipher.encrypt(String.join(",", answers.stream().map(String::valueOf).toList()));
		long id = assessments.insert(worker.id(), path, instrument, encrypted, result.score(), result.band(), result.safety(), counsellor,
				session == null ? null : session.id(), now);
		if (result.safety()) {
			long followUp = assessments.insertFollowUp(id, path, result.score(), result.item9(), now.plus(followUpWithin), now);
			// The audit names the follow-up, never the score or the answers.
			audit.record("care.followup.open", "care_follow_up", followUp, "safety path, due " + now.plus(followUpWithin));
		}
		audit.record("care.assessment.take", "care_assessment", id, instrument + (counsellor == null ? "" : ", shared with counsellor " + counsellor)
				+ (session == null ? "" : ", on-site session " + session.id()));
		return new Taken(id, instrument, result.score(), result.band(), result.suggestProfessional(), result.safety());
	}

	/** The assessment for its worker, or for the counsellor it was shared with (that read is audited); not found for anyone else. */
	@Transactional
	public AssessmentView get(long id) {
		AccountRef caller = currentUser.account().orElseThrow(() -> new RecordNotFoundException("care_assessment", id));
		var row = assessments.find(id).orElseThrow(() -> new RecordNotFoundException("care_assessment", id));
		boolean own = row.accountId() == caller.id();
		boolean sharedWithMe = caller.role() == Role.COUNSELLOR && row.sharedWith() != null
				&& assessments.counsellorOfAccount(caller.id()).map(c -> c.equals(row.sharedWith())).orElse(false);
		if (!own && !sharedWithMe) {
			throw new RecordNotFoundException("care_assessment", id);
		}
		if (sharedWithMe) {
			audit.record("care.assessment.read", "care_assessment", id, "counsellor read a shared assessment");
		}
		return view(row, own);
	}

	/** The signed-in worker's own results, newest first (the trend on 我的). */
	@Transactional(readOnly = true)
	public List<AssessmentView> mine() {
		AccountRef worker = requireWorker();
		return assessments.ofAccount(worker.id()).stream().map(r -> view(r, true)).toList();
	}

	/** Counsellors serving the signed-in worker's union: whom a result may be shared with. */
	@Transactional(readOnly = true)
	public List<Counsellor> counsellorsForMe() {
		AccountRef worker = requireWorker();
		String path = members.findByAccount(worker.username()).map(MemberSummary::unionPath).orElse(null);
		return assessments.counsellorsServing(path).stream().map(c -> new Counsellor(c.id(), c.name(), c.affiliation())).toList();
	}

	/** The worker asks to be called back on the safety path. */
	@Transactional
	public void requestCallBack(long id) {
		AccountRef worker = requireWorker();
		var row = assessments.find(id).filter(r -> r.accountId() == worker.id()).orElseThrow(() -> new RecordNotFoundException("care_assessment", id));
		var followUp = assessments.followUpOf(row.id()).orElseThrow(() -> new org.gonghui.shared.StateConflictException("care.followup.none"));
		assessments.requestCallBack(followUp.id());
		audit.record("care.followup.callback", "care_follow_up", followUp.id(), "worker asked to be called back");
	}

	private AssessmentView view(AssessmentRepository.AssessmentRow r, boolean own) {
		List<Integer> answers = Arrays.stream(cipher.decrypt(r.answersCipher()).split(",")).map(Integer::valueOf).toList();
		String sharedWith = r.sharedWith() == null ? null
				: assessments.counsellorsServing(r.organizationPath()).stream().filter(c -> c.id() == r.sharedWith()).map(c -> c.name()).findFirst()
					.orElse(null);
		boolean callBack = assessments.followUpOf(r.id()).map(AssessmentRepository.FollowUpRow::callBack).orElse(false);
		return new AssessmentView(r.id(), r.instrument(), answers, r.score(), r.band(), r.score() >= Scoring.PROFESSIONAL_FROM, r.safety(), sharedWith,
				r.takenAt(), callBack, own);
	}

	private AccountRef requireWorker() {
		return currentUser.account().filter(a -> a.role() == Role.WORKER)
			.orElseThrow(() -> new AccessDeniedException("Self-assessment is for workers signed in to their own account"));
	}
}
