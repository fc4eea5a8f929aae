package org.gonghui.honor;

import static org.gonghui.TestOrganizations.id;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
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

/** The honours API and pages: the paths the acceptance checks use, errors, scope, the public showcase. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({ "demo", "test" })
@Transactional
class HonorWebTests {

	private static final String PASSWORD = "gonghui-demo";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.springframework.security.core.userdetails.UserDetailsService users;

	/** A page session of the account (pages sign in with the form, not HTTP Basic). */
	private org.springframework.test.web.servlet.request.RequestPostProcessor as(String username) {
		return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername(username));
	}

	private long createHonoree(String name) throws Exception {
		String body = "{\"name\":\"" + name + "\",\"organizationId\":" + id(jdbc, "泛华集团工会")
				+ ",\"employer\":\"泛华集团\",\"occupation\":\"钳工\",\"summary\":\"攻关能手\",\"public\":true}";
		String answer = mvc.perform(post("/api/honorees").with(httpBasic("fengtai", PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/honorees/")))
			.andExpect(jsonPath("$.isPublic").value(true))
			.andReturn().getResponse().getContentAsString();
		return Long.parseLong(answer.replaceAll(".*?\"id\":(\\d+).*", "$1"));
	}

	@Test
	void theApiRecordsConfersListsAndKeepsTheScope() throws Exception {
		long id = createHonoree("杜建军");
		mvc.perform(post("/api/honorees/" + id + "/honours").with(httpBasic("fengtai", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\":\"丰台区技术能手\",\"level\":\"DISTRICT\",\"year\":2025,\"conferredBy\":\"丰台区总工会\"}"))
			.andExpect(status().isCreated()).andExpect(jsonPath("$.id").isNumber());
		mvc.perform(get("/api/honorees").param("q", "杜建").param("level", "DISTRICT").with(httpBasic("fengtai", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.content[0].name").value("杜建军"))
			.andExpect(jsonPath("$.content[0].honors[0].title").value("丰台区技术能手"));
		mvc.perform(get("/api/honorees/" + id).with(httpBasic("fengtai", PASSWORD))).andExpect(status().isOk());
		// Outside the scope the record does not exist; bad input is a field-by-field 400.
		mvc.perform(get("/api/honorees/" + id).with(httpBasic("chaoyang", PASSWORD))).andExpect(status().isNotFound());
		mvc.perform(post("/api/honorees").with(httpBasic("fengtai", PASSWORD)).contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("summary")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("organizationId")));
		mvc.perform(post("/api/honorees/" + id + "/honours").with(httpBasic("fengtai", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\":\"全国劳动模范\",\"level\":\"NATIONAL\",\"year\":\"去年\"}")).andExpect(status().isBadRequest());
		mvc.perform(get("/api/honorees")).andExpect(status().isUnauthorized());
		mvc.perform(get("/api/honorees").with(httpBasic("worker", PASSWORD))).andExpect(status().isForbidden());
	}

	@Test
	void theShowcaseIsPublicAndShowsNoPersonalData() throws Exception {
		mvc.perform(get("/api/public/honorees").param("q", "高凤林"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.content[0].name").value("高凤林"))
			.andExpect(jsonPath("$.content[0].titles[0]").value("2018 大国工匠年度人物"))
			.andExpect(jsonPath("$.content[0].idNumber").doesNotExist());
		mvc.perform(get("/showcase").param("q", "时传祥")).andExpect(status().isOk()).andExpect(content().string(containsString("1959 全国劳动模范")));
		long hidden = jdbc.sql("select id from honoree where name = '赵国栋'").query(Long.class).single();
		jdbc.sql("update honoree set is_public = false where id = :id").param("id", hidden).update();
		mvc.perform(get("/showcase/" + hidden)).andExpect(status().isNotFound());
		mvc.perform(get("/showcase")).andExpect(content().string(not(containsString("赵国栋"))));
	}

	@Test
	void staffPagesListRecordAndConferAndKeepWhatWasTypedOnAnError() throws Exception {
		mvc.perform(get("/honorees").with(as("beijing"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("赵国栋"))).andExpect(content().string(containsString("id=\"honor-figures\"")));
		mvc.perform(post("/honorees").with(as("fengtai")).with(csrf()).param("name", "宋春来").param("summary", "")
			.param("organizationId", String.valueOf(id(jdbc, "泛华集团工会"))).param("occupation", "电工"))
			.andExpect(status().isBadRequest()).andExpect(content().string(containsString("value=\"宋春来\"")))
			.andExpect(content().string(containsString("field-error")));
		mvc.perform(post("/honorees").with(as("fengtai")).with(csrf()).param("name", "宋春来").param("summary", "电力抢修能手")
			.param("organizationId", String.valueOf(id(jdbc, "泛华集团工会"))).param("occupation", "电工"))
			.andExpect(status().isFound()).andExpect(redirectedUrlPattern("/honorees/*"));
		long id = jdbc.sql("select id from honoree where name = '宋春来'").query(Long.class).single();
		mvc.perform(post("/honorees/" + id + "/honours").with(as("fengtai")).with(csrf()).param("title", "先进职工").param("year", "2025"))
			.andExpect(status().isFound());
		mvc.perform(get("/honorees/" + id).with(as("fengtai"))).andExpect(content().string(containsString("2025")))
			.andExpect(content().string(containsString("先进职工")));
		mvc.perform(get("/honorees/" + id).with(as("chaoyang"))).andExpect(status().isNotFound());
		mvc.perform(get("/honorees").with(as("worker"))).andExpect(status().isForbidden());
	}

	@Test
	void workingDaysAreCountedOnTheOfficialCalendarWithClearErrors() throws Exception {
		mvc.perform(get("/api/working-days").param("from", "2026-09-30").param("days", "5")).andExpect(status().isOk())
			.andExpect(jsonPath("$.date").value("2026-10-12"));
		mvc.perform(get("/api/working-days").param("from", "2026-12-28").param("days", "5")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("from"));
		mvc.perform(get("/api/working-days").param("from", "2026-13-01").param("days", "5")).andExpect(status().isBadRequest());
		mvc.perform(get("/api/working-days").param("from", "2026-09-30")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("days"));
		mvc.perform(get("/api/calendar/2026")).andExpect(status().isOk()).andExpect(jsonPath("$[?(@.day == '2026-02-14')].kind").value(hasItem("WORKDAY")));
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/calendar/2027").with(httpBasic("fengtai", PASSWORD))
			.contentType(MediaType.APPLICATION_JSON).content("{\"source\":\"x\",\"days\":[]}")).andExpect(status().isForbidden());
	}
}
