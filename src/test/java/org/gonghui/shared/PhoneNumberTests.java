package org.gonghui.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;

import org.gonghui.shared.PhoneNumber.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumberTests {

	@ParameterizedTest
	@ValueSource(strings = { "13800138000", "+86 138 0013 8000", "+86-138-0013-8000", "0086-13800138000",
			"0086 138 0013 8000", "86 13800138000", "8613800138000", "(+86) 138-0013-8000", "（＋８６）１３８－００１３－８０００",
			"１３８００１３８０００", "138\u30000013\u30008000", "\u00A013800138000\t", "138—0013—8000",
			// number cells from Excel, as a spreadsheet library or a CSV export hands them over
			"13800138000.0", "13800138000.", "1.3800138E10", "1.3800138E+10", "1.38001380000e10", "8613800138000.0" })
	void normalisesWhatPeopleTypeAndSpreadsheetsProduce(String typed) {
		assertThat(PhoneNumber.parse(typed)).contains(new PhoneNumber("13800138000"));
		assertThat(PhoneNumber.of(typed).value()).isEqualTo("13800138000");
		assertThat(PhoneNumber.problem(typed)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "13012345678", "14512345678", "15012345678", "16612345678", "17712345678", "18812345678",
			"19912345678" })
	void acceptsEverySecondDigitFromThreeToNine(String number) {
		assertThat(PhoneNumber.of(number).value()).isEqualTo(number);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			12800138000      | PREFIX
			10000000000      | PREFIX
			23800138000      | PREFIX
			1380013800       | LENGTH
			138001380001     | LENGTH
			861380013800     | LENGTH
			0086138001380    | LENGTH
			+86 1380013800   | LENGTH
			1E99             | LENGTH
			138OO138OOO      | CHARACTERS
			138-0013-800a    | CHARACTERS
			1.38001380005E10 | CHARACTERS
			13800138000.5    | CHARACTERS
			1.3800138E-10    | CHARACTERS
			+1 415 555 0100  | CHARACTERS
			13800138000#123  | CHARACTERS
			""")
	void saysWhatIsWrong(String text, Problem problem) {
		assertThat(PhoneNumber.problem(text)).contains(problem);
		assertThat(PhoneNumber.parse(text)).isEmpty();
		assertThatIllegalArgumentException().isThrownBy(() -> PhoneNumber.of(text))
			.withMessage("Invalid mobile number: " + problem.description());
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "   ", "\u3000", "+86", "( - )" })
	void nothingIsEmpty(String text) {
		assertThat(PhoneNumber.problem(text)).contains(Problem.EMPTY);
		assertThat(PhoneNumber.parse(text)).isEmpty();
		assertThatIllegalArgumentException().isThrownBy(() -> PhoneNumber.of(text));
	}

	@Test
	void logsSeeOnlyTheMaskedForm() {
		PhoneNumber phone = PhoneNumber.of("+86 138 0013 8000");
		assertThat(phone.masked()).isEqualTo("138****8000");
		assertThat(phone.toString()).isEqualTo("138****8000");
		assertThat("member phone " + phone + " in " + List.of(phone)).doesNotContain("0013");
		assertThat(phone.value()).isEqualTo("13800138000");
	}

	@Test
	void constructorTakesOnlyTheCanonicalForm() {
		assertThatIllegalArgumentException().isThrownBy(() -> new PhoneNumber("+8613800138000"));
		assertThatIllegalArgumentException().isThrownBy(() -> new PhoneNumber("138 0013 8000"));
		assertThatIllegalArgumentException().isThrownBy(() -> new PhoneNumber("12800138000"));
		assertThatIllegalArgumentException().isThrownBy(() -> new PhoneNumber(null));
	}
}
