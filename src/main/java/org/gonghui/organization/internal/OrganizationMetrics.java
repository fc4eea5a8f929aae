package org.gonghui.organization.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gonghui.organization.Ownership;
import org.gonghui.platform.Metric;
import org.gonghui.platform.MetricSource;
import org.gonghui.platform.SqlMetric;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The founding drive (建会) as work-plan figures: employers of the subtree whose union was founded in the period
 * (the last move to FOUNDED in their history, and still founded today), all and by ownership; and the workers of
 * the subtree's employers, the denominator of coverage.
 */
@Component
class OrganizationMetrics implements MetricSource {

	private static final String FOUNDED_AT = "(select max(f.occurred_at) from employer_founding_event f where f.employer_id = e.id and f.to_status = 'FOUNDED')";
	private static final String FOUNDED = " from employer e join organization o on o.id = e.organization_id where o.path like :scope"
			+ " and e.founding_status = 'FOUNDED' and " + FOUNDED_AT + " >= :startAt and " + FOUNDED_AT + " < :endAt";
	private static final String BY_OWNERSHIP = " and e.ownership = :ownership";
	private static final String RECORDS = "select e.id, e.name, o.name, " + FOUNDED_AT;
	private static final String ORDER = " order by 4 desc, e.id desc limit :limit";
	private static final String EMPLOYERS = " from employer e join organization o on o.id = e.organization_id where o.path like :scope";

	private final List<Metric> metrics = new ArrayList<>();

	OrganizationMetrics(JdbcClient jdbc) {
		metrics.add(new SqlMetric(jdbc, "employers-founded", "metric.employer.founded", "metric.unit.employer", "select count(*)" + FOUNDED,
				RECORDS + FOUNDED + ORDER, "/employers/{id}", Map.of()));
		for (Ownership ownership : Ownership.values()) {
			metrics.add(new SqlMetric(jdbc, "employers-founded." + ownership, "metric.employer.founded." + ownership, "metric.unit.employer",
					"select count(*)" + FOUNDED + BY_OWNERSHIP, RECORDS + FOUNDED + BY_OWNERSHIP + ORDER, "/employers/{id}",
					Map.of("ownership", ownership.name())));
		}
		// A stock, not a flow: the period does not change it (headcounts carry no history).
		metrics.add(new SqlMetric(jdbc, "employer-workers", "metric.employer.workers", "metric.unit.person",
				"select coalesce(sum(e.headcount), 0)" + EMPLOYERS,
				"select e.id, e.name, o.name, e.updated_at, e.headcount" + EMPLOYERS + " order by e.headcount desc, e.id limit :limit", "/employers/{id}",
				Map.of()).asStock());
	}

	@Override
	public List<Metric> metrics() {
		return metrics;
	}
}
