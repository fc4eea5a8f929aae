package org.gonghui.activity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The trimmed mean and the tie rules of {@link Scoring}. */
class ScoringTests {

	private static List<BigDecimal> scores(String... s) {
		return Arrays.stream(s).map(BigDecimal::new).toList();
	}

	@Test
	void fiveOrMoreJudgesLoseTheirHighestAndLowest() {
		assertThat(Scoring.entryScore(scores("90", "80", "85", "100", "60"))).isEqualByComparingTo("85");
		assertThat(Scoring.entryScore(scores("90.5", "90.5", "90.5", "90.5", "90.5", "10"))).isEqualByComparingTo("90.5");
	}

	@Test
	void fewerThanFiveJudgesCountEveryScore() {
		assertThat(Scoring.entryScore(scores("90", "80", "100", "60"))).isEqualByComparingTo("82.5");
		assertThat(Scoring.entryScore(scores("77.7"))).isEqualByComparingTo("77.7");
		assertThat(Scoring.entryScore(List.of())).isNull();
		assertThat(Scoring.entryScore(scores("90", "90", "91"))).isEqualByComparingTo("90.333");
	}

	@Test
	void tiesGoToThePlainMeanThenTheBestScoreThenShareTheRank() {
		var ranked = Scoring.rank(List.of(
				new Scoring.Scored(1, scores("80", "85", "90", "95", "100")),   // trimmed 90, plain 90, best 100
				new Scoring.Scored(2, scores("70", "85", "90", "95", "100")),   // trimmed 90, plain 88
				new Scoring.Scored(3, scores("80", "85", "90", "95", "100")),   // same as 1: shares the rank
				new Scoring.Scored(4, scores("92")),                            // 92: best
				new Scoring.Scored(5, scores()),                                // unscored: last, no rank
				new Scoring.Scored(6, scores("80", "90", "90", "90", "100")),   // trimmed 90, plain 90, best 100 = 1 and 3
				new Scoring.Scored(7, scores("90", "90", "90", "90", "90"))));  // trimmed 90, plain 90, best 90
		assertThat(ranked).extracting(Scoring.Ranked::entryId).containsExactly(4L, 1L, 3L, 6L, 7L, 2L, 5L);
		assertThat(ranked).extracting(Scoring.Ranked::rank).containsExactly(1, 2, 2, 2, 5, 6, null);
	}
}
