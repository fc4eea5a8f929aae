package org.gonghui.activity.web;

import org.gonghui.activity.internal.CheckInService;
import org.gonghui.activity.internal.CheckInService.Attendance;
import org.gonghui.activity.internal.CheckInService.CheckInResult;
import org.gonghui.activity.internal.CheckInService.WalkInResult;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** JSON API for check-in at activities (staff writers in scope; outside it, 404). */
@RestController
@Tag(name = "Activities", description = "活动：发布、报名（名额与候补）、取消、签到")
class CheckInApiController {

	private final CheckInService checkIns;

	CheckInApiController(CheckInService checkIns) {
		this.checkIns = checkIns;
	}

	@PostMapping("/api/activities/{id}/check-ins")
	@Operation(summary = "Check in a registration by its code (as typed, or the QR code's GONGHUI-CHECKIN:<code>)",
			description = "sessionId is required when the activity has several sessions. Checking in again for the same session answers the "
					+ "first check-in with alreadyCheckedIn=true (200 instead of 201).")
	ResponseEntity<CheckInResult> checkIn(@PathVariable long id, @RequestBody CheckInRequest request) {
		CheckInResult result = checkIns.checkIn(id, request.code(), request.sessionId());
		return ResponseEntity.status(result.alreadyCheckedIn() ? HttpStatus.OK : HttpStatus.CREATED).body(result);
	}

	@PostMapping("/api/activities/{id}/walk-ins")
	@Operation(summary = "Record someone who came without registering (takes no seat)",
			description = "name (up to 50) unless memberId is given; employer is free text (up to 100). A member who holds a registration is "
					+ "checked in on it. 200 instead of 201 when the member was already checked in for the session.")
	ResponseEntity<WalkInResult> walkIn(@PathVariable long id, @RequestBody WalkInRequest request) {
		WalkInResult result = checkIns.walkIn(id, request.sessionId(), request.name(), request.employer(), request.memberId());
		return ResponseEntity.status(result.alreadyCheckedIn() ? HttpStatus.OK : HttpStatus.CREATED).body(result);
	}

	@GetMapping("/api/activities/{id}/attendance")
	@Operation(summary = "Attendance per session and per employer, and the number of distinct people")
	Attendance attendance(@PathVariable long id) {
		return checkIns.attendance(id);
	}

	record CheckInRequest(String code, Long sessionId) {
	}

	record WalkInRequest(Long sessionId, String name, String employer, Long memberId) {
	}
}
