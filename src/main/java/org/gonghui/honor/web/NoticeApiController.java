package org.gonghui.honor.web;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import org.gonghui.honor.internal.NoticeService;
import org.gonghui.honor.internal.NoticeService.NoticeView;
import org.gonghui.honor.internal.NoticeService.PublicNotice;
import org.springframework.http.ContentDisposition;
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
import jakarta.servlet.http.HttpServletRequest;

/** Public notices (公示): started and closed by the campaign's federation; objections from anyone. */
@RestController
class NoticeApiController {

	private final NoticeService notices;

	NoticeApiController(NoticeService notices) {
		this.notices = notices;
	}

	record NoticeRequest(LocalDate startsOn, Integer days) {
	}

	record ObjectionRequest(Long nominationId, String name, String phone, String reason) {
	}

	record ObjectionResult(long id) {
	}

	record AssignRequest(String assignee) {
	}

	record ResolveRequest(NoticeService.Finding outcome, String finding) {
	}

	record Phone(String phone) {
	}

	@PostMapping("/api/campaigns/{id}/notices")
	@Operation(summary = "Put the candidates the panel passed on public notice from startsOn for days working days (at least and by default 5)"
			+ " of the official calendar; endsOn is the last working day")
	ResponseEntity<NoticeView> start(@PathVariable long id, @RequestBody NoticeRequest r) {
		NoticeView notice = notices.start(id, r.startsOn(), r.days());
		return ResponseEntity.created(URI.create("/api/notices/" + notice.id())).body(notice);
	}

	@GetMapping("/api/notices/{id}")
	NoticeView get(@PathVariable long id) {
		return notices.view(id);
	}

	@PostMapping("/api/notices/{id}/close")
	@Operation(summary = "Close a notice that has ended with every objection answered: the candidates on it are approved")
	NoticeView close(@PathVariable long id) {
		return notices.close(id);
	}

	@GetMapping("/api/notices/{id}/result.pdf")
	ResponseEntity<byte[]> result(@PathVariable long id) {
		var out = new ByteArrayOutputStream(32 * 1024);
		notices.resultPdf(id, out);
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename("notice-" + id + "-result.pdf").build().toString())
			.body(out.toByteArray());
	}

	@PostMapping(path = "/api/notices/{id}/objections", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Object to a candidate on an open notice (public): real name and mobile number required, a reason of 10 characters or more")
	ResponseEntity<ObjectionResult> object(@PathVariable long id, @RequestBody ObjectionRequest r, HttpServletRequest request) {
		long objection = notices.object(id, new NoticeService.NewObjection(r.nominationId(), r.name(), r.phone(), r.reason(), null, null),
				request.getRemoteAddr());
		return ResponseEntity.status(201).body(new ObjectionResult(objection));
	}

	@PostMapping(path = "/api/notices/{id}/objections", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "The same with an optional file (PDF, JPEG or PNG up to 10 MB)")
	ResponseEntity<ObjectionResult> objectWithFile(@PathVariable long id, @RequestParam(required = false) Long nominationId,
			@RequestParam(required = false) String name, @RequestParam(required = false) String phone, @RequestParam(required = false) String reason,
			@RequestPart(name = "file", required = false) MultipartFile file, HttpServletRequest request) {
		byte[] bytes = org.gonghui.platform.Uploads.bytes(file, 10L * 1024 * 1024, "file", "honor.file.tooLarge");
		long objection = notices.object(id, new NoticeService.NewObjection(nominationId, name, phone, reason, bytes,
				file == null ? null : file.getOriginalFilename()), request.getRemoteAddr());
		return ResponseEntity.status(201).body(new ObjectionResult(objection));
	}

	@GetMapping("/api/public/notices")
	@Operation(summary = "Notices open today (public)")
	List<PublicNotice> open() {
		return notices.openNotices();
	}

	@GetMapping("/api/public/notices/{id}")
	PublicNotice publicNotice(@PathVariable long id) {
		return notices.publicNotice(id);
	}

	@PostMapping("/api/objections/{id}/assign")
	ResponseEntity<Void> assign(@PathVariable long id, @RequestBody AssignRequest r) {
		notices.assign(id, r.assignee());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/objections/{id}/resolve")
	@Operation(summary = "Record the finding: UPHELD withdraws the candidate, DISMISSED keeps them")
	ResponseEntity<Void> resolve(@PathVariable long id, @RequestBody ResolveRequest r) {
		notices.resolve(id, r.outcome(), r.finding());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/objections/{id}/reveal")
	@Operation(summary = "The objector's full phone number, to call back (audited)")
	Phone reveal(@PathVariable long id) {
		return new Phone(notices.revealPhone(id));
	}
}
