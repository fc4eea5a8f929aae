package org.gonghui.honor.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.Map;

import org.gonghui.honor.HonorLevel;
import org.gonghui.honor.internal.HonorQueries;
import org.gonghui.honor.internal.HonorQueries.HonoreeView;
import org.gonghui.honor.internal.HonorQueries.PublicHonoree;
import org.gonghui.honor.internal.HonorService;
import org.gonghui.honor.internal.HonorService.NewHonor;
import org.gonghui.honor.internal.HonorService.NewHonoree;
import org.gonghui.shared.PageResult;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

/** The honours registry as JSON: staff in scope, and the public showcase. */
@RestController
class HonoreeApiController {

	private final HonorService service;
	private final HonorQueries queries;

	HonoreeApiController(HonorService service, HonorQueries queries) {
		this.service = service;
		this.queries = queries;
	}

	record HonoreeRequest(String name, String idNumber, Long memberId, Long organizationId, String employer, String occupation, String summary,
			String deeds, @com.fasterxml.jackson.annotation.JsonProperty("public") @com.fasterxml.jackson.annotation.JsonAlias("isPublic") Boolean isPublic) {
	}

	record HonorRequest(String title, HonorLevel level, Integer year, String conferredBy, String certificateNumber, Boolean allowance) {
	}

	record RevokeRequest(String reason, LocalDate revokedOn) {
	}

	@PostMapping("/api/honorees")
	@Operation(summary = "Record an honoree (staff, in scope); the 身份证号 is optional, encrypted, and shown masked")
	ResponseEntity<HonoreeView> create(@RequestBody HonoreeRequest r) {
		boolean isPublic = Boolean.TRUE.equals(r.isPublic());
		long id = service.create(new NewHonoree(r.name(), r.idNumber(), r.memberId(), r.organizationId(), r.employer(), r.occupation(), r.summary(),
				r.deeds(), isPublic));
		return ResponseEntity.created(URI.create("/api/honorees/" + id)).body(queries.get(id));
	}

	@PostMapping("/api/honorees/{id}/honours")
	@Operation(summary = "Confer an honour: a title of the catalogue, or a new title with its level and conferring body")
	ResponseEntity<Map<String, Long>> confer(@PathVariable long id, @RequestBody HonorRequest r) {
		long honor = service.confer(id, new NewHonor(r.title(), r.level(), r.year(), r.conferredBy(), r.certificateNumber(),
				Boolean.TRUE.equals(r.allowance())));
		return ResponseEntity.created(URI.create("/api/honorees/" + id)).body(Map.of("id", honor));
	}

	@PostMapping("/api/honours/{id}/revoke")
	@Operation(summary = "Revoke an honour with a reason (the allowance stops)")
	ResponseEntity<Void> revoke(@PathVariable long id, @RequestBody RevokeRequest r) {
		service.revoke(id, r.reason(), r.revokedOn());
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/honorees")
	@Operation(summary = "Honorees in the caller's scope, by name, occupation, employer or title; filter by level or title")
	PageResult<HonoreeView> search(@RequestParam(required = false) String q, @RequestParam(required = false) HonorLevel level,
			@RequestParam(required = false) Long title, @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		return queries.search(q, level, title, new PageResult.Request(page, size));
	}

	@GetMapping("/api/honorees/{id}")
	HonoreeView get(@PathVariable long id) {
		return queries.get(id);
	}

	@GetMapping("/api/honorees/figures")
	@Operation(summary = "Honorees by level and kind in the caller's subtree")
	HonorQueries.Figures figures() {
		return queries.figures();
	}

	@GetMapping("/api/public/honorees")
	@Operation(summary = "The public showcase (风采): honorees marked public")
	PageResult<PublicHonoree> showcase(@RequestParam(required = false) String q, @RequestParam(required = false) HonorLevel level,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		return queries.showcase(q, level, new PageResult.Request(page, size));
	}
}
