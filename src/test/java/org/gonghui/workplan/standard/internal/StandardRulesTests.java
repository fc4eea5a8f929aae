package org.gonghui.workplan.standard.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.util.List;

import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.StateConflictException;
import org.gonghui.workplan.standard.AssessmentStatus;
import org.gonghui.workplan.standard.ItemRule;
import org.gonghui.workplan.standard.StarRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Scoring, stars and the appeal rule without a database. */
class StandardRulesTests {

	@ParameterizedTest
	@CsvSource({ "100,5", "90,5", "89,4", "80,4", "79,3", "70,3", "69,2", "60,2", "59,1", "50,1", "49,0", "0,0" })
	void starsAtTheBoundaries(int score, int stars) {
		assertThat(StarRule.USUAL.stars(score)).isEqualTo(stars);
	}

	@Test
	void boundariesAreTheTemplatesOwn() {
		StarRule strict = new StarRule(95, 85, 75, 65, 55);
		assertThat(strict.stars(94)).isEqualTo(4);
		assertThat(strict.stars(95)).isEqualTo(5);
		assertThat(strict.valid(100)).isTrue();
		assertThat(new StarRule(90, 90, 70, 60, 50).valid(100)).isFalse();
		assertThat(new StarRule(90, 80, 70, 60, -1).valid(100)).isFalse();
		assertThat(StarRule.USUAL.valid(85)).isFalse();
	}

	@Test
	void computedItemsAreAllOrNothing() {
		assertThat(StandardRules.computedPoints(ItemRule.AT_LEAST, 10, 1, 1, 0)).isEqualTo(10);
		assertThat(StandardRules.computedPoints(ItemRule.AT_LEAST, 10, 1, 0, 0)).isZero();
		// 80 % of 5 workers is 4 members: 4 scores, 3 does not; no workers recorded scores nothing.
		assertThat(StandardRules.computedPoints(ItemRule.SHARE, 20, 80, 4, 5)).isEqualTo(20);
		assertThat(StandardRules.computedPoints(ItemRule.SHARE, 20, 80, 3, 5)).isZero();
		assertThat(StandardRules.computedPoints(ItemRule.SHARE, 20, 80, 3, 0)).isZero();
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> StandardRules.computedPoints(ItemRule.MANUAL, 10, 0, 0, 0));
	}

	@Test
	void aManualScoreAboveZeroNeedsEvidence() {
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> StandardRules.checkManual("p", 5, 10, false))
			.satisfies(e -> assertThat(e.problems().get(0).code()).isEqualTo("standard.evidence.required"));
		assertThatNoException().isThrownBy(() -> StandardRules.checkManual("p", 0, 10, false));
		assertThatNoException().isThrownBy(() -> StandardRules.checkManual("p", 10, 10, true));
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> StandardRules.checkManual("p", 11, 10, true));
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> StandardRules.checkManual("p", -1, 10, true));
	}

	@Test
	void anAppealIsOnceFromAReviewWithAReason() {
		assertThatNoException().isThrownBy(() -> StandardRules.checkAppeal(AssessmentStatus.REVIEWED, 0, "理由"));
		assertThatExceptionOfType(StateConflictException.class).isThrownBy(() -> StandardRules.checkAppeal(AssessmentStatus.REVIEWED, 1, "理由"))
			.satisfies(e -> assertThat(e.code()).isEqualTo("standard.appeal.once"));
		assertThatExceptionOfType(StateConflictException.class).isThrownBy(() -> StandardRules.checkAppeal(AssessmentStatus.SUBMITTED, 0, "理由"));
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> StandardRules.checkAppeal(AssessmentStatus.REVIEWED, 0, null));
		assertThatExceptionOfType(StateConflictException.class)
			.isThrownBy(() -> StandardRules.requireStatus(AssessmentStatus.FINAL, List.of(AssessmentStatus.REVIEWED)));
	}
}
