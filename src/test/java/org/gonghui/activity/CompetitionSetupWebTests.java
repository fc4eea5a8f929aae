package org.gonghui.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gonghui.TestOrganizations.id;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneId;

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

/** Setting a competition up on pages: the edition, rounds with host and judges, and the rules around them. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({ "demo", "test" })
@Transactional
class CompetitionSetupWebTests {

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

	private long count(String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	private long createCompetition() throws Exception {
		String location = mvc.perform(post("/competitions/new").with(as("fengtai")).with(csrf())
				.param("organizationId", String.valueOf(id(jdbc, "丰台区总工会"))).param("edition", "第一届").param("title", "丰台职工文艺汇演")
				.param("forms", "CHORUS").param("forms", "SKIT"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("message", "competition.created"))
			.andReturn().getResponse().getRedirectedUrl();
		return Long.parseLong(location.substring("/activities/manage/".length()));
	}

	private void addRound(long competition, String name, String level, String host, String judges) throws Exception {
		mvc.perform(post("/competitions/" + competition + "/rounds").with(as("fengtai")).with(csrf())
				.param("name", name).param("level", level).param("hostId", host == null ? "" : String.valueOf(id(jdbc, host)))
				.param("startsOn", today().plusDays(10).toString()).param("endsOn", today().plusDays(12).toString())
				.param("venue", "丰台区文化馆").param("advanceRule", "TOP_N").param("advanceN", "3").param("judges", judges))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("message", "competition.round.added"));
	}

	@Test
	void aCompetitionIsCreatedOnItsPageAndBadInputKeepsWhatWasTyped() throws Exception {
		mvc.perform(get("/competitions/new").with(as("fengtai")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"competition-form\"")));
		long before = count("activity");
		mvc.perform(post("/competitions/new").with(as("fengtai")).with(csrf())
				.param("organizationId", String.valueOf(id(jdbc, "丰台区总工会"))).param("title", "丰台职工文艺汇演").param("edition", ""))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("请选择至少一种节目形式")))
			.andExpect(content().string(containsString("value=\"丰台职工文艺汇演\"")));
		assertThat(count("activity")).isEqualTo(before);

		long id = createCompetition();
		mvc.perform(get("/activities/manage/" + id).with(as("fengtai")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"new-round\"")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("id=\"register-list\""))));
		// A worker may not set one up; another district does not see it.
		mvc.perform(get("/competitions/new").with(as("worker"))).andExpect(status().isForbidden());
		mvc.perform(get("/competitions/" + id + "/rounds/new").with(as("chaoyang"))).andExpect(status().isNotFound());
	}

	@Test
	void roundsTakeAHostInsideTheOrganiserAndOnlyKnownJudges() throws Exception {
		long id = createCompetition();
		mvc.perform(get("/competitions/" + id + "/rounds/new").with(as("fengtai")))
			.andExpect(status().isOk())
			// The host picker searches under the organiser only.
			.andExpect(content().string(containsString("/api/organizations/picker?kind=ANY&amp;within=" + id(jdbc, "丰台区总工会"))))
			.andExpect(content().string(containsString("这是第 1 轮")));
		long rounds = count("competition_round");
		mvc.perform(post("/competitions/" + id + "/rounds").with(as("fengtai")).with(csrf())
				.param("name", "基层初赛").param("level", "GRASSROOTS").param("hostId", String.valueOf(id(jdbc, "朝阳区总工会")))
				.param("startsOn", today().plusDays(12).toString()).param("endsOn", today().plusDays(10).toString())
				.param("advanceRule", "TOP_N").param("judges", "judge1、nobody-here"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("承办单位应是主办组织下属的单位或工会")))
			.andExpect(content().string(containsString("结束日期不能早于开始日期")))
			.andExpect(content().string(containsString("晋级名额应为 1 到 1000")))
			.andExpect(content().string(containsString("没有名为“nobody-here”的账户")))
			.andExpect(content().string(containsString("judge1、nobody-here")));
		assertThat(count("competition_round")).isEqualTo(rounds);

		addRound(id, "六里桥片区初赛", "GRASSROOTS", "六里桥街道总工会", "judge1, judge2\njudge3");
		addRound(id, "决赛", "FINAL", null, "judge4、judge5");
		assertThat(jdbc.sql("select count(*) from competition_judge j join competition_round r on r.id = j.round_id where r.activity_id = :a")
			.param("a", id).query(Long.class).single()).isEqualTo(5);
		mvc.perform(get("/activities/manage/" + id).with(as("fengtai")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("六里桥片区初赛")))
			.andExpect(content().string(containsString("judge4、judge5")));
	}

	@Test
	void onlyUnitsUnderTheFirstRoundsHostSubmitEntries() throws Exception {
		long id = createCompetition();
		addRound(id, "六里桥片区初赛", "GRASSROOTS", "六里桥街道总工会", "judge1");
		String outside = """
				{"title":"我和我的祖国","form":"CHORUS","unitId":%d,"performerCount":30}""".formatted(id(jdbc, "泛华集团工会"));
		long entries = count("competition_entry");
		mvc.perform(post("/api/competitions/" + id + "/entries").with(httpBasic("fengtai", "gonghui-demo")).contentType(MediaType.APPLICATION_JSON)
				.content(outside))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("unitId"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("首轮的承办组织")));
		assertThat(count("competition_entry")).isEqualTo(entries);
		mvc.perform(post("/api/competitions/" + id + "/entries").with(httpBasic("fengtai", "gonghui-demo")).contentType(MediaType.APPLICATION_JSON)
				.content(outside.replace(String.valueOf(id(jdbc, "泛华集团工会")), String.valueOf(id(jdbc, "六里桥街道总工会")))))
			.andExpect(status().isCreated());
	}

	@Test
	void aCancelledCompetitionTakesNoRounds() throws Exception {
		long id = createCompetition();
		mvc.perform(post("/activities/manage/" + id + "/status").with(as("fengtai")).with(csrf()).param("to", "CANCELLED").param("reason", "场地调整"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("message", "activity.status.changed"));
		long rounds = count("competition_round");
		mvc.perform(post("/competitions/" + id + "/rounds").with(as("fengtai")).with(csrf())
				.param("name", "决赛").param("level", "FINAL").param("startsOn", today().plusDays(10).toString())
				.param("endsOn", today().plusDays(10).toString()).param("judges", "judge1"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("比赛已取消或已结束，不能再添加轮次")));
		mvc.perform(post("/api/competitions/" + id + "/rounds").with(httpBasic("fengtai", "gonghui-demo")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"决赛\",\"level\":\"FINAL\",\"startsOn\":\"%s\",\"endsOn\":\"%s\"}".formatted(today().plusDays(10), today().plusDays(10))))
			.andExpect(status().isBadRequest());
		assertThat(count("competition_round")).isEqualTo(rounds);
		mvc.perform(get("/activities/manage/" + id).with(as("fengtai")))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("id=\"new-round\""))));
	}
}
