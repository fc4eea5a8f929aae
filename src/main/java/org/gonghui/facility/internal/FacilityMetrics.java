package org.gonghui.facility.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gonghui.facility.SiteType;
import org.gonghui.platform.Metric;
import org.gonghui.platform.MetricSource;
import org.gonghui.platform.SqlMetric;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Service sites as work-plan figures: sites of a type opened in the period (the opening date the site record
 * carries, the day {@code SiteOpened} told of), and sites of a type open at the end of the period.
 */
@Component
class FacilityMetrics implements MetricSource {

	private static final String FROM = " from site s join organization o on o.id = s.organization_id where o.path like :scope and s.type = :type";
	private static final String OPENED = FROM + " and s.opened_on between :fromDate and :toDate";
	private static final String OPEN = FROM + " and s.status = 'OPEN' and s.opened_on <= :toDate";
	private static final String RECORDS = "select s.id, s.name, o.name, s.opened_on";
	private static final String ORDER = " order by s.opened_on desc, s.id desc limit :limit";

	private final List<Metric> metrics = new ArrayList<>();

	FacilityMetrics(JdbcClient jdbc) {
		for (SiteType type : SiteType.values()) {
			Map<String, Object> values = Map.of("type", type.name());
			metrics.add(new SqlMetric(jdbc, "sites-opened." + type, "metric.site.opened." + type, "metric.unit.site", "select count(*)" + OPENED,
					RECORDS + OPENED + ORDER, "/sites/manage/{id}", values));
			metrics.add(new SqlMetric(jdbc, "sites-open." + type, "metric.site.open." + type, "metric.unit.site", "select count(*)" + OPEN,
					RECORDS + OPEN + ORDER, "/sites/manage/{id}", values).asStock());
		}
	}

	@Override
	public List<Metric> metrics() {
		return metrics;
	}
}
