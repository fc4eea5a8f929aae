package org.gonghui.member.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gonghui.member.WorkForm;
import org.gonghui.platform.Metric;
import org.gonghui.platform.MetricSource;
import org.gonghui.platform.SqlMetric;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Members as work-plan figures, by the union path kept on each member row: members who joined in the period (all
 * and by work form, whatever became of them since), active members at the end of the period, and members whose
 * welcome package (入会大礼包) was fulfilled in full in the period (the day its last item was handed over).
 */
@Component
class MemberMetrics implements MetricSource {

	private static final String UNION_NAME = "(select u.name from organization u where u.id = m.union_id)";
	private static final String JOINED = " from member m where m.union_path like :scope and m.join_date between :fromDate and :toDate";
	private static final String BY_FORM = " and m.work_form = :form";
	private static final String ACTIVE = " from member m where m.union_path like :scope and m.status = 'ACTIVE' and m.join_date <= :toDate";
	private static final String RECORDS = "select m.id, m.name, " + UNION_NAME + ", m.join_date";
	private static final String ORDER = " order by m.join_date desc, m.id desc limit :limit";
	/** Members with a package whose items are all fulfilled, the last one in the period. */
	private static final String PACKAGES = " from member m join (select b.member_id, max(b.fulfilled_at) as done_at from member_benefit b"
			+ " group by b.member_id having sum(case when b.status = 'FULFILLED' then 0 else 1 end) = 0) p on p.member_id = m.id"
			+ " where m.union_path like :scope and p.done_at >= :startAt and p.done_at < :endAt";

	private final List<Metric> metrics = new ArrayList<>();

	MemberMetrics(JdbcClient jdbc) {
		metrics.add(new SqlMetric(jdbc, "members-joined", "metric.member.joined", "metric.unit.person", "select count(*)" + JOINED,
				RECORDS + JOINED + ORDER, "/members/{id}", Map.of()));
		for (WorkForm form : WorkForm.values()) {
			metrics.add(new SqlMetric(jdbc, "members-joined." + form, "metric.member.joined." + form, "metric.unit.person",
					"select count(*)" + JOINED + BY_FORM, RECORDS + JOINED + BY_FORM + ORDER, "/members/{id}", Map.of("form", form.name())));
		}
		metrics.add(new SqlMetric(jdbc, "members-active", "metric.member.active", "metric.unit.person", "select count(*)" + ACTIVE,
				RECORDS + ACTIVE + ORDER, "/members/{id}", Map.of()).asStock());
		metrics.add(new SqlMetric(jdbc, "welcome-packages", "metric.member.welcomePackage", "metric.unit.package", "select count(*)" + PACKAGES,
				"select m.id, m.name, " + UNION_NAME + ", p.done_at" + PACKAGES + " order by p.done_at desc, m.id desc limit :limit", "/members/{id}",
				Map.of()));
	}

	@Override
	public List<Metric> metrics() {
		return metrics;
	}
}
