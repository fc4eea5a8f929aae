package org.gonghui.organization.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.gonghui.organization.OrganizationLevel;
import org.gonghui.organization.OrganizationType;
import org.gonghui.platform.DataScope;
import org.gonghui.shared.OrgPath;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * SQL for the organisation tree. Scoped queries take a {@link DataScope} and bind its path pattern
 * to a fixed {@code path like :scope} clause.
 */
@Repository
class OrganizationRepository {

	private static final String SELECT = "select id, parent_id, name, org_level, org_type, path, address, created_at, updated_at, version"
			+ " from organization";

	/** Orders by level from national down to grassroots (the enum's order), not alphabetically. */
	private static final String LEVEL_RANK = "case org_level when 'NATIONAL' then 0 when 'PROVINCIAL' then 1 when 'MUNICIPAL' then 2"
			+ " when 'DISTRICT' then 3 when 'STREET' then 4 else 5 end";

	private final JdbcClient jdbc;

	OrganizationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Organization> findById(long id) {
		return jdbc.sql(SELECT + " where id = :id").param("id", id).query(OrganizationRepository::map).optional();
	}

	List<Organization> findAllById(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(SELECT + " where id in (:ids)").param("ids", ids).query(OrganizationRepository::map).list();
	}

	List<Organization> findRoots() {
		return jdbc.sql(SELECT + " where parent_id is null order by id").query(OrganizationRepository::map).list();
	}

	List<Organization> findByName(String name) {
		return jdbc.sql(SELECT + " where name = :name order by id").param("name", name).query(OrganizationRepository::map).list();
	}

	List<Organization> findChildren(long parentId, DataScope scope) {
		return jdbc.sql(SELECT + " where parent_id = :parent and path like :scope order by " + LEVEL_RANK + ", id")
			.param("parent", parentId)
			.param("scope", scope.pathPattern())
			.query(OrganizationRepository::map)
			.list();
	}

	/** The organisations at the top of the caller's scope: the scope root, or every root for administrators. */
	List<Organization> findScopeTops(DataScope scope) {
		return switch (scope.kind()) {
			case ALL -> findRoots();
			case SUBTREE -> jdbc.sql(SELECT + " where path = :path").param("path", scope.root().value()).query(OrganizationRepository::map).list();
			case NONE -> List.of();
		};
	}

	long countSearch(DataScope scope, String like) {
		return jdbc.sql("select count(*) from organization where path like :scope and (cast(:q as varchar) is null or lower(name) like :q)")
			.param("scope", scope.pathPattern())
			.param("q", like)
			.query(Long.class)
			.single();
	}

	List<Organization> search(DataScope scope, String like, long offset, int limit) {
		return jdbc.sql(SELECT + " where path like :scope and (cast(:q as varchar) is null or lower(name) like :q)"
				+ " order by " + LEVEL_RANK + ", name, id limit :limit offset :offset")
			.param("scope", scope.pathPattern())
			.param("q", like)
			.param("limit", limit)
			.param("offset", offset)
			.query(OrganizationRepository::map)
			.list();
	}

	/**
	 * Picker search: organisations under the path pattern whose name contains the text, the higher
	 * levels first (a district before its streets), optionally only unions that hold members or only one level.
	 */
	List<Organization> pick(String pathPattern, String like, boolean unionsOnly, String level, String type, int limit) {
		return jdbc.sql(SELECT + " where path like :scope and (cast(:q as varchar) is null or lower(name) like :q)"
				+ " and (:unionsOnly = false or org_level = 'GRASSROOTS' or org_type = 'JOINT_UNION')"
				+ " and (cast(:level as varchar) is null or org_level = :level) and (cast(:type as varchar) is null or org_type = :type)"
				+ " order by " + LEVEL_RANK + ", name, id limit :limit")
			.param("scope", pathPattern)
			.param("q", like)
			.param("unionsOnly", unionsOnly)
			.param("level", level)
			.param("type", type)
			.param("limit", limit)
			.query(OrganizationRepository::map)
			.list();
	}

	/** Organisations in the scope with exactly this name, highest levels first. */
	List<Organization> named(DataScope scope, String name, int limit) {
		return jdbc.sql(SELECT + " where path like :scope and name = :name order by " + LEVEL_RANK + ", id limit :limit")
			.param("scope", scope.pathPattern())
			.param("name", name)
			.param("limit", limit)
			.query(OrganizationRepository::map)
			.list();
	}

	/** Organisations that hold members (grassroots and joint unions) in the scope, by name; filtered in SQL so that a large tree is not cut short. */
	List<Organization> searchJoinable(DataScope scope, String like, int limit) {
		return jdbc.sql(SELECT + " where path like :scope and (org_level = 'GRASSROOTS' or org_type = 'JOINT_UNION')"
				+ " and (cast(:q as varchar) is null or lower(name) like :q) order by name, id limit :limit")
			.param("scope", scope.pathPattern())
			.param("q", like)
			.param("limit", limit)
			.query(OrganizationRepository::map)
			.list();
	}

	/** All organisations at or below the path, parents before children. */
	List<Organization> findSubtree(OrgPath root) {
		return jdbc.sql(SELECT + " where path like :prefix order by path").param("prefix", root.subtreePattern())
			.query(OrganizationRepository::map)
			.list();
	}

	/** Number of direct children per parent, for the tree's expand markers. */
	java.util.Map<Long, Long> countChildren(Collection<Long> parentIds) {
		if (parentIds.isEmpty()) {
			return java.util.Map.of();
		}
		var counts = new java.util.HashMap<Long, Long>();
		jdbc.sql("select parent_id, count(*) as n from organization where parent_id in (:ids) group by parent_id")
			.param("ids", parentIds)
			.query((rs, n) -> counts.put(rs.getLong("parent_id"), rs.getLong("n")))
			.list();
		return counts;
	}

	long countDescendants(OrgPath root) {
		return jdbc.sql("select count(*) from organization where path like :prefix and path <> :path")
			.param("prefix", root.subtreePattern())
			.param("path", root.value())
			.query(Long.class)
			.single();
	}

	boolean siblingNameTaken(Long parentId, String name, Long exceptId) {
		return jdbc.sql("select count(*) from organization where "
				+ (parentId == null ? "parent_id is null" : "parent_id = :parent") + " and lower(name) = lower(:name)"
				+ " and (cast(:except as bigint) is null or id <> :except)")
			.param("parent", parentId)
			.param("name", name)
			.param("except", exceptId)
			.query(Long.class)
			.single() > 0;
	}

	/** The lowest level (largest ordinal) used below the path, to check a move keeps levels consistent. */
	List<String> levelsBelow(OrgPath root) {
		return jdbc.sql("select distinct org_level from organization where path like :prefix and path <> :path")
			.param("prefix", root.subtreePattern())
			.param("path", root.value())
			.query(String.class)
			.list();
	}

	/** Inserts with a provisional path and then sets the real one, which needs the generated id. */
	long insert(Long parentId, String name, OrganizationLevel level, OrganizationType type, OrgPath parentPath, String address,
			Instant now) {
		var keys = new GeneratedKeyHolder();
		String provisional = "/0/" + System.nanoTime() + "/";
		jdbc.sql("insert into organization (parent_id, name, org_level, org_type, path, address, created_at, updated_at, version)"
				+ " values (:parent, :name, :level, :type, :path, :address, :now, :now, 0)")
			.param("parent", parentId)
			.param("name", name)
			.param("level", level.name())
			.param("type", type.name())
			.param("path", provisional)
			.param("address", address)
			.param("now", Timestamp.from(now))
			.update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		OrgPath path = parentPath == null ? OrgPath.root(id) : parentPath.child(id);
		jdbc.sql("update organization set path = :path where id = :id").param("path", path.value()).param("id", id).update();
		return id;
	}

	boolean update(long id, int version, String name, OrganizationLevel level, OrganizationType type, String address, Instant now) {
		return jdbc.sql("update organization set name = :name, org_level = :level, org_type = :type, address = :address,"
				+ " updated_at = :now, version = version + 1 where id = :id and version = :version")
			.param("name", name)
			.param("level", level.name())
			.param("type", type.name())
			.param("address", address)
			.param("now", Timestamp.from(now))
			.param("id", id)
			.param("version", version)
			.update() == 1;
	}

	/**
	 * Re-parents the organisation and rewrites the paths of its whole subtree in one statement
	 * (the caller's transaction makes it all or nothing).
	 */
	int move(long id, int version, long newParentId, OrgPath oldPath, OrgPath newPath, Instant now) {
		int moved = jdbc.sql("update organization set parent_id = :parent, updated_at = :now, version = version + 1"
				+ " where id = :id and version = :version")
			.param("parent", newParentId)
			.param("now", Timestamp.from(now))
			.param("id", id)
			.param("version", version)
			.update();
		if (moved != 1) {
			return 0;
		}
		// updated_at too: the search index (and anything else polling by it) learns the subtree's new paths.
		return jdbc.sql("update organization set path = concat(:newPath, substring(path, :cut)), updated_at = :now where path like :prefix")
			.param("now", Timestamp.from(now))
			.param("newPath", newPath.value())
			.param("cut", oldPath.value().length() + 1)
			.param("prefix", oldPath.subtreePattern())
			.update();
	}

	private static Organization map(ResultSet rs, int row) throws SQLException {
		long parent = rs.getLong("parent_id");
		return new Organization(rs.getLong("id"), rs.wasNull() ? null : parent, rs.getString("name"),
				OrganizationLevel.valueOf(rs.getString("org_level")), OrganizationType.valueOf(rs.getString("org_type")),
				new OrgPath(rs.getString("path")), rs.getString("address"), instant(rs.getTimestamp("created_at")),
				instant(rs.getTimestamp("updated_at")), rs.getInt("version"));
	}

	private static Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}
}
