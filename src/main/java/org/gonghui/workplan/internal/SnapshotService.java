package org.gonghui.workplan.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.gonghui.platform.AuditLog;
import org.gonghui.platform.CurrentUser;
import org.gonghui.platform.Metric;
import org.gonghui.platform.Metric.Counted;
import org.gonghui.platform.Metric.Period;
import org.gonghui.platform.QueryPlans;
import org.gonghui.shared.OrgPath;
import org.gonghui.shared.RecordNotFoundException;
import org.gonghui.workplan.internal.PlanRepository.PlanRow;
import org.gonghui.workplan.internal.PlanRepository.TargetRow;
import org.gonghui.workplan.internal.ProgressService.TargetProgress;
import org.gonghui.workplan.internal.SnapshotRepository.SnapshotRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Period-end snapshots (期末快照): every target's figure, percent, expected, status and late-surge flag as they
 * stand now, with the records counted, frozen in tables of their own so that a report made from them never
 * changes when later records come in. Taken on demand by staff in scope or by the New Year job for last year's
 * plans; audited. There is no way to change a snapshot.
 */
@Service
public class SnapshotService {

	/** How many records behind one figure a snapshot keeps at most (it says when it kept fewer than were counted). */
	static final int RECORD_LIMIT = 5000;

	private static final Logger log = LoggerFactory.getLogger(SnapshotService.class);

	private final SnapshotRepository snapshots;
	private final PlanRepository plans;
	private final PlanService planService;
	private final ProgressService progress;
	private final MetricCatalog metrics;
	private final CurrentUser currentUser;
	private final AuditLog audit;
	private final Clock clock;

	private final QueryPlans queryPlans;

	SnapshotService(SnapshotRepository snapshots, PlanRepository plans, PlanService planService, ProgressService progress, MetricCatalog metrics,
			CurrentUser currentUser, AuditLog audit, Clock clock, QueryPlans queryPlans) {
		this.queryPlans = queryPlans;
		this.snapshots = snapshots;
		this.plans = plans;
		this.planService = planService;
		this.progress = progress;
		this.metrics = metrics;
		this.currentUser = currentUser;
		this.audit = audit;
		this.clock = clock;
	}

	public record SnapshotLine(long id, long planId, LocalDate asOf, String reason, String takenBy, LocalDateTime takenAt) {
	}

	public record FrozenFigure(long id, long targetId, String metric, String label, long value, Long actual, java.math.BigDecimal percent,
			java.math.BigDecimal expected, String status, boolean livelihood, boolean lateSurge, boolean recordsTruncated, long records) {
	}

	public record SnapshotView(long id, long planId, String organizationName, int year, String planTitle, LocalDate asOf, String reason, String takenBy,
			LocalDateTime takenAt, List<FrozenFigure> targets) {
	}

	/** Takes a snapshot of a plan in the caller's scope now. */
	@Transactional
	public long take(long planId) {
		PlanRow plan = planService.visible(planId);
		return take(plan, "ON_DEMAND", currentUser.username());
	}

	private long take(PlanRow plan, String reason, String actor) {
		queryPlans.forValues();
		LocalDate today = progress.today();
		long id = snapshots.insert(plan.id(), plan.organizationPath(), today, reason, actor, clock.instant());
		List<TargetRow> targets = plans.targets(plan.id());
		for (int i = 0; i < targets.size(); i++) {
			TargetProgress t = progress.progress(plan, targets.get(i), today);
			List<Counted> records = metrics.find(t.metric()).filter(Metric::listsRecords)
				.map(m -> m.counted(new OrgPath(plan.organizationPath()), Period.year(plan.year()), RECORD_LIMIT)).orElse(List.of());
			long row = snapshots.insertTarget(id, i, t, records.size() >= RECORD_LIMIT);
			snapshots.insertRecords(row, records);
		}
		audit.record("workplan.snapshot.take", "wp_snapshot", id, plan.organizationName() + " " + plan.year() + " " + reason + ": " + targets.size()
				+ " targets");
		return id;
	}

	@Transactional(readOnly = true)
	public List<SnapshotLine> list(long planId) {
		planService.visible(planId);
		return snapshots.ofPlan(planId).stream().map(SnapshotService::line).toList();
	}

	@Transactional(readOnly = true)
	public SnapshotView detail(long snapshotId) {
		SnapshotRow s = snapshots.find(snapshotId).orElseThrow(() -> new RecordNotFoundException("snapshot", snapshotId));
		PlanRow plan = planService.visible(s.planId());
		return new SnapshotView(s.id(), plan.id(), plan.organizationName(), plan.year(), plan.title(), s.asOf(), s.reason(), s.takenBy(), s.takenAt(),
				snapshots.targets(s.id()));
	}

	/** The records a snapshot counted for one of its targets. */
	@Transactional(readOnly = true)
	public List<Counted> records(long snapshotId, long frozenTargetId) {
		SnapshotView view = detail(snapshotId);
		if (view.targets().stream().noneMatch(t -> t.id() == frozenTargetId)) {
			throw new RecordNotFoundException("snapshot target", frozenTargetId);
		}
		return snapshots.records(frozenTargetId);
	}

	/** At 00:05 Beijing time on 1 January: last year's plans without a year-end snapshot get one. */
	@Scheduled(cron = "${gonghui.workplan.year-end-snapshot:0 5 0 1 1 *}", zone = "Asia/Shanghai")
	@Transactional
	public void yearEnd() {
		int year = progress.today().getYear() - 1;
		for (long id : snapshots.plansWithoutYearEnd(year)) {
			plans.find(id).ifPresent(p -> take(p, "YEAR_END", "system"));
		}
		log.info("Year-end snapshots of {} taken", year);
	}

	private static SnapshotLine line(SnapshotRow s) {
		return new SnapshotLine(s.id(), s.planId(), s.asOf(), s.reason(), s.takenBy(), s.takenAt());
	}
}
