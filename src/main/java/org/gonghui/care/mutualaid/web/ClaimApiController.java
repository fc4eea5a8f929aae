package org.gonghui.care.mutualaid.web;

import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.gonghui.care.mutualaid.ClaimStatus;
import org.gonghui.care.mutualaid.DocumentKind;
import org.gonghui.care.mutualaid.ReviewDecision;
import org.gonghui.care.mutualaid.internal.ClaimService;
import org.gonghui.care.mutualaid.internal.ClaimService.ClaimInput;
import org.gonghui.care.mutualaid.internal.ClaimService.ClaimRow;
import org.gonghui.care.mutualaid.internal.ClaimService.ClaimView;
import org.gonghui.care.mutualaid.internal.ClaimService.DocumentView;
import org.gonghui.platform.Uploads;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** JSON API for claims: submit (member or union), documents, review along the chain, payout, lists, the bank export. */
@RestController
@Tag(name = "Mutual aid claims", description = "职工互助保障：申请、材料、审核、给付")
class ClaimApiController {

	static final long UPLOAD_LIMIT = 5L * 1024 * 1024;

	private final ClaimService claims;

	ClaimApiController(ClaimService claims) {
		this.claims = claims;
	}

	record ClaimRequest(Long planId, Long memberId, String benefit, LocalDate eventDate, String hospital, String diagnosis, Long expensesFen,
			Long otherPaidFen) {
	}

	record ReviewRequest(ReviewDecision decision, String reason) {
	}

	record PayoutRequest(String paymentReference) {
	}

	@PostMapping("/api/aid/claims")
	@Operation(summary = "Submit a claim (the member for themselves, or their union): 201 with id and status")
	ResponseEntity<ClaimView> submit(@RequestBody ClaimRequest r) {
		ClaimView v = claims.submit(new ClaimInput(r.planId(), r.memberId(), r.benefit(), r.eventDate(), r.hospital(), r.diagnosis(), r.expensesFen(),
				r.otherPaidFen()));
		return ResponseEntity.created(URI.create("/api/aid/claims/" + v.id())).body(v);
	}

	@PostMapping(path = "/api/aid/claims/{id}/documents", consumes = "multipart/form-data")
	@Operation(summary = "Add a document (PDF, JPEG or PNG, checked by content) of a kind: 201")
	ResponseEntity<DocumentView> document(@PathVariable long id, @RequestParam(required = false) MultipartFile file,
			@RequestParam(required = false) DocumentKind kind) {
		byte[] bytes = Uploads.bytes(file, UPLOAD_LIMIT, "file", "aid.file.tooLarge");
		return ResponseEntity.status(201).body(claims.addDocument(id, kind, bytes, file == null ? null : file.getOriginalFilename()));
	}

	@PostMapping("/api/aid/claims/{id}/review")
	@Operation(summary = "Decide the claim's current step: APPROVE, REJECT or MORE_DOCUMENTS (with a reason); answers the claim with status and payoutFen")
	ClaimView review(@PathVariable long id, @RequestBody ReviewRequest r) {
		return claims.review(id, r.decision(), r.reason());
	}

	@PostMapping("/api/aid/claims/{id}/resubmit")
	@Operation(summary = "Send the claim back to review after adding the documents asked for")
	ClaimView resubmit(@PathVariable long id) {
		return claims.resubmit(id);
	}

	@PostMapping("/api/aid/claims/{id}/payout")
	@Operation(summary = "Record the payout of an approved claim with the bank's payment reference")
	ClaimView payout(@PathVariable long id, @RequestBody PayoutRequest r) {
		return claims.pay(id, r.paymentReference());
	}

	@GetMapping("/api/aid/claims/{id}")
	@Operation(summary = "One claim: its member or reviewing staff in scope (404 for everyone else)")
	ClaimView get(@PathVariable long id) {
		return claims.get(id);
	}

	@GetMapping("/api/aid/claims")
	@Operation(summary = "Claims in the caller's scope, by status; overdue=true for those past their step's service level")
	List<ClaimRow> list(@RequestParam(required = false) ClaimStatus status, @RequestParam(defaultValue = "false") boolean overdue) {
		return claims.list(status, overdue);
	}

	@GetMapping("/api/aid/my/claims")
	@Operation(summary = "The signed-in member's own claims and payouts")
	List<ClaimView> mine() {
		return claims.mine();
	}

	@GetMapping("/api/aid/claims/{id}/documents/{documentId}")
	@Operation(summary = "A document's content, for its member and reviewing staff in scope")
	ResponseEntity<byte[]> content(@PathVariable long id, @PathVariable long documentId) {
		var c = claims.document(id, documentId);
		return Downloads.inline(c.fileName(), c.contentType(), c.bytes());
	}

	@GetMapping("/api/aid/claims/bank-export.xlsx")
	@Operation(summary = "Approved claims waiting for their payout, for the bank (.xlsx)")
	void bankExport(HttpServletResponse response) throws IOException {
		Downloads.xlsx(response, "互助保障给付清单.xlsx");
		claims.bankExport(response.getOutputStream());
	}
}
