package org.gonghui.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gonghui.TestOrganizations.employerId;
import static org.gonghui.TestOrganizations.id;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

/**
 * Founding status and outreach visits through the pages and the JSON API: the data scope (丰台 staff
 * cannot see or touch 龙潭's employers and visits: 404, or a field error when an id is a form value),
 * who may write, Chinese messages, escaping and CSRF. The demo data is seeded with the real clock, so
 * dates are relative to today in Beijing.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({ "demo", "test" })
@Transactional
class FoundingAndVisitsWebTests {

	private static final String PASSWORD = "gonghui-demo";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	private static LocalDate today() {
		return LocalDate.now(ZoneId.of("Asia/Shanghai"));
	}

	private long visitOf(String employer) {
		return jdbc.sql("select v.id from outreach_visit v join employer e on e.id = v.employer_id where e.name = :name order by v.id")
			.param("name", employer).query(Long.class).list().get(0);
	}

	private long visitCount() {
		return jdbc.sql("select count(*) from outreach_visit").query(Long.class).single();
	}

	@Test
	void anonymousCallersAndWorkersAreKeptOut() throws Exception {
		mvc.perform(get("/visits")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
		mvc.perform(get("/visits/overdue")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
		mvc.perform(get("/api/visits")).andExpect(status().isUnauthorized());
		mvc.perform(get("/api/visits").with(httpBasic("worker", PASSWORD))).andExpect(status().isForbidden());
		mvc.perform(get("/api/visits/overdue").with(httpBasic("worker", PASSWORD))).andExpect(status().isForbidden());
		mvc.perform(post("/api/employers/" + employerId(jdbc, "良苑餐厅") + "/founding").with(httpBasic("worker", PASSWORD))
			.contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"PREPARING\"}")).andExpect(status().isForbidden());
	}

	@Test
	@WithUserDetails("worker")
	void workersCannotOpenTheVisitPages() throws Exception {
		mvc.perform(get("/visits").accept(MediaType.TEXT_HTML)).andExpect(status().isForbidden());
		mvc.perform(get("/visits/overdue").accept(MediaType.TEXT_HTML)).andExpect(status().isForbidden());
	}

	@Test
	void apiListsOnlyTheCallersVisits() throws Exception {
		mvc.perform(get("/api/visits").with(httpBasic("fengtai", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.totalElements").value(3))
			.andExpect(jsonPath("$.content[*].employerName", hasItem("北京恒通达物流有限公司")))
			.andExpect(jsonPath("$.content[*].employerName", not(hasItem("良苑餐厅"))))
			.andExpect(jsonPath("$.content[*].employerName", not(hasItem("京东快递（龙潭站）"))))
			.andExpect(jsonPath("$.content[0].visitDate").value(today().minusDays(9).toString()))
			.andExpect(jsonPath("$.content[0].staffName").value("丰台区总工会工作人员"));
		mvc.perform(get("/api/visits/overdue").with(httpBasic("fengtai", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.totalElements").value(1))
			.andExpect(jsonPath("$.content[0].employerName").value("北京恒通达物流有限公司"))
			.andExpect(jsonPath("$.content[0].followUp").value("OVERDUE"))
			.andExpect(jsonPath("$.content[0].daysOverdue").value(6));
		mvc.perform(get("/api/visits/overdue").with(httpBasic("longtan", PASSWORD)))
			.andExpect(jsonPath("$.content[*].employerName", hasItem("良苑餐厅")))
			.andExpect(jsonPath("$.content[*].employerName", not(hasItem("北京恒通达物流有限公司"))));
		mvc.perform(get("/api/visits").param("from", "2026-13-01").with(httpBasic("fengtai", PASSWORD))).andExpect(status().isBadRequest());
	}

	@Test
	void visitsOutsideTheScopeLookExactlyLikeMissingOnes() throws Exception {
		long longtanVisit = visitOf("良苑餐厅");
		long missing = jdbc.sql("select max(id) from outreach_visit").query(Long.class).single() + 1000;
		String missingBody = mvc.perform(get("/api/visits/" + missing).with(httpBasic("fengtai", PASSWORD)))
			.andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		String outsideBody = mvc.perform(get("/api/visits/" + longtanVisit).with(httpBasic("fengtai", PASSWORD)))
			.andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(outsideBody).isEqualTo(missingBody.replace(String.valueOf(missing), String.valueOf(longtanVisit)));
		mvc.perform(get("/api/visits/" + longtanVisit).with(httpBasic("longtan", PASSWORD))).andExpect(status().isOk())
			.andExpect(jsonPath("$.employerName").value("良苑餐厅"));
		mvc.perform(get("/api/visits").param("employerId", String.valueOf(employerId(jdbc, "良苑餐厅"))).with(httpBasic("fengtai", PASSWORD)))
			.andExpect(status().isNotFound());
		mvc.perform(post("/api/visits/" + longtanVisit + "/follow-up-done").with(httpBasic("fengtai", PASSWORD))).andExpect(status().isNotFound());
		assertThat(jdbc.sql("select follow_up_done from outreach_visit where id = :id").param("id", longtanVisit).query(Boolean.class).single())
			.isFalse();
	}

	@Test
	void apiRecordsVisitsAndRefusesOtherFederationsEmployers() throws Exception {
		long before = visitCount();
		mvc.perform(post("/api/visits").with(httpBasic("fengtai", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"employerId\":" + employerId(jdbc, "良苑餐厅") + ",\"visitDate\":\"" + today() + "\",\"purpose\":\"越界走访\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(header().string("Content-Type", startsWith("application/problem+json")))
			.andExpect(jsonPath("$.errors[0].field").value("employerId"))
			.andExpect(jsonPath("$.errors[0].message").value("单位不存在或不在您的管理范围内"));
		mvc.perform(post("/api/visits").with(httpBasic("fengtai", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"employerId\":" + employerId(jdbc, "北京恒通达物流有限公司") + ",\"visitDate\":\"" + today() + "\",\"purpose\":\"回访\","
					+ "\"followUpDate\":\"" + today().minusDays(1) + "\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'followUpDate')].message").value(hasItem("跟进日期不能早于走访日期")));
		mvc.perform(post("/api/visits").with(httpBasic("fengtai", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"employerId\":1,\"visitDate\":\"yesterday\",\"purpose\":\"回访\"}"))
			.andExpect(status().isBadRequest());
		assertThat(visitCount()).isEqualTo(before);

		mvc.perform(post("/api/visits").with(httpBasic("fengtai", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"employerId\":" + employerId(jdbc, "北京恒通达物流有限公司") + ",\"visitDate\":\"" + today() + "\",\"purpose\":\"回访\","
					+ "\"staffUsername\":\"someone-else\",\"foundingStatus\":\"CONTACTED\"}"))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", startsWith("/api/visits/")))
			.andExpect(jsonPath("$.staffUsername").value("fengtai"))
			.andExpect(jsonPath("$.followUp").value("NONE"));
		mvc.perform(get("/api/employers/" + employerId(jdbc, "北京恒通达物流有限公司")).with(httpBasic("fengtai", PASSWORD)))
			.andExpect(jsonPath("$.foundingStatus").value("CONTACTED"))
			.andExpect(jsonPath("$.foundedUnionId").doesNotExist());
	}

	@Test
	void apiChangesTheFoundingStatusWithinTheScope() throws Exception {
		long firm = employerId(jdbc, "北京云图互联科技有限公司");
		mvc.perform(post("/api/employers/" + employerId(jdbc, "良苑餐厅") + "/founding").with(httpBasic("fengtai", PASSWORD))
			.contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"PREPARING\"}")).andExpect(status().isNotFound());
		mvc.perform(get("/api/employers/" + employerId(jdbc, "良苑餐厅") + "/founding").with(httpBasic("fengtai", PASSWORD)))
			.andExpect(status().isNotFound());
		mvc.perform(post("/api/employers/" + firm + "/founding").with(httpBasic("fengtai", PASSWORD))
			.contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"FOUNDED\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("unionId"))
			.andExpect(jsonPath("$.errors[0].message").value("状态为“已建会”时须选择所建的工会"));
		mvc.perform(post("/api/employers/" + firm + "/founding").with(httpBasic("fengtai", PASSWORD))
			.contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"EMPEROR\"}")).andExpect(status().isBadRequest());
		long union = id(jdbc, "丰台区新就业形态劳动者联合工会");
		mvc.perform(post("/api/employers/" + firm + "/founding").with(httpBasic("fengtai", PASSWORD))
			.contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"FOUNDED\",\"unionId\":" + union + ",\"note\":\"加入联合工会\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.foundingStatus").value("FOUNDED"))
			.andExpect(jsonPath("$.foundedUnionId").value(union))
			.andExpect(jsonPath("$.foundedUnionName").value("丰台区新就业形态劳动者联合工会"));
		mvc.perform(get("/api/employers/" + firm + "/founding").with(httpBasic("fengtai", PASSWORD)))
			.andExpect(jsonPath("$[0].to").value("FOUNDED"))
			.andExpect(jsonPath("$[0].actor").value("fengtai"))
			.andExpect(jsonPath("$[0].note").value("加入联合工会"));
		mvc.perform(post("/api/employers/" + firm + "/founding").with(httpBasic("fengtai", PASSWORD))
			.contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"NOT_STARTED\",\"note\":\"误录\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value("已建会单位的建会状态只能由系统管理员更改"));
	}

	@Test
	@WithUserDetails("fengtai")
	void visitPagesShowTheScopeOnly() throws Exception {
		mvc.perform(get("/visits"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("北京恒通达物流有限公司")))
			.andExpect(content().string(containsString("登记走访")))
			.andExpect(content().string(not(containsString("良苑餐厅"))))
			.andExpect(content().string(not(containsString("<script>"))))
			.andExpect(content().string(not(containsString(" style=\""))))
			.andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")));
		mvc.perform(get("/visits/overdue"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("北京恒通达物流有限公司")))
			.andExpect(content().string(not(containsString("北京康惠家政服务有限公司"))))
			.andExpect(content().string(not(containsString("良苑餐厅"))));
		mvc.perform(get("/visits").param("employerId", String.valueOf(employerId(jdbc, "北京康惠家政服务有限公司"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("“北京康惠家政服务有限公司”的走访记录")))
			.andExpect(content().string(containsString("已跟进")));
		for (String url : new String[] { "/visits?employerId=" + employerId(jdbc, "良苑餐厅"), "/employers/" + employerId(jdbc, "良苑餐厅") }) {
			mvc.perform(get(url).accept(MediaType.TEXT_HTML)).andExpect(status().isNotFound());
		}
		mvc.perform(get("/visits").param("from", "not-a-date").accept(MediaType.TEXT_HTML)).andExpect(status().isBadRequest());
		mvc.perform(post("/visits/" + visitOf("良苑餐厅") + "/follow-up-done").with(csrf())).andExpect(status().isNotFound());
		mvc.perform(post("/employers/" + employerId(jdbc, "良苑餐厅") + "/founding").with(csrf()).param("status", "PREPARING"))
			.andExpect(status().isNotFound());
		assertThat(jdbc.sql("select founding_status from employer where name = '良苑餐厅'").query(String.class).single()).isEqualTo("CONTACTED");
	}

	@Test
	@WithUserDetails("fengtai")
	void visitFormShowsChineseProblemsAndEscapesHtml() throws Exception {
		long firm = employerId(jdbc, "北京恒通达物流有限公司");
		long before = visitCount();
		mvc.perform(post("/visits").with(csrf()).param("employerId", String.valueOf(firm)).param("visitDate", today().toString())
			.param("purpose", "回访").param("followUpDate", today().minusDays(2).toString()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("跟进日期不能早于走访日期")));
		mvc.perform(post("/visits").with(csrf()).param("employerId", String.valueOf(employerId(jdbc, "良苑餐厅"))).param("visitDate", today().toString())
			.param("purpose", "越界"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("单位不存在或不在您的管理范围内")));
		mvc.perform(post("/visits").with(csrf()).param("employerId", String.valueOf(firm)).param("visitDate", today().toString())
			.param("purpose", "回访").param("followUpDate", "2026-02-30"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("格式不正确")));
		mvc.perform(post("/visits").with(csrf()).param("employerId", String.valueOf(employerId(jdbc, "泛华集团"))).param("visitDate", today().toString())
			.param("purpose", "回访").param("foundingStatus", "NOT_STARTED"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("已建会单位的建会状态只能由系统管理员更改")));
		mvc.perform(post("/visits").param("employerId", String.valueOf(firm)).param("visitDate", today().toString()).param("purpose", "无令牌"))
			.andExpect(status().isForbidden());
		assertThat(visitCount()).isEqualTo(before);

		String evil = "<img src=x onerror=alert(1)>";
		mvc.perform(post("/visits").with(csrf()).param("employerId", String.valueOf(firm)).param("visitDate", today().toString())
			.param("purpose", evil).param("followUpDate", today().plusDays(3).toString()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/visits?employerId=" + firm));
		mvc.perform(get("/visits").param("employerId", String.valueOf(firm)))
			.andExpect(content().string(containsString("&lt;img src=x onerror=alert(1)&gt;")))
			.andExpect(content().string(not(containsString(evil))));
		long created = jdbc.sql("select max(id) from outreach_visit").query(Long.class).single();
		mvc.perform(post("/visits/" + created + "/follow-up-done").with(csrf()).param("back", "overdue"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/visits/overdue"));
		assertThat(jdbc.sql("select follow_up_done_by from outreach_visit where id = :id").param("id", created).query(String.class).single())
			.isEqualTo("fengtai");
	}

	@Test
	@WithUserDetails("fengtai")
	void employerPageShowsAndChangesTheFoundingStatus() throws Exception {
		long fanhua = employerId(jdbc, "泛华集团");
		mvc.perform(get("/employers/" + fanhua))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("建会情况")))
			.andExpect(content().string(containsString("已建会")))
			.andExpect(content().string(containsString("泛华集团工会")))
			.andExpect(content().string(containsString("系统上线前已建会，补录")))
			// Staff cannot change a founded employer, so the page does not offer it.
			.andExpect(content().string(containsString("已建会单位的建会状态只能由系统管理员更改")))
			.andExpect(content().string(not(containsString("更新建会状态"))));
		mvc.perform(get("/employers")).andExpect(content().string(containsString("未建会")));

		long firm = employerId(jdbc, "北京康惠家政服务有限公司");
		mvc.perform(post("/employers/" + firm + "/founding").with(csrf()).param("status", "FOUNDED"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("状态为“已建会”时须选择所建的工会")));
		mvc.perform(post("/employers/" + firm + "/founding").with(csrf()).param("status", "PREPARING").param("note", "召开筹备会"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/employers/" + firm));
		mvc.perform(get("/employers/" + firm))
			.andExpect(content().string(containsString("筹备中")))
			.andExpect(content().string(containsString("召开筹备会")));
		mvc.perform(post("/employers/" + firm + "/founding").param("status", "CONTACTED").param("note", "无令牌"))
			.andExpect(status().isForbidden());
		assertThat(jdbc.sql("select founding_status from employer where id = :id").param("id", firm).query(String.class).single())
			.isEqualTo("PREPARING");
	}

	@Test
	@WithUserDetails("admin")
	void administratorsAreOfferedTheFoundingFormForFoundedEmployers() throws Exception {
		mvc.perform(get("/employers/" + employerId(jdbc, "泛华集团")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("更新建会状态")))
			.andExpect(content().string(not(containsString("已建会单位的建会状态只能由系统管理员更改"))));
	}

	@Test
	@WithUserDetails("longtan")
	void historyTimesAreShownInBeijingTime() throws Exception {
		// The demo records the visit that moved 京东快递 to 筹备中 at 10:00 Beijing time, 15 days ago.
		mvc.perform(get("/employers/" + employerId(jdbc, "京东快递（龙潭站）")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(today().minusDays(15) + " 10:00")))
			.andExpect(content().string(containsString("筹备中")));
	}

	@Test
	@WithUserDetails("counsellor")
	void counsellorsReadVisitsButNeitherRecordNorFindThemInTheMenu() throws Exception {
		mvc.perform(get("/visits")).andExpect(status().isOk()).andExpect(content().string(not(containsString("登记走访"))));
		mvc.perform(get("/")).andExpect(content().string(not(containsString("href=\"/visits\""))));
		long school = employerId(jdbc, "北京市陈经纶中学");
		mvc.perform(post("/visits").with(csrf()).param("employerId", String.valueOf(school)).param("visitDate", today().toString())
			.param("purpose", "回访")).andExpect(status().isForbidden());
		mvc.perform(post("/employers/" + school + "/founding").with(csrf()).param("status", "PREPARING").param("note", "x"))
			.andExpect(status().isForbidden());
	}

	@Test
	@WithUserDetails("fengtai")
	void staffFindVisitsInTheMenu() throws Exception {
		mvc.perform(get("/")).andExpect(content().string(containsString("href=\"/visits\""))).andExpect(content().string(containsString("走访服务")));
	}
}
