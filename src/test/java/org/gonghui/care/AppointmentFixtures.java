package org.gonghui.care;

import static org.gonghui.TestOrganizations.id;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Accounts and members made for appointment tests, straight into the tables (their personal data is irrelevant here). */
final class AppointmentFixtures {

	private AppointmentFixtures() {
	}

	/** A COUNSELLOR account at the organisation; answers its username. */
	static String counsellorAccount(JdbcClient jdbc, String organization) {
		String username = "cs" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		account(jdbc, username, "测试咨询师", "COUNSELLOR", id(jdbc, organization));
		return username;
	}

	/**
	 * A WORKER account linked to a new active member of {@code union} working for {@code employer} (a name, or
	 * null). The username is a mobile number, as workers' usernames are. Answers the username.
	 */
	static String worker(JdbcClient jdbc, String union, String employer) {
		String phone = "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
		while (jdbc.sql("select count(*) from account where username = :u").param("u", phone).query(Long.class).single() > 0) {
			phone = "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
		}
		long unionId = id(jdbc, union);
		account(jdbc, phone, "测试职工", "WORKER", unionId);
		Long employerId = employer == null ? null
				: jdbc.sql("select id from employer where name = :name").param("name", employer).query(Long.class).single();
		String unique = UUID.randomUUID().toString().replace("-", "");
		jdbc.sql("insert into member (name, gender, id_number_cipher, id_number_hash, id_number_masked, union_id, union_path, employer_id, work_form,"
				+ " join_date, status, card_number, account_username, created_at, updated_at) values (:name, 'MALE', 'x', :hash, '110***********0000',"
				+ " :union, (select path from organization where id = :union), :employer, 'EMPLOYEE', current_date, 'ACTIVE', :card, :account, :now, :now)")
			.param("name", "测试职工" + unique.substring(0, 4))
			.param("hash", (unique + unique).substring(0, 64))
			.param("union", unionId)
			.param("employer", employerId, java.sql.Types.BIGINT)
			.param("card", "T" + unique.substring(0, 18))
			.param("account", phone)
			.param("now", Timestamp.from(Instant.now()))
			.update();
		return phone;
	}

	static long memberOf(JdbcClient jdbc, String username) {
		return jdbc.sql("select id from member where account_username = :u").param("u", username).query(Long.class).single();
	}

	private static void account(JdbcClient jdbc, String username, String name, String role, long organization) {
		// The hash is of no password: tests sign these accounts in through the security context, never with a password.
		jdbc.sql("insert into account (username, display_name, password_hash, role, organization_id, enabled, failed_attempts, created_at)"
				+ " values (:u, :n, '{noop}-', :r, :o, true, 0, :now)")
			.param("u", username)
			.param("n", name)
			.param("r", role)
			.param("o", organization)
			.param("now", Timestamp.from(Instant.now()))
			.update();
	}
}
