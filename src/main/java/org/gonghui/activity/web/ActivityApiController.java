package org.gonghui.activity.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import org.gonghui.activity.ActivityKind;
import org.gonghui.activity.ActivityStatus;
import org.gonghui.activity.RegistrationStatus;
import org.gonghui.activity.internal.ActivityLifecycle;
import org.gonghui.activity.internal.ActivityQueries;
import org.gonghui.activity.internal.ActivityQueries.ActivityLine;
import org.gonghui.activity.internal.ActivityQueries.ActivityQuery;
import org.gonghui.activity.internal.ActivityService.ActivityEdit;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.PutMapping;
import org.gonghui.activity.internal.ActivityQueries.ActivityView;
import org.gonghui.activity.internal.ActivityService;
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
 * JSON API for activities and registrations: staff in scope (outside it, 404), workers for themselves.
 */
@RestController
@Tag(name = "Activities", description = "活动：发布、报名（名额与候补）、取消")
class ActivityApiController {

	private final ActivityService activities;
	private final ActivityQueries queries;
	private final ActivityLifecycle lifecycle;
	private final RegistrationService registrations;
	private final MessageSource messages;

	ActivityApiController(ActivityService activities, ActivityQueries queries, ActivityLifecycle lifecycle, RegistrationService registrations,
			MessageSource messages) {
		this.activities = activities;
		this.queries = queries;
		this.lifecycle = lifecycle;
		this.registrations = registrations;
		this.messages = messages;
	}

	@GetMapping("/api/activities")
	@Operation(summary = "Activities in the caller's scope (staff), filtered by status, kind and title, sorted and paged")
	PageResult<ActivityLine> list(@RequestParam(required = false) ActivityStatus status, @RequestParam(required = false) ActivityKind kind,
			@RequestParam(required = false) String q, @RequestParam(required = false) ActivityQueries.ListSort sort,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		return queries.list(new ActivityQuery(status, kind, q, sort), new PageResult.Request(page, size));
	}

	@PutMapping("/api/activities/{id}")
	@Operation(summary = "Edit the details before the activity starts (version required); capacity may not drop below the seats taken")
	ActivityView update(@PathVariable long id, @RequestBody ActivityEdit request) {
		activities.update(id, request);
		return queries.get(id);
	}

	@PostMapping("/api/activities/{id}/status")
	@Operation(summary = "Move the status: PUBLISHED, CLOSED (stop registration), ONGOING, FINISHED, CANCELLED (reason required)")
	ActivityView move(@PathVariable long id, @RequestBody StatusRequest request) {
		lifecycle.move(id, request.status(), request.reason());
		return queries.get(id);
	}

	@PostMapping("/api/activities/{id}/finish")
	@Operation(summary = "Finish the activity (started first if it was still published or closed): seat holders who never checked in"
			+ " become NO_SHOW; a training camp evaluates completion and issues certificates")
	ActivityView finish(@PathVariable long id) {
		lifecycle.finish(id);
		return queries.get(id);
	}

	@PostMapping("/api/activities/{id}/registrations/list")
	@Operation(summary = "Register a list of members (ids or card numbers) on their behalf, with a result per person",
			description = "Group counselling: one member at a time, with consent true to confirm that the member signed the consent on paper")
	List<ListEntryResponse> registerList(@PathVariable long id, @RequestBody ListRequest request) {
		Locale locale = LocaleContextHolder.getLocale();
		return registrations.registerList(id, request.entries(), Boolean.TRUE.equals(request.consent())).stream()
			.map(r -> new ListEntryResponse(r.entry(), r.memberId(), r.memberName(), r.registrationId(), r.status(), r.created(),
					r.problemCode() == null ? null : messages.getMessage(r.problemCode(), r.problemArgs(), r.problemCode(), locale)))
			.toList();
	}

	@PostMapping("/api/activities")
	@Operation(summary = "Create an activity as a draft, with its sessions",
			description = "Registration window defaults to: from publishing until the first session starts; audience to the organiser's subtree")
	ResponseEntity<ActivityView> create(@RequestBody NewActivity request) {
		long id = activities.create(request);
		return ResponseEntity.created(URI.create("/api/activities/" + id)).body(queries.get(id));
	}

	@GetMapping("/api/activities/{id}")
	@Operation(summary = "One activity with its sessions: staff in scope, or a worker in its audience once published")
	ActivityView get(@PathVariable long id) {
		return registrations.self().map(member -> queries.getFor(member, id)).orElseGet(() -> queries.get(id));
	}

	@GetMapping("/api/activities/open")
	@Operation(summary = "Published activities the signed-in worker may join")
	java.util.List<ActivityView> open() {
		return queries.openFor(registrations.self().orElseThrow(() -> new org.springframework.security.access.AccessDeniedException("Workers only")));
	}

	@GetMapping("/api/me/registrations")
	@Operation(summary = "The signed-in worker's registrations, with check-in codes")
	java.util.List<RegistrationService.MyRegistration> mine() {
		return registrations.mine();
	}

	@PostMapping("/api/activities/{id}/publish")
	ActivityView publish(@PathVariable long id) {
		lifecycle.publish(id);
		return queries.get(id);
	}

	@PostMapping("/api/activities/{id}/registrations")
	@Operation(summary = "Register: staff for a member (memberId), a worker for themself (no body needed); repeating it returns the same"
			+ " registration (200 instead of 201)",
			description = "Group counselling (kind GROUP_COUNSELLING) needs consent: true, else 400 with nothing stored: a worker accepts the"
					+ " consent text themself; staff confirm that the member signed it on paper (stored as consentOffline). The answer"
					+ " carries consentAt. Other kinds ignore consent.")
	ResponseEntity<RegistrationView> register(@PathVariable long id, @RequestBody(required = false) RegistrationRequest request) {
		var attempt = registrations.attempt(id, request == null ? null : request.memberId(),
				request != null && Boolean.TRUE.equals(request.consent()));
		RegistrationView view = attempt.registration();
		return ResponseEntity.status(attempt.created() ? HttpStatus.CREATED : HttpStatus.OK)
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

	/** {@code consent}: the consent of group counselling was given (by the worker, or on paper for staff). */
	record RegistrationRequest(Long memberId, Boolean consent) {
	}

	record StatusRequest(ActivityStatus status, String reason) {
	}

	/** Member ids or card numbers, one per entry; {@code consent} as in {@link RegistrationRequest}, for group counselling. */
	record ListRequest(List<String> entries, Boolean consent) {
	}

	record ListEntryResponse(String entry, Long memberId, String memberName, Long registrationId, RegistrationStatus status, boolean created,
			String problem) {
	}

	record NoteRequest(String note) {
	}
}
