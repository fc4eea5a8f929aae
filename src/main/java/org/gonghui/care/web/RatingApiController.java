package org.gonghui.care.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import org.gonghui.care.CommentStatus;
import org.gonghui.care.ServiceType;
import org.gonghui.care.internal.RatingModeration;
import org.gonghui.care.internal.RatingModeration.CommentView;
import org.gonghui.care.internal.RatingService;
import org.gonghui.care.internal.RatingService.MyService;
import org.gonghui.care.internal.RatingService.Rated;
import org.gonghui.care.internal.SatisfactionFigures;
import org.gonghui.care.internal.SatisfactionFigures.CounsellorFigures;
import org.gonghui.care.internal.SatisfactionFigures.Figures;
import org.springframework.format.annotation.DateTimeFormat;
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
 * Satisfaction ratings as JSON: a worker rates a service they took part in (201; 400 for a bad score or a service
 * they did not take part in; 409 the second time), staff read the figures of their scope and moderate comments on
 * activities, a counsellor reads their own appointments' figures.
 */
@RestController
@Tag(name = "Satisfaction", description = "服务满意度评价：职工评价参加过的活动、大篷车和咨询；工会统计与评论审核")
class RatingApiController {

	private final RatingService ratings;
	private final RatingModeration moderation;
	private final SatisfactionFigures figures;

	RatingApiController(RatingService ratings, RatingModeration moderation, SatisfactionFigures figures) {
		this.ratings = ratings;
		this.moderation = moderation;
		this.figures = figures;
	}

	/** {@code serviceType} ACTIVITY (an activity's id) or APPOINTMENT (a booking's id); {@code score} 1–5; {@code comment} ≤ 500 characters. */
	record RatingRequest(ServiceType serviceType, Long serviceId, Integer score, String comment) {
	}

	@PostMapping("/api/ratings")
	@Operation(summary = "Rate a service the signed-in worker took part in, once: 201; 400 for a score outside 1–5 or a service not taken part in;"
			+ " 409 when rated already")
	ResponseEntity<Rated> rate(@RequestBody RatingRequest r) {
		Rated rated = ratings.rate(r.serviceType(), r.serviceId(), r.score(), r.comment());
		return ResponseEntity.created(URI.create("/api/ratings/mine")).body(rated);
	}

	@GetMapping("/api/ratings/mine")
	@Operation(summary = "The finished activities and done appointments of the signed-in worker, latest first, with their ratings (rating null: 待评价)")
	List<MyService> mine() {
		return ratings.mine();
	}

	@GetMapping("/api/ratings/activities/{id}/comments")
	@Operation(summary = "An activity's comments: every status for staff whose scope holds the organiser, approved ones only for everyone else;"
			+ " never who wrote them")
	List<CommentView> activityComments(@PathVariable long id) {
		return moderation.ofActivity(id);
	}

	@GetMapping("/api/care/satisfaction")
	@Operation(summary = "Ratings per form of service (ranked) and per activity in an organisation's subtree, for services held from `from` to `to`"
			+ " (Beijing dates; default the last twelve months); appointment forms under 10 ratings are null with suppressed true")
	Figures figures(@RequestParam(required = false) Long organizationId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		return figures.figures(organizationId, from, to);
	}

	@GetMapping("/api/care/satisfaction/comments")
	@Operation(summary = "Comments on activities organised in the caller's scope (or an organisation's subtree), of a status and an activity when given")
	List<CommentView> comments(@RequestParam(required = false) Long organizationId, @RequestParam(required = false) CommentStatus status,
			@RequestParam(required = false) Long activityId) {
		return moderation.forModeration(organizationId, status, activityId);
	}

	@PostMapping("/api/care/satisfaction/comments/{id}/approve")
	@Operation(summary = "Approve a pending comment (staff whose scope holds the organiser): others see it from now on; 409 when decided already")
	ResponseEntity<Void> approve(@PathVariable long id) {
		moderation.approve(id);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/care/satisfaction/comments/{id}/reject")
	@Operation(summary = "Reject a pending comment: it stays visible to the organiser's side only")
	ResponseEntity<Void> reject(@PathVariable long id) {
		moderation.reject(id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/care/desk/ratings")
	@Operation(summary = "The signed-in counsellor's appointments' ratings: count and average from 10 ratings up, then the comments' texts")
	CounsellorFigures counsellor() {
		return figures.counsellor();
	}
}
