package org.gonghui.workplan.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;

import org.gonghui.platform.Metric.Period;
import org.junit.jupiter.api.Test;

/** The late-surge rule (待核查) and its seven-day window. */
class LateSurgeTests {

	private final LateSurge rule = new LateSurge(30, 5);

	@Test
	void moreThanTheShareInTheLastWeekIsFlagged() {
		assertThat(rule.flagged(50, 16)).isTrue();
		assertThat(rule.flagged(50, 15)).isFalse(); // exactly 30 % is not more than it
		assertThat(rule.flagged(50, 0)).isFalse();
		assertThat(rule.flagged(10, 10)).isTrue(); // everything in the last week: a mass import
	}

	@Test
	void smallFiguresAreNeverFlagged() {
		assertThat(rule.flagged(4, 4)).isFalse();
		assertThat(rule.flagged(5, 2)).isTrue();
		assertThat(rule.flagged(0, 0)).isFalse();
	}

	@Test
	void theWindowIsTheSevenDaysUpToTodayOrTheYearsEnd() {
		assertThat(LateSurge.window(2026, LocalDate.of(2026, 12, 7))).contains(new Period(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 7)));
		assertThat(LateSurge.window(2026, LocalDate.of(2027, 1, 1))).contains(new Period(LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 31)));
		assertThat(LateSurge.window(2026, LocalDate.of(2026, 1, 3))).contains(new Period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 3)));
		assertThat(LateSurge.window(2026, LocalDate.of(2025, 12, 31))).isEmpty();
	}

	@Test
	void theShareIsBetweenOneAndAHundredPercent() {
		assertThatIllegalArgumentException().isThrownBy(() -> new LateSurge(0, 5));
		assertThatIllegalArgumentException().isThrownBy(() -> new LateSurge(101, 5));
		assertThatIllegalArgumentException().isThrownBy(() -> new LateSurge(30, 0));
	}
}
