package org.gonghui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.gonghui.organization.internal.OrganizationService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.annotation.Transactional;

/**
 * When a subtree moves, every organisation path a module keeps on its own rows follows it in the same transaction
 * (the data-scope rule filters by them): 龙潭 moves from 东城 to 丰台 and its care bookings, self-assessments,
 * follow-ups, mutual-aid covers and claims are all under 丰台 afterwards, none under the old path; the claims of its
 * members are reviewed by 丰台's office from then on.
 */
@SpringBootTest
@ActiveProfiles({ "demo", "test" })
@Transactional
abstract class StoredPathsContract {

	private static final String[][] COLUMNS = { { "care_assessment", "organization_path" }, { "care_follow_up", "organization_path" },
			{ "care_booking", "union_path" }, { "care_rating", "organization_path" }, { "aid_enrolment", "union_path" }, { "aid_cover", "union_path" },
			{ "aid_claim", "union_path" }, { "member", "union_path" }, { "honoree", "organization_path" }, { "wp_meeting", "organization_path" },
			{ "wp_plan", "organization_path" }, { "wp_snapshot", "organization_path" }, { "std_template", "federation_path" },
			{ "std_campaign", "district_path" }, { "std_assessment", "union_path" } };

	@Autowired
	OrganizationService organizations;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	private String path(String name) {
		return jdbc.sql("select path from organization where name = :n").param("n", name).query(String.class).single();
	}

	private long count(String table, String column, String prefix) {
		// Constants of this test only.
		return jdbc.sql("select count(*) from " + table + " where " + column + " like :p").param("p", prefix + "%").query(Long.class).single();
	}

	@Test
	void everyStoredPathFollowsAMovedSubtree() {
		String old = path("龙潭街道总工会");
		Map<String, Long> before = new LinkedHashMap<>();
		for (String[] c : COLUMNS) {
			before.put(c[0] + "." + c[1], count(c[0], c[1], old));
		}
		// The demo puts rows under 龙潭 in these, so the test moves something real.
		assertThat(before).allSatisfy((k, v) -> {
			if (k.startsWith("care_booking") || k.startsWith("aid_claim") || k.startsWith("aid_cover") || k.startsWith("member")) {
				assertThat(v).as(k).isPositive();
			}
		});
		TestUsers.runAs(users, "admin", () -> {
			organizations.move(TestOrganizations.id(jdbc, "龙潭街道总工会"), null, TestOrganizations.id(jdbc, "丰台区总工会"));
			return null;
		});
		String moved = path("龙潭街道总工会");
		assertThat(moved).startsWith(path("丰台区总工会")).isNotEqualTo(old);
		for (String[] c : COLUMNS) {
			assertThat(count(c[0], c[1], old)).as(c[0] + "." + c[1] + " under the old path").isZero();
			assertThat(count(c[0], c[1], moved)).as(c[0] + "." + c[1] + " under the new path").isEqualTo(before.get(c[0] + "." + c[1]));
		}
		assertThat(jdbc.sql("select distinct district_path from aid_claim where union_path like :p").param("p", moved + "%").query(String.class).list())
			.containsExactly(path("丰台区总工会"));
	}
}
