package org.gonghui.shared;

import java.util.List;

/**
 * Input broke a rule. Carries message codes (resolved from the message bundles) per field, so pages
 * show them next to the field and the API lists them in a ProblemDetail. Thrown before anything is
 * stored.
 */
public class InvalidInputException extends RuntimeException {

	private final List<FieldProblem> problems;

	public InvalidInputException(List<FieldProblem> problems) {
		super("Invalid input: " + problems);
		this.problems = List.copyOf(problems);
	}

	public static InvalidInputException of(String field, String code, Object... args) {
		return new InvalidInputException(List.of(new FieldProblem(field, code, args)));
	}

	public List<FieldProblem> problems() {
		return problems;
	}

	/** {@code field} is null for a problem with the whole input. */
	public record FieldProblem(String field, String code, Object... args) {
	}
}
