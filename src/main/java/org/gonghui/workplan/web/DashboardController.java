package org.gonghui.workplan.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.gonghui.platform.ChartPages;
import org.gonghui.platform.CurrentUser;
import org.gonghui.shared.RecordNotFoundException;
import org.gonghui.workplan.internal.DashboardExport;
import org.gonghui.workplan.internal.MetricCatalog;
import org.gonghui.workplan.internal.ProgressService;
import org.gonghui.workplan.internal.ProgressService.PlanProgress;
import org.gonghui.workplan.internal.ProgressService.TargetProgress;
import org.gonghui.workplan.internal.SnapshotService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The dashboard of an organisation's plan for a year (the caller's own organisation and this year unless asked):
 * 民生实事 first, every target with its actual, percent, expected by today, status and bar, the chart, the
 * drill-down to the shares below and the records behind a figure (the chart is drawn from the tables, so the
 * figures are computed once), the .xlsx export. Outside the scope: 404.
 */
@Controller
class DashboardController {

	private final ProgressService progress;
	private final MetricCatalog metrics;
	private final SnapshotService snapshots;
	private final DashboardExport export;
	private final CurrentUser currentUser;

	DashboardController(ProgressService progress, MetricCatalog metrics, SnapshotService snapshots, DashboardExport export, CurrentUser currentUser) {
		this.progress = progress;
		this.metrics = metrics;
		this.snapshots = snapshots;
		this.export = export;
		this.currentUser = currentUser;
	}

	@GetMapping("/workplan/dashboard")
	String dashboard(@RequestParam(required = false) Long org, @RequestParam(required = false) Integer year, Model model, HttpServletResponse response) {
		metrics.requireStaff();
		long organizationId = org != null ? org : currentUser.account().orElseThrow().organizationId();
		int y = year != null ? year : progress.today().getYear();
		var organization = metrics.visible(organizationId);
		var plan = progress.progressOf(organizationId, y);
		ChartPages.allowChartStyles(response);
		model.addAttribute("organization", organization);
		model.addAttribute("year", y);
		model.addAttribute("years", List.of(y + 1, y, y - 1, y - 2));
		model.addAttribute("plan", plan.orElse(null));
		plan.ifPresent(p -> {
			model.addAttribute("livelihood", p.targets().stream().filter(TargetProgress::livelihood).toList());
			model.addAttribute("others", p.targets().stream().filter(t -> !t.livelihood()).toList());
			model.addAttribute("snapshots", snapshots.list(p.planId()));
		});
		model.addAttribute("activeNav", "/workplan/dashboard");
		return "workplan/dashboard";
	}

	@GetMapping("/workplan/dashboard.xlsx")
	void xlsx(@RequestParam long org, @RequestParam int year, HttpServletResponse response) throws IOException {
		PlanProgress plan = progress.progressOf(org, year).orElseThrow(() -> new RecordNotFoundException("plan", org));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		export.write(plan, out);
		response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		response.setHeader("Content-Disposition", "attachment; filename=\"workplan-" + plan.planId() + "-" + plan.asOf() + ".xlsx\"");
		out.writeTo(response.getOutputStream());
	}

	@GetMapping("/workplan/plans/{id:\\d+}/targets/{targetId:\\d+}")
	String drill(@PathVariable long id, @PathVariable long targetId, Model model) {
		var drill = progress.drill(id, targetId);
		model.addAttribute("drill", drill);
		model.addAttribute("target", drill.target());
		model.addAttribute("activeNav", "/workplan/dashboard");
		return "workplan/target";
	}
}
