package org.gonghui.activity.web;

import java.net.URI;

import org.gonghui.activity.internal.ActivityService;
import org.gonghui.activity.internal.ActivityService.ActivityView;
import org.gonghui.activity.internal.ActivityService.NewActivity;
import org.gonghui.activity.internal.RegistrationService;
import org.gonghui.activity.internal.RegistrationService.RegistrationView;
import org.gonghui.shared.PageResult;
import org.springframework.http.HttpStatus;
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
 * JSON API for activities and registrations (staff in scope; outside it, 404). Workers registering
 * themselves, check-in and the pages come with the rest of the activities issue.
 */
@RestController
@Tag(name = "Activities", description = "活动：发布、报名（名额与候补）、取消")
class ActivityApiController {

	private final ActivityService activities;
	private final RegistrationService registrations;

	ActivityApiController(ActivityService activities, RegistrationService registrations) {
		this.activities = activities;
		this.registrations = registrations;
	}

	@PostMapping("/api/activities")
	@Operation(summary = "Create an activity as a draft, with its sessions",
			description = "Registration window defaults to: from publishing until the first session starts; audience to the organiser's subtree")
	ResponseEntity<ActivityView> create(@RequestBody NewActivity request) {
		long id = activities.create(request);
		return ResponseEntity.created(URI.create("/api/activities/" + id)).body(activities.get(id));
	}

	@GetMapping("/api/activities/{id}")
	@Operation(summary = "One activity with its sessions: staff in scope, or a worker in its audience once published")
	ActivityView get(@PathVariable long id) {
		return registrations.self().map(member -> activities.getFor(member, id)).orElseGet(() -> activities.get(id));
	}

	@GetMapping("/api/activities/open")
	@Operation(summary = "Published activities the signed-in worker may join")
	java.util.List<ActivityView> open() {
		return activities.openFor(registrations.self().orElseThrow(() -> new org.springframework.security.access.AccessDeniedException("Workers only")));
	}

	@GetMapping("/api/me/registrations")
	@Operation(summary = "The signed-in worker's registrations, with check-in codes")
	java.util.List<RegistrationService.MyRegistration> mine() {
		return registrations.mine();
	}

	@PostMapping("/api/activities/{id}/publish")
	ActivityView publish(@PathVariable long id) {
		activities.publish(id);
		return activities.get(id);
	}

	@PostMapping("/api/activities/{id}/registrations")
	@Operation(summary = "Register: staff for a member (memberId), a worker for themself (no body needed); repeating it returns the same"
			+ " registration (200 instead of 201)")
	ResponseEntity<RegistrationView> register(@PathVariable long id, @RequestBody(required = false) RegistrationRequest request) {
		Long memberId = request == null ? null : request.memberId();
		Long who = memberId != null ? memberId : registrations.self().map(org.gonghui.member.MemberSummary::id).orElse(null);
		boolean existed = registrations.exists(id, who);
		RegistrationView view = registrations.register(id, memberId);
		return ResponseEntity.status(existed ? HttpStatus.OK : HttpStatus.CREATED)
			.location(URI.create("/api/registrations/" + view.id()))
			.body(view);
	}

	@GetMapping("/api/activities/{id}/registrations")
	PageResult<RegistrationView> list(@PathVariable long id, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		return registrations.list(id, new PageResult.Request(page, size));
	}

	@GetMapping("/api/registrations/{id}")
	@Operation(summary = "One registration with its check-in code")
	RegistrationView registration(@PathVariable long id) {
		return registrations.get(id);
	}

	@PostMapping("/api/registrations/{id}/cancel")
	RegistrationView cancel(@PathVariable long id, @RequestBody(required = false) NoteRequest request) {
		return registrations.cancel(id, request == null ? null : request.note());
	}

	@PostMapping("/api/registrations/{id}/approve")
	RegistrationView approve(@PathVariable long id) {
		return registrations.approve(id);
	}

	@PostMapping("/api/registrations/{id}/accept")
	@Operation(summary = "Take the seat offered from the waitlist, before the offer's deadline")
	RegistrationView accept(@PathVariable long id) {
		return registrations.acceptOffer(id);
	}

	record RegistrationRequest(Long memberId) {
	}

	record NoteRequest(String note) {
	}
}
