package org.gonghui.member.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

import org.gonghui.member.internal.MemberExportService;
import org.gonghui.member.internal.MemberImportService;
import org.gonghui.member.internal.MemberImportService.ImportView;
import org.gonghui.shared.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Roster import pages: the form (union, file, template download), the job page with a progress bar
 * that htmx refreshes every second until the job has finished, and the error report download.
 */
@Controller
@RequestMapping("/members/import")
class MemberImportController {

	static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
	private static final int ERRORS_ON_PAGE = 100;

	private final MemberImportService imports;
	private final MemberExportService exports;
	private final MessageSource messages;

	MemberImportController(MemberImportService imports, MemberExportService exports, MessageSource messages) {
		this.imports = imports;
		this.exports = exports;
		this.messages = messages;
	}

	@GetMapping
	String form(@RequestParam(required = false) Long unionId, @RequestParam(required = false) String tooLarge, Model model) {
		if (tooLarge != null) {
			model.addAttribute("fileError", msg("member.import.file.tooLarge", imports.maxFileSize() >> 20));
		}
		return form(unionId, model);
	}

	@PostMapping
	String upload(@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) Long unionId, Model model) {
		try {
			long id = imports.start(unionId, upload(file));
			return "redirect:/members/import/" + id;
		}
		catch (InvalidInputException e) {
			var p = e.problems().get(0);
			model.addAttribute("fileError", msg(p.code(), p.args()));
			return form(unionId, model);
		}
	}

	@GetMapping("/{id}")
	String job(@PathVariable long id, Model model) {
		return job(id, model, "members/import-job");
	}

	/** The progress fragment htmx polls. */
	@GetMapping("/{id}/progress")
	String progress(@PathVariable long id, Model model) {
		return job(id, model, "members/import-job :: progress");
	}

	@GetMapping("/{id}/errors.xlsx")
	ResponseEntity<StreamingResponseBody> errors(@PathVariable long id) {
		ImportView job = imports.job(id);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, attachment("导入错误报告-" + job.id() + ".xlsx"))
			.contentType(XLSX)
			.body(out -> imports.writeErrorReport(id, out));
	}

	@GetMapping("/template.xlsx")
	ResponseEntity<byte[]> template() {
		var out = new java.io.ByteArrayOutputStream();
		exports.template(out);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, attachment("会员名册导入模板.xlsx"))
			.contentType(XLSX)
			.body(out.toByteArray());
	}

	private String job(long id, Model model, String view) {
		ImportView job = imports.job(id);
		model.addAttribute("job", job);
		long errorCount = job.finished() ? imports.errorCount(id) : 0;
		model.addAttribute("errorCount", errorCount);
		model.addAttribute("errors", errorCount > 0 ? imports.errors(id, ERRORS_ON_PAGE) : java.util.List.of());
		return view;
	}

	private String form(Long unionId, Model model) {
		model.addAttribute("unionId", unionId != null ? unionId : imports.defaultUnion());
		model.addAttribute("recent", imports.recent(20));
		model.addAttribute("mayImport", imports.mayImport());
		model.addAttribute("maxFileSize", imports.maxFileSize());
		model.addAttribute("maxFileSizeMb", imports.maxFileSize() >> 20);
		return "members/import";
	}

	private String msg(String code, Object... args) {
		Locale locale = LocaleContextHolder.getLocale();
		return messages.getMessage(code, args, code, locale);
	}

	static String attachment(String filename) {
		return ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString();
	}

	/** The multipart file as the service takes it; an absent or empty part is "no file". */
	static MemberImportService.Upload upload(MultipartFile file) {
		if (file == null || file.isEmpty()) {
			return null;
		}
		return new MemberImportService.Upload() {

			@Override
			public String fileName() {
				return file.getOriginalFilename();
			}

			@Override
			public long size() {
				return file.getSize();
			}

			@Override
			public void saveTo(Path target) throws IOException {
				try (InputStream in = file.getInputStream()) {
					Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
				}
			}
		};
	}
}
