package org.gonghui.activity.web;

import java.net.URI;

import org.gonghui.activity.CaravanStatus;
import org.gonghui.activity.internal.CaravanQueries;
import org.gonghui.activity.internal.CaravanQueries.CaravanLine;
import org.gonghui.activity.internal.CaravanQueries.CaravanView;
import org.gonghui.activity.internal.CaravanService;
import org.gonghui.activity.internal.CaravanService.NewCaravanRequest;
import org.gonghui.activity.internal.CaravanService.ScheduleInput;
import org.gonghui.shared.PageResult;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * JSON API for caravan requests (心理关爱大篷车): unions ask, district staff accept, decline and schedule. Outside
 * the caller's scope a request answers 404; a chair trying to decide answers 403.
 */
@RestController
@Tag(name = "Caravans", description = "心理关爱大篷车：单位工会申请，区总工会受理、排期、指派专家")
class CaravanApiController {

	private final CaravanService caravans;
	private final CaravanQueries queries;

	CaravanApiController(CaravanService caravans, CaravanQueries queries) {
		this.caravans = caravans;
		this.queries = queries;
	}

	@PostMapping("/api/caravans")
	@Operation(summary = "Ask for a caravan visit: union, date window, expected participants, needs, contact")
	ResponseEntity<CaravanView> create(@RequestBody NewCaravanRequest request) {
		long id = caravans.request(request);
		return ResponseEntity.created(URI.create("/api/caravans/" + id)).body(queries.get(id));
	}

	@GetMapping("/api/caravans")
	@Operation(summary = "Caravan requests of unions in the caller's scope, newest first, optionally of one status")
	PageResult<CaravanLine> list(@RequestParam(required = false) CaravanStatus status, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		return queries.list(status, new PageResult.Request(page, size));
	}

	@GetMapping("/api/caravans/{id}")
	@Operation(summary = "One request with its history, the scheduled activity's id and what the caller may do")
	CaravanView get(@PathVariable long id) {
		return queries.get(id);
	}

	@PostMapping("/api/caravans/{id}/accept")
	@Operation(summary = "Accept a request (district staff); an optional note")
	CaravanView accept(@PathVariable long id, @RequestBody(required = false) NoteRequest request) {
		caravans.accept(id, request == null ? null : request.note());
		return queries.get(id);
	}

	@PostMapping("/api/caravans/{id}/decline")
	@Operation(summary = "Decline a request (district staff); the reason is required")
	CaravanView decline(@PathVariable long id, @RequestBody(required = false) ReasonRequest request) {
		caravans.decline(id, request == null ? null : request.reason());
		return queries.get(id);
	}

	@PostMapping("/api/caravans/{id}/withdraw")
	@Operation(summary = "Withdraw a request (the requesting union) until it is scheduled")
	CaravanView withdraw(@PathVariable long id, @RequestBody(required = false) NoteRequest request) {
		caravans.withdraw(id, request == null ? null : request.note());
		return queries.get(id);
	}

	@PostMapping("/api/caravans/{id}/schedule")
	@Operation(summary = "Schedule an accepted request: sessions inside the window, venue, capacity, waitlist, experts",
			description = "Creates and publishes a CARAVAN activity at the union (co-organised by the district); the answer carries its activityId")
	CaravanView schedule(@PathVariable long id, @RequestBody ScheduleInput request) {
		caravans.schedule(id, request);
		return queries.get(id);
	}

	record NoteRequest(String note) {
	}

	record ReasonRequest(String reason) {
	}
}
