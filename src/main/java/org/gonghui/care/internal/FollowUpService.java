package org.gonghui.care.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.gonghui.platform.AccountRef;
import org.gonghui.platform.AuditLog;
import org.gonghui.platform.CurrentUser;
import org.gonghui.platform.Role;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.OrgPath;
import org.gonghui.shared.PhoneNumber;
import org.gonghui.shared.RecordNotFoundException;
import org.gonghui.shared.StateConflictException;
import org.gonghui.shared.Text;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The safety path's follow-ups, for the duty counsellors of the worker's union and, once a deadline is missed,
 * the federation's care lead. A follow-up tells the score and item 9 only; the worker's number is shown only
 * through an audited reveal, and only when they asked to be called back.
 */
@Service
public class FollowUpService {

	private final AssessmentRepository assessments;
	private final CurrentUser currentUser;
	private final AuditLog audit;
	private final Clock clock;

	FollowUpService(AssessmentRepository assessments, CurrentUser currentUser, AuditLog audit, Clock clock) {
		this.assessments = assessments;
		this.currentUser = currentUser;
		this.audit = audit;
		this.clock = clock;
	}

	public record FollowUpView(long id, int score, int item9, boolean callBack, Instant dueAt, String status, boolean overdue, boolean escalated,
			boolean escalatedToMe, String outcome, Instant createdAt) {

		private static final java.time.format.DateTimeFormatter SHOWN = java.time.format.DateTimeFormatter.ofPattern("MM-dd HH:mm");

		public String opened() {
			return SHOWN.format(createdAt.atZone(java.time.ZoneId.of("Asia/Shanghai")));
		}

		public String due() {
			return SHOWN.format(dueAt.atZone(java.time.ZoneId.of("Asia/Shanghai")));
		}
	}

	@Transactional(readOnly = true)
	public List<FollowUpView> mine() {
		AccountRef me = requireCarer();
		Long counsellor = assessments.counsellorOfAccount(me.id()).orElse(null);
		Instant now = clock.instant();
		return assessments.forCounsellor(counsellor, me.id()).stream().map(f -> view(f, me, now)).toList();
	}

	private static FollowUpView view(AssessmentRepository.FollowUpRow f, AccountRef me, Instant now) {
		return new FollowUpView(f.id(), f.score(), f.item9(), f.callBack(), f.dueAt(), f.status(), !f.status().equals("CLOSED") && f.dueAt().isBefore(now),
				f.escalatedAt() != null, f.escalatedTo() != null && f.escalatedTo() == me.id(), f.outcome(), f.createdAt());
	}

	@Transactional
	public void take(long id) {
		AccountRef me = requireCarer();
		var f = mayHandle(id, me);
		long counsellor = assessments.counsellorOfAccount(me.id()).orElseThrow(() -> new AccessDeniedException("Only a counsellor takes a follow-up"));
		if (!assessments.take(f.id(), counsellor)) {
			throw new StateConflictException("care.followup.taken");
		}
		audit.record("care.followup.take", "care_follow_up", id, "taken");
	}

	@Transactional
	public void close(long id, String outcomeText) {
		AccountRef me = requireCarer();
		var f = mayHandle(id, me);
		String outcome = Text.clean(outcomeText);
		if (outcome == null || outcome.length() > 300) {
			throw InvalidInputException.of("outcome", outcome == null ? "validation.required" : "validation.tooLong", 300);
		}
		if (!assessments.close(f.id(), outcome, clock.instant())) {
			throw new StateConflictException("care.followup.closed");
		}
		// The outcome is the carer's note about a person in distress: it stays on the follow-up, not in the audit log.
		audit.record("care.followup.close", "care_follow_up", id, "closed");
	}

	/** The worker's mobile number, when they asked to be called back; audited as every reveal. */
	@Transactional
	public String revealContact(long id) {
		AccountRef me = requireCarer();
		var f = mayHandle(id, me);
		if (!f.callBack()) {
			throw new StateConflictException("care.followup.noCallBack");
		}
		String username = assessments.usernameOf(f.workerAccountId());
		audit.record("care.followup.reveal", "care_follow_up", id, "contact revealed for a call back");
		return PhoneNumber.parse(username).map(PhoneNumber::value).orElse(username);
	}

	/** Escalates every follow-up whose deadline passed while still open, to the care lead nearest the worker's union. */
	@Scheduled(initialDelayString = "${gonghui.care.escalation-every:PT1M}", fixedDelayString = "${gonghui.care.escalation-every:PT1M}")
	@Transactional
	public int escalateOverdue() {
		Instant now = clock.instant();
		int escalated = 0;
		for (var f : assessments.overdue(now)) {
			List<Long> ids = f.organizationPath() == null ? List.of() : new ArrayList<>(new OrgPath(f.organizationPath()).ids());
			Collections.reverse(ids);
			Long lead = assessments.careLead(ids).orElse(null);
			if (assessments.escalate(f.id(), lead, now)) {
				escalated++;
				audit.record("care.followup.escalate", "care_follow_up", f.id(), lead == null ? "deadline missed; no care lead set" : "deadline missed");
			}
		}
		return escalated;
	}

	private AssessmentRepository.FollowUpRow mayHandle(long id, AccountRef me) {
		var f = assessments.findFollowUp(id).orElseThrow(() -> new RecordNotFoundException("care_follow_up", id));
		boolean lead = f.escalatedTo() != null && f.escalatedTo() == me.id();
		boolean serving = assessments.counsellorOfAccount(me.id()).map(c -> assessments.serves(c, f.organizationPath())).orElse(false);
		if (!lead && !serving) {
			throw new RecordNotFoundException("care_follow_up", id);
		}
		return f;
	}

	private AccountRef requireCarer() {
		return currentUser.account().filter(a -> a.role() == Role.COUNSELLOR || a.role() == Role.STAFF || a.role() == Role.ADMIN)
			.orElseThrow(() -> new AccessDeniedException("Follow-ups are for counsellors and care leads"));
	}
}
