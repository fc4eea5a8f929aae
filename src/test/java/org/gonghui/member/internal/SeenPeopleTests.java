package org.gonghui.member.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

/** Duplicate detection within one file: remembers the first row of every person, grows as needed. */
class SeenPeopleTests {

	@Test
	void reportsTheRowWhereAPersonFirstAppeared() {
		SeenPeople seen = new SeenPeople();
		String a = "a".repeat(64);
		String b = "b".repeat(64);
		assertThat(seen.putIfAbsent(a, 2)).isZero();
		assertThat(seen.putIfAbsent(b, 3)).isZero();
		assertThat(seen.putIfAbsent(a, 9)).isEqualTo(2);
		assertThat(seen.putIfAbsent(a, 12)).isEqualTo(2);
		assertThat(seen.size()).isEqualTo(2);
		// a key whose first 64 bits are zero is still remembered
		assertThat(seen.putIfAbsent("0".repeat(64), 20)).isZero();
		assertThat(seen.putIfAbsent("0".repeat(64), 21)).isEqualTo(20);
	}

	@Test
	void holdsAFullSheetOfDistinctPeople() {
		SeenPeople seen = new SeenPeople();
		byte[] bytes = new byte[32];
		String[] sample = new String[1001];
		for (int row = 2; row < 200_002; row++) {
			ThreadLocalRandom.current().nextBytes(bytes);
			String hash = HexFormat.of().formatHex(bytes);
			if (row % 200 == 0) {
				sample[row / 200] = hash;
			}
			assertThat(seen.putIfAbsent(hash, row)).isZero();
		}
		assertThat(seen.size()).isEqualTo(200_000);
		for (int i = 1; i < sample.length; i++) {
			assertThat(seen.putIfAbsent(sample[i], 999_999)).isEqualTo(i * 200);
		}
	}
}
