package org.gonghui.workplan.internal;

import java.io.OutputStream;
import java.time.format.DateTimeFormatter;

import org.gonghui.platform.Pdfs;
import org.gonghui.workplan.internal.MeetingService.ResolutionRow;
import org.gonghui.workplan.internal.MeetingService.SpeechRow;
import org.gonghui.workplan.internal.MeetingService.MeetingView;
import org.springframework.stereotype.Component;

/** The minutes of a meeting (会议纪要) as an A4 PDF: attendance, the report, the speeches and the resolutions with votes. */
@Component
class MeetingMinutesPdf {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
	private static final String[] NUMERALS = { "零", "一", "二", "三", "四", "五", "六", "七", "八", "九" };

	private final Pdfs pdfs;

	MeetingMinutesPdf(Pdfs pdfs) {
		this.pdfs = pdfs;
	}

	void render(MeetingView m, OutputStream out) {
		pdfs.render(html(m), out);
	}

	/** 13 as 十三, 4 as 四: how terms and sessions are named. */
	static String chinese(int n) {
		if (n < 10) {
			return NUMERALS[n];
		}
		if (n < 20) {
			return "十" + (n % 10 == 0 ? "" : NUMERALS[n % 10]);
		}
		if (n < 100) {
			return NUMERALS[n / 10] + "十" + (n % 10 == 0 ? "" : NUMERALS[n % 10]);
		}
		return Integer.toString(n);
	}

	static String name(MeetingView m) {
		String kind = switch (m.kind()) {
			case PLENARY -> "全体委员会议";
			case STANDING -> "常务委员会会议";
			case CONGRESS -> "职工代表大会";
		};
		String session = m.kind() == org.gonghui.workplan.MeetingKind.CONGRESS ? "第" + chinese(m.session()) + "次会议" : "第" + chinese(m.session()) + "次";
		return m.organizationName() + "第" + chinese(m.term()) + "届" + (m.kind() == org.gonghui.workplan.MeetingKind.CONGRESS ? kind + session : session + kind);
	}

	static String html(MeetingView m) {
		StringBuilder body = new StringBuilder();
		body.append("<h1>").append(Pdfs.escape(name(m))).append("纪要</h1>");
		body.append("<p class=\"meta\">").append(DATE.format(m.date()));
		if (m.place() != null) {
			body.append(" · ").append(Pdfs.escape(m.place()));
		}
		body.append("</p>");
		if (m.membersTotal() != null) {
			body.append("<p>应到 ").append(m.membersTotal()).append(" 人，实到 ").append(m.membersPresent()).append(" 人，")
				.append(Boolean.TRUE.equals(m.quorate()) ? "符合法定人数。" : "不足法定人数。").append("</p>");
		}
		if (m.report().title() != null) {
			body.append("<h2>一、工作报告</h2><p>").append(m.report().reporter() == null ? "" : Pdfs.escape(m.report().reporter()) + "作题为")
				.append("《").append(Pdfs.escape(m.report().title())).append("》的工作报告");
			if (m.report().document() != null) {
				body.append("（").append(Pdfs.escape(m.report().document())).append("）");
			}
			body.append("。</p>");
		}
		if (!m.speeches().isEmpty()) {
			body.append("<h2>二、交流发言</h2><ol>");
			for (SpeechRow s : m.speeches()) {
				body.append("<li>").append(Pdfs.escape(s.organizationName()));
				if (s.speaker() != null) {
					body.append(" ").append(Pdfs.escape(s.speaker()));
				}
				body.append("：").append(Pdfs.escape(s.title())).append("</li>");
			}
			body.append("</ol>");
		}
		if (!m.resolutions().isEmpty()) {
			body.append("<h2>三、决议</h2><table><thead><tr><th>决议</th><th>赞成</th><th>反对</th><th>弃权</th><th>结果</th></tr></thead><tbody>");
			for (ResolutionRow r : m.resolutions()) {
				body.append("<tr><td>").append(Pdfs.escape(r.title())).append("</td>");
				if (r.votesFor() == null) {
					body.append("<td colspan=\"3\">举手表决</td>");
				}
				else {
					body.append("<td>").append(r.votesFor()).append("</td><td>").append(r.votesAgainst()).append("</td><td>").append(r.votesAbstain())
						.append("</td>");
				}
				body.append("<td>").append(r.adopted() ? "通过" : "未通过").append("</td></tr>");
			}
			body.append("</tbody></table>");
		}
		return "<!DOCTYPE html><html xmlns=\"http://www.w3.org/1999/xhtml\"><head><meta charset=\"UTF-8\"/><title>" + Pdfs.escape(name(m))
				+ "</title><style>@page { size: A4; margin: 22mm 20mm; } * { font-family: '" + Pdfs.FONT_FAMILY + "'; }"
				+ " body { font-size: 11pt; line-height: 1.7; } h1 { text-align: center; font-size: 17pt; margin: 0 0 3mm; }"
				+ " h2 { font-size: 13pt; margin: 6mm 0 2mm; } p.meta { text-align: center; color: #444; margin: 0 0 6mm; }"
				+ " table { width: 100%; border-collapse: collapse; } th, td { border: 0.5pt solid #555; padding: 2mm; text-align: left; }"
				+ " th { background: #eee; }</style></head><body>" + body + "</body></html>";
	}
}
