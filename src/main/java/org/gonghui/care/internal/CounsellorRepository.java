package org.gonghui.care.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.gonghui.shared.OrgPath;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * SQL for counsellor profiles and the organisations they serve. A counsellor is in a caller's scope when one of
 * the organisations served is ({@code o.path like :scope}); a counsellor serves a worker when the worker's union
 * lies in the subtree of one of them ({@code :unionPath like o.path || '%'}).
 */
@Repository
class CounsellorRepository {

	private static final String SELECT = "select c.id, c.account_id, a.username, c.name, c.credential, c.credential_body, c.affiliation,"
			+ " c.languages, c.bio, c.active, c.created_at from care_counsellor c join account a on a.id = c.account_id";

	private static final String IN_SCOPE = " where exists (select 1 from care_counsellor_organization s join organization o on o.id = s.organization_id"
			+ " where s.counsellor_id = c.id and o.path like :scope)";

	private static final String SERVING = " where c.active = true and exists (select 1 from care_counsellor_organization s"
			+ " join organization o on o.id = s.organization_id where s.counsellor_id = c.id and :unionPath like concat(o.path, '%'))";

	private final JdbcClient jdbc;

	CounsellorRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Counsellor(long id, long accountId, String username, String name, String credential, String credentialBody, String affiliation,
			String languages, String bio, boolean active, Instant createdAt) {
	}

	/** An organisation a counsellor serves, with its path for scope checks. */
	record Served(long counsellorId, long organizationId, String name, OrgPath path) {
	}

	record Fields(String name, String credential, String credentialBody, String affiliation, String languages, String bio, boolean active) {
	}

	Optional<Counsellor> findById(long id) {
		return jdbc.sql(SELECT + " where c.id = :id").param("id", id).query(CounsellorRepository::map).optional();
	}

	Optional<Counsellor> findByAccount(long accountId) {
		return jdbc.sql(SELECT + " where c.account_id = :account").param("account", accountId).query(CounsellorRepository::map).optional();
	}

	long countInScope(String scopePattern) {
		return jdbc.sql("select count(*) from care_counsellor c" + IN_SCOPE).param("scope", scopePattern).query(Long.class).single();
	}

	List<Counsellor> inScope(String scopePattern, long offset, int limit) {
		return jdbc.sql(SELECT + IN_SCOPE + " order by c.active desc, c.name, c.id limit :limit offset :offset")
			.param("scope", scopePattern)
			.param("limit", limit)
			.param("offset", offset)
			.query(CounsellorRepository::map)
			.list();
	}

	/** Active counsellors serving a union with this path, by name. */
	List<Counsellor> serving(String unionPath) {
		return jdbc.sql(SELECT + SERVING + " order by c.name, c.id").param("unionPath", unionPath).query(CounsellorRepository::map).list();
	}

	boolean serves(long counsellorId, String unionPath) {
		return jdbc.sql("select count(*) from care_counsellor c" + SERVING + " and c.id = :id")
			.param("unionPath", unionPath)
			.param("id", counsellorId)
			.query(Long.class)
			.single() > 0;
	}

	List<Served> served(Collection<Long> counsellorIds) {
		if (counsellorIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select s.counsellor_id, o.id, o.name, o.path from care_counsellor_organization s join organization o on o.id = s.organization_id"
				+ " where s.counsellor_id in (:ids) order by o.path")
			.param("ids", counsellorIds)
			.query((rs, n) -> new Served(rs.getLong(1), rs.getLong(2), rs.getString(3), new OrgPath(rs.getString(4))))
			.list();
	}

	long insert(long accountId, Fields f, Instant now) {
		var keys = new GeneratedKeyHolder();
		bind(jdbc.sql("insert into care_counsellor (account_id, name, credential, credential_body, affiliation, languages, bio, active, created_at)"
				+ " values (:account, :name, :credential, :body, :affiliation, :languages, :bio, :active, :now)"), f)
			.param("account", accountId)
			.param("now", Timestamp.from(now))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	void update(long id, Fields f) {
		bind(jdbc.sql("update care_counsellor set name = :name, credential = :credential, credential_body = :body, affiliation = :affiliation,"
				+ " languages = :languages, bio = :bio, active = :active where id = :id"), f)
			.param("id", id)
			.update();
	}

	/** The organisations served become exactly {@code organizationIds}. */
	void replaceServed(long counsellorId, Collection<Long> organizationIds) {
		jdbc.sql("delete from care_counsellor_organization where counsellor_id = :id").param("id", counsellorId).update();
		for (Long org : organizationIds) {
			jdbc.sql("insert into care_counsellor_organization (counsellor_id, organization_id) values (:id, :org)")
				.param("id", counsellorId)
				.param("org", org)
				.update();
		}
	}

	/**
	 * Locks the counsellor's row until the transaction ends, so two slots added at once for one counsellor are
	 * checked for overlap one after the other.
	 */
	void lock(long counsellorId) {
		jdbc.sql("select id from care_counsellor where id = :id for update").param("id", counsellorId).query(Long.class).optional();
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Fields f) {
		return spec.param("name", f.name())
			.param("credential", f.credential(), Types.VARCHAR)
			.param("body", f.credentialBody(), Types.VARCHAR)
			.param("affiliation", f.affiliation())
			.param("languages", f.languages(), Types.VARCHAR)
			.param("bio", f.bio(), Types.VARCHAR)
			.param("active", f.active());
	}

	private static Counsellor map(ResultSet rs, int row) throws SQLException {
		return new Counsellor(rs.getLong("id"), rs.getLong("account_id"), rs.getString("username"), rs.getString("name"), rs.getString("credential"),
				rs.getString("credential_body"), rs.getString("affiliation"), rs.getString("languages"), rs.getString("bio"), rs.getBoolean("active"),
				rs.getTimestamp("created_at").toInstant());
	}
}
