package org.gonghui.member.web;

import org.gonghui.member.internal.CoverageService;
import org.gonghui.member.internal.CoverageService.Coverage;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Coverage figures live under the organisation they describe; the member module computes them. */
@RestController
@Tag(name = "Organizations", description = "工会组织")
class CoverageApiController {

	private final CoverageService coverage;

	CoverageApiController(CoverageService coverage) {
		this.coverage = coverage;
	}

	@GetMapping("/api/organizations/{id}/coverage")
	@Operation(summary = "建会率, 入会率 and gig workers joined this year, month by month, for the organisation's subtree")
	Coverage coverage(@PathVariable long id) {
		return coverage.coverage(id);
	}
}
