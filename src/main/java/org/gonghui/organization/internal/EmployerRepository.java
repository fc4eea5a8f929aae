package org.gonghui.organization.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.gonghui.organization.FoundingFigures;
import org.gonghui.organization.FoundingStatus;
import org.gonghui.organization.Ownership;
import org.gonghui.platform.DataScope;
import org.gonghui.shared.OrgPath;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for employers. Scope comes from the owning organisation's path. */
@Repository
class EmployerRepository {

	private static final String SELECT = "select e.id, e.name, e.credit_code, e.ownership, e.headcount, e.address, e.organization_id,"
			+ " e.created_at, e.updated_at, e.version, o.name as organization_name, o.path as organization_path,"
			+ " e.founding_status, e.founded_union_id, u.name as founded_union_name"
			+ " from employer e join organization o on o.id = e.organization_id left join organization u on u.id = e.founded_union_id";

	private static final String FILTER = " where o.path like :scope and o.path like :within"
			+ " and (cast(:q as varchar) is null or lower(e.name) like :q or e.credit_code like :q)";

	private final JdbcClient jdbc;

	EmployerRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * An employer with where it belongs and where it stands in the founding drive, as lists and details
	 * show it. The founding columns live outside {@link Employer}: they change only through the founding
	 * rules ({@link FoundingService}), never through the employer form.
	 */
	record Row(Employer employer, String organizationName, OrgPath organizationPath, FoundingStatus foundingStatus, Long foundedUnionId,
			String foundedUnionName) {
	}

	Optional<Row> findById(long id) {
		return jdbc.sql(SELECT + " where e.id = :id").param("id", id).query(EmployerRepository::map).optional();
	}

	Optional<Long> findIdByCreditCode(String code) {
		return jdbc.sql("select id from employer where credit_code = :code").param("code", code).query(Long.class).optional();
	}

	long count(DataScope scope, OrgPath within, String like) {
		return jdbc.sql("select count(*) from employer e join organization o on o.id = e.organization_id" + FILTER)
			.param("scope", scope.pathPattern())
			.param("within", within == null ? "/%" : within.subtreePattern())
			.param("q", like)
			.query(Long.class)
			.single();
	}

	List<Row> search(DataScope scope, OrgPath within, String like, long offset, int limit) {
		return jdbc.sql(SELECT + FILTER + " order by e.name, e.id limit :limit offset :offset")
			.param("scope", scope.pathPattern())
			.param("within", within == null ? "/%" : within.subtreePattern())
			.param("q", like)
			.param("limit", limit)
			.param("offset", offset)
			.query(EmployerRepository::map)
			.list();
	}

	/** Employers in the subtree whose name equals the text or whose credit code equals the code. */
	List<Row> findByNameOrCode(OrgPath root, String name, String code) {
		return jdbc.sql(SELECT + " where o.path like :prefix and (e.name = :name or e.credit_code = :code) order by e.id")
			.param("prefix", root.subtreePattern())
			.param("name", name)
			.param("code", code)
			.query(EmployerRepository::map)
			.list();
	}

	List<Row> findByOrganization(long organizationId) {
		return jdbc.sql(SELECT + " where e.organization_id = :org order by e.name").param("org", organizationId)
			.query(EmployerRepository::map)
			.list();
	}

	/** Employers, those with a founded union, and their total headcount in a subtree. */
	FoundingFigures foundingFigures(OrgPath root) {
		return jdbc.sql("select count(*) as n, coalesce(sum(case when e.founding_status = 'FOUNDED' then 1 else 0 end), 0) as founded,"
				+ " coalesce(sum(e.headcount), 0) as heads from employer e join organization o on o.id = e.organization_id"
				+ " where o.path like :prefix")
			.param("prefix", root.subtreePattern())
			.query((rs, n) -> new FoundingFigures(rs.getLong("n"), rs.getLong("founded"), rs.getLong("heads")))
			.single();
	}

	/**
	 * Moves the employer to a founding status. Checked against the version read before the rules were
	 * applied, so two people changing the status at once cannot both pass the rules on stale data.
	 */
	boolean updateFounding(long id, int version, FoundingStatus status, Long unionId, Instant now) {
		return jdbc.sql("update employer set founding_status = :status, founded_union_id = :union, updated_at = :now,"
				+ " version = version + 1 where id = :id and version = :version")
			.param("status", status.name())
			.param("union", unionId, Types.BIGINT)
			.param("now", Timestamp.from(now))
			.param("id", id)
			.param("version", version)
			.update() == 1;
	}

	long insert(Employer e) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("insert into employer (name, credit_code, ownership, headcount, address, organization_id, created_at, updated_at, version)"
				+ " values (:name, :code, :ownership, :headcount, :address, :org, :now, :now, 0)")
			.param("name", e.name())
			.param("code", e.creditCode())
			.param("ownership", e.ownership().name())
			.param("headcount", e.headcount())
			.param("address", e.address())
			.param("org", e.organizationId())
			.param("now", Timestamp.from(e.createdAt()))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	boolean update(Employer e) {
		return jdbc.sql("update employer set name = :name, credit_code = :code, ownership = :ownership, headcount = :headcount,"
				+ " address = :address, organization_id = :org, updated_at = :now, version = version + 1 where id = :id and version = :version")
			.param("name", e.name())
			.param("code", e.creditCode())
			.param("ownership", e.ownership().name())
			.param("headcount", e.headcount())
			.param("address", e.address())
			.param("org", e.organizationId())
			.param("now", Timestamp.from(e.updatedAt()))
			.param("id", e.id())
			.param("version", e.version())
			.update() == 1;
	}

	private static Row map(ResultSet rs, int row) throws SQLException {
		var e = new Employer(rs.getLong("id"), rs.getString("name"), rs.getString("credit_code"), Ownership.valueOf(rs.getString("ownership")),
				rs.getInt("headcount"), rs.getString("address"), rs.getLong("organization_id"), instant(rs.getTimestamp("created_at")),
				instant(rs.getTimestamp("updated_at")), rs.getInt("version"));
		long union = rs.getLong("founded_union_id");
		Long unionId = rs.wasNull() ? null : union;
		return new Row(e, rs.getString("organization_name"), new OrgPath(rs.getString("organization_path")),
				FoundingStatus.valueOf(rs.getString("founding_status")), unionId, rs.getString("founded_union_name"));
	}

	private static Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}
}
