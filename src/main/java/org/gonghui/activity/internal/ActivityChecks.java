package org.gonghui.activity.internal;

import java.time.Instant;
import java.util.List;

import org.gonghui.activity.ActivityKind;
import org.gonghui.activity.internal.ActivityService.CompletionRule;
import org.gonghui.activity.internal.ActivityService.NewSession;
import org.gonghui.shared.InvalidInputException.FieldProblem;
import org.gonghui.shared.TextChecks;
import org.springframework.stereotype.Component;

/**
 * The rules of an activity's own fields (title, capacity, registration window, sessions, a camp's
 * completion rule). What they point to in other modules is checked by {@link ActivityInput}. Problems are
 * collected so a form reports all of them at once.
 */
@Component
class ActivityChecks {

	static final int MAX_TITLE = 200;
	static final int MAX_DESCRIPTION = 4000;
	static final int MAX_VENUE = 200;
	static final int MAX_CAPACITY = 100_000;
	static final int MAX_SESSIONS = 100;

	private final ActivityInput input;

	ActivityChecks(ActivityInput input) {
		this.input = input;
	}

	/** The fields a new activity and an edit share. */
	Fields fields(String rawTitle, String rawDescription, String rawVenue, Long siteId, Integer capacity, Instant opens, Instant closes,
			List<FieldProblem> problems) {
		String title = TextChecks.line(rawTitle, "title", MAX_TITLE, problems);
		if (title == null) {
			problems.add(new FieldProblem("title", "validation.required"));
		}
		String venue = TextChecks.line(rawVenue, "venue", MAX_VENUE, problems);
		String description = TextChecks.text(rawDescription, "description", MAX_DESCRIPTION, problems);
		input.site(siteId, problems);
		if (capacity == null) {
			problems.add(new FieldProblem("capacity", "validation.required"));
		}
		else if (capacity < 1 || capacity > MAX_CAPACITY) {
			problems.add(new FieldProblem("capacity", "activity.capacity.range", MAX_CAPACITY));
		}
		if (opens != null && closes != null && !opens.isBefore(closes)) {
			problems.add(new FieldProblem("registrationClosesAt", "activity.window.closesBeforeOpens"));
		}
		return new Fields(title, description, venue);
	}

	/** The checked texts, cleaned. */
	record Fields(String title, String description, String venue) {
	}

	/**
	 * The least group size ("至少 8 人成团"): optional, meant for group counselling but allowed for any kind;
	 * from 1 up to the capacity (the most), which the registration's waitlist logic keeps.
	 */
	static void checkMinParticipants(Integer min, Integer capacity, List<FieldProblem> problems) {
		if (min == null) {
			return;
		}
		if (min < 1) {
			problems.add(new FieldProblem("minParticipants", "activity.minParticipants.range"));
		}
		else if (capacity != null && capacity >= 1 && min > capacity) {
			problems.add(new FieldProblem("minParticipants", "activity.minParticipants.aboveCapacity", capacity));
		}
	}

	/** Completion rules and issuers belong to training camps only. */
	static void checkCamp(ActivityKind kind, CompletionRule rule, String issuer, List<FieldProblem> problems) {
		if (kind != ActivityKind.TRAINING_CAMP) {
			if (rule != null) {
				problems.add(new FieldProblem("completionRule", "activity.camp.only"));
			}
			if (issuer != null) {
				problems.add(new FieldProblem("issuer", "activity.camp.only"));
			}
			return;
		}
		var share = rule == null ? null : rule.minAttendanceShare();
		if (share != null && (share.signum() <= 0 || share.compareTo(java.math.BigDecimal.ONE) > 0 || share.stripTrailingZeros().scale() > 3)) {
			problems.add(new FieldProblem("completionRule.minAttendanceShare", "activity.camp.share"));
		}
	}

	static void checkSessions(List<NewSession> sessions, List<FieldProblem> problems) {
		if (sessions.size() > MAX_SESSIONS) {
			problems.add(new FieldProblem("sessions", "activity.sessions.tooMany", MAX_SESSIONS));
			return;
		}
		for (int i = 0; i < sessions.size(); i++) {
			NewSession s = sessions.get(i);
			String field = "sessions[" + i + "]";
			if (s == null) {
				problems.add(new FieldProblem(field + ".title", "validation.required"));
				continue;
			}
			String title = TextChecks.line(s.title(), field + ".title", 200, problems);
			if (title == null) {
				problems.add(new FieldProblem(field + ".title", "validation.required"));
			}
			TextChecks.line(s.host(), field + ".host", 100, problems);
			TextChecks.line(s.place(), field + ".place", 200, problems);
			if (s.type() != null && !s.type().isBlank() && org.gonghui.activity.SessionType.parse(s.type()) == null) {
				problems.add(new FieldProblem(field + ".type", "activity.session.type.unknown"));
			}
			if (s.startsAt() == null || s.endsAt() == null) {
				problems.add(new FieldProblem(field + ".startsAt", "validation.required"));
			}
			else if (!s.startsAt().isBefore(s.endsAt())) {
				problems.add(new FieldProblem(field + ".endsAt", "activity.session.endsBeforeStart"));
			}
			else if (java.time.Duration.between(s.startsAt(), s.endsAt()).compareTo(java.time.Duration.ofHours(24)) > 0) {
				problems.add(new FieldProblem(field + ".endsAt", "activity.session.tooLong"));
			}
		}
	}
}
