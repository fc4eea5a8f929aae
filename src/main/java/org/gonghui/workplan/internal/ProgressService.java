package org.gonghui.workplan.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.gonghui.organization.OrganizationSummary;
import org.gonghui.platform.Metric;
import org.gonghui.platform.Metric.Counted;
import org.gonghui.platform.Metric.Period;
import org.gonghui.platform.QueryPlans;
import org.gonghui.shared.OrgPath;
import org.gonghui.shared.RecordNotFoundException;
import org.gonghui.workplan.PlanStatus;
import org.gonghui.workplan.TargetStatus;
import org.gonghui.workplan.internal.PlanRepository.ChildTarget;
import org.gonghui.workplan.internal.PlanRepository.PlanRow;
import org.gonghui.workplan.internal.PlanRepository.TargetRow;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Progress of a plan's targets, computed when asked from the metrics over the plan's year in the organisation's
 * subtree: the actual figure, the share of the target, what should have been reached by today (Beijing), linearly
 * or by the monthly milestones, and a status; for a target split among the organisations below, each share with its
 * own actual and the sum of the shares against the target.
 */
@Service
public class ProgressService {

	private final PlanRepository plans;
	private final PlanService planService;
	private final MetricCatalog metrics;
	private final Clock clock;
	private final LateSurge lateSurge;
	private final QueryPlans queryPlans;

	ProgressService(PlanRepository plans, PlanService planService, MetricCatalog metrics, Clock clock, QueryPlans queryPlans,
			@Value("${gonghui.workplan.late-surge-percent:30}") int lateSurgePercent, @Value("${gonghui.workplan.late-surge-minimum:5}") long lateSurgeMinimum) {
		this.plans = plans;
		this.planService = planService;
		this.metrics = metrics;
		this.clock = clock;
		this.lateSurge = new LateSurge(lateSurgePercent, lateSurgeMinimum);
		this.queryPlans = queryPlans;
	}

	public record ChildProgress(long organizationId, String organizationName, long planId, long value, Long actual, BigDecimal percent) {
	}

	/**
	 * {@code actual} is null when the metric hides so small a count or no longer exists; {@code status} then too.
	 * {@code lateSurge}: more than the configured share of the actual came in the last seven days (待核查).
	 */
	public record TargetProgress(long id, String metric, String label, String unit, long value, Long actual, BigDecimal percent, BigDecimal expected,
			TargetStatus status, boolean livelihood, boolean listsRecords, Long parentTargetId, List<ChildProgress> children, Long childrenSum,
			boolean shortfall, boolean lateSurge) {
	}

	public record PlanProgress(long planId, long organizationId, String organizationName, int year, String title, PlanStatus status, LocalDate asOf,
			List<TargetProgress> targets) {
	}

	public record Drill(TargetProgress target, long planId, long organizationId, String organizationName, int year, List<Counted> records, boolean truncated) {
	}

	public LocalDate today() {
		return LocalDate.now(clock.withZone(Period.BEIJING));
	}

	@Transactional(readOnly = true)
	public PlanProgress progress(long planId) {
		PlanRow plan = planService.visible(planId);
		queryPlans.forValues();
		LocalDate today = today();
		List<TargetProgress> targets = new ArrayList<>();
		for (TargetRow t : plans.targets(planId)) {
			targets.add(progress(plan, t, today));
		}
		return new PlanProgress(plan.id(), plan.organizationId(), plan.organizationName(), plan.year(), plan.title(), plan.status(), today, targets);
	}

	/** The plan of an organisation in scope for a year, if it has one (the dashboard's entry). */
	@Transactional(readOnly = true)
	public Optional<PlanProgress> progressOf(long organizationId, int year) {
		metrics.requireStaff();
		OrganizationSummary org = metrics.visible(organizationId);
		return plans.findFor(org.id(), year).map(p -> progress(p.id()));
	}

	/** One target's progress with its shares below. */
	@Transactional(readOnly = true)
	public TargetProgress target(long planId, long targetId) {
		PlanRow plan = planService.visible(planId);
		queryPlans.forValues();
		TargetRow t = plans.findTarget(targetId).filter(r -> r.planId() == planId).orElseThrow(() -> new RecordNotFoundException("target", targetId));
		return progress(plan, t, today());
	}

	/** One target with the records behind its actual figure (at most {@link MetricCatalog#RECORD_LIMIT}). */
	@Transactional(readOnly = true)
	public Drill drill(long planId, long targetId) {
		PlanRow plan = planService.visible(planId);
		queryPlans.forValues();
		TargetRow t = plans.findTarget(targetId).filter(r -> r.planId() == planId).orElseThrow(() -> new RecordNotFoundException("target", targetId));
		TargetProgress progress = progress(plan, t, today());
		List<Counted> records = metrics.find(t.metric()).filter(Metric::listsRecords)
			.map(m -> m.counted(new OrgPath(plan.organizationPath()), Period.year(plan.year()), MetricCatalog.RECORD_LIMIT)).orElse(List.of());
		return new Drill(progress, plan.id(), plan.organizationId(), plan.organizationName(), plan.year(), records, records.size() >= MetricCatalog.RECORD_LIMIT);
	}

	TargetProgress progress(PlanRow plan, TargetRow t, LocalDate today) {
		Optional<Metric> metric = metrics.find(t.metric());
		Period year = Period.year(plan.year());
		Locale locale = LocaleContextHolder.getLocale();
		String unit = metric.map(m -> metrics.view(m, locale).unit()).orElse("");
		Long actual = metric.map(m -> MetricCatalog.shown(m, m.count(new OrgPath(plan.organizationPath()), year))).orElse(null);
		BigDecimal expected = expected(t.value(), PlanService.milestones(t.milestones()), plan.year(), today);
		List<ChildProgress> children = new ArrayList<>();
		long sum = 0;
		for (ChildTarget c : plans.children(t.id())) {
			Long childActual = metric.map(m -> MetricCatalog.shown(m, m.count(new OrgPath(c.organizationPath()), year))).orElse(null);
			children.add(new ChildProgress(c.organizationId(), c.organizationName(), c.planId(), c.value(), childActual, percent(childActual, c.value())));
			sum += c.value();
		}
		boolean surge = actual != null && metric.isPresent() && LateSurge.window(plan.year(), today)
			.map(w -> lateSurge.flagged(actual, LateSurge.cameIn(metric.get(), new OrgPath(plan.organizationPath()), w))).orElse(false);
		return new TargetProgress(t.id(), t.metric(), t.label(), unit, t.value(), actual, percent(actual, t.value()), expected,
				status(actual, t.value(), expected), t.livelihood(), metric.map(Metric::listsRecords).orElse(false), t.parentTargetId(), children,
				children.isEmpty() ? null : sum, !children.isEmpty() && sum < t.value(), surge);
	}

	static BigDecimal percent(Long actual, long value) {
		return actual == null ? null : BigDecimal.valueOf(actual * 100).divide(BigDecimal.valueOf(value), 1, RoundingMode.HALF_UP);
	}

	/**
	 * What should have been reached by the end of {@code today}: nothing before the year, everything after it; within
	 * it the share of the year's days gone, or between the month-end milestones the share of the month's days gone.
	 */
	static BigDecimal expected(long value, List<Long> milestones, int year, LocalDate today) {
		if (today.getYear() < year) {
			return BigDecimal.ZERO.setScale(1);
		}
		if (today.getYear() > year) {
			return BigDecimal.valueOf(value).setScale(1);
		}
		if (milestones == null) {
			return BigDecimal.valueOf(value * today.getDayOfYear()).divide(BigDecimal.valueOf(today.lengthOfYear()), 1, RoundingMode.HALF_UP);
		}
		int month = today.getMonthValue();
		long before = month == 1 ? 0 : milestones.get(month - 2);
		long end = milestones.get(month - 1);
		return BigDecimal.valueOf(before).add(BigDecimal.valueOf((end - before) * today.getDayOfMonth())
			.divide(BigDecimal.valueOf(today.lengthOfMonth()), 1, RoundingMode.HALF_UP));
	}

	static TargetStatus status(Long actual, long value, BigDecimal expected) {
		if (actual == null) {
			return null;
		}
		if (actual >= value) {
			return TargetStatus.DONE;
		}
		// Counts are whole: 4 reached against 4.3 expected is on track.
		return BigDecimal.valueOf(actual).compareTo(expected.setScale(0, RoundingMode.FLOOR)) >= 0 ? TargetStatus.ON_TRACK : TargetStatus.BEHIND;
	}
}
