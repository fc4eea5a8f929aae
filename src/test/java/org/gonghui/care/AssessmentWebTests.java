package org.gonghui.care;

import static org.gonghui.TestOrganizations.id;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
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
import org.springframework.transaction.annotation.Transactional;

/** Self-assessment over HTTP: the acceptance paths, nobody else reads a result, counts only for staff, the step-by-step pages. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({ "demo", "test" })
@Transactional
class AssessmentWebTests {

	private static final String PASSWORD = "gonghui-demo";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	@Test
	void theApiScoresStoresAndHidesAResult() throws Exception {
		String answer = mvc.perform(post("/api/assessments").with(httpBasic("worker", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"instrument\":\"PHQ9\",\"answers\":[2,2,2,2,2,0,0,0,1],\"consent\":true}"))
			.andExpect(status().isCreated()).andExpect(jsonPath("$.score").value(11)).andExpect(jsonPath("$.band").value("MODERATE"))
			.andExpect(jsonPath("$.safetyFollowUp").value(true)).andReturn().getResponse().getContentAsString();
		long id = Long.parseLong(answer.replaceAll("^\\{\"id\":(\\d+).*", "$1"));
		mvc.perform(get("/api/assessments/" + id).with(httpBasic("worker", PASSWORD))).andExpect(status().isOk())
			.andExpect(jsonPath("$.answers[8]").value(1));
		for (String other : new String[] { "admin", "longtan", "counsellor", "fengtai" }) {
			mvc.perform(get("/api/assessments/" + id).with(httpBasic(other, PASSWORD))).andExpect(status().isNotFound());
		}
		mvc.perform(get("/api/assessments/" + id)).andExpect(status().isUnauthorized());
		mvc.perform(post("/api/assessments").with(httpBasic("worker", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"instrument\":\"GAD7\",\"answers\":[0,0],\"consent\":false}")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.length()").value(2));
		mvc.perform(post("/api/assessments").with(httpBasic("worker", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"instrument\":\"ABC\",\"answers\":[0],\"consent\":true}")).andExpect(status().isBadRequest());
		mvc.perform(get("/api/care/figures").param("organizationId", String.valueOf(id(jdbc, "龙潭街道总工会"))).with(httpBasic("longtan", PASSWORD)))
			// The demo's on-site session at the 龙潭 caravan gave twelve PHQ-9, this test one more: the total shows, no band reaches ten.
			.andExpect(status().isOk()).andExpect(jsonPath("$.instruments[0].instrument").value("PHQ9"))
			.andExpect(jsonPath("$.instruments[0].taken.count").value(13))
			.andExpect(jsonPath("$.instruments[0].bands[*].count", everyItem(nullValue())))
			.andExpect(jsonPath("$.instruments[0].bands[*].suppressed", everyItem(is(true))))
			.andExpect(jsonPath("$.instruments[1].taken.suppressed").value(true))
			.andExpect(content().string(not(containsString("worker"))))
			.andExpect(content().string(not(containsString("王强"))));
		mvc.perform(get("/api/care/figures").param("organizationId", String.valueOf(id(jdbc, "龙潭街道总工会"))).with(httpBasic("worker", PASSWORD)))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/care/figures").param("organizationId", String.valueOf(id(jdbc, "龙潭街道总工会"))).with(httpBasic("chaoyang", PASSWORD)))
			.andExpect(status().isBadRequest());
	}

	@Test
	void thePagesAskConsentThenOneQuestionAtATime() throws Exception {
		var worker = user(users.loadUserByUsername("worker"));
		mvc.perform(get("/care").with(worker)).andExpect(status().isOk()).andExpect(content().string(containsString("PHQ-9")));
		mvc.perform(get("/care/assess/GAD7").with(worker)).andExpect(status().isOk()).andExpect(content().string(containsString("自愿")));
		mvc.perform(post("/care/assess/GAD7").with(worker).with(csrf())).andExpect(status().isBadRequest());
		mvc.perform(post("/care/assess/GAD7").with(worker).with(csrf()).param("consent", "true")).andExpect(status().isOk())
			.andExpect(content().string(containsString("第 1 题，共 7 题"))).andExpect(content().string(containsString("感觉紧张、焦虑或急切")));
		mvc.perform(post("/care/assess/GAD7").with(worker).with(csrf()).param("consent", "true").param("answers", "1,1").param("answer", "3"))
			.andExpect(status().isOk()).andExpect(content().string(containsString("第 4 题，共 7 题")));
		long before = jdbc.sql("select count(*) from care_assessment").query(Long.class).single();
		mvc.perform(post("/care/assess/GAD7").with(worker).with(csrf()).param("consent", "true").param("answers", "1,1,3,0,0,0").param("answer", "0"))
			.andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/care/assessments/*"));
		org.assertj.core.api.Assertions.assertThat(jdbc.sql("select count(*) from care_assessment").query(Long.class).single()).isEqualTo(before + 1);
		mvc.perform(get("/care/figures").with(user(users.loadUserByUsername("longtan")))).andExpect(status().isOk())
			.andExpect(content().string(containsString("&lt;10")));
		mvc.perform(get("/care/follow-ups").with(user(users.loadUserByUsername("counsellor")))).andExpect(status().isOk());
	}
}
