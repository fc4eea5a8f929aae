package org.gonghui.workplan.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.gonghui.workplan.PlanStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Plans, their priorities and targets. */
@Repository
class PlanRepository {

	private final JdbcClient jdbc;

	PlanRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record PlanRow(long id, long organizationId, String organizationName, String organizationPath, Long parentOrganizationId, int year, String title,
			PlanStatus status, LocalDate adoptedOn) {
	}


	record TargetRow(long id, long planId, int position, String metric, String label, long value, boolean livelihood, String milestones,
			Long parentTargetId) {
	}

	/** A target of a child organisation's plan split from a parent target. */
	record ChildTarget(long targetId, long planId, long organizationId, String organizationName, String organizationPath, long value) {
	}

	long insertPlan(long organizationId, String path, int year, String title, String actor, Instant now) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("insert into wp_plan (organization_id, organization_path, plan_year, title, status, created_by, created_at, updated_at)"
				+ " values (:o, :p, :y, :t, 'DRAFT', :by, :at, :at)").param("o", organizationId).param("p", path).param("y", year).param("t", title)
			.param("by", actor).param("at", Timestamp.from(now)).update(keys, "id");
		return keys.getKey().longValue();
	}

	void insertPriority(long plan, int position, PlanService.PriorityRow p) {
		jdbc.sql("insert into wp_priority (plan_id, position, text, owners) values (:p, :pos, :t, :o)").param("p", plan).param("pos", position)
			.param("t", p.text()).param("o", p.owners()).update();
	}

	long insertTarget(long plan, int position, String metric, String label, long value, boolean livelihood, String milestones, Long parentTarget) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("insert into wp_target (plan_id, position, metric, label, target_value, livelihood, milestones, parent_target_id)"
				+ " values (:p, :pos, :m, :l, :v, :lh, :ms, :parent)").param("p", plan).param("pos", position).param("m", metric).param("l", label)
			.param("v", value).param("lh", livelihood).param("ms", milestones).param("parent", parentTarget).update(keys, "id");
		return keys.getKey().longValue();
	}

	void updateTargetValue(long target, long value) {
		jdbc.sql("update wp_target set target_value = :v where id = :id").param("v", value).param("id", target).update();
	}

	int nextTargetPosition(long plan) {
		return jdbc.sql("select coalesce(max(position), -1) + 1 from wp_target where plan_id = :p").param("p", plan).query(Integer.class).single();
	}

	/** Adopts a draft; false when it was adopted meanwhile (the statement checks the status). */
	boolean adopt(long plan, LocalDate on, Instant now) {
		return jdbc.sql("update wp_plan set status = 'ADOPTED', adopted_on = :on, updated_at = :now, version = version + 1 where id = :id and status = 'DRAFT'")
			.param("on", on).param("now", Timestamp.from(now)).param("id", plan).update() == 1;
	}

	private static final String SELECT = "select p.*, o.name as organization_name, o.parent_id from wp_plan p join organization o on o.id = p.organization_id";

	Optional<PlanRow> find(long id) {
		return jdbc.sql(SELECT + " where p.id = :id").param("id", id).query(PlanRepository::plan).optional();
	}

	Optional<PlanRow> findFor(long organizationId, int year) {
		return jdbc.sql(SELECT + " where p.organization_id = :o and p.plan_year = :y").param("o", organizationId).param("y", year)
			.query(PlanRepository::plan).optional();
	}

	List<PlanRow> list(String scope, Integer year, int limit) {
		return jdbc.sql(SELECT + " where p.organization_path like :scope and (p.plan_year = :y or :y = 0) order by p.plan_year desc, p.organization_path"
				+ " limit :limit").param("scope", scope).param("y", year == null ? 0 : year).param("limit", limit).query(PlanRepository::plan).list();
	}

	/** A page of plans in scope, newest year first or by organisation; the ordering is one of two fixed clauses. */
	List<PlanRow> page(String scope, Integer year, boolean byOrganization, long offset, int limit) {
		String order = byOrganization ? " order by o.name, p.plan_year desc, p.id" : " order by p.plan_year desc, p.organization_path, p.id";
		return jdbc.sql(SELECT + " where p.organization_path like :scope and (p.plan_year = :y or :y = 0)" + order + " limit :limit offset :offset")
			.param("scope", scope).param("y", year == null ? 0 : year).param("limit", limit).param("offset", offset).query(PlanRepository::plan).list();
	}

	long count(String scope, Integer year) {
		return jdbc.sql("select count(*) from wp_plan where organization_path like :scope and (plan_year = :y or :y = 0)").param("scope", scope)
			.param("y", year == null ? 0 : year).query(Long.class).single();
	}

	/** Draft plans in scope, for the meeting form's "adopts the plan" choice. */
	List<PlanRow> drafts(String scope, int limit) {
		return jdbc.sql(SELECT + " where p.organization_path like :scope and p.status = 'DRAFT' order by p.plan_year desc, o.name limit :limit")
			.param("scope", scope).param("limit", limit).query(PlanRepository::plan).list();
	}

	/** The organisations directly below one, for splitting a target among them. */
	List<PlanService.Child> childOrganizations(long organizationId) {
		return jdbc.sql("select id, name from organization where parent_id = :p order by name, id").param("p", organizationId)
			.query((rs, n) -> new PlanService.Child(rs.getLong(1), rs.getString(2))).list();
	}

	List<PlanService.PriorityRow> priorities(long plan) {
		return jdbc.sql("select text, owners from wp_priority where plan_id = :p order by position").param("p", plan)
			.query((rs, n) -> new PlanService.PriorityRow(rs.getString(1), rs.getString(2))).list();
	}

	List<TargetRow> targets(long plan) {
		return jdbc.sql("select * from wp_target where plan_id = :p order by position, id").param("p", plan).query(PlanRepository::target).list();
	}

	Optional<TargetRow> findTarget(long id) {
		return jdbc.sql("select * from wp_target where id = :id").param("id", id).query(PlanRepository::target).optional();
	}

	List<ChildTarget> children(long parentTarget) {
		return jdbc.sql("select t.id, t.plan_id, p.organization_id, o.name, p.organization_path, t.target_value from wp_target t join wp_plan p on p.id = t.plan_id"
				+ " join organization o on o.id = p.organization_id where t.parent_target_id = :t order by o.id, t.id").param("t", parentTarget)
			.query((rs, n) -> new ChildTarget(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5), rs.getLong(6))).list();
	}

	private static PlanRow plan(ResultSet rs, int n) throws SQLException {
		return new PlanRow(rs.getLong("id"), rs.getLong("organization_id"), rs.getString("organization_name"), rs.getString("organization_path"),
				rs.getObject("parent_id", Long.class), rs.getInt("plan_year"), rs.getString("title"), PlanStatus.valueOf(rs.getString("status")),
				rs.getObject("adopted_on", LocalDate.class));
	}

	private static TargetRow target(ResultSet rs, int n) throws SQLException {
		return new TargetRow(rs.getLong("id"), rs.getLong("plan_id"), rs.getInt("position"), rs.getString("metric"), rs.getString("label"),
				rs.getLong("target_value"), rs.getBoolean("livelihood"), rs.getString("milestones"), rs.getObject("parent_target_id", Long.class));
	}
}
