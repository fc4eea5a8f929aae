package org.gonghui.platform.internal;

import java.util.List;
import java.util.Map;

import org.gonghui.platform.Metric;
import org.gonghui.platform.MetricSource;
import org.gonghui.platform.SqlMetric;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Accounts as a work-plan figure: enabled chair accounts (基层工会主席) of the subtree's unions, which the
 * standardisation checklist reads as "the union has a chair" (依法选举产生主席 and on the platform). A stock: the
 * period does not change it, accounts carry no history.
 */
@Component
class AccountMetrics implements MetricSource {

	private static final String CHAIRS = " from account a join organization o on o.id = a.organization_id where o.path like :scope"
			+ " and a.role = 'UNION_CHAIR' and a.enabled = true";

	private final List<Metric> metrics;

	AccountMetrics(JdbcClient jdbc) {
		metrics = List.of(new SqlMetric(jdbc, "chair-accounts", "metric.account.chairs", "metric.unit.person", "select count(*)" + CHAIRS,
				"select a.id, a.display_name, o.name, a.created_at" + CHAIRS + " order by a.created_at desc, a.id desc limit :limit", null, Map.of()).asStock());
	}

	@Override
	public List<Metric> metrics() {
		return metrics;
	}
}
