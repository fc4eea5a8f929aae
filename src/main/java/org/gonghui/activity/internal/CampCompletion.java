package org.gonghui.activity.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;

import org.gonghui.activity.ActivityKind;
import org.gonghui.activity.ActivityStatus;
import org.gonghui.platform.AuditLog;
import org.gonghui.platform.CurrentUser;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.RecordNotFoundException;
import org.gonghui.shared.TextChecks;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Completion of a training camp's cohort. A trainee completes when the counting sessions they attended
 * reach the rule's share of all counting sessions (exactly at the threshold counts), and, if the rule asks,
 * they passed the final assessment. Evaluated when the camp finishes; staff may override a verdict with a
 * reason, which a later re-evaluation keeps.
 */
@Service
public class CampCompletion {

	private final CampCompletionRepository cohort;
	private final ActivityAccess access;
	private final CurrentUser currentUser;
	private final AuditLog audit;
	private final Clock clock;
	private final CertificateService certificates;

	CampCompletion(CampCompletionRepository cohort, ActivityAccess access, CurrentUser currentUser, AuditLog audit, Clock clock,
			CertificateService certificates) {
		this.certificates = certificates;
		this.cohort = cohort;
		this.access = access;
		this.currentUser = currentUser;
		this.audit = audit;
		this.clock = clock;
	}

	/** Evaluates every trainee of a finished camp (called by {@link ActivityLifecycle} in the finishing transaction). Returns how many completed. */
	int evaluate(ActivityRepository.Activity camp) {
		int counting = cohort.countingSessions(camp.id());
		int completed = 0;
		for (var t : cohort.trainees(camp.id())) {
			var trainee = counting == 0 ? new CampCompletionRepository.Trainee(t.registrationId(), t.memberId(), t.name(),
					cohort.attendedWithoutSessions(t.registrationId()), t.assessmentPassed()) : t;
			boolean byRule = CampCompletionRules.completes(trainee.attended(), counting, camp.completionMinShare(), camp.completionNeedsAssessment(),
					trainee.assessmentPassed());
			cohort.saveResult(camp.id(), trainee, counting, byRule, clock.instant());
			completed += byRule ? 1 : 0;
		}
		audit.record("camp.evaluate", "activity", camp.id(), completed + " completed");
		return completed;
	}

	/** Records a trainee's final assessment (before the camp finishes, or before a re-evaluation). */
	@Transactional
	public void recordAssessment(long activityId, Long memberId, Boolean passed) {
		access.requireWriter();
		var camp = camp(activityId);
		if (memberId == null || passed == null) {
			throw InvalidInputException.of(memberId == null ? "memberId" : "passed", "validation.required");
		}
		if (cohort.trainees(camp.id()).stream().noneMatch(t -> t.memberId() == memberId)) {
			throw InvalidInputException.of("memberId", "activity.camp.notTrainee");
		}
		cohort.recordAssessment(activityId, memberId, passed, currentUser.username(), clock.instant());
		audit.record("camp.assessment", "activity", activityId, "member " + memberId + ": " + (passed ? "passed" : "failed"));
	}

	/** Overrides a verdict after the camp finished; a reason is required when it departs from the rule. */
	@Transactional
	public void override(long activityId, Long memberId, Boolean completed, String reason) {
		access.requireWriter();
		var camp = camp(activityId);
		var problems = new java.util.ArrayList<InvalidInputException.FieldProblem>();
		String note = TextChecks.line(reason, "reason", 200, problems);
		if (memberId == null || completed == null) {
			throw InvalidInputException.of(memberId == null ? "memberId" : "completed", "validation.required");
		}
		var result = cohort.result(activityId, memberId).orElseThrow(() -> InvalidInputException.of("memberId", "activity.camp.notEvaluated"));
		if (result.completedByRule() != completed && note == null) {
			problems.add(new InvalidInputException.FieldProblem("reason", "activity.camp.overrideReason"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		cohort.override(activityId, memberId, completed, note, currentUser.username());
		if (completed && camp.issuer() != null) {
			certificates.issue(activityId);
		}
		if (!completed) {
			// A certificate must not outlive the completion it attests.
			certificates.revokeFor(activityId, memberId, note == null ? "结业结果调整" : note);
		}
		audit.record("camp.override", "activity", activityId, "member " + memberId + ": " + (completed ? "completed" : "not completed")
				+ (note == null ? "" : " (" + note + ")"));
	}

	@Transactional(readOnly = true)
	public List<CompletionView> results(long activityId) {
		access.requireWriter();
		camp(activityId);
		return cohort.results(activityId).stream()
			.map(r -> new CompletionView(r.memberId(), r.name(), r.attended(), r.counting(), r.assessmentPassed(), r.completedByRule(), r.completed(),
					r.overrideReason()))
			.toList();
	}

	private ActivityRepository.Activity camp(long activityId) {
		var a = access.visible(activityId);
		if (a.kind() != ActivityKind.TRAINING_CAMP) {
			throw new RecordNotFoundException("camp", activityId);
		}
		return a;
	}

	static boolean finishedCamp(ActivityRepository.Activity a) {
		return a.kind() == ActivityKind.TRAINING_CAMP && a.status() == ActivityStatus.FINISHED;
	}

	public record CompletionView(long memberId, String name, int attendedSessions, int countingSessions, Boolean assessmentPassed,
			boolean completedByRule, boolean completed, String overrideReason) {
	}
}
