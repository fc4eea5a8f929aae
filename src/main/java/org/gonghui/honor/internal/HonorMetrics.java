package org.gonghui.honor.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gonghui.honor.HonorKind;
import org.gonghui.platform.Metric;
import org.gonghui.platform.MetricSource;
import org.gonghui.platform.SqlMetric;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Honours as work-plan figures: honours conferred on honorees of the subtree and not revoked, all and by kind. An
 * honour carries its year only, so it counts in a period that touches that year.
 */
@Component
class HonorMetrics implements MetricSource {

	private static final String CONFERRED = " from honor h join honoree r on r.id = h.honoree_id join honor_title t on t.id = h.title_id"
			+ " where r.organization_path like :scope and h.status = 'ACTIVE' and h.conferred_year between :fromYear and :toYear";
	private static final String BY_KIND = " and t.kind = :kind";
	private static final String RECORDS = "select r.id, r.name || ' · ' || t.name, (select o.name from organization o where o.id = r.organization_id), h.created_at";
	private static final String ORDER = " order by h.conferred_year desc, h.id desc limit :limit";

	private final List<Metric> metrics = new ArrayList<>();

	HonorMetrics(JdbcClient jdbc) {
		metrics.add(new SqlMetric(jdbc, "honours-conferred", "metric.honor.conferred", "metric.unit.honor", "select count(*)" + CONFERRED,
				RECORDS + CONFERRED + ORDER, "/honorees/{id}", Map.of()));
		for (HonorKind kind : HonorKind.values()) {
			metrics.add(new SqlMetric(jdbc, "honours-conferred." + kind, "metric.honor.conferred." + kind, "metric.unit.honor",
					"select count(*)" + CONFERRED + BY_KIND, RECORDS + CONFERRED + BY_KIND + ORDER, "/honorees/{id}", Map.of("kind", kind.name())));
		}
	}

	@Override
	public List<Metric> metrics() {
		return metrics;
	}
}
