package org.gonghui.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CreditCodeTests {

	@ParameterizedTest
	@ValueSource(strings = { "914403001922038216", "91330100799655058B", "9144030071526726XG", "91110108551385082Q" })
	void acceptsPublishedCodesOfRealCompanies(String code) {
		assertThat(CreditCode.parse(code)).contains(code);
		assertThat(CreditCode.of(code).value()).isEqualTo(code);
	}

	@ParameterizedTest
	@ValueSource(strings = { " 9144030071526726xg ", "９１４４０３００７１５２６７２６ＸＧ" })
	void normalisesCaseSpacesAndFullWidth(String typed) {
		assertThat(CreditCode.parse(typed)).contains("9144030071526726XG");
	}

	@ParameterizedTest
	@ValueSource(strings = { "914403001922038217", // wrong check character
			"91440300192203821", // 17 characters
			"9144030019220382160", // 19 characters
			"9144030019220382I6", // I is not in the alphabet
			"91440300192203821O", "", "   ", "<script>alert(1)</script>" })
	void rejectsInvalidCodes(String code) {
		assertThat(CreditCode.parse(code)).isEmpty();
		assertThatIllegalArgumentException().isThrownBy(() -> CreditCode.of(code));
	}

	@ParameterizedTest
	@ValueSource(strings = { "91110106MA01FH000", "12110105CJL000005" })
	void checkCharacterMakesAValidCode(String first17) {
		assertThat(CreditCode.parse(first17 + CreditCode.checkCharacter(first17))).isPresent();
	}

	@org.junit.jupiter.api.Test
	void nullIsNotACode() {
		assertThat(CreditCode.parse(null)).isEmpty();
	}
}
