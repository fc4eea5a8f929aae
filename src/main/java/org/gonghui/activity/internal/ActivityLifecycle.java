package org.gonghui.activity.internal;

import java.time.Clock;
import java.time.Instant;

import org.gonghui.activity.ActivityFinished;
import org.gonghui.activity.ActivityStatus;
import org.gonghui.activity.RegistrationStatus;
import org.gonghui.platform.AuditLog;
import org.gonghui.platform.CurrentUser;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.TextChecks;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Status moves of an activity, only the legal ones ({@link ActivityStatus#next()}): publish, close and
 * reopen registration, start, finish (seat holders who never checked in become NO_SHOW, whoever still
 * waits is cancelled), cancel (every open registration is cancelled; a reason is required).
 */
@Service
public class ActivityLifecycle {

	private final ActivityAccess access;
	private final ActivityRepository activities;
	private final CurrentUser currentUser;
	private final AuditLog audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final CampCompletion camps;
	private final CertificateService certificates;

	ActivityLifecycle(ActivityAccess access, ActivityRepository activities, CurrentUser currentUser, AuditLog audit,
			ApplicationEventPublisher events, Clock clock, CampCompletion camps, CertificateService certificates) {
		this.camps = camps;
		this.certificates = certificates;
		this.access = access;
		this.activities = activities;
		this.currentUser = currentUser;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/** Publishes a draft; the registration window opens now unless it was set. */
	@Transactional
	public void publish(long id) {
		access.requireWriter();
		ActivityRepository.Activity a = access.visible(id);
		if (a.status() != ActivityStatus.DRAFT || !activities.publish(id, clock.instant())) {
			throw InvalidInputException.of("status", "activity.publish.notDraft");
		}
		audit.record("activity.publish", "activity", id, a.title());
	}

	/**
	 * Finishes the activity as the API's {@code /finish} does: an activity still open for registration (or
	 * closed to it) is started first, since finishing says it took place. Returns the registrations closed out.
	 */
	@Transactional
	public int finish(long id) {
		access.requireWriter();
		ActivityRepository.Activity a = access.visible(id);
		if (a.status() == ActivityStatus.PUBLISHED || a.status() == ActivityStatus.CLOSED) {
			move(id, ActivityStatus.ONGOING, null);
		}
		return move(id, ActivityStatus.FINISHED, null);
	}

	/** Moves the activity to {@code to}; a reason is required to cancel. Returns how many registrations were closed out. */
	@Transactional
	public int move(long id, ActivityStatus to, String reason) {
		if (to == ActivityStatus.PUBLISHED) {
			ActivityRepository.Activity a = access.visible(id);
			if (a.status() == ActivityStatus.DRAFT) {
				publish(id);
				return 0;
			}
		}
		access.requireWriter();
		ActivityRepository.Activity a = access.visible(id);
		if (to == null) {
			throw InvalidInputException.of("status", "validation.required");
		}
		var problems = new java.util.ArrayList<InvalidInputException.FieldProblem>();
		String note = TextChecks.line(reason, "reason", 200, problems);
		if (to == ActivityStatus.CANCELLED && note == null) {
			problems.add(new InvalidInputException.FieldProblem("reason", "activity.cancel.reasonRequired"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		if (!a.status().mayMoveTo(to)) {
			throw InvalidInputException.of("status", "activity.status.illegal", a.status().name(), to.name());
		}
		Instant now = clock.instant();
		if (!activities.move(id, a.status(), to, now)) {
			throw new org.springframework.dao.OptimisticLockingFailureException("activity " + id + " changed meanwhile");
		}
		int closedOut = switch (to) {
			case FINISHED -> activities.closeOut(id, RegistrationStatus.NO_SHOW, currentUser.username(), "activity finished", now);
			case CANCELLED -> activities.closeOut(id, RegistrationStatus.CANCELLED, currentUser.username(), "activity cancelled: " + note, now);
			default -> 0;
		};
		audit.record("activity.status", "activity", id, a.status() + " -> " + to + (note == null ? "" : " (" + note + ")")
				+ (closedOut > 0 ? ", " + closedOut + " registrations closed out" : ""));
		if (to == ActivityStatus.FINISHED && a.kind() == org.gonghui.activity.ActivityKind.TRAINING_CAMP) {
			camps.evaluate(a);
			// Those who completed get their certificates in the same step, as staff expect after 结业.
			if (a.issuer() != null) {
				certificates.issue(id);
			}
		}
		if (to == ActivityStatus.FINISHED) {
			events.publishEvent(new ActivityFinished(id, a.kind(), a.organizationId()));
		}
		return closedOut;
	}
}
