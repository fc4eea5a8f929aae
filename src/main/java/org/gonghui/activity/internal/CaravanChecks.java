package org.gonghui.activity.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.gonghui.activity.internal.CaravanService.CaravanSession;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.InvalidInputException.FieldProblem;
import org.gonghui.shared.TextChecks;

/**
 * The input rules of a caravan request and its schedule: the date window, the sessions inside it, the
 * contact phone, the notes of a decision. Static: they depend on the day, which the caller passes in.
 */
final class CaravanChecks {

	static final int MAX_PARTICIPANTS = 10_000;
	static final int MAX_NEEDS = 1000;
	static final int MAX_NOTE = 200;
	static final int MAX_MONTHS_AHEAD = 6;
	static final int MAX_SESSIONS = 20;

	/** Office phones are landlines as often as mobiles: digits with the usual separators, no stricter rule. */
	private static final Pattern PHONE = Pattern.compile("[0-9+()\\- ]{5,30}");

	private CaravanChecks() {
	}

	static boolean isPhone(String halfWidth) {
		return PHONE.matcher(halfWidth).matches();
	}

	/** A decision's note (or reason, when required); throws at once, there is nothing else to report. */
	static String note(String raw, String field, boolean required) {
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

	/** The window asked for: after today, not reversed, at most {@link #MAX_MONTHS_AHEAD} months ahead. */
	static void checkWindow(LocalDate from, LocalDate to, LocalDate today, List<FieldProblem> problems) {
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

	/** The scheduled sessions: at least one, each in the future and inside the request's window (Beijing days). */
	static void checkSessions(CaravanRepository.Request r, List<CaravanSession> sessions, Instant now, List<FieldProblem> problems) {
		if (sessions.isEmpty()) {
			problems.add(new FieldProblem("sessions", "caravan.sessions.required"));
			return;
		}
		if (sessions.size() > MAX_SESSIONS) {
			problems.add(new FieldProblem("sessions", "activity.list.tooMany", MAX_SESSIONS));
			return;
		}
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
			else if (LocalDate.ofInstant(s.startsAt(), CaravanQueries.BEIJING).isBefore(r.windowFrom())
					|| LocalDate.ofInstant(s.endsAt(), CaravanQueries.BEIJING).isAfter(r.windowTo())) {
				problems.add(new FieldProblem(field + ".startsAt", "caravan.session.outsideWindow", r.windowFrom().toString(), r.windowTo().toString()));
			}
		}
	}

	static String required(String value, String field, List<FieldProblem> problems) {
		if (value == null) {
			problems.add(new FieldProblem(field, "validation.required"));
		}
		return value;
	}
}
