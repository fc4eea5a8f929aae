package org.gonghui.workplan.web;

import java.util.List;
import java.util.Map;

import org.gonghui.workplan.internal.PlanService;
import org.gonghui.workplan.internal.PlanService.PlanInput;
import org.gonghui.workplan.internal.PlanService.PlanLine;
import org.gonghui.workplan.internal.PlanService.PlanView;
import org.gonghui.workplan.internal.PlanService.Share;
import org.gonghui.workplan.internal.ProgressService;
import org.gonghui.workplan.internal.ProgressService.Drill;
import org.gonghui.workplan.internal.ProgressService.PlanProgress;
import org.gonghui.workplan.internal.ProgressService.TargetProgress;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Work plans", description = "工作计划")
class PlanApiController {

	private final PlanService plans;
	private final ProgressService progress;

	PlanApiController(PlanService plans, ProgressService progress) {
		this.plans = plans;
		this.progress = progress;
	}

	/** The body of a split: the shares of the organisations directly below. */
	record SplitInput(List<Share> shares) {
	}

	@PostMapping("/api/plans")
	@Operation(summary = "Create a draft annual plan with targets bound to metrics (see GET /api/metrics)")
	ResponseEntity<Map<String, Long>> create(@RequestBody PlanInput input) {
		return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", plans.create(input)));
	}

	@GetMapping("/api/plans")
	List<PlanLine> list(@RequestParam(required = false) Integer year) {
		return plans.list(year);
	}

	@GetMapping("/api/plans/{id}")
	PlanView detail(@PathVariable long id) {
		return plans.detail(id);
	}

	@GetMapping("/api/plans/{id}/progress")
	@Operation(summary = "Each target with its metric, value, the actual figure from live data, percent, expected by today and status")
	PlanProgress progress(@PathVariable long id) {
		return progress.progress(id);
	}

	@PostMapping("/api/plans/{id}/targets/{targetId}/split")
	@Operation(summary = "Split a target among the organisations directly below; each gets a draft plan with its share")
	TargetProgress split(@PathVariable long id, @PathVariable long targetId, @RequestBody SplitInput input) {
		plans.split(id, targetId, input.shares());
		return progress.target(id, targetId);
	}

	@GetMapping("/api/plans/{id}/targets/{targetId}/records")
	@Operation(summary = "The records behind a target's actual figure (none for count-only metrics)")
	Drill records(@PathVariable long id, @PathVariable long targetId) {
		return progress.drill(id, targetId);
	}
}
