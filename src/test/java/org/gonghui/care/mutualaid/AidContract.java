package org.gonghui.care.mutualaid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gonghui.TestOrganizations.id;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.gonghui.care.mutualaid.internal.AidFigures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.annotation.Transactional;

import com.jayway.jsonpath.JsonPath;

/**
 * The mutual-aid queries on a real database (H2 and PostgreSQL), through the API the acceptance checks use: a plan in
 * scope only, enrolment with eligibility and its statement, a claim through the review chain to the payout, a
 * waiting-period event, a member's own claims, and the figures' sums against what the test put in.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({ "demo", "test" })
@Transactional
abstract class AidContract {

	private static final String PASSWORD = "gonghui-demo";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	AidFigures figures;

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	private static LocalDate today() {
		return LocalDate.now(ZoneId.of("Asia/Shanghai"));
	}

	private static long created(String json) {
		return ((Number) JsonPath.read(json, "$.id")).longValue();
	}

	private static String body(ResultActions result) throws Exception {
		return result.andReturn().getResponse().getContentAsString();
	}

	private ResultActions postJson(String path, String account, String json) throws Exception {
		return mvc.perform(post(path).with(httpBasic(account, PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(json));
	}

	private long plan(String account, String org, int waitingDays) throws Exception {
		return created(body(postJson("/api/aid/plans", account, AidWebTests.planJson(id(jdbc, org), "契约住院互助", waitingDays)).andExpect(status().isCreated())));
	}

	private String enrol(long plan, int shares, LocalDate start) throws Exception {
		return body(postJson("/api/aid/plans/" + plan + "/enrolments", "fengtai",
				"{\"unionId\": %d, \"shares\": %d, \"termStartsOn\": \"%s\"}".formatted(id(jdbc, "泛华集团工会"), shares, start)).andExpect(status().isCreated()));
	}

	private long member(String name) {
		return jdbc.sql("select id from member where name = :n").param("n", name).query(Long.class).single();
	}

	private long claim(long plan, LocalDate event, long expensesFen) throws Exception {
		return created(body(postJson("/api/aid/claims", "fanhua",
				"{\"planId\": %d, \"memberId\": %d, \"benefit\": \"HOSPITAL\", \"eventDate\": \"%s\", \"expensesFen\": %d, \"diagnosis\": \"阑尾炎\"}"
					.formatted(plan, member("周杰"), event, expensesFen))
			.andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("SUBMITTED"))));
	}

	private void invoice(long claim) throws Exception {
		mvc.perform(multipart("/api/aid/claims/" + claim + "/documents").file(new MockMultipartFile("file", "发票.png", "image/png", AidWebTests.png()))
				.param("kind", "INVOICE").with(httpBasic("fanhua", PASSWORD)))
			.andExpect(status().isCreated());
	}

	private ResultActions review(long claim, String account, String decision) throws Exception {
		return postJson("/api/aid/claims/" + claim + "/review", account, "{\"decision\": \"%s\"}".formatted(decision));
	}

	@Test
	void aPlanIsStoredWithItsBenefitsAndSeenInScopeOnly() throws Exception {
		long plan = plan("fengtai", "丰台区总工会", 30);
		mvc.perform(get("/api/aid/plans/" + plan).with(httpBasic("fengtai", PASSWORD))).andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("契约住院互助"))
			.andExpect(jsonPath("$.priceFen").value(5000))
			.andExpect(jsonPath("$.benefits[0].shareBp").value(5000))
			.andExpect(jsonPath("$.benefits[0].deductibleFen").value(100000))
			.andExpect(jsonPath("$.benefits[1].fixedFen").value(1000000));
		mvc.perform(get("/api/aid/plans").with(httpBasic("fengtai", PASSWORD))).andExpect(status().isOk())
			.andExpect(jsonPath("$[*].id", hasItem((int) plan)));
		mvc.perform(get("/api/aid/plans/" + plan).with(httpBasic("chaoyang", PASSWORD))).andExpect(status().isNotFound());
		mvc.perform(get("/api/aid/plans").with(httpBasic("chaoyang", PASSWORD))).andExpect(status().isOk())
			.andExpect(jsonPath("$[*].id", not(hasItem((int) plan))));
	}

	@Test
	void anEnrolmentCoversTheEligibleMembersWithItsStatement() throws Exception {
		long plan = plan("fengtai", "丰台区总工会", 30);
		String e = enrol(plan, 2, today().minusDays(100));
		int members = JsonPath.read(e, "$.members");
		long active = jdbc.sql("select count(*) from member where union_id = :u and status = 'ACTIVE'").param("u", id(jdbc, "泛华集团工会"))
			.query(Long.class).single();
		assertThat((long) members).isEqualTo(active);
		assertThat(((Number) JsonPath.read(e, "$.contributionFen")).longValue()).isEqualTo(members * 2L * 5000);
		long enrolment = created(e);
		mvc.perform(get("/api/aid/enrolments/" + enrolment + "/covers").with(httpBasic("fanhua", PASSWORD))).andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(members));
		postJson("/api/aid/enrolments/" + enrolment + "/paid", "fanhua", "{\"paymentReference\": \"FH-PG-1\"}").andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("PAID"));
		mvc.perform(get("/api/aid/enrolments/" + enrolment).with(httpBasic("chaoyang", PASSWORD))).andExpect(status().isNotFound());
		// A women-only plan takes only the union's active women, and the statement follows.
		long women = jdbc.sql("select count(*) from member where union_id = :u and status = 'ACTIVE' and gender = 'FEMALE'")
			.param("u", id(jdbc, "泛华集团工会")).query(Long.class).single();
		long womenPlan = created(body(postJson("/api/aid/plans", "fengtai", AidWebTests.planJson(id(jdbc, "丰台区总工会"), "契约女职工互助", 0)
				.replace("\"maxShares\": 2,", "\"maxShares\": 2, \"womenOnly\": true,")).andExpect(status().isCreated())));
		String w = body(postJson("/api/aid/plans/" + womenPlan + "/enrolments", "fengtai",
				"{\"unionId\": %d, \"shares\": 1, \"termStartsOn\": \"%s\"}".formatted(id(jdbc, "泛华集团工会"), today())));
		if (women == 0) {
			mvc.perform(get("/api/aid/plans/" + womenPlan + "/enrolments").with(httpBasic("fengtai", PASSWORD))).andExpect(jsonPath("$.length()").value(0));
		} else {
			assertThat(((Number) JsonPath.read(w, "$.members")).longValue()).isEqualTo(women);
			assertThat(((Number) JsonPath.read(w, "$.contributionFen")).longValue()).isEqualTo(women * 5000);
		}
	}

	@Test
	void aClaimGoesThroughTheReviewChainToThePayout() throws Exception {
		long plan = plan("fengtai", "丰台区总工会", 30);
		enrol(plan, 1, today().minusDays(100));
		long claim = claim(plan, today().minusDays(10), 1_100_000);
		invoice(claim);
		mvc.perform(get("/api/aid/claims/" + claim).with(httpBasic("fanhua", PASSWORD))).andExpect(jsonPath("$.documentsComplete").value(true));
		review(claim, "fanhua", "APPROVE").andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UNIT_CHECKED"));
		review(claim, "fengtai", "APPROVE").andExpect(status().isOk()).andExpect(jsonPath("$.status").value("APPROVED"))
			.andExpect(jsonPath("$.payoutFen").value(500_000));
		mvc.perform(get("/api/aid/claims").param("status", "APPROVED").with(httpBasic("fengtai", PASSWORD))).andExpect(status().isOk())
			.andExpect(jsonPath("$[*].id", hasItem((int) claim)));
		mvc.perform(get("/api/aid/claims").param("overdue", "true").with(httpBasic("fengtai", PASSWORD))).andExpect(status().isOk());
		mvc.perform(get("/api/aid/claims/bank-export.xlsx").with(httpBasic("fengtai", PASSWORD))).andExpect(status().isOk());
		postJson("/api/aid/claims/" + claim + "/payout", "fengtai", "{\"paymentReference\": \"FT-PG-001\"}").andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("PAID"))
			.andExpect(jsonPath("$.payoutFen").value(500_000));
		// A second claim of the same term: the term cap counts what was paid; another district sees nothing.
		mvc.perform(get("/api/aid/claims/" + claim).with(httpBasic("chaoyang", PASSWORD))).andExpect(status().isNotFound());
	}

	@Test
	void aMemberWhoLeavesStaysCoveredToTheEndOfTheTerm() throws Exception {
		long plan = plan("fengtai", "丰台区总工会", 30);
		long enrolment = created(enrol(plan, 1, today().minusDays(100)));
		long zhou = member("周杰");
		LocalDate until = jdbc.sql("select covered_until from aid_cover where enrolment_id = :e and member_id = :m")
			.param("e", enrolment).param("m", zhou).query(LocalDate.class).single();
		mvc.perform(post("/members/" + zhou + "/leave").param("reason", "调离").with(user(users.loadUserByUsername("fanhua"))).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("select status from member where id = :m").param("m", zhou).query(String.class).single()).isEqualTo("LEFT");
		// The cover is neither removed nor shortened, and an event of the term is still claimed and paid by the rules.
		assertThat(jdbc.sql("select covered_until from aid_cover where enrolment_id = :e and member_id = :m")
			.param("e", enrolment).param("m", zhou).query(LocalDate.class).single()).isEqualTo(until);
		long claim = claim(plan, today().minusDays(10), 1_100_000);
		invoice(claim);
		review(claim, "fengtai", "APPROVE").andExpect(status().isOk()).andExpect(jsonPath("$.status").value("APPROVED"))
			.andExpect(jsonPath("$.payoutFen").value(500_000));
	}

	@Test
	void anEventInsideTheWaitingPeriodComputesNothing() throws Exception {
		long plan = plan("fengtai", "丰台区总工会", 30);
		enrol(plan, 1, today().minusDays(10));
		long claim = claim(plan, today().minusDays(2), 1_100_000);
		invoice(claim);
		review(claim, "fengtai", "APPROVE").andExpect(status().isOk()).andExpect(jsonPath("$.status").value("REJECTED"))
			.andExpect(jsonPath("$.payoutFen").value(0));
	}

	@Test
	void aMemberSeesOnlyTheirOwnClaims() throws Exception {
		long zhou = jdbc.sql("select c.id from aid_claim c where c.member_id = :m").param("m", member("周杰")).query(Long.class).list().get(0);
		List<Long> zhang = jdbc.sql("select c.id from aid_claim c where c.member_id = :m").param("m", member("张伟")).query(Long.class).list();
		String mine = body(mvc.perform(get("/api/aid/my/claims").with(httpBasic("worker", PASSWORD))).andExpect(status().isOk()));
		List<Number> ids = JsonPath.read(mine, "$[*].id");
		assertThat(ids.stream().map(Number::longValue).toList()).containsExactlyInAnyOrderElementsOf(zhang);
		mvc.perform(get("/api/aid/claims/" + zhou).with(httpBasic("worker", PASSWORD))).andExpect(status().isNotFound());
		mvc.perform(get("/api/aid/my/covers").with(httpBasic("worker", PASSWORD))).andExpect(status().isOk());
	}

	@Test
	void theFiguresSumWhatWasEnrolledAndPaid() throws Exception {
		long plan = plan("fengtai", "丰台区总工会", 0);
		String e = enrol(plan, 1, today().minusDays(100));
		int members = JsonPath.read(e, "$.members");
		long claim = claim(plan, today().minusDays(10), 1_100_000);
		invoice(claim);
		review(claim, "fengtai", "APPROVE").andExpect(jsonPath("$.status").value("APPROVED"));
		postJson("/api/aid/claims/" + claim + "/payout", "fengtai", "{\"paymentReference\": \"FT-PG-002\"}").andExpect(status().isOk());
		long second = claim(plan, today().minusDays(5), 300_000);
		review(second, "fanhua", "REJECT").andExpect(status().isBadRequest());
		postJson("/api/aid/claims/" + second + "/review", "fanhua", "{\"decision\": \"REJECT\", \"reason\": \"非住院\"}").andExpect(status().isOk());

		var fengtai = users.loadUserByUsername("fengtai");
		SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(fengtai, null, fengtai.getAuthorities()));
		var row = figures.rows().stream().filter(r -> r.planId() == plan).findFirst().orElseThrow();
		assertThat(row.termStartsOn()).isEqualTo(today().minusDays(100));
		assertThat(row.membersCovered()).isEqualTo(members);
		assertThat(row.contributionFen()).isEqualTo(members * 5000L);
		assertThat(row.claims().get(ClaimStatus.PAID)).isEqualTo(1);
		assertThat(row.claims().get(ClaimStatus.REJECTED)).isEqualTo(1);
		assertThat(row.claimCount()).isEqualTo(2);
		assertThat(row.payoutFen()).isEqualTo(500_000);
		// Basis points rounded half up, as every ratio in mutual aid (6493.5 shows as 6494).
		assertThat(row.lossRatioBp()).isEqualTo((int) ((500_000L * 10_000 + members * 5000L / 2) / (members * 5000L)));
		assertThat(row.averageDaysToPayoutTenths()).isZero();
		// Every row's sums match the covers and claims in the district, counted here by hand.
		long covered = jdbc.sql("select coalesce(sum(contribution_fen), 0) from aid_cover where union_path like :p")
			.param("p", jdbc.sql("select path from organization where name = '丰台区总工会'").query(String.class).single() + "%").query(Long.class).single();
		assertThat(figures.rows().stream().mapToLong(AidFigures.Row::contributionFen).sum()).isEqualTo(covered);
	}
}
