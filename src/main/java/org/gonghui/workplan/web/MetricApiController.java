package org.gonghui.workplan.web;

import java.time.LocalDate;
import java.util.List;

import org.gonghui.workplan.internal.MetricCatalog;
import org.gonghui.workplan.internal.MetricCatalog.Figure;
import org.gonghui.workplan.internal.MetricCatalog.MetricView;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Work plans", description = "工作计划")
class MetricApiController {

	private final MetricCatalog catalog;

	MetricApiController(MetricCatalog catalog) {
		this.catalog = catalog;
	}

	@GetMapping("/api/metrics")
	@Operation(summary = "The metrics targets can be bound to: code, label and unit")
	List<MetricView> metrics() {
		return catalog.views(LocaleContextHolder.getLocale());
	}

	@GetMapping("/api/metrics/{code}/value")
	@Operation(summary = "A metric's figure for an organisation's subtree and a period of Beijing days (both ends included)")
	Figure value(@PathVariable String code, @RequestParam long organizationId, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		return catalog.figure(code, organizationId, from, to);
	}
}
