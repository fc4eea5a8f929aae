package org.gonghui.platform.internal;

import java.util.Locale;

import org.gonghui.shared.PhoneNumber;

/**
 * What a typed username means. Workers sign in with their phone number, which people type with spaces,
 * dashes or +86; staff usernames are lower case. Sign-in, lock-out and account creation all use this one
 * normalisation, so "138 0013 8000" and "13800138000" are the same account.
 */
final class AccountNames {

	private AccountNames() {
	}

	/** A username as audit texts write it: a worker's phone number masked (138****8000), a staff name as is. */
	static String shown(String username) {
		return username == null ? null : PhoneNumber.parse(username).map(PhoneNumber::masked).orElse(username);
	}

	static String normalise(String typed) {
		if (typed == null) {
			return "";
		}
		String stripped = typed.strip();
		if (!stripped.isEmpty() && stripped.chars().allMatch(c -> Character.isDigit(c) || c == ' ' || c == '-' || c == '+')) {
			var phone = PhoneNumber.parse(stripped);
			if (phone.isPresent()) {
				return phone.get().value();
			}
		}
		return stripped.toLowerCase(Locale.ROOT);
	}
}
