package org.gonghui.shared;

import java.util.Locale;
import java.util.Optional;

/**
 * 统一社会信用代码 (unified social credit code, GB 32100-2015): 18 characters from a 31-character
 * alphabet without I, O, S, V and Z; the last is a check character over the first 17 (weights
 * 3^i mod 31).
 */
public record CreditCode(String value) {

	static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
	private static final int[] WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

	public CreditCode {
		if (parse(value).isEmpty() || !parse(value).get().equals(value)) {
			throw new IllegalArgumentException("Invalid unified social credit code");
		}
	}

	/**
	 * Normalises (trims, upper-cases, turns full-width characters into ASCII) and validates; empty when
	 * the text is not a valid code.
	 */
	public static Optional<String> parse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		String normalised = Text.toHalfWidth(text).strip().toUpperCase(Locale.ROOT);
		if (normalised.length() != 18) {
			return Optional.empty();
		}
		for (int i = 0; i < 18; i++) {
			if (ALPHABET.indexOf(normalised.charAt(i)) < 0) {
				return Optional.empty();
			}
		}
		return checkCharacter(normalised.substring(0, 17)) == normalised.charAt(17) ? Optional.of(normalised)
				: Optional.empty();
	}

	public static CreditCode of(String text) {
		return new CreditCode(parse(text).orElseThrow(() -> new IllegalArgumentException("Invalid unified social credit code")));
	}

	/** The check character for the first 17 characters of a code. */
	public static char checkCharacter(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			int v = ALPHABET.indexOf(first17.charAt(i));
			if (v < 0) {
				throw new IllegalArgumentException("Character outside the code alphabet: " + first17.charAt(i));
			}
			sum += v * WEIGHTS[i];
		}
		int check = (31 - sum % 31) % 31;
		return ALPHABET.charAt(check);
	}

	@Override
	public String toString() {
		return value;
	}
}
