package org.gonghui.care.internal;

import java.util.List;
import java.util.Map;

import org.gonghui.platform.Metric;
import org.gonghui.platform.MetricSource;
import org.gonghui.platform.SqlMetric;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Care as work-plan figures. Self-assessments taken count by the union path kept on the assessment and never list
 * a record (no statement for records), and a count under ten is hidden, as on the care figures page. Mutual-aid
 * figures join this list when that part of the module exists.
 */
@Component
class CareMetrics implements MetricSource {

	private final List<Metric> metrics;

	CareMetrics(JdbcClient jdbc) {
		metrics = List.of(new SqlMetric(jdbc, "care-assessments", "metric.care.assessments", "metric.unit.assessment",
				"select count(*) from care_assessment a where a.organization_path like :scope and a.taken_at >= :startAt and a.taken_at < :endAt", null,
				null, Map.of()).hidingBelow(CareFigures.MIN_CELL));
	}

	@Override
	public List<Metric> metrics() {
		return metrics;
	}
}
