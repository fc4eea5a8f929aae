package org.gonghui.activity.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gonghui.activity.ActivityKind;
import org.gonghui.platform.Metric;
import org.gonghui.platform.MetricSource;
import org.gonghui.platform.SqlMetric;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Activities as work-plan figures. An activity is held when it has run (ongoing or finished) and counts on the
 * day of its first session; its participants are the people checked in (a member once however many sessions, each
 * walk-in once). A caravan is delivered when its scheduled activity has finished.
 */
@Component
class ActivityMetrics implements MetricSource {

	/** The start of the first session, kept on the row when sessions are written. */
	private static final String FIRST_SESSION = "a.first_session_at";
	private static final String HELD = " from activity a join organization o on o.id = a.organization_id where o.path like :scope"
			+ " and a.status in ('ONGOING', 'FINISHED') and " + FIRST_SESSION + " >= :startAt and " + FIRST_SESSION + " < :endAt";
	private static final String BY_KIND = " and a.kind = :kind";
	private static final String PARTICIPANTS = "(select count(distinct c.member_id) + coalesce(sum(case when c.member_id is null then 1 else 0 end), 0)"
			+ " from check_in c where c.activity_id = a.id)";
	private static final String RECORDS = "select a.id, a.title, o.name, " + FIRST_SESSION;
	private static final String ORDER = " order by 4 desc, a.id desc limit :limit";
	private static final String CARAVANS = " from caravan_request r join activity a on a.id = r.activity_id join organization o on o.id = r.union_id"
			+ " where o.path like :scope and r.status = 'SCHEDULED' and a.status = 'FINISHED' and " + FIRST_SESSION + " >= :startAt and "
			+ FIRST_SESSION + " < :endAt";

	private final List<Metric> metrics = new ArrayList<>();

	ActivityMetrics(JdbcClient jdbc) {
		metrics.add(new SqlMetric(jdbc, "activities-held", "metric.activity.held", "metric.unit.activity", "select count(*)" + HELD,
				RECORDS + HELD + ORDER, "/activities/manage/{id}", Map.of()));
		for (ActivityKind kind : ActivityKind.values()) {
			metrics.add(new SqlMetric(jdbc, "activities-held." + kind, "metric.activity.held." + kind, "metric.unit.activity",
					"select count(*)" + HELD + BY_KIND, RECORDS + HELD + BY_KIND + ORDER, "/activities/manage/{id}", Map.of("kind", kind.name())));
		}
		metrics.add(new SqlMetric(jdbc, "activity-participants", "metric.activity.participants", "metric.unit.participant",
				"select coalesce(sum(" + PARTICIPANTS + "), 0)" + HELD, RECORDS + ", " + PARTICIPANTS + HELD + ORDER, "/activities/manage/{id}",
				Map.of()));
		metrics.add(new SqlMetric(jdbc, "caravans-delivered", "metric.caravan.delivered", "metric.unit.caravan", "select count(*)" + CARAVANS,
				"select r.id, a.title, o.name, " + FIRST_SESSION + CARAVANS + " order by 4 desc, r.id desc limit :limit", "/caravans/{id}", Map.of()));
	}

	@Override
	public List<Metric> metrics() {
		return metrics;
	}
}
