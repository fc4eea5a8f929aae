package org.gonghui.activity;

import static org.gonghui.TestOrganizations.id;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
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

import com.jayway.jsonpath.JsonPath;

/**
 * A training camp through the API paths the acceptance checks use: create with a completion rule and an
 * issuer, publish, register, check in per session, finish (straight from published), list certificates,
 * download one, verify it publicly, revoke it, verify again.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({ "demo", "test" })
@Transactional
class CampApiWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aCampRunsFromCreationToAVerifiedCertificate() throws Exception {
		var staff = httpBasic("fengtai", "gonghui-demo");
		String body = """
				{"title":"劳模创新培训营（API）","kind":"TRAINING_CAMP","organizationId":%d,"capacity":109,"waitlistEnabled":false,
				 "completionRule":{"minAttendanceShare":0.66},"issuer":"清华大学继续教育学院",
				 "sessions":[{"title":"开班仪式","type":"CEREMONY","startsAt":"2030-07-01T01:00:00Z","endsAt":"2030-07-01T02:00:00Z","counts":true},
				             {"title":"专题报告","type":"REPORT","startsAt":"2030-07-01T03:00:00Z","endsAt":"2030-07-01T05:00:00Z","counts":true},
				             {"title":"企业参观","type":"VISIT","startsAt":"2030-07-02T01:00:00Z","endsAt":"2030-07-02T04:00:00Z","counts":true}]}"""
			.formatted(id(jdbc, "丰台区总工会"));
		String created = mvc.perform(post("/api/activities").with(staff).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.completionRule.minAttendanceShare").value(0.66))
			.andExpect(jsonPath("$.issuer").value("清华大学继续教育学院"))
			.andReturn().getResponse().getContentAsString();
		long camp = ((Number) JsonPath.read(created, "$.id")).longValue();
		long firstSession = ((Number) JsonPath.read(created, "$.sessions[0].id")).longValue();
		long secondSession = ((Number) JsonPath.read(created, "$.sessions[1].id")).longValue();
		mvc.perform(post("/api/activities/{id}/publish", camp).with(staff)).andExpect(status().isOk());

		long completes = ActivityFixtures.members(jdbc, "泛华集团工会", null, "学员", 1).get(0);
		long missesTwo = ActivityFixtures.members(jdbc, "泛华集团工会", null, "学员", 1).get(0);
		String codeA = checkInCode(camp, completes);
		String codeB = checkInCode(camp, missesTwo);
		checkIn(camp, codeA, firstSession);
		checkIn(camp, codeA, secondSession);
		checkIn(camp, codeB, firstSession);

		mvc.perform(post("/api/activities/{id}/finish", camp).with(staff))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("FINISHED"));
		String list = mvc.perform(get("/api/activities/{id}/certificates", camp).with(staff))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].memberId").value(completes))
			.andExpect(jsonPath("$[0].status").value("VALID"))
			.andReturn().getResponse().getContentAsString();
		String number = JsonPath.read(list, "$[0].number");

		mvc.perform(get("/api/certificates/{number}.pdf", number).with(staff))
			.andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.APPLICATION_PDF));
		mvc.perform(get("/verify/certificates/{number}", number)).andExpect(status().isOk()).andExpect(content().string(containsString("有效")));
		mvc.perform(post("/api/certificates/{number}/revoke", number).with(staff).contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isBadRequest());
		mvc.perform(post("/api/certificates/{number}/revoke", number).with(staff).contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\":\"培训记录有误\"}"))
			.andExpect(status().isOk());
		mvc.perform(get("/verify/certificates/{number}", number)).andExpect(status().isOk())
			.andExpect(content().string(containsString("已撤销")))
			.andExpect(content().string(not(containsString("培训记录有误"))));
	}

	private String checkInCode(long camp, long member) throws Exception {
		String registration = mvc.perform(post("/api/activities/{id}/registrations", camp).with(httpBasic("fengtai", "gonghui-demo"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"memberId\":" + member + "}"))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		long id = ((Number) JsonPath.read(registration, "$.id")).longValue();
		String read = mvc.perform(get("/api/registrations/{id}", id).with(httpBasic("fengtai", "gonghui-demo"))).andReturn().getResponse()
			.getContentAsString();
		return JsonPath.read(read, "$.checkInCode");
	}

	private void checkIn(long camp, String code, long session) throws Exception {
		mvc.perform(post("/api/activities/{id}/check-ins", camp).with(httpBasic("fengtai", "gonghui-demo")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"code\":\"%s\",\"sessionId\":%d}".formatted(code, session)))
			.andExpect(status().is2xxSuccessful());
	}
}
