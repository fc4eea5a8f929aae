package org.gonghui.care.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import org.gonghui.care.Instrument;
import org.gonghui.care.internal.AssessmentService;
import org.gonghui.care.internal.AssessmentService.AssessmentView;
import org.gonghui.care.internal.AssessmentService.Taken;
import org.gonghui.care.internal.CareFigures;
import org.gonghui.care.internal.FollowUpService;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

/** Self-assessment as JSON: the worker's own, the counsellor's follow-ups, and the counts unions may see. */
@RestController
class AssessmentApiController {

	private final AssessmentService assessments;
	private final FollowUpService followUps;
	private final CareFigures figures;

	AssessmentApiController(AssessmentService assessments, FollowUpService followUps, CareFigures figures) {
		this.assessments = assessments;
		this.followUps = followUps;
		this.figures = figures;
	}

	/** {@code session}: the code of an on-site session's QR; the result is then shared with its counsellor. */
	record AssessmentRequest(Instrument instrument, List<Integer> answers, Boolean consent, Long shareWith, String session) {
	}

	record CloseRequest(String outcome) {
	}

	record Contact(String phone) {
	}

	@PostMapping("/api/assessments")
	@Operation(summary = "Take PHQ-9 or GAD-7 (signed-in worker): answers 0–3 per item, consent required; safetyFollowUp is true when PHQ-9"
			+ " item 9 is above 0 (a counsellor follows up)")
	ResponseEntity<Taken> take(@RequestBody AssessmentRequest r) {
		Taken taken = assessments.take(r.instrument(), r.answers(), r.consent(), r.shareWith(), r.session());
		return ResponseEntity.created(URI.create("/api/assessments/" + taken.id())).body(taken);
	}

	@GetMapping("/api/assessments")
	@Operation(summary = "The signed-in worker's own results, newest first")
	List<AssessmentView> mine() {
		return assessments.mine();
	}

	@GetMapping("/api/assessments/{id}")
	@Operation(summary = "An assessment: for its worker, or the counsellor it was shared with; 404 for anyone else")
	AssessmentView get(@PathVariable long id) {
		return assessments.get(id);
	}

	@PostMapping("/api/assessments/{id}/call-back")
	ResponseEntity<Void> callBack(@PathVariable long id) {
		assessments.requestCallBack(id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/care/figures")
	@Operation(summary = "Counts per instrument and band in an organisation's subtree and period (Beijing dates); counts under 10 are null"
			+ " with suppressed true")
	CareFigures.Figures figures(@RequestParam(required = false) Long organizationId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		return figures.figures(organizationId, from, to);
	}

	@GetMapping("/api/follow-ups")
	@Operation(summary = "Safety follow-ups for the signed-in counsellor (workers of the unions they serve) or care lead (escalated)")
	List<FollowUpService.FollowUpView> followUps() {
		return followUps.mine();
	}

	@PostMapping("/api/follow-ups/{id}/take")
	ResponseEntity<Void> takeFollowUp(@PathVariable long id) {
		followUps.take(id);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/follow-ups/{id}/close")
	ResponseEntity<Void> close(@PathVariable long id, @RequestBody CloseRequest r) {
		followUps.close(id, r.outcome());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/follow-ups/{id}/contact")
	@Operation(summary = "The worker's number when they asked to be called back (audited)")
	Contact contact(@PathVariable long id) {
		return new Contact(followUps.revealContact(id));
	}
}
