package org.gonghui.workplan;

import static org.gonghui.TestOrganizations.id;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
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
}
