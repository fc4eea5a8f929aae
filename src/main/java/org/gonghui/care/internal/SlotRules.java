package org.gonghui.care.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import org.gonghui.shared.InvalidInputException.FieldProblem;

/**
 * The rules of availability slots and bookings that need no database: times, lengths, the cancellation cut-off,
 * what counts as back-to-back for the discretion option, and the form of phone numbers and links.
 */
final class SlotRules {

	/** Shorter than a quarter hour is no consultation; longer than four hours is a day, not a slot. */
	static final Duration MIN_LENGTH = Duration.ofMinutes(15);
	static final Duration MAX_LENGTH = Duration.ofHours(4);
	/** Slots are published for the coming half year at most, so a typo in the year is caught. */
	static final Duration HORIZON = Duration.ofDays(183);
	/**
	 * Two slots in one room are back-to-back when less than this lies between one's end and the other's start:
	 * the two people would meet at the door or in the waiting corner.
	 */
	static final Duration ADJACENT_GAP = Duration.ofMinutes(30);
	/** A worker holds at most this many upcoming bookings, so nobody blocks a counsellor's week. */
	static final int MAX_UPCOMING = 3;

	private static final Pattern PHONE = Pattern.compile("^\\+?[0-9][0-9 ()\\-]{4,28}[0-9]$");
	private static final Pattern LINK = Pattern.compile("^https://[^\\s<>\"']{4,292}$");

	private SlotRules() {
	}

	static void checkTimes(Instant startsAt, Instant endsAt, Instant now, List<FieldProblem> problems) {
		if (startsAt == null) {
			problems.add(new FieldProblem("startsAt", "validation.required"));
		}
		if (endsAt == null) {
			problems.add(new FieldProblem("endsAt", "validation.required"));
		}
		if (startsAt == null || endsAt == null) {
			return;
		}
		if (!startsAt.isAfter(now)) {
			problems.add(new FieldProblem("startsAt", "care.slot.past"));
		}
		else if (startsAt.isAfter(now.plus(HORIZON))) {
			problems.add(new FieldProblem("startsAt", "care.slot.tooFar", HORIZON.toDays()));
		}
		if (!endsAt.isAfter(startsAt)) {
			problems.add(new FieldProblem("endsAt", "care.slot.endsBeforeStart"));
		}
		else {
			Duration length = Duration.between(startsAt, endsAt);
			if (length.compareTo(MIN_LENGTH) < 0 || length.compareTo(MAX_LENGTH) > 0) {
				problems.add(new FieldProblem("endsAt", "care.slot.length", MIN_LENGTH.toMinutes(), MAX_LENGTH.toHours()));
			}
		}
	}

	/** Overlapping, or less than {@link #ADJACENT_GAP} apart. */
	static boolean backToBack(Instant aStart, Instant aEnd, Instant bStart, Instant bEnd) {
		return aStart.isBefore(bEnd.plus(ADJACENT_GAP)) && bStart.isBefore(aEnd.plus(ADJACENT_GAP));
	}

	/**
	 * The discretion rule for one candidate slot against the bookings held in the same room by workers of the
	 * candidate's employer: a conflict when one of them is back-to-back with the slot and either side asked for
	 * discretion (the worker booking now, or the one who booked before: both are protected).
	 */
	static boolean discretionConflict(Instant startsAt, Instant endsAt, boolean discreet, List<Neighbour> sameEmployerInRoom) {
		return sameEmployerInRoom.stream()
			.anyMatch(n -> (discreet || n.discreet()) && backToBack(startsAt, endsAt, n.startsAt(), n.endsAt()));
	}

	/** A booking held in a room, as the discretion rule sees it. */
	record Neighbour(long slotId, long siteId, Instant startsAt, Instant endsAt, boolean discreet) {
	}

	/** The worker may cancel until the cut-off before the start. */
	static boolean mayCancel(Instant startsAt, Instant now, Duration cutoff) {
		return now.isBefore(startsAt.minus(cutoff));
	}

	/** Done or no-show can only be said once the appointment has begun. */
	static boolean begun(Instant startsAt, Instant now) {
		return !now.isBefore(startsAt);
	}

	/** A number a worker can dial: digits with the usual separators, 6 to 30 characters. */
	static boolean isPhone(String text) {
		return text != null && PHONE.matcher(text).matches();
	}

	/** A video link: https only (it is opened from the worker's phone), no spaces or quotes. */
	static boolean isLink(String text) {
		return text != null && LINK.matcher(text).matches();
	}
}
