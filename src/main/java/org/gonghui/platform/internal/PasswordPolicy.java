package org.gonghui.platform.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.gonghui.shared.InvalidInputException.FieldProblem;

/**
 * The rules a new password must meet: a least length (8 for workers, who type on a phone; 10 for staff,
 * whose accounts open whole subtrees), at most 72 characters (BCrypt reads no further), not one of the
 * commonly used passwords, and not containing the holder's own identifiers (username, phone number,
 * 身份证号, birth date), which are the first guesses of anyone who knows them.
 */
final class PasswordPolicy {

	static final int WORKER_MIN = 8;
	static final int STAFF_MIN = 10;
	static final int MAX = 72;

	private static final Set<String> COMMON = load();

	private PasswordPolicy() {
	}

	/** Adds the problems of {@code password} to {@code problems} under {@code field}. */
	static void check(String password, int minLength, Collection<String> personalWords, String field, List<FieldProblem> problems) {
		if (password == null || password.length() < minLength || password.length() > MAX) {
			problems.add(new FieldProblem(field, "account.password.length", minLength));
			return;
		}
		String lower = password.toLowerCase(Locale.ROOT);
		if (COMMON.contains(lower) || lower.chars().distinct().count() <= 2) {
			problems.add(new FieldProblem(field, "account.password.common"));
			return;
		}
		for (String word : personalWords) {
			if (word != null && word.length() >= 3 && lower.contains(word.toLowerCase(Locale.ROOT))) {
				problems.add(new FieldProblem(field, "account.password.personal"));
				return;
			}
		}
	}

	static boolean isCommon(String password) {
		return password != null && COMMON.contains(password.toLowerCase(Locale.ROOT));
	}

	private static Set<String> load() {
		try (var in = PasswordPolicy.class.getResourceAsStream("common-passwords.txt")) {
			if (in == null) {
				throw new IllegalStateException("common-passwords.txt is missing from the classpath");
			}
			try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
				return reader.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
					.map(l -> l.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
