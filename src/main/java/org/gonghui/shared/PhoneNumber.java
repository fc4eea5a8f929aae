package org.gonghui.shared;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Mainland China mobile number: 11 digits starting with 1 and a second digit from 3 to 9, kept
 * without country code or separators. {@link #toString()} gives the masked form so that logs do not
 * collect phone numbers; {@link #value()} gives the full number.
 */
public record PhoneNumber(String value) {

	private static final Pattern MOBILE = Pattern.compile("1[3-9][0-9]{9}");
	private static final Pattern DIGITS = Pattern.compile("[0-9]+");
	// What Excel or a spreadsheet library makes of a number cell: 13800138000.0, 1.3800138E10, 1.3800138E+10.
	// The exponent is limited to two digits so that 1E999999999 cannot make us build a huge number.
	private static final Pattern SPREADSHEET_NUMBER = Pattern.compile("[0-9]+\\.[0-9]*|[0-9]+(\\.[0-9]+)?[eE][+-]?[0-9]{1,2}");
	// Hyphen-minus plus the dashes Chinese input methods and word processors produce.
	private static final String SEPARATORS = "-()\u2010\u2011\u2012\u2013\u2014\u2015\u2212";

	/** Why a text is not a mobile number, for messages that say what to fix. */
	public enum Problem {

		EMPTY("nothing given"),
		CHARACTERS("only digits, spaces, dashes, parentheses and a +86 prefix are allowed"),
		LENGTH("not 11 digits"),
		PREFIX("not a mainland mobile number (1 followed by 3 to 9)");

		private final String description;

		Problem(String description) {
			this.description = description;
		}

		/** Short English description for logs and exceptions; pages translate the constant instead. */
		public String description() {
			return description;
		}
	}

	/** Takes the canonical 11-digit form only; use {@link #of} for typed or imported text. */
	public PhoneNumber {
		if (value == null || !MOBILE.matcher(value).matches()) {
			throw new IllegalArgumentException("Invalid mobile number");
		}
	}

	/** Normalises and validates; empty when the text is not a mainland mobile number. */
	public static Optional<PhoneNumber> parse(String text) {
		Reading reading = read(text);
		return reading.problem() == null ? Optional.of(new PhoneNumber(reading.value())) : Optional.empty();
	}

	/** Like {@link #parse} but throws; the message names the problem, never the number. */
	public static PhoneNumber of(String text) {
		Reading reading = read(text);
		if (reading.problem() != null) {
			throw new IllegalArgumentException("Invalid mobile number: " + reading.problem().description());
		}
		return new PhoneNumber(reading.value());
	}

	/** What is wrong with the text, or empty when {@link #parse} would accept it. */
	public static Optional<Problem> problem(String text) {
		return Optional.ofNullable(read(text).problem());
	}

	/** First three and last four digits: {@code 138****8000}. */
	public String masked() {
		return value.substring(0, 3) + "****" + value.substring(7);
	}

	@Override
	public String toString() {
		return masked();
	}

	private record Reading(String value, Problem problem) {
	}

	private static Reading read(String text) {
		String s = text == null ? "" : withoutSpaces(Text.toHalfWidth(text));
		if (s.isEmpty()) {
			return new Reading(null, Problem.EMPTY);
		}
		// Before separators go: the minus of 1.38E-10 is not a dash.
		if (SPREADSHEET_NUMBER.matcher(s).matches()) {
			BigDecimal number = new BigDecimal(s).stripTrailingZeros();
			if (number.scale() > 0) {
				return new Reading(null, Problem.CHARACTERS);
			}
			s = number.toPlainString();
		}
		s = withoutSeparators(s);
		if (s.startsWith("+86")) {
			s = s.substring(3);
		}
		else if (s.startsWith("0086") && s.length() == 15) {
			s = s.substring(4);
		}
		else if (s.startsWith("86") && s.length() == 13) {
			s = s.substring(2);
		}
		if (!DIGITS.matcher(s).matches()) {
			return new Reading(null, s.isEmpty() ? Problem.EMPTY : Problem.CHARACTERS);
		}
		if (s.length() != 11) {
			return new Reading(null, Problem.LENGTH);
		}
		if (!MOBILE.matcher(s).matches()) {
			return new Reading(null, Problem.PREFIX);
		}
		return new Reading(s, null);
	}

	private static String withoutSpaces(String text) {
		StringBuilder sb = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			// isSpaceChar also catches the no-break space that web pages and Excel paste in.
			if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
				sb.append(c);
			}
		}
		return sb.toString();
	}

	private static String withoutSeparators(String text) {
		StringBuilder sb = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (SEPARATORS.indexOf(c) < 0) {
				sb.append(c);
			}
		}
		return sb.toString();
	}
}
