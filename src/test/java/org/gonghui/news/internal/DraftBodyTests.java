package org.gonghui.news.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.gonghui.platform.ReportFacts;
import org.junit.jupiter.api.Test;

/** The house style around any record's facts: the dateline, 近日 and the day, the facts as paragraphs, the figures. */
class DraftBodyTests {

	@Test
	void datelineLeadFactsAndFigures() {
		var facts = new ReportFacts(1, "丰台区总工会", LocalDate.of(2026, 1, 10), "丰台区总工会第十三届第四次全体委员会议召开",
				"丰台区总工会召开第十三届第四次全体委员会议", List.of("会上，王华作工作报告。", " ", "泛华集团工会作交流发言。"),
				List.of("本次会议应到委员35人，实到31人", "符合法定人数"), List.of(new ReportFacts.Link("MEETING", 7)));
		assertThat(DraftService.body(facts, "边磊")).isEqualTo("<p>本报讯（记者 边磊）近日（1月10日），丰台区总工会召开第十三届第四次全体委员会议。</p>"
				+ "<p>会上，王华作工作报告。</p><p>泛华集团工会作交流发言。</p><p>据了解，本次会议应到委员35人，实到31人，符合法定人数。</p>");
	}

	@Test
	void withoutDateOrFiguresNoEmptyParts() {
		var facts = new ReportFacts(1, "北京市总工会", null, "标题", "北京市总工会授予3人“首都劳动奖章”", List.of(), List.of(), List.of());
		assertThat(DraftService.body(facts, "盛丽")).isEqualTo("<p>本报讯（记者 盛丽）近日，北京市总工会授予3人“首都劳动奖章”。</p>");
	}
}
