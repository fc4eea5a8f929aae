package org.gonghui.workplan.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gonghui.platform.Metric;
import org.gonghui.platform.MetricSource;
import org.gonghui.platform.SqlMetric;
import org.gonghui.workplan.MeetingKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Meetings held, by kind: the standardisation checklist asks whether a union held its plenary this year. */
@Component
class WorkplanMetrics implements MetricSource {

	private static final String HELD = " from wp_meeting m join organization o on o.id = m.organization_id where m.organization_path like :scope"
			+ " and m.kind = :kind and m.held_on between :fromDate and :toDate";

	private final List<Metric> metrics = new ArrayList<>();

	WorkplanMetrics(JdbcClient jdbc) {
		for (MeetingKind kind : MeetingKind.values()) {
			metrics.add(new SqlMetric(jdbc, "meetings-held." + kind, "metric.meeting.held." + kind, "metric.unit.meeting", "select count(*)" + HELD,
					"select m.id, o.name, o.name, m.held_on" + HELD + " order by m.held_on desc, m.id desc limit :limit", "/workplan/meetings/{id}",
					Map.of("kind", kind.name())));
		}
	}

	@Override
	public List<Metric> metrics() {
		return metrics;
	}
}
