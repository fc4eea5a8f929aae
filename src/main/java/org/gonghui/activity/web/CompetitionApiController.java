package org.gonghui.activity.web;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;

import org.gonghui.activity.internal.CompetitionQueries;
import org.gonghui.activity.internal.CompetitionQueries.CompetitionView;
import org.gonghui.activity.internal.CompetitionQueries.EntryView;
import org.gonghui.activity.internal.CompetitionQueries.RankedEntry;
import org.gonghui.activity.internal.CompetitionQueries.Results;
import org.gonghui.activity.internal.CompetitionService;
import org.gonghui.activity.internal.CompetitionService.NewCompetition;
import org.gonghui.activity.internal.CompetitionService.NewEntry;
import org.gonghui.activity.internal.CompetitionService.NewRound;
import org.gonghui.activity.internal.JudgingService;
import org.gonghui.activity.internal.JudgingService.JudgeSheet;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Competitions: set-up by the organiser, entries by units, scores by judges, closing, advancing, awards and results. */
@RestController
@Tag(name = "Competitions", description = "比赛：轮次、节目报送、评委打分、排名、晋级与获奖")
class CompetitionApiController {

	private final CompetitionService competitions;
	private final CompetitionQueries queries;
	private final JudgingService judging;

	CompetitionApiController(CompetitionService competitions, CompetitionQueries queries, JudgingService judging) {
		this.competitions = competitions;
		this.queries = queries;
		this.judging = judging;
	}

	@PostMapping("/api/competitions")
	@Operation(summary = "Create a competition (a published activity of kind COMPETITION) with its edition and forms; the id is the activity's")
	ResponseEntity<CompetitionView> create(@RequestBody NewCompetition request) {
		long id = competitions.create(request);
		return ResponseEntity.created(URI.create("/api/competitions/" + id)).body(queries.get(id));
	}

	@GetMapping("/api/competitions/{id}")
	CompetitionView get(@PathVariable long id) {
		return queries.get(id);
	}

	@PostMapping("/api/competitions/{id}/rounds")
	@Operation(summary = "Add the next round (grassroots, semi-final, final) with dates, venue, host, judges and advance rule")
	ResponseEntity<CompetitionView> addRound(@PathVariable long id, @RequestBody NewRound request) {
		long round = competitions.addRound(id, request);
		return ResponseEntity.created(URI.create("/api/competitions/" + id + "/rounds/" + round)).body(queries.get(id));
	}

	@PostMapping("/api/competitions/{id}/entries")
	@Operation(summary = "A unit submits an entry into the first round")
	ResponseEntity<EntryView> submit(@PathVariable long id, @RequestBody NewEntry request) {
		long entry = competitions.submit(id, request);
		return ResponseEntity.created(URI.create("/api/competitions/" + id + "/entries/" + entry))
			.body(queries.entriesInScope(id).stream().filter(e -> e.id() == entry).findFirst().orElseThrow());
	}

	@GetMapping("/api/competitions/{id}/entries")
	@Operation(summary = "Entries of the caller's units (a unit sees only its own)")
	List<EntryView> entries(@PathVariable long id) {
		return queries.entriesInScope(id);
	}

	@PostMapping("/api/competitions/{id}/rounds/{roundId}/scores")
	@Operation(summary = "The signed-in judge scores an entry of their round (0-100, one decimal); changeable until the round closes")
	JudgeSheet score(@PathVariable long id, @PathVariable long roundId, @RequestBody ScoreRequest request) {
		judging.score(id, roundId, request.entryId(), request.score());
		return judging.sheet(id, roundId);
	}

	@GetMapping("/api/competitions/{id}/rounds/{roundId}/sheet")
	@Operation(summary = "The signed-in judge's sheet: the round's entries with their own scores only")
	JudgeSheet sheet(@PathVariable long id, @PathVariable long roundId) {
		return judging.sheet(id, roundId);
	}

	@PostMapping("/api/competitions/{id}/rounds/{roundId}/close")
	@Operation(summary = "Close the round: scores freeze, the ranking is published")
	List<RankedEntry> close(@PathVariable long id, @PathVariable long roundId) {
		return judging.close(id, roundId);
	}

	@GetMapping("/api/competitions/{id}/rounds/{roundId}/ranking")
	@Operation(summary = "The published ranking of a closed round (public)")
	List<RankedEntry> ranking(@PathVariable long id, @PathVariable long roundId) {
		return judging.ranking(id, roundId);
	}

	@PostMapping("/api/competitions/{id}/rounds/{roundId}/advance")
	@Operation(summary = "Apply the closed round's advance rule; returns how many entries joined the next round")
	AdvanceResult advance(@PathVariable long id, @PathVariable long roundId) {
		return new AdvanceResult(competitions.advance(id, roundId));
	}

	@PostMapping("/api/competitions/{id}/rounds/{roundId}/decisions")
	@Operation(summary = "Staff decision: an entry of the closed round joins the next round, with the reason")
	CompetitionView decide(@PathVariable long id, @PathVariable long roundId, @RequestBody DecisionRequest request) {
		competitions.decide(id, roundId, request.entryId(), request.reason());
		return queries.get(id);
	}

	@PostMapping("/api/competitions/{id}/rounds/{roundId}/awards")
	List<RankedEntry> award(@PathVariable long id, @PathVariable long roundId, @RequestBody AwardRequest request) {
		competitions.award(id, roundId, request.entryId(), request.award());
		return judging.ranking(id, roundId);
	}

	@GetMapping("/api/competitions/{id}/results")
	@Operation(summary = "Public results: published rankings and awards, and participation (units, entries, performers)")
	Results results(@PathVariable long id) {
		return queries.results(id);
	}

	record ScoreRequest(Long entryId, BigDecimal score) {
	}

	record DecisionRequest(Long entryId, String reason) {
	}

	record AwardRequest(Long entryId, String award) {
	}

	record AdvanceResult(int advanced) {
	}
}
