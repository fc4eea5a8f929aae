package org.gonghui.care.web;

import java.net.URI;
import java.util.List;

import org.gonghui.care.internal.SessionNoteService;
import org.gonghui.care.internal.SessionNoteService.ConsentView;
import org.gonghui.care.internal.SessionNoteService.NoteView;
import org.gonghui.care.internal.SessionNoteService.Referral;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * JSON API for session notes: the counsellor writes and reads the note of an appointment that took place; the worker
 * names (and withdraws) a successor who may read them. Anyone else — staff and administrators too — gets 404.
 */
@RestController
@Tag(name = "Session notes", description = "咨询记录：仅咨询师本人及职工同意的接任咨询师可读")
class SessionNoteApiController {

	private final SessionNoteService notes;

	SessionNoteApiController(SessionNoteService notes) {
		this.notes = notes;
	}

	record NoteRequest(String text) {
	}

	record ConsentRequest(Long counsellorId) {
	}

	@GetMapping("/api/bookings/{id}/note")
	@Operation(summary = "The note of an appointment: its author, or a successor the worker consented to; 404 for anyone else")
	NoteView note(@PathVariable long id) {
		return notes.note(id);
	}

	@PutMapping("/api/bookings/{id}/note")
	@Operation(summary = "The counsellor of the slot writes or rewrites the note of an appointment marked done (409 before)",
			description = "text: 1 to 4000 characters; stored encrypted")
	NoteView write(@PathVariable long id, @RequestBody(required = false) NoteRequest request) {
		return notes.write(id, request == null ? null : request.text());
	}

	@GetMapping("/api/care/consents")
	@Operation(summary = "The signed-in worker's consents letting a counsellor read their session notes")
	List<ConsentView> consents() {
		return notes.consents();
	}

	@PostMapping("/api/care/consents")
	@Operation(summary = "The worker lets a counsellor serving their union read their session notes (201; 200 when already granted)")
	ResponseEntity<ConsentView> grant(@RequestBody(required = false) ConsentRequest request) {
		SessionNoteService.Granted granted = notes.grant(request == null ? null : request.counsellorId());
		ConsentView consent = granted.consent();
		return granted.created() ? ResponseEntity.created(URI.create("/api/care/consents/" + consent.id())).body(consent) : ResponseEntity.ok(consent);
	}

	@DeleteMapping("/api/care/consents/{id}")
	@Operation(summary = "The worker withdraws a consent")
	ResponseEntity<Void> revoke(@PathVariable long id) {
		notes.revoke(id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/care/referrals")
	@Operation(summary = "The signed-in counsellor's referrals: workers who let them read their notes (no notes are read here)")
	List<Referral> referrals() {
		return notes.referrals();
	}

	@GetMapping("/api/care/referrals/{id}")
	@Operation(summary = "One referral with the worker's notes; every note read is audited")
	Referral referral(@PathVariable long id) {
		return notes.referral(id);
	}
}
