package org.gonghui.activity.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.gonghui.activity.internal.CompetitionQueries.RankedEntry;
import org.gonghui.platform.AuditLog;
import org.gonghui.platform.CurrentUser;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.RecordNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Judging a round. A judge scores the entries of the rounds they are assigned to (0-100, one decimal) and
 * may change a score until the round closes; until then each judge sees only their own scores and nobody
 * sees a ranking. Closing (organiser's staff) freezes the scores and publishes the ranking ({@link Scoring}).
 */
@Service
public class JudgingService {

	private final CompetitionRepository competitions;
	private final CompetitionQueries queries;
	private final CurrentUser currentUser;
	private final AuditLog audit;
	private final Clock clock;

	JudgingService(CompetitionRepository competitions, CompetitionQueries queries, CurrentUser currentUser, AuditLog audit, Clock clock) {
		this.competitions = competitions;
		this.queries = queries;
		this.currentUser = currentUser;
		this.audit = audit;
		this.clock = clock;
	}

	static boolean validScore(BigDecimal score) {
		return score != null && score.signum() >= 0 && score.compareTo(BigDecimal.valueOf(100)) <= 0 && score.stripTrailingZeros().scale() <= 1;
	}

	/** The signed-in judge scores one entry of their round. */
	@Transactional
	public void score(long activityId, long roundId, Long entryId, BigDecimal score) {
		var round = judgedRound(activityId, roundId);
		// The row lock orders this score with a close under way and with the judge's own double tap; a
		// cancelled or finished competition takes no more scores.
		if (round.closed() || !competitions.running(activityId) || !competitions.lockOpen(roundId)) {
			throw InvalidInputException.of("roundId", "competition.round.closed");
		}
		if (entryId == null || !competitions.inRound(roundId, entryId)) {
			throw InvalidInputException.of("entryId", "competition.entry.notInRound");
		}
		if (!validScore(score)) {
			throw InvalidInputException.of("score", "competition.score.range");
		}
		competitions.score(roundId, entryId, currentUser.username(), score.setScale(1), clock.instant());
		audit.record("competition.score", "competition_round", roundId, "entry " + entryId + ": " + score.setScale(1));
	}

	/** A judge's sheet: the round, its entries and this judge's own scores (never the others'). */
	@Transactional(readOnly = true)
	public JudgeSheet sheet(long activityId, long roundId) {
		var round = judgedRound(activityId, roundId);
		Map<Long, BigDecimal> mine = competitions.scoresOf(roundId, currentUser.username()).stream()
			.collect(Collectors.toMap(CompetitionRepository.Score::entryId, CompetitionRepository.Score::score));
		var lines = competitions.entriesOfRound(roundId).stream()
			.map(e -> new SheetLine(CompetitionQueries.entryView(e), mine.get(e.id())))
			.toList();
		return new JudgeSheet(activityId, queries.roundView(round), lines);
	}

	/** Rounds the signed-in account judges. */
	@Transactional(readOnly = true)
	public List<CompetitionQueries.RoundView> myRounds() {
		return competitions.roundsOfJudge(currentUser.username()).stream().map(queries::roundView).toList();
	}

	/** Closes the round: scores are frozen and the ranking is published. */
	@Transactional
	public List<RankedEntry> close(long activityId, long roundId) {
		queries.managed(activityId);
		var round = competitions.round(activityId, roundId).orElseThrow(() -> new RecordNotFoundException("round", roundId));
		if (round.closed() || !competitions.close(roundId, round.version(), currentUser.username(), clock.instant())) {
			throw InvalidInputException.of("roundId", "competition.round.closed");
		}
		audit.record("competition.close", "competition_round", roundId, round.name());
		return rankingOf(competitions, competitions.round(activityId, roundId).orElseThrow());
	}

	/** The published ranking of a closed round (public, like the results page); an open round has none yet. */
	@Transactional(readOnly = true)
	public List<RankedEntry> ranking(long activityId, long roundId) {
		var round = competitions.round(activityId, roundId).orElseThrow(() -> new RecordNotFoundException("round", roundId));
		if (!round.closed()) {
			throw InvalidInputException.of("roundId", "competition.round.notClosed");
		}
		return rankingOf(competitions, round);
	}

	private CompetitionRepository.Round judgedRound(long activityId, long roundId) {
		var round = competitions.round(activityId, roundId).orElseThrow(() -> new RecordNotFoundException("round", roundId));
		// Someone who does not judge the round learns nothing about it, not even that it exists.
		if (!competitions.isJudge(roundId, currentUser.username())) {
			throw new RecordNotFoundException("round", roundId);
		}
		return round;
	}

	/** Ranks a round's entries overall, within each form, and within each unit and form; with awards. */
	static List<RankedEntry> rankingOf(CompetitionRepository competitions, CompetitionRepository.Round round) {
		var entries = competitions.entriesOfRound(round.id());
		Map<Long, List<BigDecimal>> scores = new HashMap<>();
		entries.forEach(e -> scores.put(e.id(), new ArrayList<>()));
		competitions.scores(round.id()).forEach(s -> scores.computeIfPresent(s.entryId(), (k, v) -> {
			v.add(s.score());
			return v;
		}));
		Map<Long, String> awards = competitions.awards(round.id()).stream()
			.collect(Collectors.toMap(CompetitionRepository.Award::entryId, CompetitionRepository.Award::award));
		Function<List<CompetitionRepository.Entry>, Map<Long, Scoring.Ranked>> rank = group -> Scoring
			.rank(group.stream().map(e -> new Scoring.Scored(e.id(), scores.get(e.id()))).toList()).stream()
			.collect(Collectors.toMap(Scoring.Ranked::entryId, r -> r));
		Map<Long, Scoring.Ranked> overall = rank.apply(entries);
		Map<Long, Integer> inForm = new HashMap<>();
		entries.stream().collect(Collectors.groupingBy(CompetitionRepository.Entry::form)).values()
			.forEach(g -> rank.apply(g).forEach((id, r) -> inForm.put(id, r.rank())));
		Map<Long, Integer> inUnit = new HashMap<>();
		entries.stream().collect(Collectors.groupingBy(e -> e.unitId() + "/" + e.form())).values()
			.forEach(g -> rank.apply(g).forEach((id, r) -> inUnit.put(id, r.rank())));
		Map<Long, CompetitionRepository.Entry> byId = entries.stream().collect(Collectors.toMap(CompetitionRepository.Entry::id, e -> e));
		return Scoring.rank(entries.stream().map(e -> new Scoring.Scored(e.id(), scores.get(e.id()))).toList()).stream()
			.map(r -> {
				var e = byId.get(r.entryId());
				return new RankedEntry(e.id(), e.title(), e.form(), e.unitName(), r.score(), r.judges(), overall.get(e.id()).rank(), inForm.get(e.id()),
						inUnit.get(e.id()), awards.get(e.id()));
			})
			.toList();
	}

	public record SheetLine(CompetitionQueries.EntryView entry, BigDecimal myScore) {
	}

	public record JudgeSheet(long competitionId, CompetitionQueries.RoundView round, List<SheetLine> lines) {
	}
}
