package org.gonghui.workplan.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.gonghui.platform.Metric.Counted;
import org.gonghui.workplan.internal.ProgressService.TargetProgress;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Snapshots are written once and read: this repository has inserts and selects only, no update and no delete. */
@Repository
class SnapshotRepository {

	private final JdbcClient jdbc;

	SnapshotRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record SnapshotRow(long id, long planId, String organizationPath, LocalDate asOf, String reason, String takenBy, LocalDateTime takenAt) {
	}

	long insert(long plan, String path, LocalDate asOf, String reason, String actor, Instant at) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("insert into wp_snapshot (plan_id, organization_path, as_of, reason, taken_by, taken_at) values (:p, :path, :on, :r, :by, :at)")
			.param("p", plan).param("path", path).param("on", asOf).param("r", reason).param("by", actor).param("at", Timestamp.from(at)).update(keys, "id");
		return keys.getKey().longValue();
	}

	long insertTarget(long snapshot, int position, TargetProgress t, boolean truncated) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("insert into wp_snapshot_target (snapshot_id, target_id, position, metric, label, target_value, actual, percent, expected, status,"
				+ " livelihood, late_surge, records_truncated) values (:s, :t, :pos, :m, :l, :v, :a, :pct, :e, :st, :lh, :ls, :tr)")
			.param("s", snapshot).param("t", t.id()).param("pos", position).param("m", t.metric()).param("l", t.label()).param("v", t.value())
			.param("a", t.actual()).param("pct", t.percent()).param("e", t.expected()).param("st", t.status() == null ? null : t.status().name())
			.param("lh", t.livelihood()).param("ls", t.lateSurge()).param("tr", truncated).update(keys, "id");
		return keys.getKey().longValue();
	}

	void insertRecords(long snapshotTarget, List<Counted> records) {
		for (Counted c : records) {
			jdbc.sql("insert into wp_snapshot_record (snapshot_target_id, record_id, name, organization_name, counted_on, quantity)"
					+ " values (:t, :id, :n, :o, :d, :q)").param("t", snapshotTarget).param("id", c.id()).param("n", cut(c.name(), 300))
				.param("o", cut(c.organizationName(), 200)).param("d", c.date()).param("q", c.quantity()).update();
		}
	}

	private static String cut(String s, int max) {
		return s == null || s.length() <= max ? s : s.substring(0, max);
	}

	private static final String SELECT = "select id, plan_id, organization_path, as_of, reason, taken_by, taken_at from wp_snapshot";

	Optional<SnapshotRow> find(long id) {
		return jdbc.sql(SELECT + " where id = :id").param("id", id).query(SnapshotRepository::row).optional();
	}

	List<SnapshotRow> ofPlan(long plan) {
		return jdbc.sql(SELECT + " where plan_id = :p order by taken_at desc, id desc").param("p", plan).query(SnapshotRepository::row).list();
	}

	List<SnapshotService.FrozenFigure> targets(long snapshot) {
		return jdbc.sql("select t.*, (select count(*) from wp_snapshot_record r where r.snapshot_target_id = t.id) as records"
				+ " from wp_snapshot_target t where t.snapshot_id = :s order by t.position, t.id").param("s", snapshot)
			.query((rs, n) -> new SnapshotService.FrozenFigure(rs.getLong("id"), rs.getLong("target_id"), rs.getString("metric"), rs.getString("label"),
					rs.getLong("target_value"), rs.getObject("actual", Long.class), rs.getBigDecimal("percent"), rs.getBigDecimal("expected"),
					rs.getString("status"), rs.getBoolean("livelihood"), rs.getBoolean("late_surge"), rs.getBoolean("records_truncated"),
					rs.getLong("records")))
			.list();
	}

	List<Counted> records(long snapshotTarget) {
		return jdbc.sql("select record_id, name, organization_name, counted_on, quantity from wp_snapshot_record where snapshot_target_id = :t"
				+ " order by counted_on desc, id").param("t", snapshotTarget)
			.query((rs, n) -> new Counted(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class), rs.getLong(5), null)).list();
	}

	/** Plans of a year that have no year-end snapshot yet (the New Year job). */
	List<Long> plansWithoutYearEnd(int year) {
		return jdbc.sql("select p.id from wp_plan p where p.plan_year = :y and not exists (select 1 from wp_snapshot s where s.plan_id = p.id"
				+ " and s.reason = 'YEAR_END') order by p.id").param("y", year).query(Long.class).list();
	}

	private static SnapshotRow row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new SnapshotRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getObject(4, LocalDate.class), rs.getString(5), rs.getString(6),
				rs.getTimestamp(7).toInstant().atZone(org.gonghui.platform.Metric.Period.BEIJING).toLocalDateTime());
	}
}
