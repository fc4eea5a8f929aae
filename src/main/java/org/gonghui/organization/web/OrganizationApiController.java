package org.gonghui.organization.web;

import java.net.URI;
import java.util.List;

import org.gonghui.organization.OrganizationLevel;
import org.gonghui.organization.OrganizationSummary;
import org.gonghui.organization.OrganizationType;
import org.gonghui.organization.internal.OrganizationService;
import org.gonghui.organization.internal.OrganizationService.OrganizationCommand;
import org.gonghui.organization.internal.OrganizationService.TreeNode;
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

/** JSON API for the union tree. Everything is limited to the caller's data scope; outside it, 404. */
@RestController
@RequestMapping("/api/organizations")
@Tag(name = "Organizations", description = "工会组织")
class OrganizationApiController {

	private final OrganizationService organizations;

	OrganizationApiController(OrganizationService organizations) {
		this.organizations = organizations;
	}

	@GetMapping
	@Operation(summary = "Search organisations in the caller's scope by name")
	PageResult<OrganizationSummary> search(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		return organizations.search(q, new PageResult.Request(page, size));
	}

	@GetMapping("/{id}")
	OrganizationSummary get(@PathVariable long id) {
		return organizations.get(id);
	}

	@GetMapping("/{id}/children")
	List<TreeNode> children(@PathVariable long id) {
		return organizations.children(id);
	}

	@PostMapping
	ResponseEntity<OrganizationSummary> create(@RequestBody OrganizationRequest request) {
		long id = organizations.create(request.command());
		return ResponseEntity.created(URI.create("/api/organizations/" + id)).body(organizations.get(id));
	}

	@PutMapping("/{id}")
	OrganizationSummary update(@PathVariable long id, @RequestBody OrganizationRequest request) {
		organizations.update(id, request.version(), request.command());
		return organizations.get(id);
	}

	@PostMapping("/{id}/move")
	OrganizationSummary move(@PathVariable long id, @RequestBody MoveRequest request) {
		organizations.move(id, request.version(), request.parentId());
		return organizations.get(id);
	}

	/** {@code version}, when given, is the one read before editing: a concurrent change then answers 409. */
	record OrganizationRequest(Long parentId, String name, OrganizationLevel level, OrganizationType type, String address, Integer version) {
		OrganizationCommand command() {
			return new OrganizationCommand(parentId, name, level, type, address);
		}
	}

	record MoveRequest(Long parentId, Integer version) {
	}
}
