package org.gonghui.platform.web;

import java.time.LocalDate;

import org.gonghui.platform.internal.JdbcAuditLog;
import org.gonghui.platform.internal.JdbcAuditLog.AuditQuery;
import org.gonghui.shared.PageResult;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit log search page (administrators only, see the security configuration). */
@Controller
class AuditController {

	private final JdbcAuditLog audit;

	AuditController(JdbcAuditLog audit) {
		this.audit = audit;
	}

	@GetMapping("/audit")
	String search(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
			@RequestParam(required = false) String targetType, @RequestParam(required = false) String targetId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "0") int page, Model model) {
		var query = new AuditQuery(actor, action, targetType, targetId, from, to);
		model.addAttribute("query", query);
		model.addAttribute("entries", audit.search(query, new PageResult.Request(page, 50)));
		return "audit/list";
	}
}
