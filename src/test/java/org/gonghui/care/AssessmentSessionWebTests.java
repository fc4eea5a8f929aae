package org.gonghui.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.annotation.Transactional;

import com.jayway.jsonpath.JsonPath;

/**
 * On-site assessments over HTTP with the demo data (李静's session at the 龙潭 caravan): 201 and 400 with nothing
 * stored on opening, 403 for anyone but a counsellor, 404 on another counsellor's session, a worker answering through
 * the code, and the pages of the counsellor and of the phone that scanned the code.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({ "demo", "test" })
@Transactional
class AssessmentSessionWebTests {

	private static final String PASSWORD = "gonghui-demo";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	private RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	private long sessions() {
		return jdbc.sql("select count(*) from care_assessment_session").query(Long.class).single();
	}

	@Test
	void aCounsellorOpensASessionAndAWorkerAnswersThroughItsCode() throws Exception {
		long before = sessions();
		for (String body : new String[] { "{}", "{\"title\":\" \"}", "{\"title\":\"大篷车\",\"hours\":0}", "{\"title\":\"大篷车\",\"hours\":\"x\"}" }) {
			mvc.perform(post("/api/care/sessions").with(httpBasic("counsellor", PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(body))
				.andExpect(status().isBadRequest());
		}
		for (String other : new String[] { "chaoyang", "admin", "worker" }) {
			mvc.perform(post("/api/care/sessions").with(httpBasic(other, PASSWORD)).contentType(MediaType.APPLICATION_JSON)
				.content("{\"title\":\"大篷车\"}")).andExpect(status().isForbidden());
		}
		assertThat(sessions()).isEqualTo(before);
		String created = mvc.perform(post("/api/care/sessions").with(httpBasic("counsellor", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\":\"心理关爱大篷车走进陈经纶中学\",\"place\":\"行政楼 203 室\",\"hours\":3}"))
			.andExpect(status().isCreated()).andExpect(jsonPath("$.open").value(true)).andReturn().getResponse().getContentAsString();
		long id = ((Number) JsonPath.read(created, "$.id")).longValue();
		String code = JsonPath.read(created, "$.code");
		String taken = mvc.perform(post("/api/assessments").with(httpBasic("worker", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"instrument\":\"GAD7\",\"answers\":[1,1,0,0,1,0,0],\"consent\":true,\"session\":\"" + code + "\"}"))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		long assessment = ((Number) JsonPath.read(taken, "$.id")).longValue();
		mvc.perform(get("/api/care/sessions/" + id).with(httpBasic("counsellor", PASSWORD)))
			.andExpect(status().isOk()).andExpect(jsonPath("$.results[0].assessmentId").value((int) assessment))
			.andExpect(jsonPath("$.results[0].workerName").value("张伟"));
		mvc.perform(get("/api/assessments/" + assessment).with(httpBasic("counsellor", PASSWORD))).andExpect(status().isOk());
		for (String other : new String[] { "counsellor2", "chaoyang", "longtan", "admin" }) {
			mvc.perform(get("/api/care/sessions/" + id).with(httpBasic(other, PASSWORD))).andExpect(status().isNotFound());
			mvc.perform(get("/api/assessments/" + assessment).with(httpBasic(other, PASSWORD))).andExpect(status().isNotFound());
		}
		mvc.perform(post("/api/care/sessions/" + id + "/close").with(httpBasic("counsellor2", PASSWORD))).andExpect(status().isNotFound());
		mvc.perform(post("/api/care/sessions/" + id + "/close").with(httpBasic("counsellor", PASSWORD))).andExpect(status().isNoContent());
		mvc.perform(post("/api/care/sessions/" + id + "/close").with(httpBasic("counsellor", PASSWORD))).andExpect(status().isConflict());
		long assessments = jdbc.sql("select count(*) from care_assessment").query(Long.class).single();
		mvc.perform(post("/api/assessments").with(httpBasic("worker", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"instrument\":\"GAD7\",\"answers\":[1,1,0,0,1,0,0],\"consent\":true,\"session\":\"" + code + "\"}"))
			.andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("care.session.closed"));
		assertThat(jdbc.sql("select count(*) from care_assessment").query(Long.class).single()).isEqualTo(assessments);
	}

	@Test
	void theCounsellorsPagesShowTheQrAndTheResultsAndThePhonePageNamesTheCounsellor() throws Exception {
		long demo = jdbc.sql("select id from care_assessment_session where title = '心理关爱大篷车走进京东快递龙潭站'").query(Long.class).single();
		String code = jdbc.sql("select code from care_assessment_session where id = :id").param("id", demo).query(String.class).single();
		mvc.perform(get("/care/desk/sessions").with(as("counsellor"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("心理关爱大篷车走进京东快递龙潭站")));
		mvc.perform(get("/care/desk/sessions/" + demo).with(as("counsellor"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("王强（京东快递员）")))
			.andExpect(content().string(not(containsString("id=\"session-qr\""))));
		mvc.perform(get("/care/desk/sessions/" + demo).with(as("counsellor2"))).andExpect(status().isNotFound());
		mvc.perform(get("/care/desk/sessions/" + demo).with(as("longtan"))).andExpect(status().isForbidden());
		mvc.perform(get("/care/desk/sessions/" + demo + "/qr.svg").with(as("counsellor2"))).andExpect(status().isNotFound());
		// Bad form input: 400, the form again with the problem, nothing stored.
		long before = sessions();
		mvc.perform(post("/care/desk/sessions").with(as("counsellor")).with(csrf()).param("title", "").param("hours", "30"))
			.andExpect(status().isBadRequest()).andExpect(content().string(containsString("role=\"alert\"")));
		assertThat(sessions()).isEqualTo(before);
		mvc.perform(post("/care/desk/sessions").with(as("counsellor")).with(csrf()).param("title", "团体辅导现场测评").param("hours", "2"))
			.andExpect(redirectedUrlPattern("/care/desk/sessions/*"));
		long open = jdbc.sql("select max(id) from care_assessment_session").query(Long.class).single();
		String openCode = jdbc.sql("select code from care_assessment_session where id = :id").param("id", open).query(String.class).single();
		mvc.perform(get("/care/desk/sessions/" + open).with(as("counsellor"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"session-qr\""))).andExpect(content().string(containsString("/care/s/" + openCode)));
		mvc.perform(get("/care/desk/sessions/" + open + "/qr.svg").with(as("counsellor"))).andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("image/svg+xml"));
		// The phone that scanned the code: the counsellor named, both instruments offered with the code; the demo one is over.
		mvc.perform(get("/care/s/" + openCode).with(as("worker"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("李静"))).andExpect(content().string(containsString("session=" + openCode)));
		mvc.perform(get("/care/assess/PHQ9").param("session", openCode).with(as("worker"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"session-share\""))).andExpect(content().string(not(containsString("id=\"shareWith\""))));
		mvc.perform(get("/care/s/" + code).with(as("worker"))).andExpect(status().isOk()).andExpect(content().string(containsString("id=\"session-over\"")));
		mvc.perform(get("/care/s/0123456789abcdef01234567").with(as("worker"))).andExpect(status().isNotFound());
		mvc.perform(get("/care/s/" + openCode).with(as("longtan"))).andExpect(status().isForbidden());
		mvc.perform(get("/care/s/" + openCode)).andExpect(status().is3xxRedirection());
		// The worker's history holds the demo result with its trend chart.
		mvc.perform(get("/care/assessments").with(as("worker"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"trend-chart\"")));
		mvc.perform(get("/api/care/sessions").with(httpBasic("counsellor", PASSWORD))).andExpect(jsonPath("$[*].id", hasItem((int) demo)));
	}
}
