package org.gonghui.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gonghui.TestOrganizations.id;
import static org.gonghui.TestOrganizations.path;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.gonghui.member.internal.CoverageService;
import org.gonghui.member.internal.JoinService;
import org.gonghui.member.internal.MemberService;
import org.gonghui.member.internal.MemberService.MemberView;
import org.gonghui.organization.internal.OrganizationService;
import org.gonghui.shared.PageResult;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.annotation.Transactional;

/**
 * The data-scope rule by organisation path on the member rows: a moved subtree takes its members
 * along in the same transaction, and a federation over 100,000 organisations lists and counts its
 * members with one bound prefix (an id list that long is more than PostgreSQL binds). H2 and PostgreSQL.
 */
@SpringBootTest
@ActiveProfiles({ "demo", "test" })
@Transactional
abstract class ScopeByPathContract {

	@Autowired
	MemberService members;

	@Autowired
	CoverageService coverage;

	@Autowired
	JoinService joins;

	@Autowired
	OrganizationService organizations;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	javax.sql.DataSource dataSource;

	@Test
	void aMovedSubtreeTakesItsMembersIntoListsAndCoverageAtOnce() {
		long fanhua = id(jdbc, "泛华集团工会");
		long fengtai = id(jdbc, "丰台区总工会");
		long chaoyang = id(jdbc, "朝阳区总工会");
		long fanhuaMembers = jdbc.sql("select count(*) from member where union_id = :u and status = 'ACTIVE'").param("u", fanhua)
			.query(Long.class).single();
		assertThat(fanhuaMembers).isPositive();
		long fengtaiBefore = runAs("fengtai", () -> coverage.coverage(fengtai).members());
		long chaoyangBefore = runAs("chaoyang", () -> coverage.coverage(chaoyang).members());
		assertThat(runAs("fengtai", () -> names(null))).contains("孙丽");
		assertThat(runAs("chaoyang", () -> names(null))).doesNotContain("孙丽");

		runAs("admin", () -> {
			organizations.move(fanhua, null, chaoyang);
			return null;
		});

		assertThat(runAs("fengtai", () -> names(null))).doesNotContain("孙丽");
		assertThat(runAs("fengtai", () -> names("孙"))).doesNotContain("孙丽");
		assertThat(runAs("chaoyang", () -> names(null))).contains("孙丽");
		assertThat(runAs("fengtai", () -> coverage.coverage(fengtai).members())).isEqualTo(fengtaiBefore - fanhuaMembers);
		assertThat(runAs("chaoyang", () -> coverage.coverage(chaoyang).members())).isEqualTo(chaoyangBefore + fanhuaMembers);
		// Every row that keeps a path agrees with the tree: members, applications, import jobs.
		for (String table : List.of("member", "join_application", "member_import")) {
			assertThat(jdbc.sql("select count(*) from " + table + " t join organization o on o.id = t.union_id where t.union_path <> o.path")
				.query(Long.class).single()).as(table).isZero();
		}
		assertThat(jdbc.sql("select count(*) from member where union_path like :p").param("p", path(jdbc, chaoyang) + fanhua + "/%")
			.query(Long.class).single()).isEqualTo(jdbc.sql("select count(*) from member where union_id = :u").param("u", fanhua).query(Long.class).single());
	}

	@Test
	void aFederationOverAHundredThousandOrganisationsListsAndCountsItsMembers() {
		long fengtai = id(jdbc, "丰台区总工会");
		long beijing = id(jdbc, "北京市总工会");
		long before = runAs("beijing", () -> coverage.coverage(beijing).members());
		long listedBefore = runAs("beijing", () -> members.search(null, null, null, new PageResult.Request(0, 10)).totalElements());
		List<Long> unions = hundredThousandOrganisationsUnder(fengtai);
		long deepUnion = unions.get(unions.size() - 1);
		insertMember("百万分之一", deepUnion);
		assertThat(jdbc.sql("select count(*) from organization where path like :p").param("p", path(jdbc, beijing) + "%").query(Long.class).single())
			.isGreaterThan(100_000);

		assertThat(runAs("beijing", () -> coverage.coverage(beijing).members())).isEqualTo(before + 1);
		assertThat(runAs("beijing", () -> members.search(null, null, null, new PageResult.Request(0, 10)).totalElements()))
			.isEqualTo(listedBefore + 1);
		assertThat(runAs("beijing", () -> names("百万"))).containsExactly("百万分之一");
		assertThat(runAs("fengtai", () -> names("百万"))).containsExactly("百万分之一");
		assertThat(runAs("chaoyang", () -> names("百万"))).isEmpty();
		assertThat(runAs("fengtai", () -> joins.list(null, 50))).isNotNull();
		// The national administrator sees the whole tree: the tops, a page of the search, the member.
		assertThat(runAs("admin", () -> organizations.search("街道", new PageResult.Request(0, 20)).totalElements())).isGreaterThan(1000);
		assertThat(runAs("admin", () -> names("百万"))).containsExactly("百万分之一");
	}

	/** 1,000 street unions under the district, each with 99 grassroots unions: 100,000 organisations. */
	private List<Long> hundredThousandOrganisationsUnder(long district) {
		Timestamp now = Timestamp.from(Instant.now());
		List<Object[]> streets = new ArrayList<>();
		for (int s = 0; s < 1000; s++) {
			streets.add(new Object[] { district, "基准街道" + s + "街道总工会", "STREET", "REGIONAL_FEDERATION", "/tmp/s" + s + "/", now, now });
		}
		insertOrganisations(streets);
		List<Long> streetIds = jdbc.sql("select id from organization where parent_id = :d and name like '基准街道%' order by id").param("d", district)
			.query(Long.class).list();
		List<Object[]> grassroots = new ArrayList<>();
		for (long street : streetIds) {
			for (int g = 0; g < 99; g++) {
				grassroots.add(new Object[] { street, "基准企业" + street + "-" + g + "工会", "GRASSROOTS", "WORKPLACE_UNION", "/tmp/g" + street + "-" + g + "/", now,
						now });
			}
		}
		insertOrganisations(grassroots);
		return jdbc.sql("select id from organization where name like '基准企业%' order by id").query(Long.class).list();
	}

	private void insertOrganisations(List<Object[]> rows) {
		new org.springframework.jdbc.core.JdbcTemplate(dataSource).batchUpdate("insert into organization (parent_id, name, org_level, org_type, path, created_at, updated_at, version)"
				+ " values (?, ?, ?, ?, ?, ?, ?, 0)", rows);
		// The real paths need the generated ids, and the parent's real path (set before the children's).
		jdbc.sql("update organization set path = concat((select p.path from organization p where p.id = organization.parent_id),"
				+ " cast(id as varchar), '/') where path like '/tmp/%'").update();
	}

	private void insertMember(String name, long union) {
		String unique = java.util.UUID.randomUUID().toString().replace("-", "");
		jdbc.sql("insert into member (name, gender, id_number_cipher, id_number_hash, id_number_masked, union_id, union_path, work_form,"
				+ " join_date, status, card_number, created_at, updated_at) values (:name, 'MALE', 'x', :hash, '110***********0000', :union,"
				+ " (select path from organization where id = :union), 'EMPLOYEE', current_date, 'ACTIVE', :card, :now, :now)")
			.param("name", name)
			.param("hash", (unique + unique).substring(0, 64))
			.param("union", union)
			.param("card", "T" + unique.substring(0, 18))
			.param("now", Timestamp.from(Instant.now()))
			.update();
	}

	private List<String> names(String text) {
		return members.search(text, null, null, new PageResult.Request(0, 100)).content().stream().map(MemberView::name).toList();
	}

	private <T> T runAs(String username, Supplier<T> action) {
		return org.gonghui.TestUsers.runAs(users, username, action);
	}
}
