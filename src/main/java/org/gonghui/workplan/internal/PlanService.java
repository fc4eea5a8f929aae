package org.gonghui.workplan.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.gonghui.organization.OrganizationSummary;
import org.gonghui.organization.Organizations;
import org.gonghui.platform.AuditLog;
import org.gonghui.platform.CurrentUser;
import org.gonghui.platform.Metric;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.PageResult;
import org.gonghui.shared.InvalidInputException.FieldProblem;
import org.gonghui.shared.RecordNotFoundException;
import org.gonghui.shared.StateConflictException;
import org.gonghui.shared.TextChecks;
import org.gonghui.workplan.PlanStatus;
import org.gonghui.workplan.internal.PlanRepository.PlanRow;
import org.gonghui.workplan.internal.PlanRepository.TargetRow;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Annual plans: a draft with priorities and targets bound to metrics, adopted by a meeting's resolution, and the
 * split of a target among the organisations directly below (each gets a draft plan of its own for the year with
 * the share as its target, pointing at the parent target).
 */
@Service
public class PlanService {
	public record PriorityRow(String text, String owners) {
	}


	static final int MAX_TARGETS = 50;

	private final PlanRepository plans;
	private final MetricCatalog metrics;
	private final Organizations organizations;
	private final CurrentUser currentUser;
	private final AuditLog audit;
	private final Clock clock;

	PlanService(PlanRepository plans, MetricCatalog metrics, Organizations organizations, CurrentUser currentUser, AuditLog audit, Clock clock) {
		this.plans = plans;
		this.metrics = metrics;
		this.organizations = organizations;
		this.currentUser = currentUser;
		this.audit = audit;
		this.clock = clock;
	}

	public record PriorityInput(String text, String owners) {
	}

	/** {@code milestones}: twelve cumulative month-end figures, the last equal to the value; null for linear progress. */
	public record TargetInput(String metric, Long value, String label, Boolean livelihood, List<Long> milestones, Long parentTargetId) {
	}

	public record PlanInput(Long organizationId, Integer year, String title, List<PriorityInput> priorities, List<TargetInput> targets) {
	}

	public record Share(Long organizationId, Long value) {
	}

	public record TargetView(long id, String metric, String metricLabel, String unit, String label, long value, boolean livelihood, List<Long> milestones,
			Long parentTargetId) {
	}

	public record PlanView(long id, long organizationId, String organizationName, int year, String title, PlanStatus status, LocalDate adoptedOn,
			List<PriorityRow> priorities, List<TargetView> targets) {
	}

	/** An organisation directly below the plan's, which a target may be split to. */
	public record Child(long id, String name) {
	}

	public record PlanLine(long id, long organizationId, String organizationName, int year, String title, PlanStatus status) {
	}

	@Transactional
	public long create(PlanInput input) {
		metrics.requireStaff();
		List<FieldProblem> problems = new ArrayList<>();
		if (input.organizationId() == null) {
			problems.add(new FieldProblem("organizationId", "validation.required"));
		}
		Optional<OrganizationSummary> org = input.organizationId() == null ? Optional.empty() : organizations.findVisible(input.organizationId());
		if (input.organizationId() != null && org.isEmpty()) {
			problems.add(new FieldProblem("organizationId", "workplan.organization.unknown"));
		}
		int year = input.year() == null ? 0 : input.year();
		if (input.year() == null) {
			problems.add(new FieldProblem("year", "validation.required"));
		}
		else if (year < 2000 || year > 2100) {
			problems.add(new FieldProblem("year", "workplan.plan.year"));
		}
		String title = TextChecks.line(input.title(), "title", 200, problems);
		List<PriorityRow> priorities = new ArrayList<>();
		List<PriorityInput> givenPriorities = input.priorities() == null ? List.of() : input.priorities();
		for (int i = 0; i < givenPriorities.size(); i++) {
			PriorityInput p = givenPriorities.get(i);
			String text = p == null ? null : TextChecks.text(p.text(), "priorities[" + i + "].text", 1000, problems);
			String owners = p == null ? null : TextChecks.line(p.owners(), "priorities[" + i + "].owners", 200, problems);
			if (text == null) {
				problems.add(new FieldProblem("priorities[" + i + "].text", "validation.required"));
			}
			priorities.add(new PriorityRow(text, owners));
		}
		List<TargetInput> targets = input.targets() == null ? List.of() : input.targets();
		if (targets.size() > MAX_TARGETS) {
			problems.add(new FieldProblem("targets", "workplan.plan.tooManyTargets", MAX_TARGETS));
		}
		List<CheckedTarget> checked = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < targets.size() && i < MAX_TARGETS; i++) {
			checked.add(check(targets.get(i), "targets[" + i + "]", org.orElse(null), year, seen, problems));
		}
		if (problems.isEmpty() && plans.findFor(org.get().id(), year).isPresent()) {
			throw new StateConflictException("workplan.plan.exists", year);
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		long id = plans.insertPlan(org.get().id(), org.get().path(), year, title != null ? title : year + "年工作计划", currentUser.username(), clock.instant());
		for (int i = 0; i < priorities.size(); i++) {
			plans.insertPriority(id, i, priorities.get(i));
		}
		for (int i = 0; i < checked.size(); i++) {
			CheckedTarget t = checked.get(i);
			plans.insertTarget(id, i, t.metric().code(), t.label(), t.value(), t.livelihood(), t.milestones(), t.parentTargetId());
		}
		audit.record("workplan.plan.create", "wp_plan", id, org.get().name() + " " + year + ": " + checked.size() + " targets");
		return id;
	}

	private record CheckedTarget(Metric metric, String label, long value, boolean livelihood, String milestones, Long parentTargetId) {
	}

	private CheckedTarget check(TargetInput t, String field, OrganizationSummary org, int year, Set<String> seen, List<FieldProblem> problems) {
		if (t == null) {
			problems.add(new FieldProblem(field, "validation.required"));
			return null;
		}
		Optional<Metric> metric = metrics.find(t.metric());
		if (t.metric() == null || t.metric().isBlank()) {
			problems.add(new FieldProblem(field + ".metric", "validation.required"));
		}
		else if (metric.isEmpty()) {
			problems.add(new FieldProblem(field + ".metric", "workplan.metric.unknown"));
		}
		long value = t.value() == null ? 0 : t.value();
		if (t.value() == null) {
			problems.add(new FieldProblem(field + ".value", "validation.required"));
		}
		else if (value < 1 || value > 1_000_000_000L) {
			problems.add(new FieldProblem(field + ".value", "workplan.target.value"));
		}
		String label = TextChecks.line(t.label(), field + ".label", 200, problems);
		if (label == null && metric.isPresent()) {
			label = metrics.view(metric.get(), Locale.SIMPLIFIED_CHINESE).label();
		}
		if (label != null && !seen.add(label)) {
			problems.add(new FieldProblem(field + ".label", "workplan.target.duplicate"));
		}
		String milestones = milestones(t.milestones(), value, field + ".milestones", problems);
		if (t.parentTargetId() != null && org != null) {
			// The parent target must be the same metric in the plan of this organisation's parent for the same year.
			Optional<TargetRow> parent = plans.findTarget(t.parentTargetId());
			Optional<PlanRow> parentPlan = parent.flatMap(p -> plans.find(p.planId()));
			Long parentOrg = organizations.find(org.id()).map(OrganizationSummary::parentId).orElse(null);
			if (parentPlan.isEmpty() || parentOrg == null || parentPlan.get().organizationId() != parentOrg || parentPlan.get().year() != year
					|| metric.isEmpty() || !parent.get().metric().equals(metric.get().code())) {
				problems.add(new FieldProblem(field + ".parentTargetId", "workplan.target.parent"));
			}
		}
		return metric.isEmpty() ? null : new CheckedTarget(metric.get(), label, value, Boolean.TRUE.equals(t.livelihood()), milestones, t.parentTargetId());
	}

	private static String milestones(List<Long> given, long value, String field, List<FieldProblem> problems) {
		if (given == null || given.isEmpty()) {
			return null;
		}
		boolean ok = given.size() == 12 && given.stream().allMatch(v -> v != null && v >= 0) && given.get(11) == value;
		for (int i = 1; ok && i < 12; i++) {
			ok = given.get(i) >= given.get(i - 1);
		}
		if (!ok) {
			problems.add(new FieldProblem(field, "workplan.target.milestones"));
			return null;
		}
		return given.stream().map(String::valueOf).collect(Collectors.joining(","));
	}

	static List<Long> milestones(String stored) {
		if (stored == null) {
			return null;
		}
		List<Long> values = new ArrayList<>();
		for (String part : stored.split(",")) {
			values.add(Long.parseLong(part));
		}
		return values;
	}

	/** The plan, if its organisation lies in the caller's scope; otherwise not found. */
	PlanRow visible(long id) {
		metrics.requireStaff();
		PlanRow plan = plans.find(id).orElseThrow(() -> new RecordNotFoundException("plan", id));
		if (!currentUser.scope().includes(new org.gonghui.shared.OrgPath(plan.organizationPath()))) {
			throw new RecordNotFoundException("plan", id);
		}
		return plan;
	}

	@Transactional(readOnly = true)
	public PlanView detail(long id) {
		PlanRow p = visible(id);
		Locale locale = LocaleContextHolder.getLocale();
		List<TargetView> targets = plans.targets(id).stream().map(t -> {
			var view = metrics.find(t.metric()).map(m -> metrics.view(m, locale));
			return new TargetView(t.id(), t.metric(), view.map(MetricCatalog.MetricView::label).orElse(t.metric()),
					view.map(MetricCatalog.MetricView::unit).orElse(""), t.label(), t.value(), t.livelihood(), milestones(t.milestones()), t.parentTargetId());
		}).toList();
		return new PlanView(p.id(), p.organizationId(), p.organizationName(), p.year(), p.title(), p.status(), p.adoptedOn(), plans.priorities(id), targets);
	}

	@Transactional(readOnly = true)
	public List<PlanLine> list(Integer year) {
		metrics.requireStaff();
		return plans.list(currentUser.scope().pathPattern(), year, 200).stream()
			.map(p -> new PlanLine(p.id(), p.organizationId(), p.organizationName(), p.year(), p.title(), p.status())).toList();
	}

	/** A page of plans in scope for a year (null: every year), by year or by organisation. */
	@Transactional(readOnly = true)
	public PageResult<PlanLine> page(Integer year, boolean byOrganization, PageResult.Request request) {
		metrics.requireStaff();
		String scope = currentUser.scope().pathPattern();
		return new PageResult<>(plans.page(scope, year, byOrganization, request.offset(), request.size()).stream()
			.map(p -> new PlanLine(p.id(), p.organizationId(), p.organizationName(), p.year(), p.title(), p.status())).toList(), request.page(),
				request.size(), plans.count(scope, year));
	}

	/** Draft plans in scope a meeting may adopt. */
	@Transactional(readOnly = true)
	public List<PlanLine> drafts() {
		metrics.requireStaff();
		return plans.drafts(currentUser.scope().pathPattern(), 200).stream()
			.map(p -> new PlanLine(p.id(), p.organizationId(), p.organizationName(), p.year(), p.title(), p.status())).toList();
	}

	/** The organisations a target of the plan may be split to. */
	@Transactional(readOnly = true)
	public List<Child> children(long planId) {
		return plans.childOrganizations(visible(planId).organizationId());
	}

	/**
	 * Splits a target among organisations directly below the plan's: each gets (or keeps) a draft plan for the year
	 * and a target of the same metric with its share, pointing at this target. Shares given again replace the old.
	 */
	@Transactional
	public void split(long planId, long targetId, List<Share> shares) {
		PlanRow plan = visible(planId);
		TargetRow target = plans.findTarget(targetId).filter(t -> t.planId() == planId).orElseThrow(() -> new RecordNotFoundException("target", targetId));
		List<FieldProblem> problems = new ArrayList<>();
		List<Share> given = shares == null ? List.of() : shares;
		if (given.isEmpty()) {
			problems.add(new FieldProblem("shares", "validation.required"));
		}
		Set<Long> orgs = new HashSet<>();
		List<OrganizationSummary> children = new ArrayList<>();
		for (int i = 0; i < given.size(); i++) {
			Share s = given.get(i);
			String field = "shares[" + i + "]";
			Optional<OrganizationSummary> child = s == null || s.organizationId() == null ? Optional.empty() : organizations.findVisible(s.organizationId());
			if (child.isEmpty() || child.get().parentId() == null || child.get().parentId() != plan.organizationId()) {
				problems.add(new FieldProblem(field + ".organizationId", "workplan.split.notChild"));
			}
			else if (!orgs.add(child.get().id())) {
				problems.add(new FieldProblem(field + ".organizationId", "workplan.split.twice"));
			}
			if (s == null || s.value() == null || s.value() < 1 || s.value() > 1_000_000_000L) {
				problems.add(new FieldProblem(field + ".value", "workplan.target.value"));
			}
			children.add(child.orElse(null));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		for (int i = 0; i < given.size(); i++) {
			OrganizationSummary child = children.get(i);
			long childPlan = plans.findFor(child.id(), plan.year()).map(PlanRow::id)
				.orElseGet(() -> plans.insertPlan(child.id(), child.path(), plan.year(), plan.year() + "年工作计划", currentUser.username(), clock.instant()));
			long value = given.get(i).value();
			Optional<TargetRow> existing = plans.targets(childPlan).stream().filter(t -> targetId == (t.parentTargetId() == null ? -1 : t.parentTargetId()))
				.findFirst();
			if (existing.isPresent()) {
				plans.updateTargetValue(existing.get().id(), value);
			}
			else {
				plans.insertTarget(childPlan, plans.nextTargetPosition(childPlan), target.metric(), target.label(), value, target.livelihood(), null, targetId);
			}
		}
		audit.record("workplan.target.split", "wp_target", targetId,
				given.stream().map(s -> s.organizationId() + "=" + s.value()).collect(Collectors.joining(", ")));
	}

	/** Adopts the draft plan (called in the meeting's transaction); 409 when it is adopted already. */
	void adopt(long planId, LocalDate on) {
		if (!plans.adopt(planId, on, clock.instant())) {
			throw new StateConflictException("workplan.plan.adopted");
		}
		audit.record("workplan.plan.adopt", "wp_plan", planId, on.toString());
	}
}
