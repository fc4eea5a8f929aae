package org.gonghui.workplan.standard.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.gonghui.platform.AuditLog;
import org.gonghui.shared.spreadsheet.SheetCells;
import org.gonghui.workplan.standard.internal.StandardService.CampaignView;
import org.gonghui.workplan.standard.internal.StandardService.RankingRow;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;

/** The ranking table of a campaign as .xlsx, the rows the caller may see, in the order asked; audited. */
@Service
public class RankingWorkbook {

	private final StandardService service;
	private final MessageSource messages;
	private final AuditLog audit;

	RankingWorkbook(StandardService service, MessageSource messages, AuditLog audit) {
		this.service = service;
		this.messages = messages;
		this.audit = audit;
	}

	public void write(long campaignId, String sort, OutputStream out) throws IOException {
		CampaignView campaign = service.campaign(campaignId);
		List<RankingRow> rows = service.rankingRows(campaignId, sort);
		Workbook workbook = new Workbook(out, "Gonghui", "1.0");
		Worksheet sheet = workbook.newWorksheet("规范化建设排名");
		String[] header = { "standard.col.rank", "standard.col.union", "standard.col.street", "standard.col.status", "standard.col.self",
				"standard.col.review", "standard.col.final", "standard.col.stars" };
		for (int c = 0; c < header.length; c++) {
			sheet.value(0, c, messages.getMessage(header[c], null, LocaleContextHolder.getLocale()));
		}
		int r = 1;
		for (RankingRow row : rows) {
			SheetCells.write(sheet, r, 0, row.rank());
			SheetCells.write(sheet, r, 1, row.unionName());
			SheetCells.write(sheet, r, 2, row.streetName());
			SheetCells.write(sheet, r, 3, messages.getMessage("standard.status." + row.status(), null, LocaleContextHolder.getLocale()));
			SheetCells.write(sheet, r, 4, row.selfScore());
			SheetCells.write(sheet, r, 5, row.reviewScore());
			SheetCells.write(sheet, r, 6, row.finalScore());
			SheetCells.write(sheet, r, 7, row.stars());
			r++;
		}
		workbook.finish();
		audit.record("standard.ranking.export", "std_campaign", campaignId, campaign.name() + " " + rows.size() + " rows");
	}
}
