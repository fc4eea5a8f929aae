package org.gonghui.honor.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import org.gonghui.honor.HonorLevel;
import org.gonghui.honor.internal.SelectionCampaignService;
import org.gonghui.honor.internal.SelectionCampaignService.SelectionCampaignView;
import org.gonghui.honor.internal.NominationQueries;
import org.gonghui.honor.internal.NominationQueries.NominationView;
import org.gonghui.honor.internal.NominationService;
import org.gonghui.honor.NominationStage;
import org.gonghui.shared.PageResult;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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

/** Selection campaigns and nominations as JSON: federation staff run them, grassroots unions nominate into them. */
@RestController
class SelectionCampaignApiController {

	private final SelectionCampaignService campaigns;
	private final NominationService nominations;
	private final NominationQueries queries;

	SelectionCampaignApiController(SelectionCampaignService campaigns, NominationService nominations, NominationQueries queries) {
		this.campaigns = campaigns;
		this.nominations = nominations;
		this.queries = queries;
	}

	record SelectionCampaignRequest(Long organizationId, String title, String honourTitle, HonorLevel level, String conferredBy, Integer year,
			LocalDate nominationOpensOn, LocalDate nominationClosesOn, Boolean requiresLowerHonor, Integer panelSize, String panelMajority,
			List<SelectionCampaignService.RuleInput> rules, List<SelectionCampaignService.QuotaInput> quotas) {
	}

	record NominationRequest(Long organizationId, Long honoreeId, Long memberId, String name, String idNumber, String employer, String occupation,
			Boolean frontLine, Boolean nonPublic, Boolean enterpriseHead, NominationService.MeetingKind meetingKind, LocalDate meetingOn,
			Integer meetingVotesFor, Integer meetingAttendance, LocalDate unitNoticeStartsOn, LocalDate unitNoticeEndsOn, String summary, String deeds,
			String overrideReason) {
	}

	record AdvanceRequest(NominationService.Decision decision, String note, Integer votesFor, Integer votesAgainst, Integer votesAbstain) {
	}

	record ReasonRequest(String reason) {
	}

	record SignOffRequest(String agency, NominationService.SignOffOutcome outcome, String note) {
	}

	record AdvanceResult(long id, NominationStage stage, Long honorId) {
	}

	record DocumentResult(long id) {
	}

	@PostMapping("/api/campaigns")
	@Operation(summary = "Open a selection campaign (federation staff): the honour, the nomination window (Beijing dates), ratio rules as a fraction"
			+ " (0.35) or a percentage (35), places per sub-federation, the panel (default 9 members, more than half)")
	ResponseEntity<SelectionCampaignView> create(@RequestBody SelectionCampaignRequest r) {
		long id = campaigns.create(new SelectionCampaignService.NewSelectionCampaign(r.organizationId(), r.title(), r.honourTitle(), r.level(), r.conferredBy(), r.year(),
				r.nominationOpensOn(), r.nominationClosesOn(), Boolean.TRUE.equals(r.requiresLowerHonor()), r.panelSize(), r.panelMajority(), r.rules(),
				r.quotas()));
		return ResponseEntity.created(URI.create("/api/campaigns/" + id)).body(campaigns.get(id));
	}

	@GetMapping("/api/campaigns")
	@Operation(summary = "Campaigns the caller runs or can nominate into")
	PageResult<SelectionCampaignView> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		return campaigns.list(new PageResult.Request(page, size));
	}

	@GetMapping("/api/campaigns/{id}")
	SelectionCampaignView get(@PathVariable long id) {
		return campaigns.get(id);
	}

	@PostMapping("/api/campaigns/{id}/nominations")
	@Operation(summary = "Nominate a candidate (a grassroots union in the campaign's subtree): refused with the rule named when a ratio or the"
			+ " eligibility rule would break, unless staff give an overrideReason")
	ResponseEntity<NominationView> nominate(@PathVariable long id, @RequestBody NominationRequest r) {
		long nomination = nominations.submit(id, new NominationService.NewNomination(r.organizationId(), r.honoreeId(), r.memberId(), r.name(),
				r.idNumber(), r.employer(), r.occupation(), r.frontLine(), r.nonPublic(), r.enterpriseHead(), r.meetingKind(), r.meetingOn(),
				r.meetingVotesFor(), r.meetingAttendance(), r.unitNoticeStartsOn(), r.unitNoticeEndsOn(), r.summary(), r.deeds(), r.overrideReason()));
		return ResponseEntity.created(URI.create("/api/nominations/" + nomination)).body(queries.get(nomination));
	}

	@GetMapping("/api/campaigns/{id}/nominations")
	@Operation(summary = "The campaign's nominations inside the caller's scope")
	List<NominationView> nominations(@PathVariable long id) {
		return queries.ofCampaign(id);
	}

	@GetMapping("/api/nominations/{id}")
	NominationView nomination(@PathVariable long id) {
		return queries.get(id);
	}

	@PostMapping("/api/nominations/{id}/advance")
	@Operation(summary = "One step up: vetting by the federation above the unit (decision PASS or REJECT with a note), the panel's vote"
			+ " (votesFor, votesAgainst, votesAbstain; the campaign's majority decides), conferment of an approved nomination (idempotent)")
	AdvanceResult advance(@PathVariable long id, @RequestBody(required = false) AdvanceRequest r) {
		NominationStage stage = nominations.advance(id,
				r == null ? null : new NominationService.Advance(r.decision(), r.note(), r.votesFor(), r.votesAgainst(), r.votesAbstain()));
		return new AdvanceResult(id, stage, queries.get(id).honorId());
	}

	@PostMapping("/api/nominations/{id}/withdraw")
	NominationView withdraw(@PathVariable long id, @RequestBody ReasonRequest r) {
		nominations.withdraw(id, r.reason());
		return queries.get(id);
	}

	@PostMapping("/api/nominations/{id}/sign-offs")
	@Operation(summary = "An agency's answer on an enterprise head (MARKET, TAX, DISCIPLINE, SOCIAL_SECURITY, SAFETY, ENVIRONMENT): CLEARED or"
			+ " REFUSED with a note; one refusal rejects the nomination")
	NominationView signOff(@PathVariable long id, @RequestBody SignOffRequest r) {
		nominations.signOff(id, r.agency(), r.outcome(), r.note());
		return queries.get(id);
	}

	@PostMapping(path = "/api/nominations/{id}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Attach a supporting document: PDF, JPEG or PNG, up to 10 MB")
	ResponseEntity<DocumentResult> document(@PathVariable long id, @RequestPart("file") MultipartFile file) {
		byte[] bytes = org.gonghui.platform.Uploads.bytes(file, 10L * 1024 * 1024, "file", "honor.file.tooLarge");
		long doc = nominations.addDocument(id, bytes, file == null ? null : file.getOriginalFilename());
		return ResponseEntity.created(URI.create("/api/nominations/" + id + "/documents/" + doc)).body(new DocumentResult(doc));
	}

	@GetMapping("/api/nominations/{id}/documents/{document}")
	ResponseEntity<byte[]> documentContent(@PathVariable long id, @PathVariable long document) {
		var d = nominations.document(id, document);
		return ResponseEntity.ok().contentType(MediaType.parseMediaType(d.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition.attachment().filename(d.fileName(),
					java.nio.charset.StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff").body(d.content());
	}
}
