package org.gonghui.organization.web;

import java.net.URI;

import org.gonghui.organization.Ownership;
import org.gonghui.organization.internal.EmployerService;
import org.gonghui.organization.internal.EmployerService.EmployerCommand;
import org.gonghui.organization.internal.EmployerService.EmployerView;
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

import io.swagger.v3.oas.annotations.tags.Tag;

/** JSON API for employers in the caller's scope. */
@RestController
@RequestMapping("/api/employers")
@Tag(name = "Employers", description = "单位")
class EmployerApiController {

	private final EmployerService employers;

	EmployerApiController(EmployerService employers) {
		this.employers = employers;
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

	record EmployerRequest(String name, String creditCode, Ownership ownership, Integer headcount, String address, Long organizationId,
			Integer version) {
		EmployerCommand command() {
			return new EmployerCommand(name, creditCode, ownership, headcount, address, organizationId);
		}
	}
}
