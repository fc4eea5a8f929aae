package org.gonghui.care.web;

import java.net.URI;
import java.util.List;

import org.gonghui.care.internal.CounsellorService;
import org.gonghui.care.internal.CounsellorService.CounsellorInput;
import org.gonghui.care.internal.CounsellorService.CounsellorView;
import org.gonghui.care.internal.SlotService;
import org.gonghui.care.internal.SlotService.CounsellorOffer;
import org.gonghui.care.internal.SlotService.NewSlot;
import org.gonghui.care.internal.SlotService.SlotView;
import org.gonghui.platform.CurrentUser;
import org.gonghui.platform.Role;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.PageResult;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * JSON API for counsellor profiles and their availability slots. Staff (ADMIN, STAFF) manage the counsellors
 * serving organisations in their scope; the counsellor adds their own slots; workers list the counsellors serving
 * their union with the slots they may book. A counsellor outside the caller's reach answers 404.
 */
@RestController
@Tag(name = "Counsellors", description = "心理咨询师：资质、服务单位、可预约时段")
class CounsellorApiController {

	private final CounsellorService counsellors;
	private final SlotService slots;
	private final CurrentUser currentUser;

	CounsellorApiController(CounsellorService counsellors, SlotService slots, CurrentUser currentUser) {
		this.counsellors = counsellors;
		this.slots = slots;
		this.currentUser = currentUser;
	}

	@GetMapping("/api/counsellors")
	@Operation(summary = "Counsellors serving organisations in the caller's scope (staff), active first, by name")
	PageResult<CounsellorView> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		return counsellors.list(new PageResult.Request(page, size));
	}

	@GetMapping("/api/counsellors/for-me")
	@Operation(summary = "The counsellors serving the signed-in worker's union, each with the open slots the worker may book",
			description = "With discreet=true, slots back-to-back in one room with a colleague's booking (same employer) are left out")
	List<CounsellorOffer> forMe(@RequestParam(defaultValue = "false") boolean discreet) {
		return slots.offer(discreet);
	}

	@GetMapping("/api/counsellors/{id}")
	@Operation(summary = "One counsellor profile (staff in scope, or the counsellor themself)")
	CounsellorView get(@PathVariable long id) {
		return counsellors.get(id);
	}

	@PostMapping("/api/counsellors")
	@Operation(summary = "Create the profile of a COUNSELLOR account (username) with the organisations served (in the caller's scope)")
	ResponseEntity<CounsellorView> create(@RequestBody CounsellorInput request) {
		long id = counsellors.create(require(request));
		return ResponseEntity.created(URI.create("/api/counsellors/" + id)).body(counsellors.get(id));
	}

	@PutMapping("/api/counsellors/{id}")
	@Operation(summary = "Edit a profile; organisations served outside the caller's scope are kept as they are")
	CounsellorView update(@PathVariable long id, @RequestBody CounsellorInput request) {
		counsellors.update(id, require(request));
		return counsellors.get(id);
	}

	@GetMapping("/api/counsellors/{id}/slots")
	@Operation(summary = "A counsellor's slots: all coming ones for the counsellor and staff in scope, the bookable ones for a worker served")
	List<SlotView> slots(@PathVariable long id, @RequestParam(defaultValue = "false") boolean discreet) {
		return currentUser.hasRole(Role.WORKER) ? slots.offeredOf(id, discreet) : slots.ofCounsellor(id);
	}

	@PostMapping("/api/counsellors/{id}/slots")
	@Operation(summary = "Add a slot (the counsellor, or staff in scope): startsAt, endsAt, mode SITE (siteId of a 心理减压室), PHONE (location: "
			+ "the number to call), VIDEO (link, https) or WORKPLACE (location)")
	ResponseEntity<SlotView> addSlot(@PathVariable long id, @RequestBody NewSlot request) {
		long slot = slots.add(id, request);
		SlotView view = slots.ofCounsellor(id).stream().filter(s -> s.id() == slot).findFirst().orElseThrow();
		return ResponseEntity.created(URI.create("/api/slots/" + slot)).body(view);
	}

	private static <T> T require(T body) {
		if (body == null) {
			throw InvalidInputException.of(null, "validation.unreadableBody");
		}
		return body;
	}
}
