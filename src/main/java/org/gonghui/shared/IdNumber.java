package org.gonghui.shared;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * 居民身份证号 (citizen ID number, GB 11643-1999): a 6-digit region, the birth date as yyyyMMdd, a
 * 3-digit sequence whose last digit is odd for men, and an ISO 7064 MOD 11-2 check character (0–9 or
 * X). Also covers the residence permits for people from Hong Kong, Macau (81, 82) and Taiwan (83).
 * <p>
 * {@link #toString()} gives the masked form so that a stray log line or message never shows the full
 * number; {@link #value()} gives it for deliberate use (encryption, lookup hashes).
 */
public record IdNumber(String value) {

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
	private static final String CHECK_CHARACTERS = "10X98765432";
	// Province-level codes only: the county table changes every year and old numbers keep old codes.
	private static final Set<String> PROVINCES = Set.of("11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33",
			"34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63",
			"64", "65", "71", "81", "82", "83");
	// 'u' (proleptic year), not 'y' (year of era): STRICT resolving of 'y' would also need an era.
	private static final DateTimeFormatter BIRTH_DATE = DateTimeFormatter.ofPattern("uuuuMMdd")
		.withResolverStyle(ResolverStyle.STRICT);
	private static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);
	private static final Pattern DIGITS_AND_FINAL_X = Pattern.compile("[0-9]+X?");
	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	/** Why a text is not an ID number, for messages that say what to fix. */
	public enum Problem {

		EMPTY("nothing given"),
		LENGTH("not 15 or 18 characters"),
		CHARACTERS("only digits and a final X are allowed"),
		REGION("unknown province code"),
		BIRTH_DATE("birth date is not a real date between 1900-01-01 and today"),
		CHECK_DIGIT("check character does not match");

		private final String description;

		Problem(String description) {
			this.description = description;
		}

		/** Short English description for logs and exceptions; pages translate the constant instead. */
		public String description() {
			return description;
		}
	}

	public enum Gender {
		MALE, FEMALE
	}

	/**
	 * Takes the canonical 18-character form only (use {@link #of} for typed or imported text). Does
	 * not reject future birth dates: that depends on the day, and a number read back from storage must
	 * stay constructible whatever clock parsed it.
	 */
	public IdNumber {
		Problem problem = value == null ? Problem.EMPTY : value.length() == 18 ? problemWithEighteen(value) : Problem.LENGTH;
		if (problem != null) {
			throw new IllegalArgumentException(message(problem));
		}
	}

	/** Normalises and validates against today's date in China; empty when the text is not a valid number. */
	public static Optional<IdNumber> parse(String text) {
		return parse(text, Clock.system(CHINA));
	}

	public static Optional<IdNumber> parse(String text, Clock clock) {
		Reading reading = read(text, LocalDate.now(clock));
		return reading.problem() == null ? Optional.of(new IdNumber(reading.value())) : Optional.empty();
	}

	/** Like {@link #parse(String)} but throws; the message names the problem, never the number. */
	public static IdNumber of(String text) {
		return of(text, Clock.system(CHINA));
	}

	public static IdNumber of(String text, Clock clock) {
		Reading reading = read(text, LocalDate.now(clock));
		if (reading.problem() != null) {
			throw new IllegalArgumentException(message(reading.problem()));
		}
		return new IdNumber(reading.value());
	}

	/** What is wrong with the text, or empty when {@link #parse(String)} would accept it. */
	public static Optional<Problem> problem(String text) {
		return problem(text, Clock.system(CHINA));
	}

	public static Optional<Problem> problem(String text, Clock clock) {
		return Optional.ofNullable(read(text, LocalDate.now(clock)).problem());
	}

	/** The check character for the first 17 digits of a number. */
	public static char checkCharacter(String first17) {
		if (first17.length() != 17) {
			throw new IllegalArgumentException("Expected 17 digits, got " + first17.length() + " characters");
		}
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			char c = first17.charAt(i);
			if (c < '0' || c > '9') {
				throw new IllegalArgumentException("Not a digit: " + c);
			}
			sum += (c - '0') * WEIGHTS[i];
		}
		return CHECK_CHARACTERS.charAt(sum % 11);
	}

	public LocalDate birthDate() {
		return LocalDate.parse(value.substring(6, 14), BIRTH_DATE);
	}

	/** From the last digit of the sequence number, the 17th character: odd for men, even for women. */
	public Gender gender() {
		return (value.charAt(16) - '0') % 2 == 1 ? Gender.MALE : Gender.FEMALE;
	}

	/** Region and last four kept, birth date and sequence hidden: {@code 110105********002X}. */
	public String masked() {
		return value.substring(0, 6) + "********" + value.substring(14);
	}

	@Override
	public String toString() {
		return masked();
	}

	private record Reading(String value, Problem problem) {
	}

	private static Reading read(String text, LocalDate today) {
		String normalised = text == null ? "" : normalise(text);
		if (normalised.isEmpty()) {
			return new Reading(null, Problem.EMPTY);
		}
		if (!DIGITS_AND_FINAL_X.matcher(normalised).matches()) {
			return new Reading(null, Problem.CHARACTERS);
		}
		if (normalised.length() == 15) {
			// Numbers issued before 1999: two-digit year (always 19yy) and no check character.
			if (normalised.endsWith("X")) {
				return new Reading(null, Problem.CHARACTERS);
			}
			String first17 = normalised.substring(0, 6) + "19" + normalised.substring(6);
			normalised = first17 + checkCharacter(first17);
		}
		if (normalised.length() != 18) {
			return new Reading(null, Problem.LENGTH);
		}
		Problem problem = problemWithEighteen(normalised);
		if (problem == null && LocalDate.parse(normalised.substring(6, 14), BIRTH_DATE).isAfter(today)) {
			problem = Problem.BIRTH_DATE;
		}
		return new Reading(problem == null ? normalised : null, problem);
	}

	/** Spaces anywhere (people type 6-8-4 groups), full-width forms from Chinese input methods, a lower-case x. */
	private static String normalise(String text) {
		String halfWidth = Text.toHalfWidth(text);
		StringBuilder sb = new StringBuilder(halfWidth.length());
		for (int i = 0; i < halfWidth.length(); i++) {
			char c = halfWidth.charAt(i);
			// isSpaceChar also catches the no-break space that web pages and Excel paste in.
			if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
				sb.append(c == 'x' ? 'X' : c);
			}
		}
		return sb.toString();
	}

	/** Everything but the date-dependent rule, on text that is already 18 characters long. */
	private static Problem problemWithEighteen(String value) {
		if (!DIGITS_AND_FINAL_X.matcher(value).matches()) {
			return Problem.CHARACTERS;
		}
		if (!PROVINCES.contains(value.substring(0, 2))) {
			return Problem.REGION;
		}
		try {
			if (LocalDate.parse(value.substring(6, 14), BIRTH_DATE).isBefore(EARLIEST_BIRTH_DATE)) {
				return Problem.BIRTH_DATE;
			}
		}
		catch (DateTimeParseException ex) {
			return Problem.BIRTH_DATE;
		}
		return checkCharacter(value.substring(0, 17)) == value.charAt(17) ? null : Problem.CHECK_DIGIT;
	}

	private static String message(Problem problem) {
		return "Invalid ID number: " + problem.description();
	}
}
