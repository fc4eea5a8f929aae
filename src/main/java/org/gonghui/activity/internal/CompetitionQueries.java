package org.gonghui.activity.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.gonghui.activity.ActivityKind;
import org.gonghui.activity.ActivityStatus;
import org.gonghui.activity.AdvanceRule;
import org.gonghui.activity.PerformanceForm;
import org.gonghui.activity.RoundLevel;
import org.gonghui.platform.CurrentUser;
import org.gonghui.shared.RecordNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The read side of competitions: the organiser's view with rounds and entries, a unit's own entries, what
 * a unit needs to submit, and the public results. Setting up and moving entries is in
 * {@link CompetitionService}, judging in {@link JudgingService}.
 */
@Service
public class CompetitionQueries {

	private final CompetitionRepository competitions;
	private final ActivityRepository activities;
	private final ActivityAccess access;
	private final CurrentUser currentUser;

	CompetitionQueries(CompetitionRepository competitions, ActivityRepository activities, ActivityAccess access, CurrentUser currentUser) {
		this.competitions = competitions;
		this.activities = activities;
		this.access = access;
		this.currentUser = currentUser;
	}

	/** The competition for its organiser's staff: rounds with judges, and the entries in scope. */
	@Transactional(readOnly = true)
	public CompetitionView get(long activityId) {
		var a = managed(activityId);
		return view(a, competitions.entries(activityId, currentUser.scope().pathPattern()));
	}

	/** Entries the caller's unit submitted (a unit sees only its own). */
	@Transactional(readOnly = true)
	public List<EntryView> entriesInScope(long activityId) {
		access.requireWriter();
		activities.findById(activityId).filter(a -> a.kind() == ActivityKind.COMPETITION)
			.orElseThrow(() -> new RecordNotFoundException("competition", activityId));
		return competitions.entries(activityId, currentUser.scope().pathPattern()).stream().map(CompetitionQueries::entryView).toList();
	}

	/** Public results: the published rankings and awards of closed rounds, and participation across all rounds. */
	@Transactional(readOnly = true)
	public Results results(long activityId) {
		var a = activities.findById(activityId)
			.filter(x -> x.kind() == ActivityKind.COMPETITION && x.status() != ActivityStatus.DRAFT)
			.orElseThrow(() -> new RecordNotFoundException("competition", activityId));
		List<RoundResults> rounds = new ArrayList<>();
		for (var r : competitions.rounds(activityId)) {
			if (r.closed()) {
				// The public view names no judge: their usernames are sign-in names.
				var view = roundView(r);
				rounds.add(new RoundResults(new RoundView(view.id(), view.competitionId(), view.position(), view.name(), view.level(), null,
						view.hostName(), view.startsOn(), view.endsOn(), view.venue(), view.advanceRule(), view.advanceN(), view.advanceThreshold(),
						true, List.of()), JudgingService.rankingOf(competitions, r)));
			}
		}
		var f = competitions.figures(activityId);
		return new Results(a.id(), a.title(), competitions.edition(activityId).orElse(""), a.organizationName(), rounds,
				new Participation(f.units(), f.entries(), f.performers()));
	}

	/** Published competitions, for the public list (results) and for units looking for where to submit. */
	@Transactional(readOnly = true)
	public List<CompetitionLine> published() {
		return competitions.published(100).stream()
			.map(l -> new CompetitionLine(l.id(), l.title(), l.edition(), l.organizationName(), ActivityStatus.valueOf(l.status())))
			.toList();
	}

	/** What a unit needs to submit: the edition's forms and whether the first round still takes entries. */
	@Transactional(readOnly = true)
	public Submission submission(long activityId) {
		var a = activities.findById(activityId).filter(x -> x.kind() == ActivityKind.COMPETITION && x.status() != ActivityStatus.DRAFT)
			.orElseThrow(() -> new RecordNotFoundException("competition", activityId));
		var first = competitions.rounds(activityId).stream().findFirst();
		boolean open = a.status() == ActivityStatus.PUBLISHED && first.isPresent() && !first.get().closed();
		long catchment = first.map(CompetitionRepository.Round::hostId).orElse(null) != null ? first.get().hostId() : a.organizationId();
		return new Submission(a.id(), a.title(), competitions.edition(activityId).orElse(""), a.organizationName(), competitions.forms(activityId),
				open, first.map(this::roundView).orElse(null), catchment);
	}

	/** A competition the caller's staff manage (in scope, of kind COMPETITION); else not found. */
	ActivityRepository.Activity managed(long activityId) {
		access.requireWriter();
		var a = access.visible(activityId);
		if (a.kind() != ActivityKind.COMPETITION || competitions.edition(activityId).isEmpty()) {
			throw new RecordNotFoundException("competition", activityId);
		}
		return a;
	}

	private CompetitionView view(ActivityRepository.Activity a, List<CompetitionRepository.Entry> entries) {
		return new CompetitionView(a.id(), a.title(), competitions.edition(a.id()).orElse(""), a.organizationId(), a.organizationName(),
				competitions.forms(a.id()), competitions.rounds(a.id()).stream().map(this::roundView).toList(),
				entries.stream().map(CompetitionQueries::entryView).toList());
	}

	RoundView roundView(CompetitionRepository.Round r) {
		return new RoundView(r.id(), r.activityId(), r.position(), r.name(), r.level(), r.hostId(), r.hostName(), r.startsOn(), r.endsOn(), r.venue(), r.rule(),
				r.advanceN(), r.threshold(), r.closed(), competitions.judges(r.id()));
	}

	static EntryView entryView(CompetitionRepository.Entry e) {
		return new EntryView(e.id(), e.title(), e.form(), e.unitId(), e.unitName(), e.performerCount());
	}

	public record CompetitionLine(long id, String title, String edition, String organizationName, ActivityStatus status) {
	}

	/** {@code catchmentId}: entries come from units inside this organisation (the first round's host, else the organiser). */
	public record Submission(long id, String title, String edition, String organizationName, List<PerformanceForm> forms, boolean open,
			RoundView firstRound, long catchmentId) {
	}

	public record CompetitionView(long id, String title, String edition, long organizationId, String organizationName, List<PerformanceForm> forms,
			List<RoundView> rounds, List<EntryView> entries) {
	}

	public record RoundView(long id, long competitionId, int position, String name, RoundLevel level, Long hostId, String hostName, LocalDate startsOn,
			LocalDate endsOn, String venue, AdvanceRule advanceRule, Integer advanceN, BigDecimal advanceThreshold, boolean closed,
			List<String> judges) {
	}

	public record EntryView(long id, String title, PerformanceForm form, long unitId, String unitName, int performerCount) {
	}

	/** One line of a round's ranking: rank overall, within its form and within its unit and form; award if any. */
	public record RankedEntry(long entryId, String title, PerformanceForm form, String unitName, BigDecimal score, int judges, Integer rank,
			Integer rankInForm, Integer rankInUnit, String award) {
	}

	public record RoundResults(RoundView round, List<RankedEntry> ranking) {
	}

	public record Participation(long units, long entries, long performers) {
	}

	public record Results(long id, String title, String edition, String organizationName, List<RoundResults> rounds, Participation participation) {
	}
}
