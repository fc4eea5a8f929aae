package org.gonghui.member.web;

import java.time.LocalDate;

import org.gonghui.member.MemberStatus;
import org.gonghui.member.internal.MemberExportService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code /members/export}: the filtered member list as .xlsx, identifiers masked, audited by the service. */
@Controller
class MemberExportController {

	private final MemberExportService exports;

	MemberExportController(MemberExportService exports) {
		this.exports = exports;
	}

	@GetMapping("/members/export")
	ResponseEntity<byte[]> export(@RequestParam(required = false) String q, @RequestParam(required = false) Long unionId,
			@RequestParam(required = false) MemberStatus status) {
		byte[] body = exports.export(q, unionId, status);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, MemberImportController.attachment("会员名册-" + LocalDate.now() + ".xlsx"))
			.contentType(MemberImportController.XLSX)
			.body(body);
	}
}
