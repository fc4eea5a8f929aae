package org.gonghui.activity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** The completion rule on its own: thresholds met exactly, default share, assessments, camps without sessions. */
class CampRuleTests {

	@Test
	void exactlyAtTheThresholdCompletes() {
		assertThat(CampCompletionRules.completes(2, 3, new BigDecimal("0.66"), false, null)).isTrue();
		assertThat(CampCompletionRules.completes(2, 3, new BigDecimal("0.667"), false, null)).isFalse();
		assertThat(CampCompletionRules.completes(3, 4, new BigDecimal("0.75"), false, null)).isTrue();
		assertThat(CampCompletionRules.completes(2, 4, new BigDecimal("0.75"), false, null)).isFalse();
		assertThat(CampCompletionRules.completes(1, 2, new BigDecimal("0.5"), false, null)).isTrue();
	}

	@Test
	void withoutAShareEveryCountingSessionIsNeeded() {
		assertThat(CampCompletionRules.completes(4, 4, null, false, null)).isTrue();
		assertThat(CampCompletionRules.completes(3, 4, null, false, null)).isFalse();
	}

	@Test
	void anAssessmentMustBePassedWhenTheRuleAsks() {
		assertThat(CampCompletionRules.completes(4, 4, null, true, null)).isFalse();
		assertThat(CampCompletionRules.completes(4, 4, null, true, false)).isFalse();
		assertThat(CampCompletionRules.completes(4, 4, null, true, true)).isTrue();
		assertThat(CampCompletionRules.completes(0, 4, new BigDecimal("0.5"), true, true)).isFalse();
	}

	@Test
	void aCampWithoutCountingSessionsNeedsOneCheckIn() {
		assertThat(CampCompletionRules.completes(1, 0, new BigDecimal("0.5"), false, null)).isTrue();
		assertThat(CampCompletionRules.completes(0, 0, new BigDecimal("0.5"), false, null)).isFalse();
	}
}
