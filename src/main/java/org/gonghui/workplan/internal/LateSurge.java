package org.gonghui.workplan.internal;

import java.time.LocalDate;
import java.util.Optional;

import org.gonghui.platform.Metric;
import org.gonghui.platform.Metric.Period;
import org.gonghui.shared.OrgPath;

/**
 * The late-surge rule (待核查): a figure of which more than {@code percent} % came in the last seven days before the
 * cut-off (a mass import just before the deadline) is flagged for review. Counts below {@code minimum} are never
 * flagged: two of three homes opened in one week is a normal week, not an import. What "came in" is a flow's count
 * over the seven days, and a stock's rise over them (its value on the cut-off less its value the day before).
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

	/** What came in during {@code window} under {@code subtree}: see the class comment for flows and stocks. */
	static long cameIn(Metric metric, OrgPath subtree, Period window) {
		if (!metric.stock()) {
			return metric.count(subtree, window);
		}
		LocalDate before = window.from().minusDays(1);
		long rise = metric.count(subtree, new Period(window.to(), window.to())) - metric.count(subtree, new Period(before, before));
		return Math.max(0, rise);
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
