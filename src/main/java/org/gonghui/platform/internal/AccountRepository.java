package org.gonghui.platform.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.gonghui.platform.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class AccountRepository {

	private static final String COLUMNS = "id, username, display_name, password_hash, role, organization_id, enabled, "
			+ "failed_attempts, locked_until, created_at, version, must_change_password";

	private final JdbcClient jdbc;

	AccountRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Account> findByUsername(String username) {
		return jdbc.sql("select " + COLUMNS + " from account where username = :u")
			.param("u", username)
			.query(AccountRepository::map)
			.optional();
	}

	Optional<Account> findById(long id) {
		return jdbc.sql("select " + COLUMNS + " from account where id = :id").param("id", id).query(AccountRepository::map).optional();
	}

	List<Account> findAll(String text) {
		return jdbc.sql("select " + COLUMNS + " from account"
				+ " where (cast(:q as varchar) is null or lower(username) like :q or lower(display_name) like :q) order by username")
			.param("q", like(text))
			.query(AccountRepository::map)
			.list();
	}

	boolean existsByRole(Role role) {
		return jdbc.sql("select count(*) from account where role = :r").param("r", role.name()).query(Long.class).single() > 0;
	}

	long insert(Account a) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("insert into account (username, display_name, password_hash, role, organization_id, enabled, failed_attempts,"
				+ " locked_until, created_at, version) values (:username, :displayName, :hash, :role, :org, :enabled, 0, null, :created, 0)")
			.param("username", a.username())
			.param("displayName", a.displayName())
			.param("hash", a.passwordHash())
			.param("role", a.role().name())
			.param("org", a.organizationId())
			.param("enabled", a.enabled())
			.param("created", Timestamp.from(a.createdAt()))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	/** Updates name, role, organisation and enabled flag if nobody changed the account meanwhile. */
	boolean update(Account a) {
		return jdbc.sql("update account set display_name = :displayName, role = :role, organization_id = :org, enabled = :enabled,"
				+ " version = version + 1 where id = :id and version = :version")
			.param("displayName", a.displayName())
			.param("role", a.role().name())
			.param("org", a.organizationId())
			.param("enabled", a.enabled())
			.param("id", a.id())
			.param("version", a.version())
			.update() == 1;
	}

	void updatePassword(long id, String hash) {
		jdbc.sql("update account set password_hash = :hash, failed_attempts = 0, locked_until = null, version = version + 1 where id = :id")
			.param("hash", hash)
			.param("id", id)
			.update();
	}

	/** Sets a password the holder must replace at the next sign-in (a one-time code), and lifts any lock. */
	void setOneTimePassword(long id, String hash) {
		jdbc.sql("update account set password_hash = :hash, must_change_password = true, failed_attempts = 0, locked_until = null,"
				+ " version = version + 1 where id = :id")
			.param("hash", hash)
			.param("id", id)
			.update();
	}

	/** The holder's own new password: clears the must-change flag. */
	void changeOwnPassword(long id, String hash) {
		jdbc.sql("update account set password_hash = :hash, must_change_password = false, version = version + 1 where id = :id")
			.param("hash", hash)
			.param("id", id)
			.update();
	}

	void unlock(long id) {
		jdbc.sql("update account set failed_attempts = 0, locked_until = null where id = :id").param("id", id).update();
	}

	/** Counts a failed login atomically and returns the new count. */
	int recordFailure(String username) {
		jdbc.sql("update account set failed_attempts = failed_attempts + 1 where username = :u").param("u", username).update();
		return jdbc.sql("select failed_attempts from account where username = :u").param("u", username).query(Integer.class).optional().orElse(0);
	}

	void lock(String username, Instant until) {
		jdbc.sql("update account set locked_until = :until, failed_attempts = 0 where username = :u")
			.param("until", Timestamp.from(until))
			.param("u", username)
			.update();
	}

	void resetFailures(String username) {
		jdbc.sql("update account set failed_attempts = 0, locked_until = null where username = :u and (failed_attempts > 0 or locked_until is not null)")
			.param("u", username)
			.update();
	}

	private static String like(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String escaped = org.gonghui.shared.Text.escapeLike(text.strip().toLowerCase(java.util.Locale.ROOT));
		return "%" + escaped + "%";
	}

	private static Account map(ResultSet rs, int row) throws SQLException {
		Timestamp locked = rs.getTimestamp("locked_until");
		return new Account(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
				rs.getString("password_hash"), Role.valueOf(rs.getString("role")), rs.getLong("organization_id"),
				rs.getBoolean("enabled"), rs.getInt("failed_attempts"), locked == null ? null : locked.toInstant(),
				rs.getTimestamp("created_at").toInstant(), rs.getInt("version"), rs.getBoolean("must_change_password"));
	}
}
