package org.gonghui.activity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** Certificate numbers: random, unique, checked; and the masking of names on the public verify page. */
class CertificateNumbersTests {

	@Test
	void twoHundredNumbersShareNothingButTheYearAndAllPassTheirCheck() {
		List<String> numbers = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			numbers.add(CertificateNumbers.next(2026));
		}
		assertThat(new HashSet<>(numbers)).hasSize(200);
		assertThat(numbers).allSatisfy(n -> {
			assertThat(n).matches("2026(-[0-9A-HJKMNP-TV-Z]{4}){4}");
			assertThat(CertificateNumbers.normalise(n)).contains(n);
		});
		// No common prefix beyond the year: the first random character already differs.
		assertThat(numbers.stream().map(n -> n.charAt(5)).distinct().count()).isGreaterThan(20);
		// Numbers issued one after another are not neighbours: sorted, they are not the order of issue.
		assertThat(numbers.stream().sorted().toList()).isNotEqualTo(numbers);
	}

	@Test
	void everySingleChangedCharacterFailsTheCheck() {
		var random = new SplittableRandom(7);
		for (int round = 0; round < 50; round++) {
			String n = CertificateNumbers.next(2026, random);
			for (int i = 0; i < n.length(); i++) {
				if (n.charAt(i) == '-') {
					continue;
				}
				String alphabet = i < 4 ? "0123456789" : CertificateNumbers.ALPHABET;
				for (char c : alphabet.toCharArray()) {
					if (c != n.charAt(i)) {
						String changed = n.substring(0, i) + c + n.substring(i + 1);
						assertThat(CertificateNumbers.normalise(changed)).as(changed).isEmpty();
					}
				}
			}
		}
	}

	@Test
	void typedFormsAreForgivenAndOtherTextRefused() {
		String n = CertificateNumbers.next(2026);
		assertThat(CertificateNumbers.normalise(" " + n.toLowerCase() + " ")).contains(n);
		assertThat(CertificateNumbers.normalise(n.replace("-", ""))).contains(n);
		assertThat(CertificateNumbers.normalise(n.replace('0', 'O').replace('1', 'I'))).contains(n);
		assertThat(CertificateNumbers.normalise(null)).isEmpty();
		assertThat(CertificateNumbers.normalise("")).isEmpty();
		assertThat(CertificateNumbers.normalise(n + "A")).isEmpty();
		assertThat(CertificateNumbers.normalise(n.substring(1))).isEmpty();
		assertThat(CertificateNumbers.normalise("ABCD" + n.substring(4))).isEmpty();
		assertThat(CertificateNumbers.normalise(n.replace(n.charAt(6), 'U'))).isEmpty();
		assertThat(CertificateNumbers.normalise("x".repeat(100))).isEmpty();
		assertThatIllegalArgumentException().isThrownBy(() -> CertificateNumbers.next(99999));
	}

	@Test
	void namesAreMaskedToTheFirstAndLastCharacter() {
		assertThat(CertificateService.mask("张伟")).isEqualTo("张*");
		assertThat(CertificateService.mask("张三丰")).isEqualTo("张*丰");
		assertThat(CertificateService.mask("欧阳娜娜")).isEqualTo("欧**娜");
		assertThat(CertificateService.mask("张")).isEqualTo("张*");
		assertThat(CertificateService.mask("买买提·艾力")).isEqualTo("买****力");
		// A character outside the Basic Multilingual Plane counts as one.
		assertThat(CertificateService.mask("𠀀明亮")).isEqualTo("𠀀*亮");
	}

	@Test
	void theXmlEscapeLeavesNoMarkupAndNoForbiddenCharacter() {
		assertThat(org.gonghui.platform.Pdfs.escape("<b>\"李\"&'王'</b>\u0001·")).isEqualTo("&lt;b&gt;&quot;李&quot;&amp;&#39;王&#39;&lt;/b&gt;·");
		assertThat(org.gonghui.platform.Pdfs.escape(null)).isEmpty();
	}
}
