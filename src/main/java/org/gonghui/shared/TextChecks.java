package org.gonghui.shared;

import java.util.List;

import org.gonghui.shared.InvalidInputException.FieldProblem;

/**
 * The checks every form field of free text gets: cleaned, not longer than allowed, no control characters.
 * Problems are collected, not thrown, so a form reports all of them at once.
 */
public final class TextChecks {

	private TextChecks() {
	}

	/** One line: white space collapsed ({@link Text#clean}); null when blank. */
	public static String line(String text, String field, int max, List<FieldProblem> problems) {
		return check(Text.clean(text), field, max, problems);
	}

	/** Text that may span lines: line breaks kept, ends trimmed; null when blank. */
	public static String text(String text, String field, int max, List<FieldProblem> problems) {
		if (text == null) {
			return null;
		}
		String cleaned = text.replace("\r\n", "\n").replace('\u3000', ' ').strip();
		return check(cleaned.isEmpty() ? null : cleaned, field, max, problems);
	}

	private static String check(String value, String field, int max, List<FieldProblem> problems) {
		if (value != null && value.length() > max) {
			problems.add(new FieldProblem(field, "validation.tooLong", max));
		}
		else if (Text.hasControlCharacters(value)) {
			problems.add(new FieldProblem(field, "validation.controlCharacters"));
		}
		return value;
	}
}
