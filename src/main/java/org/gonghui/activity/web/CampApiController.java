package org.gonghui.activity.web;

import java.util.List;

import org.gonghui.activity.internal.CampCompletion;
import org.gonghui.activity.internal.CampCompletion.CompletionView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Training camps: final assessments, the cohort's completion (evaluated when the camp finishes) and overrides. */
@RestController
@Tag(name = "Training camps", description = "培训营：结业考核、结业判定与人工调整")
class CampApiController {

	private final CampCompletion camps;

	CampApiController(CampCompletion camps) {
		this.camps = camps;
	}

	@PostMapping("/api/activities/{id}/assessments")
	@Operation(summary = "Record a trainee's final assessment (passed or not)")
	void assessment(@PathVariable long id, @RequestBody AssessmentRequest request) {
		camps.recordAssessment(id, request.memberId(), request.passed());
	}

	@GetMapping("/api/activities/{id}/completions")
	@Operation(summary = "The cohort's completion: attended counting sessions, assessment, verdict by rule, final verdict and override reason")
	List<CompletionView> completions(@PathVariable long id) {
		return camps.results(id);
	}

	@PostMapping("/api/activities/{id}/completions/{memberId}")
	@Operation(summary = "Override a trainee's verdict; a reason is required when it departs from the rule")
	List<CompletionView> override(@PathVariable long id, @PathVariable long memberId, @RequestBody OverrideRequest request) {
		camps.override(id, memberId, request.completed(), request.reason());
		return camps.results(id);
	}

	record AssessmentRequest(Long memberId, Boolean passed) {
	}

	record OverrideRequest(Boolean completed, String reason) {
	}
}
