package org.gonghui.care.mutualaid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gonghui.TestOrganizations.count;
import static org.gonghui.TestOrganizations.id;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.annotation.Transactional;

import com.jayway.jsonpath.JsonPath;

/**
 * The mutual-aid API and pages over the demo data: plans, enrolment with its statement, claims with documents through
 * the review chain to the payout; 400 with nothing stored on bad input, 404 across districts, a member's own claims.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({ "demo", "test" })
@Transactional
class AidWebTests {

	static final String PASSWORD = "gonghui-demo";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	private RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	private static LocalDate today() {
		return LocalDate.now(ZoneId.of("Asia/Shanghai"));
	}

	static String planJson(long organizationId, String name, int waitingDays) {
		return """
				{"organizationId": %d, "name": "%s", "type": "HOSPITAL", "termYears": 1, "priceFen": 5000, "maxShares": 2, "waitingDays": %d,
				 "benefits": [{"code": "HOSPITAL", "shareOfExpenses": 0.5, "deductibleFen": 100000, "capFen": 5000000, "documents": ["INVOICE"]},
				              {"code": "DEATH", "fixedFen": 1000000}]}
				""".formatted(organizationId, name, waitingDays);
	}

	private long created(String json) {
		return ((Number) JsonPath.read(json, "$.id")).longValue();
	}

	private long plan(String account, String org, int waitingDays) throws Exception {
		return created(mvc.perform(post("/api/aid/plans").with(httpBasic(account, PASSWORD)).contentType(MediaType.APPLICATION_JSON)
				.content(planJson(id(jdbc, org), "测试住院互助", waitingDays)))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
	}

	private String enrol(long plan, String union, int shares, LocalDate start) throws Exception {
		return mvc.perform(post("/api/aid/plans/" + plan + "/enrolments").with(httpBasic("fengtai", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
				.content("{\"unionId\": %d, \"shares\": %d, \"termStartsOn\": \"%s\"}".formatted(id(jdbc, union), shares, start)))
			.andReturn().getResponse().getContentAsString();
	}

	private long zhouJie() {
		return jdbc.sql("select id from member where name = '周杰'").query(Long.class).single();
	}

	private long claim(long plan, LocalDate event, long expensesFen) throws Exception {
		return created(mvc.perform(post("/api/aid/claims").with(httpBasic("fanhua", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
				.content("{\"planId\": %d, \"memberId\": %d, \"benefit\": \"HOSPITAL\", \"eventDate\": \"%s\", \"expensesFen\": %d, \"diagnosis\": \"阑尾炎\"}"
					.formatted(plan, zhouJie(), event, expensesFen)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("SUBMITTED"))
			.andReturn().getResponse().getContentAsString());
	}

	static byte[] png() throws Exception {
		var out = new ByteArrayOutputStream();
		ImageIO.write(new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB), "png", out);
		return out.toByteArray();
	}

	private void invoice(long claim, String account) throws Exception {
		mvc.perform(multipart("/api/aid/claims/" + claim + "/documents").file(new MockMultipartFile("file", "发票.png", "image/png", png()))
				.param("kind", "INVOICE").with(httpBasic(account, PASSWORD)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.contentType").value("image/png"));
	}

	private org.springframework.test.web.servlet.ResultActions review(long claim, String account, String decision, String reason) throws Exception {
		return mvc.perform(post("/api/aid/claims/" + claim + "/review").with(httpBasic(account, PASSWORD)).contentType(MediaType.APPLICATION_JSON)
				.content(reason == null ? "{\"decision\": \"%s\"}".formatted(decision) : "{\"decision\": \"%s\", \"reason\": \"%s\"}".formatted(decision, reason)));
	}

	@Test
	void aPlanIsCreatedByFederationStaffAndSeenInScopeOnly() throws Exception {
		long plan = plan("fengtai", "丰台区总工会", 30);
		mvc.perform(get("/api/aid/plans/" + plan).with(httpBasic("fengtai", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.benefits[0].shareBp").value(5000))
			.andExpect(jsonPath("$.benefits[1].kind").value("FIXED"));
		// 泛华 lies below 丰台 and may enrol; 朝阳 and 北京's other districts see nothing.
		mvc.perform(get("/api/aid/plans/" + plan).with(httpBasic("fanhua", PASSWORD))).andExpect(status().isOk());
		mvc.perform(get("/api/aid/plans/" + plan).with(httpBasic("chaoyang", PASSWORD))).andExpect(status().isNotFound());
		mvc.perform(get("/aid/plans/" + plan).with(as("chaoyang"))).andExpect(status().isNotFound());
		mvc.perform(get("/api/aid/plans/" + plan).with(httpBasic("worker", PASSWORD))).andExpect(status().isNotFound());
		// Union chairs and workers do not create plans.
		mvc.perform(post("/api/aid/plans").with(httpBasic("fanhua", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
				.content(planJson(id(jdbc, "丰台区总工会"), "x", 0))).andExpect(status().isForbidden());
	}

	@Test
	void thePlanFormTakesSeveralBenefitsAndKeepsWhatWasTypedOnAProblem() throws Exception {
		long before = count(jdbc, "aid_plan");
		var form = post("/aid/plans/new").with(as("fengtai")).with(csrf()).param("organizationId", "" + id(jdbc, "丰台区总工会"))
			.param("name", "页面多项给付互助").param("type", "HOSPITAL").param("termYears", "1").param("priceYuan", "50").param("maxShares", "2")
			.param("waitingDays", "30").param("reducedDays", "0").param("reducedPercent", "100").param("renewalGraceDays", "30")
			.param("minParticipationPercent", "0").param("joiners", "PRO_RATA")
			.param("b0_code", "HOSPITAL").param("b0_name", "住院").param("b0_sharePercent", "50").param("b0_deductibleYuan", "1000")
			.param("b0_capYuan", "50000").param("b0_documents", "INVOICE", "DISCHARGE_SUMMARY")
			.param("b1_code", "DEATH").param("b1_name", "身故").param("b1_fixedYuan", "abc");
		// A second row with a bad sum: 400, nothing stored, the rows come back as typed.
		mvc.perform(form).andExpect(status().isBadRequest())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("value=\"abc\"")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("value=\"身故\"")));
		assertThat(count(jdbc, "aid_plan")).isEqualTo(before);
		mvc.perform(post("/aid/plans/new").with(as("fengtai")).with(csrf()).param("organizationId", "" + id(jdbc, "丰台区总工会"))
				.param("name", "页面多项给付互助").param("type", "HOSPITAL").param("termYears", "1").param("priceYuan", "50").param("maxShares", "2")
				.param("waitingDays", "30").param("reducedDays", "0").param("reducedPercent", "100").param("renewalGraceDays", "30")
				.param("minParticipationPercent", "0").param("joiners", "PRO_RATA")
				.param("b0_code", "HOSPITAL").param("b0_name", "住院").param("b0_sharePercent", "50").param("b0_deductibleYuan", "1000")
				.param("b0_capYuan", "50000").param("b0_documents", "INVOICE", "DISCHARGE_SUMMARY")
				.param("b1_code", "DEATH").param("b1_name", "身故").param("b1_fixedYuan", "10000"))
			.andExpect(status().is3xxRedirection());
		long plan = jdbc.sql("select id from aid_plan where name = '页面多项给付互助'").query(Long.class).single();
		mvc.perform(get("/api/aid/plans/" + plan).with(httpBasic("fengtai", PASSWORD))).andExpect(status().isOk())
			.andExpect(jsonPath("$.benefits.length()").value(2))
			.andExpect(jsonPath("$.benefits[0].shareBp").value(5000))
			.andExpect(jsonPath("$.benefits[0].deductibleFen").value(100000))
			.andExpect(jsonPath("$.benefits[0].documents.length()").value(2))
			.andExpect(jsonPath("$.benefits[1].code").value("DEATH"))
			.andExpect(jsonPath("$.benefits[1].fixedFen").value(1000000));
	}

	@Test
	void badPlansAnswer400AndStoreNothing() throws Exception {
		long before = count(jdbc, "aid_plan");
		long ft = id(jdbc, "丰台区总工会");
		String[] bodies = { "{}", "not json",
				planJson(ft, "x", 30).replace("\"termYears\": 1", "\"termYears\": 4"),
				planJson(ft, "x", 30).replace("\"priceFen\": 5000", "\"priceFen\": -1"),
				planJson(ft, "x", 30).replace("\"maxShares\": 2", "\"maxShares\": 9"),
				planJson(ft, "x", 30).replace("\"type\": \"HOSPITAL\"", "\"type\": \"LOTTERY\""),
				planJson(ft, "x", 30).replace("0.5", "150"),
				planJson(ft, "x", 30).replace("\"fixedFen\": 1000000", "\"fixedFen\": 1000000, \"shareOfExpenses\": 0.5"),
				planJson(ft, "x", 30).replace("\"code\": \"DEATH\"", "\"code\": \"HOSPITAL\""),
				planJson(id(jdbc, "泛华集团工会"), "x", 30),
				planJson(id(jdbc, "朝阳区总工会"), "x", 30) };
		for (String body : bodies) {
			mvc.perform(post("/api/aid/plans").with(httpBasic("fengtai", PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(body))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors").isArray());
		}
		mvc.perform(post("/aid/plans/new").with(as("fengtai")).with(csrf()).param("name", "").param("priceYuan", "abc"))
			.andExpect(status().isBadRequest());
		assertThat(count(jdbc, "aid_plan")).isEqualTo(before);
	}

	@Test
	void aUnionEnrolsItsMembersAndSeesTheStatement() throws Exception {
		long plan = plan("fengtai", "丰台区总工会", 30);
		String e = enrol(plan, "泛华集团工会", 2, today().minusDays(100));
		// Every active member of the union (other tests of the run may have added some), two shares each.
		long active = jdbc.sql("select count(*) from member where union_id = :u and status = 'ACTIVE'").param("u", id(jdbc, "泛华集团工会"))
			.query(Long.class).single();
		assertThat(((Integer) JsonPath.read(e, "$.members")).longValue()).isEqualTo(active).isPositive();
		assertThat(((Number) JsonPath.read(e, "$.contributionFen")).longValue()).isEqualTo(active * 2 * 5000);
		long enrolment = created(e);
		// The same term again is a conflict; 朝阳 sees nothing of it.
		mvc.perform(post("/api/aid/plans/" + plan + "/enrolments").with(httpBasic("fengtai", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
				.content("{\"unionId\": %d, \"shares\": 2, \"termStartsOn\": \"%s\"}".formatted(id(jdbc, "泛华集团工会"), today().minusDays(100))))
			.andExpect(status().isConflict());
		mvc.perform(get("/api/aid/enrolments/" + enrolment).with(httpBasic("chaoyang", PASSWORD))).andExpect(status().isNotFound());
		mvc.perform(post("/api/aid/enrolments/" + enrolment + "/paid").with(httpBasic("fanhua", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
				.content("{\"paymentReference\": \"\"}")).andExpect(status().isBadRequest());
		mvc.perform(post("/api/aid/enrolments/" + enrolment + "/paid").with(httpBasic("fanhua", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
				.content("{\"paymentReference\": \"FH-001\"}")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("PAID"));
		mvc.perform(get("/aid/enrolments/" + enrolment).with(as("fanhua"))).andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("周杰")));
		// Bad enrolments store nothing.
		long before = count(jdbc, "aid_enrolment");
		for (String body : new String[] { "{}", "{\"unionId\": %d, \"shares\": 3, \"termStartsOn\": \"%s\"}".formatted(id(jdbc, "泛华集团工会"), today()),
				"{\"unionId\": %d, \"shares\": 1, \"termStartsOn\": \"%s\"}".formatted(id(jdbc, "龙潭街道总工会"), today()),
				"{\"unionId\": %d, \"shares\": 1, \"termStartsOn\": \"%s\", \"memberIds\": [999999]}".formatted(id(jdbc, "泛华集团工会"), today()) }) {
			mvc.perform(post("/api/aid/plans/" + plan + "/enrolments").with(httpBasic("fengtai", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
					.content(body)).andExpect(status().isBadRequest());
		}
		assertThat(count(jdbc, "aid_enrolment")).isEqualTo(before);
	}

	@Test
	void aClaimGoesFromTheUnionThroughTheDistrictToThePayout() throws Exception {
		long plan = plan("fengtai", "丰台区总工会", 30);
		enrol(plan, "泛华集团工会", 1, today().minusDays(100));
		long claim = claim(plan, today().minusDays(10), 1_100_000);
		// The checklist asks for the invoice: the unit cannot pass it on without one.
		mvc.perform(get("/api/aid/claims/" + claim).with(httpBasic("fanhua", PASSWORD)))
			.andExpect(jsonPath("$.documentsComplete").value(false))
			.andExpect(jsonPath("$.diagnosis").value("阑尾炎"));
		review(claim, "fanhua", "APPROVE", null).andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("aid.claim.documentsMissing"));
		invoice(claim, "fanhua");
		review(claim, "fanhua", "APPROVE", null).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UNIT_CHECKED"));
		// The union chair cannot do the district's step; another district does not even see the claim.
		review(claim, "fanhua", "APPROVE", null).andExpect(status().isForbidden());
		review(claim, "chaoyang", "APPROVE", null).andExpect(status().isNotFound());
		mvc.perform(get("/api/aid/claims/" + claim).with(httpBasic("chaoyang", PASSWORD))).andExpect(status().isNotFound());
		mvc.perform(get("/aid/claims/" + claim).with(as("chaoyang"))).andExpect(status().isNotFound());
		// (11,000 − 1,000) × 50 % = 5,000 元.
		review(claim, "fengtai", "APPROVE", null).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("APPROVED"))
			.andExpect(jsonPath("$.payoutFen").value(500_000));
		review(claim, "fengtai", "APPROVE", null).andExpect(status().isConflict());
		mvc.perform(get("/api/aid/claims/bank-export.xlsx").with(httpBasic("fengtai", PASSWORD))).andExpect(status().isOk())
			.andExpect(content().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
		mvc.perform(post("/api/aid/claims/" + claim + "/payout").with(httpBasic("fengtai", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
				.content("{\"paymentReference\": \"\"}")).andExpect(status().isBadRequest());
		mvc.perform(post("/api/aid/claims/" + claim + "/payout").with(httpBasic("fanhua", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
				.content("{\"paymentReference\": \"B-1\"}")).andExpect(status().isForbidden());
		mvc.perform(post("/api/aid/claims/" + claim + "/payout").with(httpBasic("fengtai", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
				.content("{\"paymentReference\": \"FT-2026-001\"}")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("PAID"));
		mvc.perform(get("/aid/claims/" + claim).with(as("fengtai"))).andExpect(status().isOk());
		mvc.perform(get("/aid/figures").with(as("fengtai"))).andExpect(status().isOk());
		mvc.perform(get("/aid/figures.xlsx").with(as("fengtai"))).andExpect(status().isOk());
	}

	@Test
	void anEventInsideTheWaitingPeriodIsRejectedWithNothingToPay() throws Exception {
		long plan = plan("fengtai", "丰台区总工会", 30);
		enrol(plan, "泛华集团工会", 1, today().minusDays(10));
		long claim = claim(plan, today().minusDays(2), 1_100_000);
		invoice(claim, "fanhua");
		review(claim, "fengtai", "APPROVE", null).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("REJECTED"))
			.andExpect(jsonPath("$.payoutFen").value(0))
			.andExpect(jsonPath("$.reason").value("aid.claim.rejected.waitingPeriod"));
	}

	@Test
	void aPayoutOverTheLimitWaitsForTheFederationAbove() throws Exception {
		long plan = plan("beijing", "北京市总工会", 0);
		enrol(plan, "泛华集团工会", 2, today().minusDays(100));
		long claim = claim(plan, today().minusDays(10), 10_100_000);
		invoice(claim, "fanhua");
		// 50 % of 100,000 元 = 50,000 元, over the 20,000 元 limit: 丰台 computes it, 北京 approves.
		review(claim, "fengtai", "APPROVE", null).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("FEDERATION_REVIEW"))
			.andExpect(jsonPath("$.payoutFen").value(5_000_000));
		review(claim, "fengtai", "APPROVE", null).andExpect(status().isForbidden());
		review(claim, "beijing", "APPROVE", null).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("APPROVED"));
	}

	@Test
	void reviewersAskForDocumentsOrRejectWithAReason() throws Exception {
		long plan = plan("fengtai", "丰台区总工会", 30);
		enrol(plan, "泛华集团工会", 1, today().minusDays(100));
		long claim = claim(plan, today().minusDays(10), 500_000);
		review(claim, "fanhua", "MORE_DOCUMENTS", null).andExpect(status().isBadRequest());
		review(claim, "fanhua", "MAYBE", "x").andExpect(status().isBadRequest());
		review(claim, "fanhua", "MORE_DOCUMENTS", "请上传发票").andExpect(status().isOk()).andExpect(jsonPath("$.status").value("WAITING_DOCUMENTS"));
		review(claim, "fanhua", "APPROVE", null).andExpect(status().isConflict());
		invoice(claim, "fanhua");
		mvc.perform(post("/api/aid/claims/" + claim + "/resubmit").with(httpBasic("fanhua", PASSWORD))).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("SUBMITTED"));
		review(claim, "fengtai", "REJECT", "非住院费用").andExpect(status().isOk()).andExpect(jsonPath("$.status").value("REJECTED"));
		review(claim, "fengtai", "APPROVE", null).andExpect(status().isConflict());
	}

	@Test
	void documentsAreCheckedByTheirContent() throws Exception {
		long plan = plan("fengtai", "丰台区总工会", 30);
		enrol(plan, "泛华集团工会", 1, today().minusDays(100));
		long claim = claim(plan, today().minusDays(10), 500_000);
		long before = count(jdbc, "aid_claim_document");
		byte[] exe = { 'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0 };
		mvc.perform(multipart("/api/aid/claims/" + claim + "/documents").file(new MockMultipartFile("file", "发票.png", "image/png", exe))
				.param("kind", "INVOICE").with(httpBasic("fanhua", PASSWORD))).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("file"));
		mvc.perform(multipart("/api/aid/claims/" + claim + "/documents").file(new MockMultipartFile("file", "x.pdf", "application/pdf", "%PDF-1.4 broken".getBytes()))
				.param("kind", "INVOICE").with(httpBasic("fanhua", PASSWORD))).andExpect(status().isBadRequest());
		mvc.perform(multipart("/api/aid/claims/" + claim + "/documents").file(new MockMultipartFile("file", "big.png", "image/png", new byte[6 * 1024 * 1024]))
				.param("kind", "INVOICE").with(httpBasic("fanhua", PASSWORD))).andExpect(status().isBadRequest());
		mvc.perform(multipart("/api/aid/claims/" + claim + "/documents").file(new MockMultipartFile("file", "a.png", "image/png", png()))
				.with(httpBasic("fanhua", PASSWORD))).andExpect(status().isBadRequest());
		mvc.perform(multipart("/api/aid/claims/" + claim + "/documents").file(new MockMultipartFile("file", "a.png", "image/png", png()))
				.param("kind", "INVOICE").with(httpBasic("chaoyang", PASSWORD))).andExpect(status().isNotFound());
		assertThat(count(jdbc, "aid_claim_document")).isEqualTo(before);
	}

	@Test
	void badClaimsAnswer400AndStoreNothing() throws Exception {
		long plan = plan("fengtai", "丰台区总工会", 30);
		enrol(plan, "泛华集团工会", 1, today().minusDays(100));
		long before = count(jdbc, "aid_claim");
		long zhou = zhouJie();
		long zhang = jdbc.sql("select id from member where name = '张伟'").query(Long.class).single();
		String[] bodies = { "{}", "[1]",
				"{\"planId\": %d, \"memberId\": %d, \"benefit\": \"NOPE\", \"eventDate\": \"%s\", \"expensesFen\": 1}".formatted(plan, zhou, today()),
				"{\"planId\": %d, \"memberId\": %d, \"benefit\": \"HOSPITAL\", \"eventDate\": \"%s\", \"expensesFen\": 1}".formatted(plan, zhou, today().plusDays(1)),
				"{\"planId\": %d, \"memberId\": %d, \"benefit\": \"HOSPITAL\", \"eventDate\": \"%s\", \"expensesFen\": -5}".formatted(plan, zhou, today()),
				"{\"planId\": %d, \"memberId\": %d, \"benefit\": \"HOSPITAL\", \"eventDate\": \"%s\", \"expensesFen\": 1}".formatted(plan, zhou, today().minusDays(200)),
				"{\"planId\": %d, \"memberId\": %d, \"benefit\": \"HOSPITAL\", \"eventDate\": \"%s\", \"expensesFen\": 1}".formatted(plan, zhang, today()) };
		for (String body : bodies) {
			mvc.perform(post("/api/aid/claims").with(httpBasic("fanhua", PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(body))
				.andExpect(status().isBadRequest());
		}
		assertThat(count(jdbc, "aid_claim")).isEqualTo(before);
	}

	@Test
	void aMemberSeesOnlyTheirOwnCoverAndClaims() throws Exception {
		long zhouClaim = jdbc.sql("select c.id from aid_claim c join member m on m.id = c.member_id where m.name = '周杰'").query(Long.class).list().get(0);
		long zhangClaim = jdbc.sql("select c.id from aid_claim c join member m on m.id = c.member_id where m.name = '张伟'").query(Long.class).list().get(0);
		mvc.perform(get("/api/aid/my/claims").with(httpBasic("worker", PASSWORD))).andExpect(status().isOk())
			.andExpect(jsonPath("$[*].id", hasItem((int) zhangClaim)))
			.andExpect(jsonPath("$[*].id", not(hasItem((int) zhouClaim))));
		mvc.perform(get("/api/aid/claims/" + zhouClaim).with(httpBasic("worker", PASSWORD))).andExpect(status().isNotFound());
		mvc.perform(get("/api/aid/claims/" + zhangClaim).with(httpBasic("worker", PASSWORD))).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("WAITING_DOCUMENTS"));
		mvc.perform(get("/api/aid/claims/" + zhangClaim).with(httpBasic("fengtai", PASSWORD))).andExpect(status().isNotFound());
		mvc.perform(get("/api/aid/claims").with(httpBasic("worker", PASSWORD))).andExpect(status().isForbidden());
		mvc.perform(get("/aid/my").with(as("worker"))).andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString(AidDemo.ACCIDENT)));
		mvc.perform(get("/me").with(as("worker"))).andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("aid-claim-" + zhangClaim)));
		mvc.perform(get("/aid/my/claims/" + zhouClaim).with(as("worker"))).andExpect(status().isNotFound());
		mvc.perform(get("/aid/claims").with(as("worker"))).andExpect(status().isForbidden());
		mvc.perform(get("/aid/my").with(as("fengtai"))).andExpect(status().isForbidden());
	}

	@Test
	void onThePageTheUnionUnticksTheMembersWhoDeclineWithinTheMinimumParticipation() throws Exception {
		long plan = created(mvc.perform(post("/api/aid/plans").with(httpBasic("fengtai", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
				.content(planJson(id(jdbc, "丰台区总工会"), "逐人参保互助", 0).replace("\"maxShares\": 2,", "\"maxShares\": 2, \"minParticipationPercent\": 50,")))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
		// The 丰台 union with the most active members (the demo's 六里桥 couriers), so that half of them is a real choice.
		long union = jdbc.sql("select m.union_id from member m join organization o on o.id = m.union_id where o.path like :p and m.status = 'ACTIVE'"
				+ " group by m.union_id order by count(*) desc, m.union_id fetch first 1 rows only")
			.param("p", jdbc.sql("select path from organization where name = '丰台区总工会'").query(String.class).single() + "%").query(Long.class).single();
		List<Long> active = jdbc.sql("select id from member where union_id = :u and status = 'ACTIVE' order by id").param("u", union).query(Long.class).list();
		assertThat(active).hasSizeGreaterThanOrEqualTo(3);
		String start = today().toString();
		mvc.perform(post("/aid/plans/" + plan + "/enrol").with(as("fengtai")).with(csrf()).param("unionId", "" + union).param("shares", "1")
				.param("termStartsOn", start).param("choose", "1"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("本计划最低参保比例 50%，至少 " + (active.size() + 1) / 2 + " 人")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("name=\"memberIds\" value=\"" + active.get(0) + "\"")));
		long before = count(jdbc, "aid_enrolment");
		// One member of several is under 50 %; none ticked is nothing to enrol; a member of another union is not eligible.
		for (List<Long> ids : List.of(active.subList(0, 1), List.<Long>of(), List.of(jdbc.sql("select id from member where name = '张伟'").query(Long.class).single()))) {
			var request = post("/aid/plans/" + plan + "/enrol").with(as("fengtai")).with(csrf()).param("unionId", "" + union).param("shares", "1")
				.param("termStartsOn", start).param("chosen", "true");
			ids.forEach(i -> request.param("memberIds", "" + i));
			mvc.perform(request).andExpect(status().isBadRequest())
				.andExpect(content().string(org.hamcrest.Matchers.containsString("choose-form")));
		}
		assertThat(count(jdbc, "aid_enrolment")).isEqualTo(before);
		List<Long> half = active.subList(0, (active.size() + 1) / 2);
		var request = post("/aid/plans/" + plan + "/enrol").with(as("fengtai")).with(csrf()).param("unionId", "" + union).param("shares", "1")
			.param("termStartsOn", start).param("chosen", "true");
		half.forEach(i -> request.param("memberIds", "" + i));
		mvc.perform(request).andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("select members from aid_enrolment where plan_id = :p").param("p", plan).query(Integer.class).single()).isEqualTo(half.size());
		assertThat(jdbc.sql("select member_id from aid_cover where plan_id = :p order by member_id").param("p", plan).query(Long.class).list())
			.containsExactlyElementsOf(half);
	}

	@Test
	void staffPagesShowTheDemo() throws Exception {
		mvc.perform(get("/aid/plans").with(as("fengtai"))).andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString(AidDemo.HOSPITAL)));
		mvc.perform(get("/aid/claims").with(as("fengtai"))).andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("周杰")))
			.andExpect(content().string(not(org.hamcrest.Matchers.containsString("张伟"))));
		mvc.perform(get("/aid/claims").param("overdue", "true").with(as("longtan"))).andExpect(status().isOk());
		mvc.perform(get("/aid/plans/new").with(as("beijing"))).andExpect(status().isOk());
	}

	/** The demo plan names, as the demo writes them. */
	static final class AidDemo {
		static final String HOSPITAL = "北京市在职职工住院医疗互助保障";
		static final String ACCIDENT = "北京市职工意外伤害互助保障";
	}
}
