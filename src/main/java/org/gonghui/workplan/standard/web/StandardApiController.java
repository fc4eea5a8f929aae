package org.gonghui.workplan.standard.web;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.gonghui.platform.Uploads;
import org.gonghui.shared.PageResult;
import org.gonghui.workplan.standard.internal.RankingWorkbook;
import org.gonghui.workplan.standard.internal.StandardService;
import org.gonghui.workplan.standard.internal.StandardService.AppealInput;
import org.gonghui.workplan.standard.internal.StandardService.AssessmentView;
import org.gonghui.workplan.standard.internal.StandardService.CampaignInput;
import org.gonghui.workplan.standard.internal.StandardService.CampaignView;
import org.gonghui.workplan.standard.internal.StandardService.Created;
import org.gonghui.workplan.standard.internal.StandardService.Moved;
import org.gonghui.workplan.standard.internal.StandardService.RankingRow;
import org.gonghui.workplan.standard.internal.StandardService.ReviewInput;
import org.gonghui.workplan.standard.internal.StandardService.SelfInput;
import org.gonghui.workplan.standard.internal.StandardService.StreetStars;
import org.gonghui.workplan.standard.internal.StandardService.TemplateInput;
import org.gonghui.workplan.standard.internal.StandardService.TemplateView;
import org.gonghui.workplan.standard.internal.StandardService.VersionInput;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Standardisation", description = "基层工会规范化建设")
class StandardApiController {

	private final StandardService standard;
	private final RankingWorkbook workbook;

	StandardApiController(StandardService standard, RankingWorkbook workbook) {
		this.standard = standard;
		this.workbook = workbook;
	}

	@PostMapping("/api/standard/templates")
	@Operation(summary = "A federation's checklist: sections of items with points, each MANUAL or computed (AT_LEAST metric ≥ threshold, SHARE metric ≥ threshold % of baseMetric), and the star levels")
	ResponseEntity<Created> createTemplate(@RequestBody TemplateInput input) {
		return ResponseEntity.status(HttpStatus.CREATED).body(standard.createTemplate(input));
	}

	@GetMapping("/api/standard/templates")
	List<TemplateView> templates() {
		return standard.templates();
	}

	@GetMapping("/api/standard/templates/{id}")
	TemplateView template(@PathVariable long id) {
		return standard.template(id);
	}

	@PostMapping("/api/standard/campaigns")
	@Operation(summary = "A district's yearly campaign over the unions below it; each gets an assessment in DRAFT")
	ResponseEntity<Created> createCampaign(@RequestBody CampaignInput input) {
		return ResponseEntity.status(HttpStatus.CREATED).body(standard.createCampaign(input));
	}

	@GetMapping("/api/standard/campaigns")
	List<CampaignView> campaigns() {
		return standard.campaigns();
	}

	@GetMapping("/api/standard/campaigns/{id}")
	CampaignView campaign(@PathVariable long id) {
		return standard.campaign(id);
	}

	@GetMapping("/api/standard/campaigns/{id}/ranking")
	@Operation(summary = "The ranking of the unions in the caller's scope; sort score (default), name or status")
	PageResult<RankingRow> ranking(@PathVariable long id, @RequestParam(required = false) String sort, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		return standard.ranking(id, sort, new PageResult.Request(page, size));
	}

	@GetMapping("/api/standard/campaigns/{id}/ranking.xlsx")
	void rankingXlsx(@PathVariable long id, @RequestParam(required = false) String sort, HttpServletResponse response) throws IOException {
		standard.campaign(id);
		xlsx(response, "规范化建设排名.xlsx");
		workbook.write(id, sort, response.getOutputStream());
	}

	@GetMapping("/api/standard/campaigns/{id}/stars")
	@Operation(summary = "Final stars counted per street")
	List<StreetStars> stars(@PathVariable long id) {
		return standard.streetStars(id);
	}

	@GetMapping("/api/standard/assessments/mine")
	@Operation(summary = "The caller's own union's assessments")
	List<RankingRow> mine() {
		return standard.mine();
	}

	@GetMapping("/api/standard/assessments/{id}")
	AssessmentView assessment(@PathVariable long id) {
		return standard.assessment(id);
	}

	@PostMapping("/api/standard/assessments/{id}/self")
	@Operation(summary = "The union's self-assessment of manual items (points above 0 need evidence first); submit hands it in")
	Moved self(@PathVariable long id, @RequestBody SelfInput input) {
		return standard.selfAssess(id, input);
	}

	@PostMapping("/api/standard/assessments/{id}/review")
	Moved review(@PathVariable long id, @RequestBody ReviewInput input) {
		return standard.review(id, input);
	}

	@PostMapping("/api/standard/assessments/{id}/appeal")
	@Operation(summary = "The union's one appeal against the review, with a reason")
	Moved appeal(@PathVariable long id, @RequestBody AppealInput input) {
		return standard.appeal(id, input);
	}

	@PostMapping("/api/standard/assessments/{id}/final")
	Moved finalise(@PathVariable long id, @RequestBody VersionInput input) {
		return standard.finalise(id, input);
	}

	@PostMapping("/api/standard/assessments/{id}/items/{itemId}/evidence")
	@Operation(summary = "Evidence for a manual item: a note and/or a PDF, JPEG or PNG (checked by content)")
	Moved evidence(@PathVariable long id, @PathVariable long itemId, @RequestParam(required = false) Integer version,
			@RequestParam(required = false) String note, @RequestPart(name = "file", required = false) MultipartFile file) {
		byte[] bytes = Uploads.bytes(file, StandardService.MAX_FILE_BYTES, "file", "document.tooLarge");
		return standard.evidence(id, itemId, version, note, bytes, file == null ? null : file.getOriginalFilename());
	}

	@GetMapping("/api/standard/assessments/{id}/items/{itemId}/evidence")
	void file(@PathVariable long id, @PathVariable long itemId, HttpServletResponse response) throws IOException {
		EvidenceDownload.write(standard.file(id, itemId), response);
	}

	static void xlsx(HttpServletResponse response, String fileName) {
		response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		response.setHeader("Cache-Control", "no-store");
		response.setHeader("Content-Disposition",
				"attachment; filename=\"export.xlsx\"; filename*=UTF-8''" + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20"));
	}
}
