package org.gonghui.workplan.web;

import org.gonghui.workplan.internal.SnapshotService;
import org.gonghui.workplan.internal.SnapshotService.SnapshotView;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Work plans", description = "工作计划")
class SnapshotApiController {

	private final SnapshotService snapshots;

	SnapshotApiController(SnapshotService snapshots) {
		this.snapshots = snapshots;
	}

	@PostMapping("/api/plans/{id}/snapshots")
	@Operation(summary = "Freeze every target's figure, the time and the records counted (a period-end snapshot); immutable")
	ResponseEntity<SnapshotView> take(@PathVariable long id) {
		return ResponseEntity.status(HttpStatus.CREATED).body(snapshots.detail(snapshots.take(id)));
	}

	@GetMapping("/api/snapshots/{id}")
	SnapshotView get(@PathVariable long id) {
		return snapshots.detail(id);
	}
}
