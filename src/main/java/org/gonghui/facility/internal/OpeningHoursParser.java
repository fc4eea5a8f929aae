package org.gonghui.facility.internal;

import static org.gonghui.facility.internal.OpeningHours.ALL_DAYS;
import static org.gonghui.facility.internal.OpeningHours.FIELD;
import static org.gonghui.facility.internal.OpeningHours.MAX_FRAGMENT;
import static org.gonghui.facility.internal.OpeningHours.MINUTES_PER_DAY;
import static org.gonghui.facility.internal.OpeningHours.SYNTAX;
import static org.gonghui.facility.internal.OpeningHours.TIME;

import java.util.ArrayList;
import java.util.List;

import org.gonghui.facility.internal.OpeningHours.Rule;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.Text;

/**
 * Hand-written scanner over a normalised copy of the input. Normalising maps each character to one
 * character, so positions in the copy are positions in what was typed, and errors quote the original.
 */
final class OpeningHoursParser {

	private static final List<String> DAYS = List.of("mo", "tu", "we", "th", "fr", "sa", "su");

	private final String original;
	private final String s;
	private int pos;
	private int segmentStart;
	private int segmentEnd;

	OpeningHoursParser(String original) {
		this.original = original;
		this.s = normalise(original);
	}

	private static String normalise(String text) {
		String half = Text.toHalfWidth(text);
		StringBuilder sb = new StringBuilder(half.length());
		for (int i = 0; i < half.length(); i++) {
			char c = half.charAt(i);
			if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
				sb.append(' ');
			}
			else if (c == '~' || c == '至' || c == '到' || c == '\u301C' || c == '\u2212' || (c >= '\u2010' && c <= '\u2015')) {
				sb.append('-');
			}
			else if (c == '、') {
				sb.append(',');
			}
			else if (c >= 'A' && c <= 'Z') {
				sb.append((char) (c - 'A' + 'a'));
			}
			else {
				sb.append(c);
			}
		}
		return sb.toString();
	}

	List<Rule> rules() {
		List<Rule> rules = new ArrayList<>();
		int start = 0;
		while (start <= s.length()) {
			int end = s.indexOf(';', start);
			if (end < 0) {
				end = s.length();
			}
			segmentStart = start;
			segmentEnd = end;
			String segment = s.substring(start, end).strip();
			if (segment.equals("24/7")) {
				rules.add(new Rule(ALL_DAYS, List.of(new int[] { 0, MINUTES_PER_DAY }), false));
			}
			else if (!segment.isEmpty()) {
				pos = start;
				readSegment(rules);
			}
			start = end + 1;
		}
		return rules;
	}

	/** One {@code ;}-separated part: a rule, possibly followed by additional rules after commas. */
	private void readSegment(List<Rule> rules) {
		boolean additive = false;
		while (true) {
			skipSpaces();
			int ruleStart = pos;
			int days = ALL_DAYS;
			if (atDay()) {
				days = readDays();
				skipSpaces();
				// "Mo-Fr: 08:00-18:00" is a common slip; the colon says nothing.
				if (peek() == ':') {
					pos++;
					skipSpaces();
				}
			}
			if (pos >= segmentEnd) {
				throw syntax(ruleStart);
			}
			List<int[]> ranges = new ArrayList<>();
			boolean off = false;
			while (true) {
				skipSpaces();
				int itemStart = pos;
				String word = peekWord();
				if (word.equals("off") || word.equals("closed")) {
					if (off || !ranges.isEmpty()) {
						throw syntax(itemStart);
					}
					off = true;
					pos += word.length();
				}
				else if (isDigit(peek()) && !off) {
					ranges.add(readRange());
				}
				else {
					throw syntax(itemStart);
				}
				skipSpaces();
				if (pos >= segmentEnd) {
					rules.add(new Rule(days, ranges, additive));
					return;
				}
				if (peek() != ',') {
					throw syntax(pos);
				}
				pos++;
				skipSpaces();
				if (atDay()) {
					rules.add(new Rule(days, ranges, additive));
					additive = true;
					break;
				}
			}
		}
	}

	private int readDays() {
		int mask = 0;
		while (true) {
			int first = readDay();
			skipSpaces();
			if (peek() == '-') {
				pos++;
				skipSpaces();
				int last = readDay();
				// Sa-Mo wraps over the weekend.
				for (int day = first;; day = (day + 1) % 7) {
					mask |= 1 << day;
					if (day == last) {
						break;
					}
				}
			}
			else {
				mask |= 1 << first;
			}
			int save = pos;
			skipSpaces();
			if (peek() == ',') {
				pos++;
				skipSpaces();
				if (atDay()) {
					continue;
				}
			}
			pos = save;
			return mask;
		}
	}

	private int readDay() {
		int start = pos;
		int day = DAYS.indexOf(peekWord());
		if (day < 0) {
			throw syntax(start);
		}
		pos += 2;
		return day;
	}

	private boolean atDay() {
		return DAYS.contains(peekWord());
	}

	/** A range in minutes, start < end <= start + 1440. */
	private int[] readRange() {
		int rangeStart = pos;
		int start = readTime();
		if (start >= MINUTES_PER_DAY) {
			throw time(rangeStart, pos);
		}
		skipSpaces();
		if (peek() != '-') {
			throw syntax(rangeStart);
		}
		pos++;
		skipSpaces();
		int end = readTime();
		if (end > MINUTES_PER_DAY + start) {
			// 18:00-26:00 is fine (02:00 the next day); 08:00-33:00 would be more than a day.
			throw time(rangeStart, pos);
		}
		if (end <= start) {
			end += MINUTES_PER_DAY;
		}
		return new int[] { start, end };
	}

	/** H:MM or HH:MM, hours up to 48 (extended times run into the next day), minutes 00-59. */
	private int readTime() {
		int start = pos;
		int digits = 0;
		int hours = 0;
		while (isDigit(peek()) && digits < 2) {
			hours = hours * 10 + (s.charAt(pos++) - '0');
			digits++;
		}
		if (digits == 0 || peek() != ':') {
			throw syntax(start);
		}
		pos++;
		if (!isDigit(peek()) || !isDigit(peekAt(pos + 1)) || isDigit(peekAt(pos + 2))) {
			throw syntax(start);
		}
		int minutes = (s.charAt(pos) - '0') * 10 + (s.charAt(pos + 1) - '0');
		pos += 2;
		int total = hours * 60 + minutes;
		if (minutes > 59 || total > 2 * MINUTES_PER_DAY) {
			throw time(start, pos);
		}
		return total;
	}

	private void skipSpaces() {
		while (pos < segmentEnd && s.charAt(pos) == ' ') {
			pos++;
		}
	}

	private char peek() {
		return peekAt(pos);
	}

	private char peekAt(int index) {
		return index < segmentEnd ? s.charAt(index) : '\0';
	}

	private String peekWord() {
		int end = pos;
		while (end < segmentEnd && s.charAt(end) >= 'a' && s.charAt(end) <= 'z') {
			end++;
		}
		return s.substring(pos, end);
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

	/** Names what was typed from the offending place to the end of the rule, or the whole rule. */
	private InvalidInputException syntax(int at) {
		String fragment = original.substring(Math.min(at, segmentEnd), segmentEnd).strip();
		if (fragment.isEmpty()) {
			fragment = original.substring(segmentStart, segmentEnd).strip();
		}
		if (fragment.length() > MAX_FRAGMENT) {
			fragment = fragment.substring(0, MAX_FRAGMENT) + "…";
		}
		return InvalidInputException.of(FIELD, SYNTAX, fragment);
	}

	private InvalidInputException time(int from, int to) {
		return InvalidInputException.of(FIELD, TIME, original.substring(from, to).strip());
	}
}
