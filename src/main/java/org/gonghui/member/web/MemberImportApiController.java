package org.gonghui.member.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.gonghui.member.internal.MemberImportService;
import org.gonghui.member.internal.MemberImportService.ErrorView;
import org.gonghui.member.internal.MemberImportService.ImportView;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Roster import for scripts: {@code POST /api/members/import} (multipart {@code file}, optional
 * {@code unionId}, default the caller's own organisation) answers 202 with the job's {@code id} and
 * {@code status}; {@code GET /api/members/import/{id}} reports progress, counts and the rejected rows.
 */
@RestController
@RequestMapping("/api/members/import")
@Tag(name = "Member import", description = "会员名册导入")
class MemberImportApiController {

	private final MemberImportService imports;

	MemberImportApiController(MemberImportService imports) {
		this.imports = imports;
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Start a roster import (.xlsx or .csv); the file is checked, then imported in the background")
	ResponseEntity<Map<String, Object>> start(@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) Long unionId) {
		long id = imports.start(unionId, MemberImportController.upload(file));
		ImportView job = imports.job(id);
		return ResponseEntity.accepted().location(URI.create("/api/members/import/" + id)).body(Map.of("id", id, "status", job.status()));
	}

	@GetMapping("/{id}")
	@Operation(summary = "Status, counts and rejected rows (row as Excel shows it, column, reason) of an import")
	ImportResponse get(@PathVariable long id) {
		ImportView job = imports.job(id);
		long errorCount = imports.errorCount(id);
		List<ErrorView> errors = imports.errors(id, imports.apiErrorLimit());
		return new ImportResponse(job.id(), job.status(), job.unionId(), job.unionName(), job.fileName(), job.format(), job.encoding(),
				job.totalRows(), job.processedRows(), job.created(), job.updated(), job.unchanged(), job.rejected(), job.failureMessage(),
				job.startedBy(), job.startedAt(), job.finishedAt(), errorCount, errorCount > errors.size(), errors);
	}

	/** {@code errors} holds at most {@code gonghui.import.api-error-limit} lines; {@code errorsTruncated} says when there are more. */
	record ImportResponse(long id, String status, long unionId, String unionName, String fileName, String format, String encoding,
			Integer totalRows, int processed, int created, int updated, int unchanged, int rejected, String failure, String startedBy,
			Instant startedAt, Instant finishedAt, long errorCount, boolean errorsTruncated, List<ErrorView> errors) {
	}
}
