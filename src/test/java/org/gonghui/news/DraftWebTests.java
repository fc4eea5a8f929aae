package org.gonghui.news;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.gonghui.TestOrganizations;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-click drafts from records of other modules over HTTP (POST /api/articles/drafts {kind, id} and the pages'
 * button): the house style with the record's facts, a clear reason and nothing stored when there is nothing to
 * report yet, 404 outside the scope, 403 for a worker, the button on the record's page.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({ "demo", "test" })
@Transactional
class DraftWebTests {

	private static final String PASSWORD = "gonghui-demo";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	private ResultActions draft(String user, String kind, long id) throws Exception {
		return mvc.perform(post("/api/articles/drafts").with(httpBasic(user, PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"kind\":\"" + kind + "\",\"id\":" + id + "}"));
	}

	private long plenary() {
		return jdbc.sql("select id from wp_meeting where term = 13 and session_no = 4").query(Long.class).single();
	}

	@Test
	void aDraftFromTheHeldPlenary() throws Exception {
		long meeting = plenary();
		draft("fengtai", "MEETING", meeting).andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("DRAFT"))
			.andExpect(jsonPath("$.organizationName").value("丰台区总工会"))
			.andExpect(jsonPath("$.headline").value("丰台区总工会第十三届第四次全体委员会议召开"))
			.andExpect(jsonPath("$.body", containsString("本报讯（记者 ")))
			.andExpect(jsonPath("$.body", containsString("召开第十三届第四次全体委员会议。")))
			.andExpect(jsonPath("$.body", containsString("王华作题为《")))
			.andExpect(jsonPath("$.body", containsString("泛华集团工会")))
			.andExpect(jsonPath("$.links[0].kind").value("MEETING")).andExpect(jsonPath("$.links[0].id").value((int) meeting))
			.andExpect(jsonPath("$.sourceKind").value("MEETING")).andExpect(jsonPath("$.bylines[0].username").value("fengtai"));
	}

	@Test
	void aMeetingNotYetHeldOutOfScopeOrForAWorkerMakesNothing() throws Exception {
		long meeting = plenary();
		long before = TestOrganizations.count(jdbc, "news_article");
		draft("chaoyang", "MEETING", meeting).andExpect(status().isNotFound());
		draft("worker", "MEETING", meeting).andExpect(status().isForbidden());
		draft("fengtai", "MEETING", 999999).andExpect(status().isNotFound());
		draft("fengtai", "PLAN", meeting).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("kind"));
		jdbc.sql("update wp_meeting set held_on = current_date + 30 where id = :id").param("id", meeting).update();
		mvc.perform(post("/api/articles/drafts").with(httpBasic("fengtai", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.header("Accept-Language", "zh-CN").content("{\"kind\":\"MEETING\",\"id\":" + meeting + "}")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("id"));
		assertThat(TestOrganizations.count(jdbc, "news_article")).isEqualTo(before);
		// The page's button: back to the meeting with the reason.
		mvc.perform(post("/articles/drafts").with(user(users.loadUserByUsername("fengtai"))).with(csrf()).param("kind", "MEETING")
			.param("id", String.valueOf(meeting)).locale(java.util.Locale.SIMPLIFIED_CHINESE)).andExpect(status().is3xxRedirection())
			.andExpect(header().string("Location", "/workplan/meetings/" + meeting))
			.andExpect(flash().attribute("errorText", containsString("会议召开后才能生成新闻稿")));
		assertThat(TestOrganizations.count(jdbc, "news_article")).isEqualTo(before);
	}

	@Test
	void theMeetingPageButtonOpensTheDraftInTheEditor() throws Exception {
		long meeting = plenary();
		var fengtai = user(users.loadUserByUsername("fengtai"));
		mvc.perform(get("/workplan/meetings/" + meeting).with(fengtai)).andExpect(content().string(containsString("id=\"draft-article\"")));
		String location = mvc.perform(post("/articles/drafts").with(fengtai).with(csrf()).param("kind", "MEETING").param("id", String.valueOf(meeting)))
			.andExpect(status().is3xxRedirection()).andExpect(header().string("Location", Matchers.matchesPattern("/articles/\\d+/edit")))
			.andReturn().getResponse().getRedirectedUrl();
		mvc.perform(get(location).with(fengtai)).andExpect(status().isOk()).andExpect(content().string(containsString("第十三届第四次全体委员会议")))
			.andExpect(content().string(not(containsString("id=\"draft-article\""))));
	}
	private long competition() {
		return jdbc.sql("select id from activity where title = '“五月的鲜花”职工歌咏比赛'").query(Long.class).single();
	}

	@Test
	void aDraftFromACompetitionsResults() throws Exception {
		long competition = competition();
		draft("yanqing", "COMPETITION", competition).andExpect(status().isCreated()).andExpect(jsonPath("$.organizationName").value("延庆区总工会"))
			.andExpect(jsonPath("$.headline").value("第四十届“五月的鲜花”职工歌咏比赛成绩揭晓"))
			.andExpect(jsonPath("$.body", containsString("八达岭镇基层初赛由八达岭镇总工会承办")))
			.andExpect(jsonPath("$.body", containsString("》获一等奖")))
			.andExpect(jsonPath("$.body", containsString("据了解，本次比赛共有")))
			.andExpect(jsonPath("$.body", not(containsString("judge"))))
			.andExpect(jsonPath("$.links[0].kind").value("COMPETITION")).andExpect(jsonPath("$.sourceKind").value("COMPETITION"));
		var yanqing = user(users.loadUserByUsername("yanqing"));
		mvc.perform(get("/activities/manage/" + competition).with(yanqing)).andExpect(content().string(containsString("id=\"draft-article\"")));
		mvc.perform(post("/articles/drafts").with(yanqing).with(csrf()).param("kind", "COMPETITION").param("id", String.valueOf(competition)))
			.andExpect(status().is3xxRedirection()).andExpect(header().string("Location", Matchers.matchesPattern("/articles/\\d+/edit")));
	}

	@Test
	void aCompetitionWithoutResultsOutOfScopeOrForAWorkerMakesNothing() throws Exception {
		long competition = competition();
		long before = TestOrganizations.count(jdbc, "news_article");
		draft("fengtai", "COMPETITION", competition).andExpect(status().isNotFound());
		draft("worker", "COMPETITION", competition).andExpect(status().isForbidden());
		jdbc.sql("update competition_round set closed_at = null, closed_by = null where activity_id = :id").param("id", competition).update();
		draft("yanqing", "COMPETITION", competition).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("id"));
		var yanqing = user(users.loadUserByUsername("yanqing"));
		mvc.perform(get("/activities/manage/" + competition).with(yanqing)).andExpect(content().string(not(containsString("id=\"draft-article\""))));
		mvc.perform(post("/articles/drafts").with(yanqing).with(csrf()).param("kind", "COMPETITION").param("id", String.valueOf(competition))
			.locale(java.util.Locale.SIMPLIFIED_CHINESE)).andExpect(header().string("Location", "/activities/manage/" + competition))
			.andExpect(flash().attribute("errorText", containsString("成绩公布后才能生成新闻稿")));
		assertThat(TestOrganizations.count(jdbc, "news_article")).isEqualTo(before);
	}
	private long campaign() {
		return jdbc.sql("select id from honor_campaign where honor_title = '丰台区工匠'").query(Long.class).single();
	}

	@Test
	void aDraftFromAConferment() throws Exception {
		long campaign = campaign();
		draft("fengtai", "CONFERMENT", campaign).andExpect(status().isCreated()).andExpect(jsonPath("$.organizationName").value("丰台区总工会"))
			.andExpect(jsonPath("$.body", containsString("丰台区总工会授予1名职工")))
			.andExpect(jsonPath("$.body", containsString("马卫国（泛华集团，焊接技师）")))
			.andExpect(jsonPath("$.body", not(containsString("*"))))
			.andExpect(jsonPath("$.links[0].kind").value("HONOREE")).andExpect(jsonPath("$.sourceKind").value("CONFERMENT"));
		var fengtai = user(users.loadUserByUsername("fengtai"));
		mvc.perform(get("/campaigns/" + campaign).with(fengtai)).andExpect(content().string(containsString("id=\"draft-article\"")));
		mvc.perform(post("/articles/drafts").with(fengtai).with(csrf()).param("kind", "CONFERMENT").param("id", String.valueOf(campaign)))
			.andExpect(status().is3xxRedirection()).andExpect(header().string("Location", Matchers.matchesPattern("/articles/\\d+/edit")));
	}

	@Test
	void aCampaignThatConferredNobodyOutOfScopeOrForAWorkerMakesNothing() throws Exception {
		long campaign = campaign();
		long before = TestOrganizations.count(jdbc, "news_article");
		draft("chaoyang", "CONFERMENT", campaign).andExpect(status().isNotFound());
		draft("worker", "CONFERMENT", campaign).andExpect(status().isForbidden());
		jdbc.sql("update honor_nomination set stage = 'APPROVED' where campaign_id = :c and stage = 'CONFERRED'").param("c", campaign).update();
		draft("fengtai", "CONFERMENT", campaign).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("id"));
		var fengtai = user(users.loadUserByUsername("fengtai"));
		mvc.perform(get("/campaigns/" + campaign).with(fengtai)).andExpect(content().string(not(containsString("id=\"draft-article\""))));
		mvc.perform(post("/articles/drafts").with(fengtai).with(csrf()).param("kind", "CONFERMENT").param("id", String.valueOf(campaign))
			.locale(java.util.Locale.SIMPLIFIED_CHINESE)).andExpect(header().string("Location", "/campaigns/" + campaign))
			.andExpect(flash().attribute("errorText", containsString("有人获授称号后才能生成新闻稿")));
		assertThat(TestOrganizations.count(jdbc, "news_article")).isEqualTo(before);
	}
}
