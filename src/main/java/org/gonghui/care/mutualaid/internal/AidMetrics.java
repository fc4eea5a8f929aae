package org.gonghui.care.mutualaid.internal;

import java.util.List;
import java.util.Map;

import org.gonghui.platform.Metric;
import org.gonghui.platform.MetricSource;
import org.gonghui.platform.SqlMetric;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Mutual aid as work-plan figures: members covered at some time in the period (a cover overlapping it, each member
 * once) and claims paid in it, by the union path kept on the rows. Like every care figure they are counts only and
 * never list a record: a list of covered members or paid claims would lead to persons and their illnesses.
 */
@Component
class AidMetrics implements MetricSource {

	private final List<Metric> metrics;

	AidMetrics(JdbcClient jdbc) {
		metrics = List.of(
				new SqlMetric(jdbc, "aid-covered", "metric.aid.covered", "metric.unit.person", "select count(distinct c.member_id) from aid_cover c"
						+ " where c.union_path like :scope and c.covered_from <= :toDate and c.covered_until >= :fromDate", null, null, Map.of()).asStock(),
				new SqlMetric(jdbc, "aid-claims-paid", "metric.aid.claimsPaid", "metric.unit.claim", "select count(*) from aid_claim c"
						+ " where c.union_path like :scope and c.status = 'PAID' and c.paid_at >= :startAt and c.paid_at < :endAt", null, null, Map.of()));
	}

	@Override
	public List<Metric> metrics() {
		return metrics;
	}
}
