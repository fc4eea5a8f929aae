package org.gonghui.workplan.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.gonghui.workplan.TargetStatus;
import org.junit.jupiter.api.Test;

/** Expected progress by today and the status that follows, as pure functions. */
class ProgressRulesTests {

	private static final List<Long> MILESTONES = List.of(0L, 0L, 10L, 10L, 20L, 20L, 30L, 30L, 40L, 40L, 50L, 50L);

	@Test
	void linearProgressIsTheShareOfTheYearsDaysGone() {
		assertThat(ProgressService.expected(365, null, 2026, LocalDate.of(2026, 1, 1))).isEqualByComparingTo("1.0");
		assertThat(ProgressService.expected(50, null, 2026, LocalDate.of(2026, 7, 2))).isEqualByComparingTo("25.1");
		assertThat(ProgressService.expected(50, null, 2026, LocalDate.of(2026, 12, 31))).isEqualByComparingTo("50.0");
		assertThat(ProgressService.expected(50, null, 2026, LocalDate.of(2025, 12, 31))).isEqualByComparingTo("0");
		assertThat(ProgressService.expected(50, null, 2026, LocalDate.of(2027, 1, 1))).isEqualByComparingTo("50");
		// A leap year has 366 days.
		assertThat(ProgressService.expected(366, null, 2028, LocalDate.of(2028, 12, 31))).isEqualByComparingTo("366.0");
	}

	@Test
	void milestonesAreFollowedMonthByMonth() {
		assertThat(ProgressService.expected(50, MILESTONES, 2026, LocalDate.of(2026, 2, 28))).isEqualByComparingTo("0");
		assertThat(ProgressService.expected(50, MILESTONES, 2026, LocalDate.of(2026, 3, 31))).isEqualByComparingTo("10.0");
		assertThat(ProgressService.expected(50, MILESTONES, 2026, LocalDate.of(2026, 4, 15))).isEqualByComparingTo("10.0");
		assertThat(ProgressService.expected(50, MILESTONES, 2026, LocalDate.of(2026, 5, 16))).isEqualByComparingTo("15.2");
	}

	@Test
	void statusComparesWithWholeCounts() {
		assertThat(ProgressService.status(50L, 50, new java.math.BigDecimal("49.0"))).isEqualTo(TargetStatus.DONE);
		assertThat(ProgressService.status(4L, 50, new java.math.BigDecimal("4.9"))).isEqualTo(TargetStatus.ON_TRACK);
		assertThat(ProgressService.status(3L, 50, new java.math.BigDecimal("4.0"))).isEqualTo(TargetStatus.BEHIND);
		assertThat(ProgressService.status(null, 50, new java.math.BigDecimal("4.0"))).isNull();
		assertThat(ProgressService.percent(3L, 7)).isEqualByComparingTo("42.9");
	}
}
