package org.gonghui.workplan.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.gonghui.platform.Metric.Period;
import org.gonghui.platform.ReportFacts;
import org.gonghui.platform.ReportSource;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.workplan.MeetingKind;
import org.gonghui.workplan.internal.MeetingService.MeetingView;
import org.gonghui.workplan.internal.MeetingService.ResolutionRow;
import org.gonghui.workplan.internal.MeetingService.SpeechRow;
import org.springframework.stereotype.Component;

/**
 * A meeting as the news desk may report it, once it has been held: who met, where, the work report and who gave it,
 * the organisations that spoke, the resolutions adopted and the attendance. Speakers' own names stay out (the report
 * names the organisations), and nothing else personal is on a meeting.
 */
@Component
class MeetingReportSource implements ReportSource {

	private final MeetingService meetings;
	private final Clock clock;

	MeetingReportSource(MeetingService meetings, Clock clock) {
		this.meetings = meetings;
		this.clock = clock;
	}

	@Override
	public Set<String> kinds() {
		return Set.of("MEETING");
	}

	@Override
	public ReportFacts facts(String kind, long id) {
		MeetingView m = meetings.detail(id);
		if (m.date().isAfter(LocalDate.now(clock.withZone(Period.BEIJING)))) {
			throw InvalidInputException.of("id", "workplan.meeting.notHeld");
		}
		return facts(m);
	}

	@Override
	public String page(String kind, long id) {
		return "/workplan/meetings/" + id;
	}

	static ReportFacts facts(MeetingView m) {
		String name = MeetingMinutesPdf.name(m);
		String meeting = name.substring(m.organizationName().length());
		String lead = m.organizationName() + (m.place() == null ? "" : "在" + m.place()) + "召开" + meeting;
		List<String> paragraphs = new ArrayList<>();
		if (m.report().title() != null) {
			paragraphs.add(m.report().reporter() == null ? "会议听取了《" + m.report().title() + "》工作报告。"
					: "会上，" + m.report().reporter() + "作题为《" + m.report().title() + "》的工作报告。");
		}
		List<String> speakers = m.speeches().stream().map(SpeechRow::organizationName).distinct().toList();
		if (!speakers.isEmpty()) {
			paragraphs.add(String.join("、", speakers) + "作交流发言。");
		}
		List<String> adopted = m.resolutions().stream().filter(ResolutionRow::adopted).map(ResolutionRow::title).toList();
		if (!adopted.isEmpty()) {
			paragraphs.add("会议作出决议：" + String.join("；", adopted) + "。");
		}
		List<String> figures = new ArrayList<>();
		if (m.membersTotal() != null) {
			String who = m.kind() == MeetingKind.CONGRESS ? "代表" : "委员";
			figures.add("本次会议应到" + who + m.membersTotal() + "人，实到" + m.membersPresent() + "人");
			if (Boolean.TRUE.equals(m.quorate())) {
				figures.add("符合法定人数");
			}
		}
		return new ReportFacts(m.organizationId(), m.organizationName(), m.date(), name + "召开", lead, paragraphs, figures,
				List.of(new ReportFacts.Link("MEETING", m.id())));
	}
}
