package org.gonghui.activity.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.gonghui.activity.ActivityKind;
import org.gonghui.activity.ActivityStatus;
import org.gonghui.activity.AdvanceRule;
import org.gonghui.activity.PerformanceForm;
import org.gonghui.activity.RoundLevel;
import org.gonghui.activity.internal.ActivityService.NewActivity;
import org.gonghui.activity.internal.CompetitionQueries.RankedEntry;
import org.gonghui.member.Members;
import org.gonghui.organization.Organizations;
import org.gonghui.platform.AuditLog;
import org.gonghui.platform.CurrentUser;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.InvalidInputException.FieldProblem;
import org.gonghui.shared.OrgPath;
import org.gonghui.shared.RecordNotFoundException;
import org.gonghui.shared.TextChecks;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Competitions run through rounds: the organiser sets up the edition, forms and rounds with their judges;
 * units under the organiser submit entries into the first round; entries advance by the round's rule or by
 * staff decision with a reason; awards per round and form. Judging itself is in {@link JudgingService}, reading
 * in {@link CompetitionQueries}.
 */
@Service
public class CompetitionService {

	private final CompetitionRepository competitions;
	private final CompetitionQueries queries;
	private final ActivityService activityService;
	private final ActivityAccess access;
	private final ActivityRepository activities;
	private final ActivityLifecycle lifecycle;
	private final Organizations organizations;
	private final Members members;
	private final CurrentUser currentUser;
	private final AuditLog audit;
	private final Clock clock;
	private final org.gonghui.platform.Accounts accounts;

	CompetitionService(org.gonghui.platform.Accounts accounts, CompetitionRepository competitions, CompetitionQueries queries,
			ActivityService activityService, ActivityAccess access, ActivityRepository activities, ActivityLifecycle lifecycle,
			Organizations organizations, Members members, CurrentUser currentUser, AuditLog audit, Clock clock) {
		this.accounts = accounts;
		this.competitions = competitions;
		this.queries = queries;
		this.activityService = activityService;
		this.access = access;
		this.activities = activities;
		this.lifecycle = lifecycle;
		this.organizations = organizations;
		this.members = members;
		this.currentUser = currentUser;
		this.audit = audit;
		this.clock = clock;
	}

	/** Creates the competition as a published activity of kind COMPETITION (units submit entries, not registrations). */
	@Transactional
	public long create(NewCompetition c) {
		List<FieldProblem> problems = new ArrayList<>();
		String edition = TextChecks.line(c.edition(), "edition", 50, problems);
		if (edition == null) {
			problems.add(new FieldProblem("edition", "validation.required"));
		}
		Set<PerformanceForm> forms = c.forms() == null ? Set.of() : new LinkedHashSet<>(c.forms());
		if (forms.isEmpty() || forms.contains(null)) {
			problems.add(new FieldProblem("forms", "competition.forms.required"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		long id = activityService.createOwned(new NewActivity(c.organizationId(), ActivityKind.COMPETITION, c.title(), c.description(), null,
				ActivityChecks.MAX_CAPACITY, false, false, null, null, null, List.of()));
		competitions.insertCompetition(id, edition, List.copyOf(forms));
		lifecycle.publish(id);
		audit.record("competition.create", "activity", id, edition + " " + c.title() + " " + forms);
		return id;
	}

	@Transactional
	public long addRound(long activityId, NewRound r) {
		var competition = queries.managed(activityId);
		if (competition.status() == ActivityStatus.CANCELLED || competition.status() == ActivityStatus.FINISHED) {
			// A cancelled or finished edition takes no new rounds: judges would be invited to nothing.
			throw InvalidInputException.of(null, "competition.round.notOpen");
		}
		List<FieldProblem> problems = new ArrayList<>();
		String name = TextChecks.line(r.name(), "name", 50, problems);
		if (name == null) {
			problems.add(new FieldProblem("name", "validation.required"));
		}
		if (r.level() == null) {
			problems.add(new FieldProblem("level", "validation.required"));
		}
		if (r.startsOn() == null || r.endsOn() == null) {
			problems.add(new FieldProblem("startsOn", "validation.required"));
		}
		else if (r.endsOn().isBefore(r.startsOn())) {
			problems.add(new FieldProblem("endsOn", "competition.round.endsBeforeStart"));
		}
		String venue = TextChecks.line(r.venue(), "venue", 200, problems);
		if (r.hostId() != null && !organizations.isWithin(r.hostId(), competition.organizationId())) {
			problems.add(new FieldProblem("hostId", "competition.round.host"));
		}
		AdvanceRule rule = r.advanceRule() == null ? AdvanceRule.MANUAL : r.advanceRule();
		if ((rule == AdvanceRule.TOP_N || rule == AdvanceRule.TOP_N_PER_UNIT || r.advanceN() != null)
				&& (r.advanceN() == null || r.advanceN() < 1 || r.advanceN() > 1000)) {
			problems.add(new FieldProblem("advanceN", "competition.round.advanceN"));
		}
		if ((rule == AdvanceRule.THRESHOLD || r.advanceThreshold() != null) && !JudgingService.validScore(r.advanceThreshold())) {
			problems.add(new FieldProblem("advanceThreshold", "competition.score.range"));
		}
		List<String> judges = r.judges() == null ? List.of() : r.judges().stream().map(j -> j == null ? "" : j.strip()).distinct().toList();
		for (int i = 0; i < judges.size(); i++) {
			if (!accounts.exists(judges.get(i))) {
				problems.add(new FieldProblem("judges[" + i + "]", "competition.judge.unknown", judges.get(i)));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		long id = competitions.insertRound(activityId, name, r.level(), r.hostId(), r.startsOn(), r.endsOn(), venue, rule, r.advanceN(),
				r.advanceThreshold());
		judges.forEach(j -> competitions.addJudge(id, j));
		audit.record("competition.round", "activity", activityId, name + " (" + r.level() + ", " + judges.size() + " judges)");
		return id;
	}

	/** A unit submits an entry into the first round, while it is open; performers by count, optionally by name (member ids). */
	@Transactional
	public long submit(long activityId, NewEntry e) {
		access.requireWriter();
		var competition = activities.findById(activityId).filter(a -> a.kind() == ActivityKind.COMPETITION)
			.orElseThrow(() -> new RecordNotFoundException("competition", activityId));
		List<FieldProblem> problems = new ArrayList<>();
		String title = TextChecks.line(e.title(), "title", 100, problems);
		if (title == null) {
			problems.add(new FieldProblem("title", "validation.required"));
		}
		if (e.form() == null || !competitions.forms(activityId).contains(e.form())) {
			problems.add(new FieldProblem("form", "competition.entry.form"));
		}
		var first = competitions.rounds(activityId).stream().findFirst();
		var unit = e.unitId() == null ? null : organizations.findVisible(e.unitId()).orElse(null);
		// The unit must be in the caller's scope and under the first round's host (the organiser when the round
		// names none): 丰台's grassroots round takes entries from 丰台's units, not from 朝阳's.
		long catchment = first.map(CompetitionRepository.Round::hostId).orElse(null) != null ? first.get().hostId() : competition.organizationId();
		boolean unitOk = unit != null && organizations.isWithin(unit.id(), catchment);
		if (!unitOk) {
			problems.add(new FieldProblem("unitId", "competition.entry.unitOutside"));
		}
		List<Long> named = e.performerMemberIds() == null ? List.of() : e.performerMemberIds().stream().distinct().toList();
		int count = e.performerCount() == null ? named.size() : e.performerCount();
		if (count < 1 || count > 1000 || count < named.size()) {
			problems.add(new FieldProblem("performerCount", "competition.entry.performers"));
		}
		for (int i = 0; i < named.size(); i++) {
			Long m = named.get(i);
			boolean ok = m != null && unitOk
					&& members.find(m).filter(member -> new OrgPath(member.unionPath()).isWithin(new OrgPath(unit.path()))).isPresent();
			if (!ok) {
				problems.add(new FieldProblem("performerMemberIds[" + i + "]", "activity.member.notFound"));
			}
		}
		if (first.isEmpty() || first.get().closed() || !competitions.lockOpen(first.get().id()) || competition.status() != ActivityStatus.PUBLISHED) {
			problems.add(new FieldProblem(null, "competition.entry.closed"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		long id = competitions.insertEntry(activityId, title, e.form(), unit.id(), count, currentUser.username(), clock.instant());
		named.forEach(m -> competitions.addPerformer(id, m));
		competitions.addToRound(first.get().id(), id, "SUBMITTED", null, currentUser.username());
		audit.record("competition.entry", "activity", activityId, unit.name() + ": " + title + " (" + e.form() + ", " + count + ")");
		return id;
	}

	/** Applies the closed round's rule: the qualifying entries join the next round. Returns how many advanced. */
	@Transactional
	public int advance(long activityId, long roundId) {
		queries.managed(activityId);
		var round = closedRound(activityId, roundId);
		var next = nextRound(activityId, round);
		var ranking = JudgingService.rankingOf(competitions, round);
		List<Long> chosen = switch (round.rule()) {
			case MANUAL -> List.of();
			case THRESHOLD -> ranking.stream().filter(r -> r.score() != null && r.score().compareTo(round.threshold()) >= 0)
				.map(RankedEntry::entryId).toList();
			case TOP_N -> ranking.stream().filter(r -> r.rankInForm() != null && r.rankInForm() <= round.advanceN()).map(RankedEntry::entryId).toList();
			case TOP_N_PER_UNIT -> ranking.stream().filter(r -> r.rankInUnit() != null && r.rankInUnit() <= round.advanceN())
				.map(RankedEntry::entryId).toList();
		};
		int added = 0;
		for (long entry : chosen) {
			if (!competitions.inRound(next.id(), entry)) {
				competitions.addToRound(next.id(), entry, "RULE", round.rule().name(), currentUser.username());
				added++;
			}
		}
		audit.record("competition.advance", "activity", activityId, round.name() + " -> " + next.name() + ": " + added);
		return added;
	}

	/** Staff move one entry of a closed round into the next round, with the reason (a wild card, a correction). */
	@Transactional
	public void decide(long activityId, long roundId, Long entryId, String reason) {
		queries.managed(activityId);
		var round = closedRound(activityId, roundId);
		var next = nextRound(activityId, round);
		List<FieldProblem> problems = new ArrayList<>();
		String note = TextChecks.line(reason, "reason", 200, problems);
		if (note == null) {
			problems.add(new FieldProblem("reason", "competition.decision.reason"));
		}
		if (entryId == null || !competitions.inRound(round.id(), entryId)) {
			problems.add(new FieldProblem("entryId", "competition.entry.notInRound"));
		}
		else if (competitions.inRound(next.id(), entryId)) {
			problems.add(new FieldProblem("entryId", "competition.entry.alreadyAdvanced"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		competitions.addToRound(next.id(), entryId, "DECISION", note, currentUser.username());
		audit.record("competition.decision", "activity", activityId, "entry " + entryId + " -> " + next.name() + " (" + note + ")");
	}

	/** An award of a closed round (一等奖, 优秀组织奖 …) to one of its entries. */
	@Transactional
	public void award(long activityId, long roundId, Long entryId, String award) {
		queries.managed(activityId);
		var round = closedRound(activityId, roundId);
		List<FieldProblem> problems = new ArrayList<>();
		String name = TextChecks.line(award, "award", 30, problems);
		if (name == null) {
			problems.add(new FieldProblem("award", "validation.required"));
		}
		if (entryId == null || !competitions.inRound(round.id(), entryId)) {
			problems.add(new FieldProblem("entryId", "competition.entry.notInRound"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		competitions.award(round.id(), entryId, name, currentUser.username());
		audit.record("competition.award", "activity", activityId, round.name() + ": entry " + entryId + " " + name);
	}

	private CompetitionRepository.Round closedRound(long activityId, long roundId) {
		var round = competitions.round(activityId, roundId).orElseThrow(() -> new RecordNotFoundException("round", roundId));
		if (!round.closed()) {
			throw InvalidInputException.of("roundId", "competition.round.notClosed");
		}
		return round;
	}

	/** The round after {@code round}, locked while entries join it; refused once it is closed (its ranking is published). */
	private CompetitionRepository.Round nextRound(long activityId, CompetitionRepository.Round round) {
		var next = competitions.rounds(activityId).stream().filter(r -> r.position() == round.position() + 1).findFirst()
			.orElseThrow(() -> InvalidInputException.of("roundId", "competition.round.last"));
		if (next.closed() || !competitions.lockOpen(next.id())) {
			throw InvalidInputException.of("roundId", "competition.round.nextClosed");
		}
		return next;
	}

	public record NewCompetition(Long organizationId, String title, String description, String edition, List<PerformanceForm> forms) {
	}

	public record NewRound(String name, RoundLevel level, Long hostId, LocalDate startsOn, LocalDate endsOn, String venue, AdvanceRule advanceRule,
			Integer advanceN, BigDecimal advanceThreshold, List<String> judges) {
	}

	public record NewEntry(String title, PerformanceForm form, Long unitId, Integer performerCount, List<Long> performerMemberIds) {
	}
}
