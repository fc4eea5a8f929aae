package org.gonghui.facility.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.Text;

/**
 * Weekly opening hours in a subset of OpenStreetMap's {@code opening_hours}: {@code 24/7}, or rules separated
 * by {@code ;}, each an optional weekday selector ({@code Mo}, {@code Mo-Fr}, {@code Sa-Mo}, {@code Sa,Su})
 * followed by time ranges ({@code 08:00-12:00,13:00-18:00}) or {@code off}. A rule without weekdays means every
 * day; a later rule replaces earlier ones for the days it names, while a rule joined by {@code ,} after a
 * time range adds to them (OSM's additional rule: {@code Mo-Fr 08:00-12:00, Sa 09:00-12:00}). A range whose
 * end is not after its start, or ends past 24:00, runs into the next day; that spill-over belongs to the
 * rule's day, so a later rule for the next day does not remove it. Weekdays without times are refused
 * (OSM would read them as open all day, which is rarely what someone meant).
 * <p>
 * Input is read the way Chinese staff type it: full-width digits and punctuation, {@code –}, {@code ~},
 * {@code 至} or {@code 到} for ranges, {@code 、} for lists, any case, hours without a leading zero.
 * <p>
 * The schedule compiles to one bit per minute of the week, so a lookup is one bit test, and two schedules
 * written differently but open at the same minutes are equal (the spatial index shares them).
 */
final class OpeningHours implements SiteIndex.WeeklySchedule {

	public static final String FIELD = "openingHours";
	public static final String EMPTY = "site.hours.empty";
	public static final String SYNTAX = "site.hours.syntax";
	public static final String TIME = "site.hours.time";
	public static final String TOO_LONG = "validation.tooLong";
	public static final int MAX_LENGTH = 200;

	static final int MINUTES_PER_DAY = 24 * 60;
	static final int MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;

	private static final String[] DAY_NAMES = { "Mo", "Tu", "We", "Th", "Fr", "Sa", "Su" };
	static final int ALL_DAYS = 0b1111111;
	// Error messages quote the fragment; a whole paragraph would not help.
	static final int MAX_FRAGMENT = 40;

	/** Bit m is set when the site is open in minute m of the week, Monday 00:00 being 0. */
	private final long[] bits;
	private final String text;

	/**
	 * One weekday for a site page: the ranges that start that day, as "08:00–18:00". A range shown as
	 * "22:00–06:00" ends the next morning, and that morning is not repeated on the next day's row, so an empty
	 * list means no opening starts that day.
	 */
	public record DayHours(DayOfWeek day, List<String> intervals) {

		public DayHours {
			intervals = List.copyOf(intervals);
		}
	}

	private OpeningHours(long[] bits) {
		this.bits = bits;
		this.text = canonicalText();
	}

	/**
	 * Reads opening hours; throws {@link InvalidInputException} on field {@value #FIELD} when it cannot. Both
	 * the text and its canonical form must fit in {@value #MAX_LENGTH} characters, so {@link #text()} can
	 * always be stored and parsed again.
	 */
	public static OpeningHours parse(String text) {
		if (text == null || text.isBlank()) {
			throw InvalidInputException.of(FIELD, EMPTY);
		}
		if (text.length() > MAX_LENGTH) {
			throw InvalidInputException.of(FIELD, TOO_LONG, MAX_LENGTH);
		}
		List<Rule> rules = new OpeningHoursParser(text).rules();
		if (rules.isEmpty()) {
			throw InvalidInputException.of(FIELD, EMPTY);
		}
		OpeningHours hours = new OpeningHours(compile(rules));
		// The canonical text is what gets stored and read back; it can come out longer than what was typed.
		if (hours.text().length() > MAX_LENGTH) {
			throw InvalidInputException.of(FIELD, TOO_LONG, MAX_LENGTH);
		}
		return hours;
	}

	public boolean isOpenAt(LocalDateTime localTime) {
		return isOpenAtMinuteOfWeek(minuteOfWeek(localTime));
	}

	public boolean isOpenAt(Instant instant, ZoneId zone) {
		return isOpenAt(LocalDateTime.ofInstant(instant, zone));
	}

	/** Minute of the week from Monday 00:00 (0) to Sunday 23:59 (10079). */
	public boolean isOpenAtMinuteOfWeek(int minuteOfWeek) {
		if (minuteOfWeek < 0 || minuteOfWeek >= MINUTES_PER_WEEK) {
			throw new IllegalArgumentException("Minute of week out of range: " + minuteOfWeek);
		}
		return (bits[minuteOfWeek >>> 6] & (1L << minuteOfWeek)) != 0;
	}

	public static int minuteOfWeek(LocalDateTime localTime) {
		return (localTime.getDayOfWeek().getValue() - 1) * MINUTES_PER_DAY + localTime.getHour() * 60
				+ localTime.getMinute();
	}

	public boolean alwaysOpen() {
		return Arrays.stream(bits).map(Long::bitCount).sum() == MINUTES_PER_WEEK;
	}

	public boolean neverOpen() {
		return Arrays.stream(bits).allMatch(word -> word == 0);
	}

	/** Canonical form, the same for every way of writing this schedule: {@code Mo-Fr 08:00-18:00; Sa,Su 09:00-17:00}. */
	public String text() {
		return text;
	}

	/** Monday to Sunday, for a table on the site page. */
	public List<DayHours> week() {
		List<List<int[]>> days = dayRanges();
		List<DayHours> week = new ArrayList<>(7);
		for (int day = 0; day < 7; day++) {
			week.add(new DayHours(DayOfWeek.of(day + 1), days.get(day).stream().map(r -> format(r, "–")).toList()));
		}
		return week;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof OpeningHours hours && Arrays.equals(bits, hours.bits);
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(bits);
	}

	@Override
	public String toString() {
		return text;
	}

	// ---- compiling ----

	/** Days as a bit mask (bit 0 Monday); ranges in minutes from the day's midnight, start < end <= start + 1440. */
	record Rule(int days, List<int[]> ranges, boolean additive) {
	}

	private static long[] compile(List<Rule> rules) {
		List<List<int[]>> own = new ArrayList<>(7);
		for (int day = 0; day < 7; day++) {
			own.add(new ArrayList<>());
		}
		for (Rule rule : rules) {
			for (int day = 0; day < 7; day++) {
				if ((rule.days() & (1 << day)) != 0) {
					if (!rule.additive()) {
						own.get(day).clear();
					}
					own.get(day).addAll(rule.ranges());
				}
			}
		}
		long[] bits = new long[(MINUTES_PER_WEEK + 63) / 64];
		for (int day = 0; day < 7; day++) {
			for (int[] range : own.get(day)) {
				int from = day * MINUTES_PER_DAY + range[0];
				for (int minute = from; minute < day * MINUTES_PER_DAY + range[1]; minute++) {
					// Sunday night runs into Monday morning at the start of the week.
					int m = minute % MINUTES_PER_WEEK;
					bits[m >>> 6] |= 1L << m;
				}
			}
		}
		return bits;
	}

	// ---- canonical form ----

	/**
	 * Each day's ranges as the canonical text and the week table show them. An open stretch that crosses
	 * midnight is shown on the day it starts, as in {@code 22:00-06:00}, when it ends the next day no later
	 * than it started; reading that back gives the same minutes.
	 */
	private List<List<int[]>> dayRanges() {
		List<List<int[]>> days = new ArrayList<>(7);
		for (int day = 0; day < 7; day++) {
			List<int[]> ranges = new ArrayList<>();
			int start = -1;
			for (int minute = 0; minute <= MINUTES_PER_DAY; minute++) {
				boolean open = minute < MINUTES_PER_DAY && isOpenAtMinuteOfWeek(day * MINUTES_PER_DAY + minute);
				if (open && start < 0) {
					start = minute;
				}
				else if (!open && start >= 0) {
					ranges.add(new int[] { start, minute });
					start = -1;
				}
			}
			days.add(ranges);
		}
		for (int day = 0; day < 7; day++) {
			List<int[]> today = days.get(day);
			List<int[]> tomorrow = days.get((day + 1) % 7);
			if (today.isEmpty() || tomorrow.isEmpty()) {
				continue;
			}
			int[] evening = today.get(today.size() - 1);
			int[] morning = tomorrow.get(0);
			// A range starting at 00:00 cannot be the evening part: it is a whole day or the previous night's tail.
			if (evening[0] > 0 && evening[1] == MINUTES_PER_DAY && morning[0] == 0 && morning[1] <= evening[0]) {
				evening[1] = MINUTES_PER_DAY + morning[1];
				tomorrow.remove(0);
			}
		}
		return days;
	}

	private String canonicalText() {
		if (alwaysOpen()) {
			return "24/7";
		}
		// Days with the same ranges share a rule; closed days are simply not named.
		Map<String, Integer> daysByRanges = new LinkedHashMap<>();
		List<List<int[]>> days = dayRanges();
		for (int day = 0; day < 7; day++) {
			if (!days.get(day).isEmpty()) {
				String ranges = String.join(",", days.get(day).stream().map(r -> format(r, "-")).toList());
				daysByRanges.merge(ranges, 1 << day, (a, b) -> a | b);
			}
		}
		if (daysByRanges.isEmpty()) {
			return "off";
		}
		List<String> rules = new ArrayList<>();
		daysByRanges.forEach((ranges, mask) -> rules.add(formatDays(mask) + " " + ranges));
		return String.join("; ", rules);
	}

	private static String format(int[] range, String dash) {
		int end = range[1] > MINUTES_PER_DAY ? range[1] - MINUTES_PER_DAY : range[1];
		return formatTime(range[0]) + dash + formatTime(end);
	}

	private static String formatTime(int minutes) {
		return String.format("%02d:%02d", minutes / 60, minutes % 60);
	}

	/** Mo-Fr for three or more days in a row, Sa,Su for two, lists joined by commas. */
	private static String formatDays(int mask) {
		List<String> parts = new ArrayList<>();
		int day = 0;
		while (day < 7) {
			if ((mask & (1 << day)) == 0) {
				day++;
				continue;
			}
			int last = day;
			while (last + 1 < 7 && (mask & (1 << (last + 1))) != 0) {
				last++;
			}
			if (last - day >= 2) {
				parts.add(DAY_NAMES[day] + "-" + DAY_NAMES[last]);
			}
			else {
				for (int d = day; d <= last; d++) {
					parts.add(DAY_NAMES[d]);
				}
			}
			day = last + 1;
		}
		return String.join(",", parts);
	}
}
