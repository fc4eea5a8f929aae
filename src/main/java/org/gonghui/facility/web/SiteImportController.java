package org.gonghui.facility.web;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import org.gonghui.facility.SiteStatus;
import org.gonghui.facility.SiteType;
import org.gonghui.facility.internal.SiteExportService;
import org.gonghui.facility.internal.SiteImportService;
import org.gonghui.facility.internal.SiteQueries.SiteQuery;
import org.gonghui.platform.Uploads;
import org.gonghui.shared.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Excel in and out for sites: the import page with its row report, the template, and the export of a filtered list. The JSON
 * import and export are in {@link SiteApiController}, so API errors come as problem details.
 */
@Controller
class SiteImportController {

	private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final SiteImportService imports;
	private final SiteExportService exports;
	private final MessageSource messages;

	SiteImportController(SiteImportService imports, SiteExportService exports, MessageSource messages) {
		this.imports = imports;
		this.exports = exports;
		this.messages = messages;
	}

	@GetMapping("/sites/manage/import")
	String page(Model model) {
		model.addAttribute("activeNav", "/sites/manage");
		return "sites/manage/import";
	}

	@PostMapping("/sites/manage/import")
	String upload(@RequestParam(required = false) MultipartFile file, Model model, HttpServletResponse response) throws IOException {
		model.addAttribute("activeNav", "/sites/manage");
		try {
			model.addAttribute("report", imports.importSheet(file == null ? null : file.getOriginalFilename(), Uploads.bytes(file, SiteImportService.MAX_BYTES, "file", "sheet.tooLarge")));
		}
		catch (InvalidInputException e) {
			response.setStatus(400);
			model.addAttribute("fileErrors", e.problems().stream()
				.map(p -> messages.getMessage(p.code(), p.args(), LocaleContextHolder.getLocale()))
				.toList());
		}
		return "sites/manage/import";
	}

	@GetMapping("/sites/manage/import/template")
	void template(HttpServletResponse response) throws IOException {
		download(response, "站点导入模板.xlsx");
		exports.write(new SiteQuery(null, null, null, null, null), true, response.getOutputStream());
	}

	@GetMapping("/sites/manage/export")
	org.springframework.http.ResponseEntity<byte[]> export(@RequestParam(required = false) SiteType type,
			@RequestParam(required = false) SiteStatus status, @RequestParam(required = false) String q,
			@RequestParam(required = false) Long organizationId) throws IOException {
		return exportSheet(exports, new SiteQuery(type, status, q, organizationId, null));
	}

	/**
	 * The export as a download, written whole before the first byte goes out, so a refusal is a proper error
	 * (page or problem detail) rather than a broken file. Used by the page and by the JSON API.
	 */
	static org.springframework.http.ResponseEntity<byte[]> exportSheet(SiteExportService exports, SiteQuery query) throws IOException {
		var buffer = new java.io.ByteArrayOutputStream();
		exports.write(query, false, buffer);
		String filename = "服务阵地-" + exports.today() + ".xlsx";
		return org.springframework.http.ResponseEntity.ok()
			.contentType(org.springframework.http.MediaType.parseMediaType(XLSX))
			.header("Content-Disposition", "attachment; filename=\"sites.xlsx\"; filename*=UTF-8''"
					+ URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20"))
			.body(buffer.toByteArray());
	}

	private static void download(HttpServletResponse response, String filename) {
		response.setContentType(XLSX);
		response.setHeader("Content-Disposition", "attachment; filename=\"sites.xlsx\"; filename*=UTF-8''"
				+ URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20"));
	}
}
