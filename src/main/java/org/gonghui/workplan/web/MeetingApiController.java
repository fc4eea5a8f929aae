package org.gonghui.workplan.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.gonghui.workplan.internal.MeetingService;
import org.gonghui.workplan.internal.MeetingService.Created;
import org.gonghui.workplan.internal.MeetingService.MeetingInput;
import org.gonghui.workplan.internal.MeetingService.MeetingView;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Work plans", description = "工作计划")
class MeetingApiController {

	private final MeetingService meetings;

	MeetingApiController(MeetingService meetings) {
		this.meetings = meetings;
	}

	@PostMapping("/api/meetings")
	@Operation(summary = "Record a meeting (kind PLENARY 全委会, STANDING 常委会, CONGRESS 职代会) with its agenda; adoptsPlanId adopts that draft plan")
	ResponseEntity<Created> create(@RequestBody MeetingInput input) {
		return ResponseEntity.status(HttpStatus.CREATED).body(meetings.create(input));
	}

	@GetMapping("/api/meetings")
	@Operation(summary = "Meetings in the caller's scope, newest first")
	List<MeetingView> list() {
		return meetings.list();
	}

	@GetMapping("/api/meetings/{id}")
	MeetingView detail(@PathVariable long id) {
		return meetings.detail(id);
	}

	@GetMapping("/api/meetings/{id}/minutes.pdf")
	@Operation(summary = "The minutes (会议纪要) as a PDF")
	void minutes(@PathVariable long id, HttpServletResponse response) throws IOException {
		MinutesDownload.write(meetings, id, response);
	}
}
