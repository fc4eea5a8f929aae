package org.gonghui.member.internal;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The link between a member and their WORKER account, kept on the member row by username (accounts
 * belong to the platform module). The unique index keeps it one to one; the conditional updates keep two
 * racing claims from both winning.
 */
@Repository
class AccountLinkRepository {

	private final JdbcClient jdbc;

	AccountLinkRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<String> accountOf(long memberId) {
		return jdbc.sql("select account_username from member where id = :id and account_username is not null").param("id", memberId)
			.query(String.class).optional();
	}

	Optional<Long> memberOf(String username) {
		return jdbc.sql("select id from member where account_username = :u").param("u", username).query(Long.class).optional();
	}

	/** Links the account if the member has none yet; false when someone linked one first. */
	boolean link(long memberId, String username) {
		return jdbc.sql("update member set account_username = :u where id = :id and account_username is null")
			.param("u", username)
			.param("id", memberId)
			.update() == 1;
	}

	boolean unlink(long memberId, String username) {
		return jdbc.sql("update member set account_username = null where id = :id and account_username = :u")
			.param("u", username)
			.param("id", memberId)
			.update() == 1;
	}
}
