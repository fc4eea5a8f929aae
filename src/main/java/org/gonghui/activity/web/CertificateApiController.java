package org.gonghui.activity.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.gonghui.activity.internal.CertificateService;
import org.gonghui.activity.internal.CertificateService.CertificateLine;
import org.gonghui.activity.internal.CertificateService.PdfFile;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * JSON API and downloads for training-camp certificates: the list of a camp, issuing, one PDF, the ZIP of
 * a camp and revocation. Staff act within their scope (outside it: 404); a worker downloads only their own
 * PDF. The public check is the page {@code /verify/certificates/{number}}.
 */
@RestController
@Tag(name = "Certificates", description = "培训营结业证书：列表、PDF、批量下载、撤销")
class CertificateApiController {

	private final CertificateService certificates;

	CertificateApiController(CertificateService certificates) {
		this.certificates = certificates;
	}

	@GetMapping("/api/activities/{id}/certificates")
	@Operation(summary = "Certificates of a camp (staff in scope)", description = "number, memberId, holderName, status (VALID or REVOKED), issuedAt, hours; "
			+ "revokedReason, revokedBy and revokedAt once revoked.")
	List<CertificateLine> list(@PathVariable long id) {
		return certificates.list(id);
	}

	@PostMapping("/api/activities/{id}/certificates/issue")
	@Operation(summary = "Issue certificates to the trainees whose camp result says completed and who have none yet",
			description = "Idempotent: run again after an override, it issues the new ones only. Answers how many were issued.")
	IssueResult issue(@PathVariable long id) {
		return new IssueResult(certificates.issueForCompleted(id));
	}

	@GetMapping("/api/me/certificates")
	@Operation(summary = "The signed-in worker's own certificates", description = "Each with its number; the PDF is at /api/certificates/{number}.pdf. "
			+ "Empty for an account without a member record.")
	List<CertificateLine> mine() {
		return certificates.mine();
	}

	@GetMapping("/api/certificates/{number}.pdf")
	@Operation(summary = "The certificate as PDF (A4 landscape, Chinese, font embedded, QR code of the verify page)",
			description = "Staff in scope of the camp's organiser, or the holder signed in as a worker; anyone else 404.")
	ResponseEntity<byte[]> pdf(@PathVariable String number) {
		PdfFile file = certificates.pdf(number);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.cacheControl(CacheControl.noStore())
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.filename()).build().toString())
			.body(file.content());
	}

	@GetMapping("/api/activities/{id}/certificates.zip")
	@Operation(summary = "All valid certificates of a camp as one ZIP of PDFs (staff in scope), written as it is made")
	void zip(@PathVariable long id, HttpServletResponse response) throws IOException {
		var archive = certificates.zip(id);
		response.setContentType("application/zip");
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(archive.filename()).build().toString());
		archive.writeTo(response.getOutputStream());
	}

	@PostMapping("/api/certificates/{number}/revoke")
	@Operation(summary = "Revoke a valid certificate (staff in scope)", description = "reason required, up to 200 characters; "
			+ "the verify page then shows 已撤销 without the reason. Revoking again answers 400.")
	CertificateLine revoke(@PathVariable String number, @RequestBody(required = false) RevokeRequest request) {
		return certificates.revoke(number, request == null ? null : request.reason());
	}

	record RevokeRequest(String reason) {
	}

	record IssueResult(int issued) {
	}
}
