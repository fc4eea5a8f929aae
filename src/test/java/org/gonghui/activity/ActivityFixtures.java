package org.gonghui.activity;

import static org.gonghui.TestOrganizations.id;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Members made for activity tests, straight into the registry (their personal data is irrelevant here). */
final class ActivityFixtures {

	private ActivityFixtures() {
	}

	/** {@code count} active members of {@code union}, working for {@code employer} (an employer's name, or null). */
	static List<Long> members(JdbcClient jdbc, String union, String employer, String namePrefix, int count) {
		long unionId = id(jdbc, union);
		Long employerId = employer == null ? null
				: jdbc.sql("select id from employer where name = :name").param("name", employer).query(Long.class).single();
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String unique = UUID.randomUUID().toString().replace("-", "");
			String card = "T" + unique.substring(0, 18);
			jdbc.sql("insert into member (name, gender, id_number_cipher, id_number_hash, id_number_masked, union_id, union_path, employer_id, work_form,"
					+ " join_date, status, card_number, created_at, updated_at) values (:name, 'MALE', 'x', :hash, '110***********0000', :union,"
					+ " (select path from organization where id = :union), :employer, 'EMPLOYEE', current_date, 'ACTIVE', :card, :now, :now)")
				.param("name", namePrefix + unique.substring(0, 6))
				.param("hash", (unique + unique).substring(0, 64))
				.param("union", unionId)
				.param("employer", employerId, java.sql.Types.BIGINT)
				.param("card", card)
				.param("now", Timestamp.from(Instant.now()))
				.update();
			ids.add(jdbc.sql("select id from member where card_number = :card").param("card", card).query(Long.class).single());
		}
		return ids;
	}

	static String card(JdbcClient jdbc, long member) {
		return jdbc.sql("select card_number from member where id = :id").param("id", member).query(String.class).single();
	}
}
