package org.gonghui.workplan.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.gonghui.platform.AuditLog;
import org.gonghui.shared.spreadsheet.SheetCells;
import org.gonghui.workplan.internal.ProgressService.PlanProgress;
import org.gonghui.workplan.internal.ProgressService.TargetProgress;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;

/**
 * The dashboard as a workbook: one row per target (民生实事 first, as on the page) with the figures as of today,
 * and the shares of the organisations below under their target. The download is audited.
 */
@Service
public class DashboardExport {

	private static final String[] HEADERS = { "workplan.target.label", "workplan.target.metric", "workplan.target.livelihood", "workplan.target.value",
			"workplan.progress.actual", "workplan.progress.percent", "workplan.progress.expected", "workplan.progress.status", "workplan.progress.review" };

	private final MessageSource messages;
	private final AuditLog audit;

	DashboardExport(MessageSource messages, AuditLog audit) {
		this.messages = messages;
		this.audit = audit;
	}

	public void write(PlanProgress plan, OutputStream out) throws IOException {
		Locale locale = LocaleContextHolder.getLocale();
		Workbook workbook = new Workbook(out, "Gonghui", "1.0");
		Worksheet sheet = workbook.newWorksheet(plan.year() + "");
		sheet.value(0, 0, plan.organizationName() + " " + plan.title() + " · " + plan.asOf());
		sheet.style(0, 0).bold().set();
		for (int c = 0; c < HEADERS.length; c++) {
			sheet.value(1, c, messages.getMessage(HEADERS[c], null, locale));
			sheet.style(1, c).bold().fillColor("DDEBF7").set();
			sheet.width(c, c == 0 ? 36 : 14);
		}
		int r = 2;
		for (TargetProgress t : ordered(plan.targets())) {
			SheetCells.write(sheet, r, 0, t.label());
			sheet.value(r, 1, t.metric());
			sheet.value(r, 2, t.livelihood() ? messages.getMessage("common.yes", null, locale) : "");
			sheet.value(r, 3, t.value());
			sheet.value(r, 4, t.actual() == null ? "—" : t.actual().toString());
			sheet.value(r, 5, t.percent() == null ? "" : t.percent().toPlainString());
			sheet.value(r, 6, t.expected().toPlainString());
			sheet.value(r, 7, t.status() == null ? "" : messages.getMessage("workplan.status." + t.status(), null, locale));
			sheet.value(r, 8, t.lateSurge() ? messages.getMessage("workplan.lateSurge", null, locale) : "");
			r++;
			for (var c : t.children()) {
				SheetCells.write(sheet, r, 0, "　└ " + c.organizationName());
				sheet.value(r, 3, c.value());
				sheet.value(r, 4, c.actual() == null ? "—" : c.actual().toString());
				sheet.value(r, 5, c.percent() == null ? "" : c.percent().toPlainString());
				r++;
			}
		}
		workbook.finish();
		audit.record("workplan.dashboard.export", "wp_plan", plan.planId(), plan.targets().size() + " targets");
	}

	/** 民生实事 first, each group in the plan's order. */
	public static List<TargetProgress> ordered(List<TargetProgress> targets) {
		return java.util.stream.Stream.concat(targets.stream().filter(TargetProgress::livelihood), targets.stream().filter(t -> !t.livelihood())).toList();
	}
}
