package org.gonghui.facility.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The distinct opening-hours schedules of an index, each with its week as a bitset of 10,080 minutes.
 * Sites store a {@code char} index into this table instead of a reference: a few dozen schedules are
 * shared by hundreds of thousands of sites, and a query answers "open now" with one bit test instead of
 * a call into the schedule. Index 0 is "no schedule" (never open). Immutable; {@link Table} builds it.
 */
final class KdSchedules {

	static final int MINUTES_PER_WEEK = 7 * 24 * 60;

	/** Indexes are stored as {@code char}. */
	static final int MAX_SCHEDULES = Character.MAX_VALUE + 1;

	private static final int WORDS = (MINUTES_PER_WEEK + 63) >>> 6;

	private static final long[] NEVER_OPEN = new long[WORDS];

	private final SiteIndex.WeeklySchedule[] schedules;

	private final long[][] openMinutes;

	private KdSchedules(SiteIndex.WeeklySchedule[] schedules, long[][] openMinutes) {
		this.schedules = schedules;
		this.openMinutes = openMinutes;
	}

	int size() {
		return schedules.length;
	}

	SiteIndex.WeeklySchedule get(int index) {
		return schedules[index];
	}

	long[][] openMinutes() {
		return openMinutes;
	}

	boolean isOpen(int index, int minuteOfWeek) {
		return (openMinutes[index][minuteOfWeek >>> 6] >>> minuteOfWeek & 1) != 0;
	}

	private static long[] openMinutesOf(SiteIndex.WeeklySchedule schedule) {
		long[] bits = new long[WORDS];
		for (int minute = 0; minute < MINUTES_PER_WEEK; minute++) {
			if (schedule.isOpenAtMinuteOfWeek(minute)) {
				bits[minute >>> 6] |= 1L << minute;
			}
		}
		return bits;
	}

	/**
	 * Writer side: assigns indexes, deduplicating schedules by {@code equals}, and hands out immutable
	 * snapshots. Indexes are stable for the life of a table; a rebuild of the base tree starts a new
	 * table, which drops schedules no site uses any more. Not thread-safe (the index's writer lock).
	 */
	static final class Table {

		private final Map<SiteIndex.WeeklySchedule, Integer> indexes = new HashMap<>();

		private final List<SiteIndex.WeeklySchedule> schedules = new ArrayList<>();

		private final List<long[]> openMinutes = new ArrayList<>();

		private KdSchedules snapshot;

		Table() {
			schedules.add(null);
			openMinutes.add(NEVER_OPEN);
		}

		int indexOf(SiteIndex.WeeklySchedule schedule) {
			if (schedule == null) {
				return 0;
			}
			Integer index = indexes.get(schedule);
			if (index != null) {
				return index;
			}
			if (isFull()) {
				throw new IllegalStateException("more than " + (MAX_SCHEDULES - 1) + " distinct opening-hours schedules");
			}
			int added = schedules.size();
			schedules.add(schedule);
			openMinutes.add(openMinutesOf(schedule));
			indexes.put(schedule, added);
			snapshot = null;
			return added;
		}

		boolean isFull() {
			return schedules.size() >= MAX_SCHEDULES;
		}

		KdSchedules snapshot() {
			if (snapshot == null) {
				snapshot = new KdSchedules(schedules.toArray(SiteIndex.WeeklySchedule[]::new), openMinutes.toArray(long[][]::new));
			}
			return snapshot;
		}
	}
}
