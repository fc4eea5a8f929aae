package org.gonghui.facility.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The distinct opening-hours schedules of an index. Sites store a {@code char} index into this table
 * instead of a reference: a few dozen schedules are shared by hundreds of thousands of sites. "Open
 * now" is one bit test: the table is kept by minute of the week, each minute a bitset over the
 * schedules ({@code ceil(schedules / 64)} longs), so a query reads one small row. Index 0 is "no
 * schedule" (never open). Immutable; {@link Table} builds it.
 */
final class KdSchedules {

	static final int MINUTES_PER_WEEK = 7 * 24 * 60;

	/** Indexes are stored in 16 bits. */
	static final int MAX_SCHEDULES = 1 << 16;

	private static final int WORDS_PER_SCHEDULE = (MINUTES_PER_WEEK + 63) >>> 6;

	private final SiteIndex.WeeklySchedule[] schedules;

	/** Minute m, schedule s: bit {@code s & 63} of {@code openAt[m * wordsPerMinute + (s >>> 6)]}. */
	private final long[] openAt;

	private final int wordsPerMinute;

	private KdSchedules(SiteIndex.WeeklySchedule[] schedules, List<long[]> openMinutes) {
		this.schedules = schedules;
		this.wordsPerMinute = (schedules.length + 63) >>> 6;
		this.openAt = new long[MINUTES_PER_WEEK * wordsPerMinute];
		for (int s = 0; s < schedules.length; s++) {
			long[] minutes = openMinutes.get(s);
			for (int m = 0; m < MINUTES_PER_WEEK; m++) {
				if ((minutes[m >>> 6] >>> m & 1) != 0) {
					openAt[m * wordsPerMinute + (s >>> 6)] |= 1L << s;
				}
			}
		}
	}

	int size() {
		return schedules.length;
	}

	SiteIndex.WeeklySchedule get(int index) {
		return schedules[index];
	}

	long[] openAt() {
		return openAt;
	}

	/** Where the bitset of {@code minuteOfWeek} starts in {@link #openAt()}. */
	int rowOf(int minuteOfWeek) {
		return minuteOfWeek * wordsPerMinute;
	}

	boolean isOpen(int index, int minuteOfWeek) {
		return (openAt[rowOf(minuteOfWeek) + (index >>> 6)] >>> index & 1) != 0;
	}

	/**
	 * Writer side: assigns indexes, deduplicating schedules by {@code equals}, and hands out immutable
	 * snapshots. Indexes are stable for the life of a table; a rebuild of the base tree starts a new
	 * table, which drops schedules no site uses any more. Not thread-safe (the index's writer lock).
	 */
	static final class Table {

		private final Map<SiteIndex.WeeklySchedule, Integer> indexes = new HashMap<>();

		private final List<SiteIndex.WeeklySchedule> schedules = new ArrayList<>();

		/** Per schedule, a bitset over the minutes of the week. */
		private final List<long[]> openMinutes = new ArrayList<>();

		private KdSchedules snapshot;

		Table() {
			schedules.add(null);
			openMinutes.add(new long[WORDS_PER_SCHEDULE]);
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
			long[] bits = new long[WORDS_PER_SCHEDULE];
			for (int minute = 0; minute < MINUTES_PER_WEEK; minute++) {
				if (schedule.isOpenAtMinuteOfWeek(minute)) {
					bits[minute >>> 6] |= 1L << minute;
				}
			}
			int added = schedules.size();
			schedules.add(schedule);
			openMinutes.add(bits);
			indexes.put(schedule, added);
			snapshot = null;
			return added;
		}

		int size() {
			return schedules.size();
		}

		SiteIndex.WeeklySchedule get(int index) {
			return schedules.get(index);
		}

		boolean isFull() {
			return schedules.size() >= MAX_SCHEDULES;
		}

		KdSchedules snapshot() {
			if (snapshot == null) {
				snapshot = new KdSchedules(schedules.toArray(SiteIndex.WeeklySchedule[]::new), openMinutes);
			}
			return snapshot;
		}
	}
}
