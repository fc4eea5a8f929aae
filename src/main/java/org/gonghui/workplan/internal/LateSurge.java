package org.gonghui.workplan.internal;

import java.time.LocalDate;
import java.util.Optional;

import org.gonghui.platform.Metric.Period;

/**
 * The late-surge rule (待核查): a figure of which more than {@code percent} % came in the last seven days before the
 * cut-off (a mass import just before the deadline) is flagged for review. Counts below {@code minimum} are never
 * flagged: two of three homes opened in one week is a normal week, not an import.
 */
record LateSurge(int percent, long minimum) {

	static final int DAYS = 7;

	LateSurge {
		if (percent < 1 || percent > 100 || minimum < 1) {
			throw new IllegalArgumentException("A late-surge share is 1 to 100 % and its minimum at least 1");
		}
	}

	/** True when {@code lastWeek} of {@code total} is more than the share, and the total is worth looking at. */
	boolean flagged(long total, long lastWeek) {
		return total >= minimum && lastWeek * 100 > (long) percent * total;
	}

	/**
	 * The seven days up to the cut-off: {@code asOf} within the plan's year, its last day after it, none before
	 * it (nothing has been counted yet); clipped to the year's first day.
	 */
	static Optional<Period> window(int year, LocalDate asOf) {
		if (asOf.getYear() < year) {
			return Optional.empty();
		}
		LocalDate cutOff = asOf.getYear() > year ? LocalDate.of(year, 12, 31) : asOf;
		LocalDate from = cutOff.minusDays(DAYS - 1);
		return Optional.of(new Period(from.getYear() < year ? LocalDate.of(year, 1, 1) : from, cutOff));
	}
}
