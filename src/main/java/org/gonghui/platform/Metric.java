package org.gonghui.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.gonghui.shared.OrgPath;

/**
 * A figure a module publishes for the work plan (工作计划) to measure targets against: sites of a type opened,
 * members joined, activities held. Each module contributes its metrics as beans (usually {@link SqlMetric}s),
 * computed by SQL over its own live rows for an organisation's subtree and a period, so no figure is ever
 * typed in, and the work plan reads them without depending on any business module.
 *
 * <p>The caller has already checked that the subtree lies in the data scope; a metric only counts.
 */
public interface Metric {

	/** Stable identifier stored with targets, e.g. {@code site.opened.OUTDOOR_WORKER_STATION}. */
	String code();

	/** Message key of the label (e.g. 新建户外劳动者服务站点). */
	String labelKey();

	/** Message key of the unit (个, 人, 场). */
	String unitKey();

	/** The figure for the organisation at {@code subtree} and everything below it over the period. */
	long count(OrgPath subtree, Period period);

	/**
	 * The records behind the number (the stations with their opening dates), at most {@code limit}, newest
	 * first; empty when {@link #listsRecords()} is false.
	 */
	List<Counted> counted(OrgPath subtree, Period period, int limit);

	/** False for figures that must never lead to a person (self-assessments): counts only. */
	default boolean listsRecords() {
		return true;
	}

	/**
	 * True for a stock, a state on the period's last day (sites open, members active, members covered), false for a
	 * flow, what happened in the period (sites opened, members joined). A stock's recent rise is the change of its
	 * value over days, not its value over the last days, which counts nearly everything.
	 */
	default boolean stock() {
		return false;
	}

	/** Counts under this are not shown (care figures hide cells under ten); 0 shows every count. */
	default int hiddenBelow() {
		return 0;
	}

	/** A period of Beijing calendar days, both ends included. */
	record Period(LocalDate from, LocalDate to) {

		public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

		public Period {
			if (from == null || to == null || to.isBefore(from)) {
				throw new IllegalArgumentException("A period runs from a day to the same or a later day");
			}
		}

		public static Period year(int year) {
			return new Period(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
		}

		/** The first instant of the period: midnight of its first day in Beijing. */
		public Instant start() {
			return from.atStartOfDay(BEIJING).toInstant();
		}

		/** The first instant after the period: midnight after its last day in Beijing. */
		public Instant end() {
			return to.plusDays(1).atStartOfDay(BEIJING).toInstant();
		}

		public boolean contains(LocalDate day) {
			return !day.isBefore(from) && !day.isAfter(to);
		}
	}

	/**
	 * One record behind a figure: what it is, where, when it counted, how much it adds (1, or the participants
	 * of an activity) and the staff page that shows it (null when there is none).
	 */
	record Counted(long id, String name, String organizationName, LocalDate date, long quantity, String href) {
	}
}
