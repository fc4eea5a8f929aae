package org.gonghui.activity.internal;

import java.security.SecureRandom;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Certificate numbers such as {@code 2026-7KQM-X3TD-9WAF-HR2C}: the year of issue, 15 random characters of
 * Crockford's base32 (75 bits, so neighbouring numbers tell nothing about each other and walking the verify
 * page is hopeless) and a Luhn mod 32 check character, which catches every single mistyped character and
 * most swapped neighbours before the database is asked. The alphabet has no I, L, O or U; typed I, L and O
 * are read as 1, 1 and 0, lower case as upper case, and spaces and dashes are ignored.
 */
final class CertificateNumbers {

	static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
	static final int RANDOM_CHARACTERS = 15;
	/** Year and the characters after it, without dashes. */
	private static final int LENGTH = 4 + RANDOM_CHARACTERS + 1;

	private static final SecureRandom RANDOM = new SecureRandom();

	private CertificateNumbers() {
	}

	static String next(int year) {
		return next(year, RANDOM);
	}

	static String next(int year, RandomGenerator random) {
		if (year < 1000 || year > 9999) {
			throw new IllegalArgumentException("year " + year);
		}
		StringBuilder raw = new StringBuilder(LENGTH).append(year);
		for (int i = 0; i < RANDOM_CHARACTERS; i++) {
			raw.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		raw.append(ALPHABET.charAt(checkValue(raw)));
		return format(raw);
	}

	/** The canonical form of a typed or scanned number, if it is one (format and check character); else empty. */
	static Optional<String> normalise(String typed) {
		if (typed == null || typed.length() > 64) {
			return Optional.empty();
		}
		StringBuilder raw = new StringBuilder(LENGTH);
		for (int i = 0; i < typed.length(); i++) {
			char c = Character.toUpperCase(typed.charAt(i));
			switch (c) {
				case ' ', '-', '\t' -> {
				}
				case 'O' -> raw.append('0');
				case 'I', 'L' -> raw.append('1');
				default -> raw.append(c);
			}
		}
		if (raw.length() != LENGTH) {
			return Optional.empty();
		}
		for (int i = 0; i < LENGTH; i++) {
			char c = raw.charAt(i);
			if (i < 4 ? (c < '0' || c > '9') : ALPHABET.indexOf(c) < 0) {
				return Optional.empty();
			}
		}
		if (checkValue(raw.subSequence(0, LENGTH - 1)) != ALPHABET.indexOf(raw.charAt(LENGTH - 1))) {
			return Optional.empty();
		}
		return Optional.of(format(raw));
	}

	/** Luhn mod N (N = 32) over the characters given: the value that makes the whole number's sum divisible by 32. */
	private static int checkValue(CharSequence payload) {
		int n = ALPHABET.length();
		int factor = 2;
		int sum = 0;
		for (int i = payload.length() - 1; i >= 0; i--) {
			int addend = factor * ALPHABET.indexOf(payload.charAt(i));
			factor = factor == 2 ? 1 : 2;
			sum += addend / n + addend % n;
		}
		return (n - sum % n) % n;
	}

	/** 2026-XXXX-XXXX-XXXX-XXXX: groups of four are easier to read out and to type. */
	private static String format(CharSequence raw) {
		StringBuilder out = new StringBuilder(LENGTH + 4);
		for (int i = 0; i < raw.length(); i += 4) {
			if (i > 0) {
				out.append('-');
			}
			out.append(raw, i, Math.min(i + 4, raw.length()));
		}
		return out.toString();
	}
}
