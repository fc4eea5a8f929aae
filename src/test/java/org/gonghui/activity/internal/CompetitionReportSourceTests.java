package org.gonghui.activity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.gonghui.activity.AdvanceRule;
import org.gonghui.activity.PerformanceForm;
import org.gonghui.activity.RoundLevel;
import org.gonghui.activity.internal.CompetitionQueries.CompetitionView;
import org.gonghui.activity.internal.CompetitionQueries.Participation;
import org.gonghui.activity.internal.CompetitionQueries.RankedEntry;
import org.gonghui.activity.internal.CompetitionQueries.Results;
import org.gonghui.activity.internal.CompetitionQueries.RoundResults;
import org.gonghui.activity.internal.CompetitionQueries.RoundView;
import org.junit.jupiter.api.Test;

/** A competition's results for a report: each closed round with its awards (or leaders), the participation figures. */
class CompetitionReportSourceTests {

	private static RoundView round(String name, String host, String venue, LocalDate on) {
		return new RoundView(1, 9, 0, name, RoundLevel.GRASSROOTS, null, host, on, on, venue, AdvanceRule.TOP_N, 2, null, true, List.of());
	}

	private static RankedEntry entry(String title, String unit, int rank, String award) {
		return new RankedEntry(rank, title, PerformanceForm.CHORUS, unit, new BigDecimal("90"), 5, rank, rank, 1, award);
	}

	private static final CompetitionView COMPETITION = new CompetitionView(9, "“五月的鲜花”职工歌咏比赛", "第四十届", 4, "延庆区总工会", List.of(), List.of(),
			List.of());

	@Test
	void awardsPerRoundAndTheFigures() {
		var results = new Results(9, COMPETITION.title(), "第四十届", "延庆区总工会",
				List.of(new RoundResults(round("八达岭镇基层初赛", "八达岭镇总工会", "八达岭镇文化活动中心", LocalDate.of(2026, 11, 17)),
						List.of(entry("我和我的祖国", "延庆区第一中学工会", 1, "一等奖"), entry("长城谣", "八达岭长城旅游公司工会", 2, null),
								entry("白衣天使之歌", "延庆区医院工会", 3, "一等奖")))),
				new Participation(3, 6, 155));
		var f = CompetitionReportSource.facts(COMPETITION, results);
		assertThat(f.headline()).isEqualTo("第四十届“五月的鲜花”职工歌咏比赛成绩揭晓");
		assertThat(f.lead()).isEqualTo("延庆区总工会举办的第四十届“五月的鲜花”职工歌咏比赛公布成绩");
		assertThat(f.date()).isEqualTo(LocalDate.of(2026, 11, 17));
		assertThat(f.paragraphs()).containsExactly("八达岭镇基层初赛由八达岭镇总工会承办，在八达岭镇文化活动中心举行，延庆区第一中学工会的《我和我的祖国》获一等奖，"
				+ "延庆区医院工会的《白衣天使之歌》获一等奖。");
		assertThat(f.figures()).containsExactly("本次比赛共有3个单位的6个节目参赛", "参演职工155人");
		assertThat(f.links()).extracting(l -> l.kind() + l.id()).containsExactly("COMPETITION9");
	}

	@Test
	void withoutAwardsTheLeadersAreNamed() {
		var ranking = List.of(entry("甲", "一厂工会", 1, null), entry("乙", "二厂工会", 2, null), entry("丙", "三厂工会", 3, null), entry("丁", "四厂工会", 4, null));
		var results = new Results(9, COMPETITION.title(), "第四十届", "延庆区总工会", List.of(new RoundResults(round("决赛", null, null, null), ranking)),
				new Participation(0, 0, 0));
		var f = CompetitionReportSource.facts(COMPETITION, results);
		assertThat(f.paragraphs()).containsExactly("决赛，一厂工会的《甲》列第1名，二厂工会的《乙》列第2名，三厂工会的《丙》列第3名。");
		assertThat(f.figures()).isEmpty();
		assertThat(f.date()).isNull();
	}
}
