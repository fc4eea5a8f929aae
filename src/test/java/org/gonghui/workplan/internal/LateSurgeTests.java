package org.gonghui.workplan.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.gonghui.platform.Metric;
import org.gonghui.platform.Metric.Period;
import org.gonghui.shared.OrgPath;
import org.junit.jupiter.api.Test;

/** The late-surge rule (待核查), its seven-day window, and what came in for flows and stocks. */
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

	/** Sites opened on these days: as a flow, those opened in the period; as a stock, those open on its last day. */
	private record Sites(boolean stock, List<LocalDate> opened) implements Metric {

		@Override
		public String code() {
			return stock ? "sites-open" : "sites-opened";
		}

		@Override
		public String labelKey() {
			return code();
		}

		@Override
		public String unitKey() {
			return "metric.unit.site";
		}

		@Override
		public long count(OrgPath subtree, Period period) {
			return opened.stream().filter(d -> stock ? !d.isAfter(period.to()) : period.contains(d)).count();
		}

		@Override
		public List<Counted> counted(OrgPath subtree, Period period, int limit) {
			return List.of();
		}
	}

	@Test
	void aFlowCountsTheWeekAndAStockItsRiseOverTheWeek() {
		OrgPath district = new OrgPath("/1/");
		Period week = new Period(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 7));
		// 20 sites from last year, 3 this spring, 4 in the last week.
		List<LocalDate> days = Stream.of(Stream.generate(() -> LocalDate.of(2025, 5, 1)).limit(20), Stream.of(LocalDate.of(2026, 3, 1),
				LocalDate.of(2026, 4, 1), LocalDate.of(2026, 5, 1)), Stream.generate(() -> LocalDate.of(2026, 12, 3)).limit(4))
			.flatMap(s -> s).toList();
		assertThat(LateSurge.cameIn(new Sites(false, days), district, week)).isEqualTo(4);
		// Counting the stock over the week would give all 27 open on its last day; the rise is the 4 new ones.
		assertThat(new Sites(true, days).count(district, week)).isEqualTo(27);
		assertThat(LateSurge.cameIn(new Sites(true, days), district, week)).isEqualTo(4);
		assertThat(rule.flagged(27, LateSurge.cameIn(new Sites(true, days), district, week))).isFalse();
		assertThat(LateSurge.cameIn(new Sites(true, days.subList(0, 23)), district, week)).isZero();
	}
}
