package org.gonghui.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.gonghui.shared.InvalidInputException.FieldProblem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PasswordPolicyTests {

	private static final List<String> WORDS = List.of("13800138001", "110106199003121011", "19900312");

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource({
			"short7x, account.password.length",
			"12345678, account.password.common",
			"PassWord1, account.password.common",
			"abababab, account.password.common",
			"me13800138001, account.password.personal",
			"born19900312!, account.password.personal",
			"Kuaidi-2026-spring, ''" })
	void workerPasswords(String password, String expected) {
		List<FieldProblem> problems = new ArrayList<>();
		PasswordPolicy.check(password, PasswordPolicy.WORKER_MIN, WORDS, "password", problems);
		assertThat(problems.stream().map(FieldProblem::code).toList()).isEqualTo(expected.isEmpty() ? List.of() : List.of(expected));
		problems.forEach(p -> assertThat(p.field()).isEqualTo("password"));
	}

	@ParameterizedTest
	@CsvSource({ "ninechars, 1", "ten-chars!, 0", "'', 1" })
	void staffNeedTenCharactersAndBcryptReadsNoMoreThan72(String password, int problemCount) {
		List<FieldProblem> problems = new ArrayList<>();
		PasswordPolicy.check(password, PasswordPolicy.STAFF_MIN, List.of(), "password", problems);
		assertThat(problems).hasSize(problemCount);
		List<FieldProblem> tooLong = new ArrayList<>();
		PasswordPolicy.check("x1".repeat(37), PasswordPolicy.STAFF_MIN, List.of(), "password", tooLong);
		assertThat(tooLong).extracting(FieldProblem::code).containsExactly("account.password.length");
	}
}
