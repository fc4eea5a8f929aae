package org.gonghui.facility.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.gonghui.facility.SiteStatus;
import org.gonghui.facility.SiteType;
import org.gonghui.platform.DataScope;
import org.gonghui.shared.OrgPath;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * SQL for sites. A site is in scope when its owning organisation is: lists bind the scope pattern to
 * the fixed {@code o.path like :scope} clause; optional filters switch themselves off when null.
 */
@Repository
class SiteRepository {

	private static final String COLUMNS = "s.id, s.organization_id, s.type, s.name, s.address, s.lat, s.lon, s.opening_hours, s.amenities,"
			+ " s.capacity, s.contact_name, s.contact_phone, s.description, s.status, s.status_since, s.opened_on, s.is_public, s.revision,"
			+ " s.created_at, s.updated_at, s.version";

	private static final String FROM = " from site s join organization o on o.id = s.organization_id";

	private static final String SELECT = "select " + COLUMNS + ", o.name as organization_name, o.path as organization_path" + FROM;

	private static final String FILTER = " where o.path like :scope and (cast(:type as varchar) is null or s.type = :type)"
			+ " and (cast(:status as varchar) is null or s.status = :status)"
			+ " and (cast(:text as varchar) is null or s.name like :text or s.address like :text)"
			+ " and (cast(:org as varchar) is null or o.path like :org)";

	private final JdbcClient jdbc;

	SiteRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A site with its owner's name and the path that decides who sees it. */
	record Row(Site site, String organizationName, OrgPath organizationPath) {
	}

	/** List filters; each may be null. {@code organizationPath} narrows to one subtree. */
	record Filter(SiteType type, SiteStatus status, String text, OrgPath organizationPath) {
	}

	enum Sort {
		NAME("s.name, s.id"), UPDATED("s.updated_at desc, s.id desc"), OPENED("s.opened_on desc nulls last, s.id desc"), STATUS("s.status, s.name, s.id");

		private final String orderBy;

		Sort(String orderBy) {
			this.orderBy = orderBy;
		}
	}

	Optional<Row> findById(long id) {
		return jdbc.sql(SELECT + " where s.id = :id").param("id", id).query(SiteRepository::map).optional();
	}

	/**
	 * The open sites owned by these organisations themselves (not their subtrees), 职工之家 first, then by id: the
	 * first of an organisation is where it is placed on a map.
	 */
	List<Row> openOwnedBy(java.util.Collection<Long> organizationIds) {
		if (organizationIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(SELECT + " where s.organization_id in (:ids) and s.status = 'OPEN'"
				+ " order by s.organization_id, case when s.type = 'WORKERS_HOME' then 0 else 1 end, s.id")
			.param("ids", organizationIds)
			.query(SiteRepository::map)
			.list();
	}

	long count(DataScope scope, Filter filter) {
		return bind(jdbc.sql("select count(*)" + FROM + FILTER), scope, filter).query(Long.class).single();
	}

	List<Row> search(DataScope scope, Filter filter, Sort sort, long offset, int limit) {
		// The ORDER BY comes from the enum's fixed text, never from the request.
		return bind(jdbc.sql(SELECT + FILTER + " order by " + sort.orderBy + " limit :limit offset :offset"), scope, filter)
			.param("limit", limit)
			.param("offset", offset)
			.query(SiteRepository::map)
			.list();
	}

	/** Every matching row, streamed in id order (exports). */
	void forEach(DataScope scope, Filter filter, Consumer<Row> action) {
		bind(jdbc.sql(SELECT + FILTER + " order by s.id"), scope, filter).query(SiteRepository::map).stream().forEach(action);
	}

	/**
	 * The open public sites, streamed (the nearest index is built from these). A row this build cannot read
	 * (a site type added by a newer instance during a rolling update, say) is logged and left out rather than
	 * stopping the whole load.
	 */
	void forEachFindable(Consumer<Site> action) {
		try (var rows = jdbc.sql("select " + COLUMNS + " from site s where s.status = 'OPEN' and s.is_public = true")
			.query(SiteRepository::mapSiteOrNull)
			.stream()) {
			rows.filter(java.util.Objects::nonNull).forEach(action);
		}
	}

	/**
	 * Sites written at or after the instant, whatever their state (the index removes those no longer
	 * findable), streamed in revision order; unreadable rows left out. Streamed because a bulk change can
	 * make this every site there is.
	 */
	void forEachChangedSince(Instant since, Consumer<Site> action) {
		try (var rows = jdbc.sql("select " + COLUMNS + " from site s where s.updated_at >= :since order by s.revision")
			.param("since", Timestamp.from(since))
			.query(SiteRepository::mapSiteOrNull)
			.stream()) {
			rows.filter(java.util.Objects::nonNull).forEach(action);
		}
	}

	private static Site mapSiteOrNull(ResultSet rs, int row) throws SQLException {
		try {
			return mapSite(rs, row);
		}
		catch (IllegalArgumentException | org.gonghui.shared.InvalidInputException e) {
			org.slf4j.LoggerFactory.getLogger(SiteRepository.class).warn("Site {} left out of the nearest index: {}", rs.getLong("id"), e.getMessage());
			return null;
		}
	}

	boolean nameTaken(long organizationId, String name, Long exceptId) {
		return jdbc.sql("select count(*) from site where organization_id = :org and name = :name and (cast(:except as bigint) is null or id <> :except)")
			.param("org", organizationId)
			.param("name", name)
			.param("except", exceptId, Types.BIGINT)
			.query(Long.class)
			.single() > 0;
	}

	long nextRevision() {
		return jdbc.sql("select nextval('site_revision_seq')").query(Long.class).single();
	}

	long insert(Site s) {
		var keys = new GeneratedKeyHolder();
		fields(jdbc.sql("insert into site (organization_id, type, name, address, lat, lon, opening_hours, amenities, capacity, contact_name,"
				+ " contact_phone, description, status, status_since, opened_on, is_public, revision, created_at, updated_at, version)"
				+ " values (:org, :type, :name, :address, :lat, :lon, :hours, :amenities, :capacity, :contactName, :contactPhone, :description,"
				+ " :status, :since, :openedOn, :public, :revision, :now, :now, 0)"), s)
			.param("now", Timestamp.from(s.createdAt()))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	/** Writes the site's fields if nobody changed it since {@code expectedVersion} was read; false otherwise. */
	boolean update(Site s, int expectedVersion) {
		return fields(jdbc.sql("update site set organization_id = :org, type = :type, name = :name, address = :address, lat = :lat, lon = :lon,"
				+ " opening_hours = :hours, amenities = :amenities, capacity = :capacity, contact_name = :contactName,"
				+ " contact_phone = :contactPhone, description = :description, status = :status, status_since = :since,"
				+ " opened_on = :openedOn, is_public = :public, revision = :revision, updated_at = :now, version = version + 1"
				+ " where id = :id and version = :version"), s)
			.param("now", Timestamp.from(s.updatedAt()))
			.param("id", s.id())
			.param("version", expectedVersion)
			.update() == 1;
	}

	/** The site's own columns, as insert and update both bind them. */
	private static JdbcClient.StatementSpec fields(JdbcClient.StatementSpec spec, Site s) {
		return spec
			.param("org", s.organizationId())
			.param("type", s.type().name())
			.param("name", s.name())
			.param("address", s.address())
			.param("lat", s.lat())
			.param("lon", s.lon())
			.param("hours", s.openingHours())
			.param("amenities", s.amenities())
			.param("capacity", s.capacity(), Types.INTEGER)
			.param("contactName", s.contactName(), Types.VARCHAR)
			.param("contactPhone", s.contactPhone(), Types.VARCHAR)
			.param("description", s.description(), Types.VARCHAR)
			.param("status", s.status().name())
			.param("since", Date.valueOf(s.statusSince()))
			.param("openedOn", date(s.openedOn()), Types.DATE)
			.param("public", s.isPublic())
			.param("revision", s.revision());
	}

	void insertStatusChange(long siteId, SiteStatus from, SiteStatus to, LocalDate effectiveOn, String note, String actor, Instant at) {
		jdbc.sql("insert into site_status_change (site_id, from_status, to_status, effective_on, note, actor, occurred_at)"
				+ " values (:site, :from, :to, :on, :note, :actor, :at)")
			.param("site", siteId)
			.param("from", from == null ? null : from.name(), Types.VARCHAR)
			.param("to", to.name())
			.param("on", Date.valueOf(effectiveOn))
			.param("note", note, Types.VARCHAR)
			.param("actor", actor)
			.param("at", Timestamp.from(at))
			.update();
	}

	/** A line of a site's status history. */
	record StatusChange(SiteStatus from, SiteStatus to, LocalDate effectiveOn, String note, String actor, Instant occurredAt) {
	}

	List<StatusChange> statusHistory(long siteId) {
		return jdbc.sql("select from_status, to_status, effective_on, note, actor, occurred_at from site_status_change"
				+ " where site_id = :site order by occurred_at desc, id desc")
			.param("site", siteId)
			.query((rs, n) -> new StatusChange(rs.getString("from_status") == null ? null : SiteStatus.valueOf(rs.getString("from_status")),
					SiteStatus.valueOf(rs.getString("to_status")), rs.getObject("effective_on", LocalDate.class), rs.getString("note"),
					rs.getString("actor"), rs.getTimestamp("occurred_at").toInstant()))
			.list();
	}

	/** Sites per type and status in the scope, for the list's summary line and the work plan. */
	record Tally(SiteType type, SiteStatus status, long count) {
	}

	List<Tally> tally(DataScope scope) {
		return jdbc.sql("select s.type, s.status, count(*) as n" + FROM + " where o.path like :scope group by s.type, s.status")
			.param("scope", scope.pathPattern())
			.query((rs, n) -> new Tally(SiteType.valueOf(rs.getString("type")), SiteStatus.valueOf(rs.getString("status")), rs.getLong("n")))
			.list();
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, DataScope scope, Filter f) {
		return spec.param("scope", scope.pathPattern())
			.param("type", f.type() == null ? null : f.type().name(), Types.VARCHAR)
			.param("status", f.status() == null ? null : f.status().name(), Types.VARCHAR)
			.param("text", f.text() == null ? null : "%" + org.gonghui.shared.Text.escapeLike(f.text()) + "%", Types.VARCHAR)
			.param("org", f.organizationPath() == null ? null : f.organizationPath().subtreePattern(), Types.VARCHAR);
	}


	private static Date date(LocalDate d) {
		return d == null ? null : Date.valueOf(d);
	}

	private static Row map(ResultSet rs, int row) throws SQLException {
		return new Row(mapSite(rs, row), rs.getString("organization_name"), new OrgPath(rs.getString("organization_path")));
	}

	private static Site mapSite(ResultSet rs, int row) throws SQLException {
		int capacity = rs.getInt("capacity");
		Integer cap = rs.wasNull() ? null : capacity;
		return new Site(rs.getLong("id"), rs.getLong("organization_id"), SiteType.valueOf(rs.getString("type")), rs.getString("name"),
				rs.getString("address"), rs.getDouble("lat"), rs.getDouble("lon"), rs.getString("opening_hours"), rs.getLong("amenities"), cap,
				rs.getString("contact_name"), rs.getString("contact_phone"), rs.getString("description"), SiteStatus.valueOf(rs.getString("status")),
				rs.getObject("status_since", LocalDate.class), rs.getObject("opened_on", LocalDate.class), rs.getBoolean("is_public"),
				rs.getLong("revision"), rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(), rs.getInt("version"));
	}
}
