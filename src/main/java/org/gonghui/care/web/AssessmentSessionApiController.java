package org.gonghui.care.web;

import java.net.URI;
import java.util.List;

import org.gonghui.care.internal.AssessmentSessionService;
import org.gonghui.care.internal.AssessmentSessionService.SessionResults;
import org.gonghui.care.internal.AssessmentSessionService.SessionView;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * JSON API for on-site assessment sessions: the counsellor opens one (its code goes in the QR), lists its results and
 * closes it; workers answer through {@code POST /api/assessments} with {@code session}.
 */
@RestController
@Tag(name = "On-site assessments", description = "现场测评：咨询师开设，职工扫码在自己手机上作答，结果仅本人和该咨询师可见")
class AssessmentSessionApiController {

	private final AssessmentSessionService sessions;

	AssessmentSessionApiController(AssessmentSessionService sessions) {
		this.sessions = sessions;
	}

	/** {@code hours}: how long it stays open, 1 to 12 (default 4). */
	record SessionRequest(String title, String place, Integer hours) {
	}

	@PostMapping("/api/care/sessions")
	@Operation(summary = "The signed-in counsellor opens an on-site session now; 201 with its code")
	ResponseEntity<SessionView> open(@RequestBody(required = false) SessionRequest r) {
		SessionView s = r == null ? sessions.open(null, null, null) : sessions.open(r.title(), r.place(), r.hours());
		return ResponseEntity.created(URI.create("/api/care/sessions/" + s.id())).body(s);
	}

	@GetMapping("/api/care/sessions")
	@Operation(summary = "The signed-in counsellor's sessions, latest first")
	List<SessionView> mine() {
		return sessions.mine();
	}

	@GetMapping("/api/care/sessions/{id}")
	@Operation(summary = "A session with the results answered in it: its counsellor only (each read audited); 404 for anyone else")
	SessionResults results(@PathVariable long id) {
		return sessions.results(id);
	}

	@PostMapping("/api/care/sessions/{id}/close")
	@Operation(summary = "Ends a session early; 409 when it is already over")
	ResponseEntity<Void> close(@PathVariable long id) {
		sessions.close(id);
		return ResponseEntity.noContent().build();
	}
}
