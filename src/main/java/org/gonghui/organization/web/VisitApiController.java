package org.gonghui.organization.web;

import java.net.URI;
import java.time.LocalDate;

import org.gonghui.organization.FoundingStatus;
import org.gonghui.organization.internal.OutreachVisitService;
import org.gonghui.organization.internal.OutreachVisitService.VisitCommand;
import org.gonghui.organization.internal.OutreachVisitService.VisitQuery;
import org.gonghui.organization.internal.OutreachVisitService.VisitView;
import org.gonghui.shared.PageResult;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** JSON API for outreach visits (走访) in the caller's scope; outside it, 404. */
@RestController
@RequestMapping("/api/visits")
@Tag(name = "Outreach visits", description = "走访/上门服务")
class VisitApiController {

	private final OutreachVisitService visits;

	VisitApiController(OutreachVisitService visits) {
		this.visits = visits;
	}

	@GetMapping
	@Operation(summary = "Visits in the caller's scope, newest first, optionally for one employer and a date range (ISO dates, inclusive)")
	PageResult<VisitView> search(@RequestParam(required = false) Long employerId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		return visits.search(new VisitQuery(employerId, from, to), new PageResult.Request(page, size));
	}

	@GetMapping("/overdue")
	@Operation(summary = "Open follow-ups dated before today (Beijing time), the longest overdue first")
	PageResult<VisitView> overdue(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		return visits.overdue(new PageResult.Request(page, size));
	}

	@GetMapping("/{id}")
	VisitView get(@PathVariable long id) {
		return visits.get(id);
	}

	@PostMapping
	@Operation(summary = "Record a visit by the calling account; foundingStatus (optional) moves the employer in the same transaction")
	ResponseEntity<VisitView> create(@RequestBody VisitRequest request) {
		long id = visits.create(request.command());
		return ResponseEntity.created(URI.create("/api/visits/" + id)).body(visits.get(id));
	}

	@PostMapping("/{id}/follow-up-done")
	@Operation(summary = "Mark the visit's follow-up as done")
	VisitView followUpDone(@PathVariable long id) {
		visits.completeFollowUp(id);
		return visits.get(id);
	}

	record VisitRequest(Long employerId, LocalDate visitDate, String companions, String purpose, String result, LocalDate followUpDate,
			FoundingStatus foundingStatus, Long unionId) {
		VisitCommand command() {
			return new VisitCommand(employerId, visitDate, companions, purpose, result, followUpDate, foundingStatus, unionId);
		}
	}
}
