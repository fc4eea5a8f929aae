package org.gonghui.care.mutualaid.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import org.gonghui.care.mutualaid.internal.EnrolmentService;
import org.gonghui.care.mutualaid.internal.EnrolmentService.CoverView;
import org.gonghui.care.mutualaid.internal.EnrolmentService.EnrolInput;
import org.gonghui.care.mutualaid.internal.EnrolmentService.EnrolmentView;
import org.gonghui.care.mutualaid.internal.EnrolmentService.MyCover;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** JSON API for enrolments: a union enrols its members, sees the statement, marks it paid, adds joiners; a member sees their cover. */
@RestController
@Tag(name = "Mutual aid enrolment", description = "职工互助保障：工会参保、缴费清单、新入会职工")
class EnrolmentApiController {

	private final EnrolmentService enrolments;

	EnrolmentApiController(EnrolmentService enrolments) {
		this.enrolments = enrolments;
	}

	record EnrolRequest(Long unionId, Integer shares, LocalDate termStartsOn, List<Long> memberIds) {
	}

	record PaidRequest(String paymentReference) {
	}

	record JoinerRequest(Long memberId) {
	}

	@PostMapping("/api/aid/plans/{id}/enrolments")
	@Operation(summary = "Enrol a union's eligible members (or a selection meeting the minimum participation) for a term: 201 with members and contributionFen")
	ResponseEntity<EnrolmentView> enrol(@PathVariable long id, @RequestBody EnrolRequest r) {
		EnrolmentView v = enrolments.enrol(id, new EnrolInput(r.unionId(), r.shares(), r.termStartsOn(), r.memberIds()));
		return ResponseEntity.created(URI.create("/api/aid/enrolments/" + v.id())).body(v);
	}

	@GetMapping("/api/aid/plans/{id}/enrolments")
	@Operation(summary = "Enrolments of the plan in the caller's scope")
	List<EnrolmentView> ofPlan(@PathVariable long id) {
		return enrolments.ofPlan(id);
	}

	@GetMapping("/api/aid/enrolments/{id}")
	@Operation(summary = "One enrolment: the contribution statement (members × shares × price)")
	EnrolmentView get(@PathVariable long id) {
		return enrolments.get(id);
	}

	@GetMapping("/api/aid/enrolments/{id}/covers")
	@Operation(summary = "The members covered by an enrolment")
	List<CoverView> covers(@PathVariable long id) {
		return enrolments.covers(id);
	}

	@PostMapping("/api/aid/enrolments/{id}/paid")
	@Operation(summary = "Mark the contribution paid, with the payment reference")
	EnrolmentView paid(@PathVariable long id, @RequestBody PaidRequest r) {
		return enrolments.markPaid(id, r.paymentReference());
	}

	@PostMapping("/api/aid/enrolments/{id}/members")
	@Operation(summary = "Add a member who joined later: pro rata for the rest of the term, or 409 when the plan covers joiners from the next term")
	ResponseEntity<CoverView> joiner(@PathVariable long id, @RequestBody JoinerRequest r) {
		return ResponseEntity.status(201).body(enrolments.addJoiner(id, r.memberId()));
	}

	@GetMapping("/api/aid/my/covers")
	@Operation(summary = "The signed-in member's covers: plans, shares, term, waiting period end")
	List<MyCover> mine() {
		return enrolments.mine();
	}
}
