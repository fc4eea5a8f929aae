package org.gonghui.workplan;

import static org.gonghui.TestOrganizations.id;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.gonghui.TestOrganizations.count;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

/**
 * The work-plan JSON API over the demo data: the paths the acceptance checks use, status codes by role and scope,
 * and bad input answering 400 with the fields named and nothing stored.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({ "demo", "test" })
@Transactional
class WorkplanApiWebTests {

	static final String PASSWORD = "gonghui-demo";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void metricsListCodesLabelsAndUnitsForStaffOnly() throws Exception {
		mvc.perform(get("/api/metrics").with(httpBasic("fengtai", PASSWORD))).andExpect(status().isOk())
			.andExpect(jsonPath("$[*].code", hasItem("sites-opened.OUTDOOR_WORKER_STATION")))
			.andExpect(jsonPath("$[?(@.code == 'sites-opened.OUTDOOR_WORKER_STATION')].label", hasItem("新建户外劳动者服务站点")))
			.andExpect(jsonPath("$[?(@.code == 'sites-opened.OUTDOOR_WORKER_STATION')].unit", hasItem("个")))
			.andExpect(jsonPath("$[?(@.code == 'care-assessments')].listsRecords", hasItem(false)));
		mvc.perform(get("/api/metrics")).andExpect(status().isUnauthorized());
		mvc.perform(get("/api/metrics").with(httpBasic("worker", PASSWORD))).andExpect(status().isForbidden());
	}

	@Test
	void aFigureIsForAnOrganisationInScopeAndAValidPeriod() throws Exception {
		long fengtai = id(jdbc, "丰台区总工会");
		mvc.perform(get("/api/metrics/members-joined/value").param("organizationId", Long.toString(fengtai)).param("from", "2026-01-01")
			.param("to", "2026-12-31").with(httpBasic("fengtai", PASSWORD))).andExpect(status().isOk())
			.andExpect(jsonPath("$.organizationName").value("丰台区总工会")).andExpect(jsonPath("$.value").isNumber());
		mvc.perform(get("/api/metrics/members-joined/value").param("organizationId", Long.toString(fengtai)).param("from", "2026-01-01")
			.param("to", "2026-12-31").with(httpBasic("chaoyang", PASSWORD))).andExpect(status().isNotFound());
		mvc.perform(get("/api/metrics/nothing/value").param("organizationId", Long.toString(fengtai)).param("from", "2026-12-31")
			.param("to", "2026-01-01").with(httpBasic("fengtai", PASSWORD))).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("metric"))).andExpect(jsonPath("$.errors[*].field", hasItem("to")));
		mvc.perform(get("/api/metrics/members-joined/value").param("organizationId", Long.toString(fengtai)).param("from", "kein Datum")
			.param("to", "2026-01-01").with(httpBasic("fengtai", PASSWORD))).andExpect(status().isBadRequest());
	}

	private String planBody(long org, int year) {
		return "{\"organizationId\": " + org + ", \"year\": " + year + ", \"targets\": [{\"metric\": \"sites-opened.OUTDOOR_WORKER_STATION\", \"value\": 50,"
				+ " \"label\": \"新建户外劳动者服务站点\"}, {\"metric\": \"sites-opened.WORKERS_HOME\", \"value\": 3, \"label\": \"建设职工之家\"}]}";
	}

	private long createPlan(String user, long org, int year) throws Exception {
		String body = mvc.perform(post("/api/plans").with(httpBasic(user, PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(planBody(org, year)))
			.andExpect(status().isCreated()).andExpect(jsonPath("$.id").isNumber()).andReturn().getResponse().getContentAsString();
		return Long.parseLong(body.replaceAll("\\D", ""));
	}

	@Test
	void aPlanIsCreatedAndItsProgressComesFromTheMetrics() throws Exception {
		long fengtai = id(jdbc, "丰台区总工会");
		long plan = createPlan("fengtai", fengtai, 2031);
		mvc.perform(get("/api/plans/" + plan + "/progress").with(httpBasic("fengtai", PASSWORD))).andExpect(status().isOk())
			.andExpect(jsonPath("$.targets[0].metric").value("sites-opened.OUTDOOR_WORKER_STATION")).andExpect(jsonPath("$.targets[0].value").value(50))
			.andExpect(jsonPath("$.targets[0].actual").value(0)).andExpect(jsonPath("$.targets[0].percent").value(0.0))
			.andExpect(jsonPath("$.targets[1].label").value("建设职工之家"));
		mvc.perform(get("/api/plans/" + plan + "/progress").with(httpBasic("chaoyang", PASSWORD))).andExpect(status().isNotFound());
		mvc.perform(get("/api/plans/" + plan).with(httpBasic("longtan", PASSWORD))).andExpect(status().isNotFound());
		mvc.perform(get("/api/plans/" + plan + "/progress").with(httpBasic("worker", PASSWORD))).andExpect(status().isForbidden());
		mvc.perform(post("/api/plans").with(httpBasic("fengtai", PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(planBody(fengtai, 2031)))
			.andExpect(status().isConflict());
	}

	@Test
	void badPlansAndPlansOutsideTheScopeAreRefusedAndNothingIsStored() throws Exception {
		long before = count(jdbc, "wp_plan");
		mvc.perform(post("/api/plans").with(httpBasic("fengtai", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"organizationId\": " + id(jdbc, "丰台区总工会") + ", \"targets\": [{\"metric\": \"made-up\", \"value\": -1}]}"))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[*].field", hasItem("year")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("targets[0].metric"))).andExpect(jsonPath("$.errors[*].field", hasItem("targets[0].value")));
		mvc.perform(post("/api/plans").with(httpBasic("chaoyang", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content(planBody(id(jdbc, "丰台区总工会"), 2031))).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("organizationId"));
		mvc.perform(post("/api/plans").with(httpBasic("fengtai", PASSWORD)).contentType(MediaType.APPLICATION_JSON).content("{\"year\": \"soon\""))
			.andExpect(status().isBadRequest());
		assertThat(count(jdbc, "wp_plan")).isEqualTo(before);
	}

	@Test
	void aMeetingAdoptsThePlanAndItsMinutesArePrinted() throws Exception {
		long fengtai = id(jdbc, "丰台区总工会");
		// Next year's plan (the demo's is this year's), adopted at a plenary in January, within the year ahead a meeting may be dated.
		int next = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear() + 1;
		long plan = createPlan("fengtai", fengtai, next);
		String body = "{\"organizationId\": " + fengtai + ", \"kind\": \"PLENARY\", \"term\": 13, \"session\": 9, \"date\": \"" + next + "-01-10\","
				+ " \"speeches\": [{\"organization\": \"丰台区教育工会\", \"speaker\": \"李老师\", \"title\": \"教育系统工会工作\"},"
				+ " {\"organization\": \"泛华集团工会\"}], \"adoptsPlanId\": " + plan + "}";
		String created = mvc.perform(post("/api/meetings").with(httpBasic("fengtai", PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isCreated()).andExpect(jsonPath("$.planAdopted").value(true)).andReturn().getResponse().getContentAsString();
		long meeting = Long.parseLong(created.replaceAll(".*\"id\":(\\d+).*", "$1"));
		mvc.perform(get("/api/plans/" + plan).with(httpBasic("fengtai", PASSWORD))).andExpect(jsonPath("$.status").value("ADOPTED"))
			.andExpect(jsonPath("$.adoptedOn").value(next + "-01-10"));
		mvc.perform(get("/api/meetings/" + meeting).with(httpBasic("fengtai", PASSWORD))).andExpect(status().isOk())
			.andExpect(jsonPath("$.speeches[1].organizationName").value("泛华集团工会")).andExpect(jsonPath("$.speeches[1].organizationId").isNumber());
		mvc.perform(get("/api/meetings/" + meeting + "/minutes.pdf").with(httpBasic("fengtai", PASSWORD))).andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/pdf")).andExpect(content().string(containsString("%PDF-")));
		mvc.perform(get("/api/meetings/" + meeting + "/minutes.pdf").with(httpBasic("chaoyang", PASSWORD))).andExpect(status().isNotFound());
		mvc.perform(get("/api/meetings/" + meeting).with(httpBasic("chaoyang", PASSWORD))).andExpect(status().isNotFound());
		long before = count(jdbc, "wp_meeting");
		mvc.perform(post("/api/meetings").with(httpBasic("fengtai", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"organizationId\": " + fengtai + ", \"kind\": \"PARTY\", \"term\": 13, \"session\": 10}")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("kind"))).andExpect(jsonPath("$.errors[*].field", hasItem("date")));
		mvc.perform(post("/api/meetings").with(httpBasic("worker", PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isForbidden());
		assertThat(count(jdbc, "wp_meeting")).isEqualTo(before);
	}
}
