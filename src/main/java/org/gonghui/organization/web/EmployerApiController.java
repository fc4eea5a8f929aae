package org.gonghui.organization.web;

import java.net.URI;
import java.util.List;

import org.gonghui.organization.FoundingStatus;
import org.gonghui.organization.Ownership;
import org.gonghui.organization.internal.EmployerService;
import org.gonghui.organization.internal.EmployerService.EmployerCommand;
import org.gonghui.organization.internal.EmployerService.EmployerView;
import org.gonghui.organization.internal.FoundingService;
import org.gonghui.organization.internal.FoundingService.FoundingCommand;
import org.gonghui.organization.internal.FoundingService.FoundingEventView;
import org.gonghui.shared.PageResult;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** JSON API for employers in the caller's scope. */
@RestController
@RequestMapping("/api/employers")
@Tag(name = "Employers", description = "单位")
class EmployerApiController {

	private final EmployerService employers;
	private final FoundingService founding;

	EmployerApiController(EmployerService employers, FoundingService founding) {
		this.employers = employers;
		this.founding = founding;
	}

	@GetMapping
	PageResult<EmployerView> search(@RequestParam(required = false) String q, @RequestParam(required = false) Long organizationId,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		return employers.search(q, organizationId, new PageResult.Request(page, size));
	}

	@GetMapping("/{id}")
	EmployerView get(@PathVariable long id) {
		return employers.get(id);
	}

	@PostMapping
	ResponseEntity<EmployerView> create(@RequestBody EmployerRequest request) {
		long id = employers.create(request.command());
		return ResponseEntity.created(URI.create("/api/employers/" + id)).body(employers.get(id));
	}

	@PutMapping("/{id}")
	EmployerView update(@PathVariable long id, @RequestBody EmployerRequest request) {
		employers.update(id, request.version(), request.command());
		return employers.get(id);
	}

	@PostMapping("/{id}/founding")
	@Operation(summary = "Move the employer in the union founding drive (建会)",
			description = "Forward steps are free; FOUNDED needs unionId (a grassroots or joint union in scope); steps back need a note;"
					+ " a founded employer changes only by an administrator, with a note. version (optional) guards against concurrent changes.")
	EmployerView changeFounding(@PathVariable long id, @RequestBody FoundingRequest request) {
		founding.change(id, request.version(), request.command());
		return employers.get(id);
	}

	@GetMapping("/{id}/founding")
	@Operation(summary = "The employer's founding history, newest first")
	List<FoundingEventView> foundingHistory(@PathVariable long id) {
		return founding.history(id);
	}

	record FoundingRequest(FoundingStatus status, Long unionId, String note, Integer version) {
		FoundingCommand command() {
			return new FoundingCommand(status, unionId, note);
		}
	}

	record EmployerRequest(String name, String creditCode, Ownership ownership, Integer headcount, String address, Long organizationId,
			Integer version) {
		EmployerCommand command() {
			return new EmployerCommand(name, creditCode, ownership, headcount, address, organizationId);
		}
	}
}
