package org.gonghui.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;

import org.gonghui.shared.IdNumber.Gender;
import org.gonghui.shared.IdNumber.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class IdNumberTests {

	// 16:00 UTC is already 15 June in Beijing: "today" follows the clock's zone.
	static final Clock JUNE_15_2025 = Clock.fixed(Instant.parse("2025-06-14T16:00:00Z"), ZoneId.of("Asia/Shanghai"));

	@ParameterizedTest
	@ValueSource(strings = { "11010519491231002X", // the example in GB 11643-1999
			"310101200002290015", // 29 February of a leap year
			"50010119900101123X", "650102200109105558", "350203197806151230",
			"15010219000101000X", // earliest accepted birth date
			"710000202506150018", // born today
			"810000199001010019", // Hong Kong residence permit
			"830000198511110027" // Taiwan residence permit
	})
	void acceptsValidNumbers(String number) {
		assertThat(IdNumber.parse(number, JUNE_15_2025)).contains(new IdNumber(number));
		assertThat(IdNumber.of(number, JUNE_15_2025).value()).isEqualTo(number);
		assertThat(IdNumber.problem(number, JUNE_15_2025)).isEmpty();
	}

	@Test
	void usesTheSystemClockWhenNoneIsGiven() {
		assertThat(IdNumber.parse("11010519491231002X")).isPresent();
		assertThat(IdNumber.problem("110105194912310021")).contains(Problem.CHECK_DIGIT);
		assertThat(IdNumber.of("11010519491231002X").value()).isEqualTo("11010519491231002X");
	}

	@Test
	void checkCharacterAgreesWithAnIndependentFormula() {
		Random random = new Random(11643);
		for (int n = 0; n < 2000; n++) {
			StringBuilder first17 = new StringBuilder();
			for (int i = 0; i < 17; i++) {
				first17.append((char) ('0' + random.nextInt(10)));
			}
			assertThat(IdNumber.checkCharacter(first17.toString())).as(first17.toString())
				.isEqualTo(independentCheckCharacter(first17.toString()));
		}
		assertThat(IdNumber.checkCharacter("11010519491231002")).isEqualTo('X');
		assertThat(IdNumber.checkCharacter("44052418800101001")).isEqualTo('4');
	}

	/** ISO 7064 MOD 11-2 written out from the standard: weight 2^(17-i) mod 11, check (12 - sum mod 11) mod 11, 10 as X. */
	private static char independentCheckCharacter(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			int weight = java.math.BigInteger.TWO.pow(17 - i).mod(java.math.BigInteger.valueOf(11)).intValue();
			sum += Character.digit(first17.charAt(i), 10) * weight;
		}
		int check = (12 - sum % 11) % 11;
		return check == 10 ? 'X' : (char) ('0' + check);
	}

	@ParameterizedTest
	@ValueSource(strings = { " 11010519491231002x ", "１１０１０５１９４９１２３１００２ｘ", "110105 19491231 002X",
			"110105\u300019491231\u3000002X", "\u00A011010519491231002X\t", "110105491231002", " １１０１０５４９１２３１００２ " })
	void normalisesWhatPeopleTypeAndConvertsFifteenDigitNumbers(String typed) {
		assertThat(IdNumber.of(typed, JUNE_15_2025).value()).isEqualTo("11010519491231002X");
	}

	@Test
	void fifteenDigitNumbersAreBornInTheTwentiethCentury() {
		IdNumber converted = IdNumber.of("350203780615123", JUNE_15_2025);
		assertThat(converted.value()).isEqualTo("350203197806151230");
		assertThat(converted.birthDate()).isEqualTo(LocalDate.of(1978, 6, 15));
		assertThat(converted.gender()).isEqualTo(Gender.MALE);
		assertThat(converted).isEqualTo(IdNumber.of("350203197806151230", JUNE_15_2025));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			110105194912310021  | CHECK_DIGIT
			110105194912310020  | CHECK_DIGIT
			11010519990230002X  | BIRTH_DATE
			11010520001301002X  | BIRTH_DATE
			110105190002290016  | BIRTH_DATE
			110105189912310016  | BIRTH_DATE
			440524188001010014  | BIRTH_DATE
			710000202506160013  | BIRTH_DATE
			110105990230002     | BIRTH_DATE
			00010519491231002X  | REGION
			99010519491231002X  | REGION
			16010519491231002X  | REGION
			990105491231002     | REGION
			110105194912A1002X  | CHARACTERS
			1101051949123100X2  | CHARACTERS
			11010519491231002Y  | CHARACTERS
			110105-19491231-002X | CHARACTERS
			1.10105194912E+17   | CHARACTERS
			11010549123100X     | CHARACTERS
			11010519491231002   | LENGTH
			1101051949123100211 | LENGTH
			110105194912310021X | LENGTH
			12345               | LENGTH
			""")
	void saysWhatIsWrong(String text, Problem problem) {
		assertThat(IdNumber.problem(text, JUNE_15_2025)).contains(problem);
		assertThat(IdNumber.parse(text, JUNE_15_2025)).isEmpty();
		assertThatIllegalArgumentException().isThrownBy(() -> IdNumber.of(text, JUNE_15_2025))
			.withMessage("Invalid ID number: " + problem.description());
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "   ", "\u3000", " \t\n" })
	void nothingIsEmpty(String text) {
		assertThat(IdNumber.problem(text, JUNE_15_2025)).contains(Problem.EMPTY);
		assertThat(IdNumber.parse(text)).isEmpty();
		assertThatIllegalArgumentException().isThrownBy(() -> IdNumber.of(text));
	}

	@ParameterizedTest
	@CsvSource({ "11010519491231002X, 1949-12-31, FEMALE", "350203197806151230, 1978-06-15, MALE",
			"810000199001010019, 1990-01-01, MALE", "830000198511110027, 1985-11-11, FEMALE",
			"310101200002290015, 2000-02-29, MALE" })
	void readsBirthDateAndGender(String number, LocalDate birthDate, Gender gender) {
		IdNumber id = new IdNumber(number);
		assertThat(id.birthDate()).isEqualTo(birthDate);
		assertThat(id.gender()).isEqualTo(gender);
	}

	@Test
	void logsAndMessagesSeeOnlyTheMaskedForm() {
		IdNumber id = IdNumber.of("11010519491231002X", JUNE_15_2025);
		assertThat(id.masked()).isEqualTo("110105********002X");
		assertThat(id.toString()).isEqualTo("110105********002X");
		assertThat("member " + id + " in " + List.of(id)).doesNotContain("19491231").contains("110105********002X");
		assertThat(id.value()).isEqualTo("11010519491231002X");
		assertThatIllegalArgumentException().isThrownBy(() -> IdNumber.of("110105194912310021"))
			.withMessageNotContaining("19491231");
	}

	@Test
	void constructorTakesOnlyTheCanonicalForm() {
		assertThat(new IdNumber("11010519491231002X").value()).isEqualTo("11010519491231002X");
		assertThatIllegalArgumentException().isThrownBy(() -> new IdNumber("11010519491231002x"));
		assertThatIllegalArgumentException().isThrownBy(() -> new IdNumber(" 11010519491231002X"));
		assertThatIllegalArgumentException().isThrownBy(() -> new IdNumber("110105491231002"));
		assertThatIllegalArgumentException().isThrownBy(() -> new IdNumber("110105194912310021"));
		assertThatIllegalArgumentException().isThrownBy(() -> new IdNumber(null));
	}

	@Test
	void constructorAcceptsABirthDateAfterTheParsingClock() {
		// Future dates are an input rule: a stored number must load whatever clock once parsed it.
		assertThat(IdNumber.parse("710000202506160013", JUNE_15_2025)).isEmpty();
		assertThat(new IdNumber("710000202506160013").birthDate()).isEqualTo(LocalDate.of(2025, 6, 16));
	}

	@Test
	void checkCharacterNeedsSeventeenDigits() {
		assertThatIllegalArgumentException().isThrownBy(() -> IdNumber.checkCharacter("1101051949123100"));
		assertThatIllegalArgumentException().isThrownBy(() -> IdNumber.checkCharacter("1101051949123100A"));
	}
}
