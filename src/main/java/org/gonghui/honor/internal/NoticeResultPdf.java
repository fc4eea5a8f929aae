package org.gonghui.honor.internal;

import org.gonghui.honor.NominationStage;

import java.io.OutputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.gonghui.honor.internal.NoticeService.NoticeView;
import org.gonghui.platform.Pdfs;
import org.springframework.stereotype.Component;

/**
 * The result of a public notice as an A4 PDF (公示结果): the notice period, each candidate with the outcome,
 * and the objections counted by finding. Objectors are never named: the result is published.
 */
@Component
class NoticeResultPdf {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

	private final Pdfs pdfs;

	NoticeResultPdf(Pdfs pdfs) {
		this.pdfs = pdfs;
	}

	void render(NoticeView notice, LocalDate closedOn, OutputStream out) {
		pdfs.render(html(notice, closedOn), out);
	}

	static String html(NoticeView n, LocalDate closedOn) {
		StringBuilder rows = new StringBuilder();
		int i = 1;
		for (NoticeService.Candidate c : n.candidates()) {
			String outcome = c.stage() == NominationStage.WITHDRAWN ? "异议经核实成立，撤销推荐" : "公示期满，无影响评选的问题";
			rows.append("<tr><td>").append(i++).append("</td><td>").append(Pdfs.escape(c.name())).append("</td><td>").append(Pdfs.escape(c.employer()))
				.append("</td><td>").append(Pdfs.escape(c.occupation())).append("</td><td>").append(outcome).append("</td></tr>");
		}
		List<NoticeService.ObjectionView> objections = n.objections();
		long upheld = objections.stream().filter(o -> o.status().equals("UPHELD")).count();
		long dismissed = objections.stream().filter(o -> o.status().equals("DISMISSED")).count();
		String summary = objections.isEmpty() ? "公示期间未收到异议，公示无异议。"
				: "公示期间共收到异议 " + objections.size() + " 件，经调查核实：成立 " + upheld + " 件，不成立 " + dismissed + " 件。";
		return "<!DOCTYPE html><html xmlns=\"http://www.w3.org/1999/xhtml\"><head><meta charset=\"UTF-8\"/><title>" + Pdfs.escape(n.campaignTitle())
				+ "公示结果</title><style>@page { size: A4; margin: 22mm 20mm; } * { font-family: '" + Pdfs.FONT_FAMILY + "'; }"
				+ " body { font-size: 11pt; line-height: 1.6; } h1 { text-align: center; font-size: 18pt; margin: 0 0 4mm; }"
				+ " p.meta { text-align: center; color: #444; margin: 0 0 6mm; } table { width: 100%; border-collapse: collapse; }"
				+ " th, td { border: 0.5pt solid #555; padding: 2mm; text-align: left; vertical-align: top; } th { background: #eee; }"
				+ " p.sign { text-align: right; margin-top: 12mm; }</style></head><body>"
				+ "<h1>" + Pdfs.escape(n.campaignTitle()) + "公示结果</h1>"
				+ "<p class=\"meta\">" + Pdfs.escape(n.honourTitle()) + " · 公示期 " + DATE.format(n.startsOn()) + "至" + DATE.format(n.endsOn()) + "（"
				+ n.workingDays() + "个工作日）</p>"
				+ "<p>" + summary + "</p>"
				+ "<table><thead><tr><th>序号</th><th>姓名</th><th>工作单位</th><th>职业（岗位）</th><th>公示结果</th></tr></thead><tbody>" + rows
				+ "</tbody></table>"
				+ "<p class=\"sign\">" + Pdfs.escape(n.organizationName()) + "<br/>" + DATE.format(closedOn) + "</p></body></html>";
	}
}
