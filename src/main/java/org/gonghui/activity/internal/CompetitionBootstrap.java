package org.gonghui.activity.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.gonghui.activity.ActivityKind;
import org.gonghui.activity.AdvanceRule;
import org.gonghui.activity.Audience;
import org.gonghui.activity.PerformanceForm;
import org.gonghui.activity.RoundLevel;
import org.gonghui.platform.StartupData;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo: 延庆's 40th "May Flowers" singing competition. 八达岭镇 held its grassroots round (five judges scored,
 * the round is closed and the best two of each form went on); the district final is ahead, open for scoring
 * by the same judges (accounts judge1 to judge5).
 */
@Component
@Profile("demo")
@Order(460)
class CompetitionBootstrap implements StartupData {

	private final JdbcClient jdbc;
	private final ActivityRepository activities;
	private final CompetitionRepository competitions;
	private final Clock clock;

	CompetitionBootstrap(JdbcClient jdbc, ActivityRepository activities, CompetitionRepository competitions, Clock clock) {
		this.jdbc = jdbc;
		this.activities = activities;
		this.competitions = competitions;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void load() {
		if (jdbc.sql("select count(*) from competition").query(Long.class).single() > 0
				|| jdbc.sql("select count(*) from organization where name = '八达岭镇总工会'").query(Long.class).single() == 0) {
			return;
		}
		Instant now = clock.instant();
		LocalDate today = LocalDate.ofInstant(now, ZoneId.of("Asia/Shanghai"));
		long yanqing = org("延庆区总工会");
		long id = activities.insert(yanqing, ActivityKind.COMPETITION, "“五月的鲜花”职工歌咏比赛",
				"全区百余家单位、约万名职工参与，经基层初赛层层选拔进入决赛，形式包括大合唱、歌伴舞、快板、小品、三句半。", null, null, 100_000, false, false,
				Audience.ORGANIZATION_SUBTREE, null, null, "system", now);
		activities.publish(id, now);
		competitions.insertCompetition(id, "第四十届", List.of(PerformanceForm.values()));
		List<String> judges = List.of("judge1", "judge2", "judge3", "judge4", "judge5");
		long prelim = competitions.insertRound(id, "八达岭镇基层初赛", RoundLevel.GRASSROOTS, org("八达岭镇总工会"), today.minusDays(20),
				today.minusDays(19), "八达岭镇文化活动中心", AdvanceRule.TOP_N, 2, null);
		long fin = competitions.insertRound(id, "区级决赛", RoundLevel.FINAL, null, today.plusDays(10), today.plusDays(10), "延庆区文化馆剧场",
				AdvanceRule.MANUAL, null, null);
		judges.forEach(j -> {
			competitions.addJudge(prelim, j);
			competitions.addJudge(fin, j);
		});
		long greatWall = org("八达岭长城旅游公司工会");
		long hospital = org("延庆区医院工会");
		long school = org("延庆区第一中学工会");
		Object[][] entries = { { "长城谣", PerformanceForm.CHORUS, greatWall, 40, "92.5 90 94 88.5 91" },
				{ "我和我的祖国", PerformanceForm.CHORUS, school, 60, "95 93.5 96 90 94" },
				{ "妫水之畔", PerformanceForm.CHORUS, hospital, 36, "85 87.5 84 86 90" },
				{ "白衣天使之歌", PerformanceForm.SONG_AND_DANCE, hospital, 12, "91 89 92.5 90 93" },
				{ "夸夸咱的新驿站", PerformanceForm.SANJUBAN, greatWall, 4, "88 90 86.5 89 91" },
				{ "校园新风", PerformanceForm.KUAIBAN, school, 3, "87 85 88 86.5 84" } };
		for (Object[] e : entries) {
			long entry = competitions.insertEntry(id, (String) e[0], (PerformanceForm) e[1], (Long) e[2], (Integer) e[3], "system", now);
			competitions.addToRound(prelim, entry, "SUBMITTED", null, "system");
			String[] scores = ((String) e[4]).split(" ");
			for (int j = 0; j < judges.size(); j++) {
				competitions.score(prelim, entry, judges.get(j), new BigDecimal(scores[j]), now);
			}
		}
		competitions.close(prelim, 0, "system", now);
		var round = competitions.round(id, prelim).orElseThrow();
		for (var ranked : JudgingService.rankingOf(competitions, round)) {
			if (ranked.rankInForm() != null && ranked.rankInForm() <= 2) {
				competitions.addToRound(fin, ranked.entryId(), "RULE", "TOP_N", "system");
			}
			if (ranked.rankInForm() != null && ranked.rankInForm() == 1) {
				competitions.award(prelim, ranked.entryId(), "一等奖", "system");
			}
		}
	}

	private long org(String name) {
		return jdbc.sql("select id from organization where name = :name").param("name", name).query(Long.class).single();
	}
}
