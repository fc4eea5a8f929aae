package org.gonghui.workplan.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.gonghui.workplan.MeetingKind;
import org.gonghui.workplan.internal.MeetingService.MeetingView;
import org.gonghui.workplan.internal.MeetingService.Report;
import org.gonghui.workplan.internal.MeetingService.ResolutionRow;
import org.gonghui.workplan.internal.MeetingService.SpeechRow;
import org.junit.jupiter.api.Test;

/** A meeting's facts for a report: the meeting named as the minutes name it, report, speaking organisations, resolutions adopted, attendance. */
class MeetingReportSourceTests {

	@Test
	void aPlenaryWithReportSpeechesAndResolutions() {
		var m = new MeetingView(7, 3, "丰台区总工会", MeetingKind.PLENARY, 13, 4, LocalDate.of(2026, 1, 10), "区职工服务中心", 35, 31, true,
				new Report("深入学习贯彻党的二十大精神", "王华", null),
				List.of(new SpeechRow("丰台区教育工会", null, "李明", "交流发言"), new SpeechRow("泛华集团工会", 9L, null, "交流发言"),
						new SpeechRow("泛华集团工会", 9L, "张三", "第二次发言")),
				List.of(new ResolutionRow(1, "审议通过《2026年工作计划》", 30, 1, 0, true, null), new ResolutionRow(2, "否决的事项", 10, 20, 1, false, null)));
		var f = MeetingReportSource.facts(m);
		assertThat(f.headline()).isEqualTo("丰台区总工会第十三届第四次全体委员会议召开");
		assertThat(f.lead()).isEqualTo("丰台区总工会在区职工服务中心召开第十三届第四次全体委员会议");
		assertThat(f.date()).isEqualTo(LocalDate.of(2026, 1, 10));
		assertThat(f.paragraphs()).containsExactly("会上，王华作题为《深入学习贯彻党的二十大精神》的工作报告。", "丰台区教育工会、泛华集团工会作交流发言。",
				"会议作出决议：审议通过《2026年工作计划》。");
		// Speakers are named by their organisations only.
		assertThat(String.join("", f.paragraphs())).doesNotContain("李明").doesNotContain("张三");
		assertThat(f.figures()).containsExactly("本次会议应到委员35人，实到31人", "符合法定人数");
		assertThat(f.links()).extracting(l -> l.kind() + l.id()).containsExactly("MEETING7");
	}

	@Test
	void aCongressWithoutAttendanceOrReport() {
		var m = new MeetingView(8, 3, "泛华集团工会", MeetingKind.CONGRESS, 2, 1, LocalDate.of(2026, 3, 1), null, null, null, null,
				new Report(null, null, null), List.of(), List.of());
		var f = MeetingReportSource.facts(m);
		assertThat(f.lead()).isEqualTo("泛华集团工会召开第二届职工代表大会第一次会议");
		assertThat(f.paragraphs()).isEmpty();
		assertThat(f.figures()).isEmpty();
	}
}
