package org.gonghui.activity;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;

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

/** The competition API paths the acceptance checks use, the public results, and the judges' pages, on the demo's 第四十届. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({ "demo", "test" })
@Transactional
class CompetitionWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	long competition() {
		return jdbc.sql("select activity_id from competition where edition = '第四十届'").query(Long.class).single();
	}

	long round(String name) {
		return jdbc.sql("select id from competition_round where name = :n").param("n", name).query(Long.class).single();
	}

	long entry(String title) {
		return jdbc.sql("select id from competition_entry where title = :t").param("t", title).query(Long.class).single();
	}

	String scores(long round) {
		return "/api/competitions/" + competition() + "/rounds/" + round + "/scores";
	}

	@Test
	void aJudgeScoresAnEntryOfTheirRoundOverTheApi() throws Exception {
		long fin = round("区级决赛");
		long entry = entry("长城谣");
		mvc.perform(post(scores(fin)).with(httpBasic("judge1", "gonghui-demo")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"entryId\":" + entry + ",\"score\":92.5}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.round.name").value("区级决赛"))
			.andExpect(jsonPath("$.lines[?(@.entry.id == " + entry + ")].myScore").value(92.5));
		// Changed before the close: still one score.
		mvc.perform(post(scores(fin)).with(httpBasic("judge1", "gonghui-demo")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"entryId\":" + entry + ",\"score\":100.0}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.lines[?(@.entry.id == " + entry + ")].myScore").value(100.0));
		org.assertj.core.api.Assertions.assertThat(jdbc.sql("select score from competition_score where round_id = :r and entry_id = :e")
			.param("r", fin).param("e", entry).query(BigDecimal.class).list()).singleElement()
			.satisfies(s -> org.assertj.core.api.Assertions.assertThat(s).isEqualByComparingTo("100.0"));
		// Another judge's sheet does not show it.
		mvc.perform(get("/api/competitions/" + competition() + "/rounds/" + fin + "/sheet").with(httpBasic("judge2", "gonghui-demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.lines[?(@.entry.id == " + entry + ")].myScore").value(org.hamcrest.Matchers.contains((Object) null)));

		mvc.perform(post(scores(fin)).with(httpBasic("judge1", "gonghui-demo")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"entryId\":" + entry + ",\"score\":100.1}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("score"))
			.andExpect(jsonPath("$.errors[0].message").value("分数应在 0 到 100 之间，最多一位小数"));
		mvc.perform(post(scores(fin)).with(httpBasic("judge1", "gonghui-demo")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"entryId\":" + entry + ",\"score\":85.25}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("score"));
		// 妫水之畔 did not reach the final.
		mvc.perform(post(scores(fin)).with(httpBasic("judge1", "gonghui-demo")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"entryId\":" + entry("妫水之畔") + ",\"score\":90}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("entryId"))
			.andExpect(jsonPath("$.errors[0].message").value("该节目不在本轮"));
		// The grassroots round is closed: its scores are frozen.
		mvc.perform(post(scores(round("八达岭镇基层初赛"))).with(httpBasic("judge1", "gonghui-demo")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"entryId\":" + entry + ",\"score\":60}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value("本轮已结束，分数已锁定"));
		// Not a judge of the round: 404 (the round's existence is not confirmed), staff included; nobody signed in: 401.
		for (String outsider : new String[] { "worker", "yanqing" }) {
			mvc.perform(post(scores(fin)).with(httpBasic(outsider, "gonghui-demo")).contentType(MediaType.APPLICATION_JSON)
					.content("{\"entryId\":" + entry + ",\"score\":90}"))
				.andExpect(status().isNotFound());
		}
		mvc.perform(post(scores(fin)).with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{\"entryId\":" + entry + ",\"score\":90}"))
			.andExpect(status().isUnauthorized());
		// A judge does not close the round.
		mvc.perform(post("/api/competitions/" + competition() + "/rounds/" + fin + "/close").with(httpBasic("judge1", "gonghui-demo")))
			.andExpect(status().isForbidden());
	}

	@Test
	void rankingsAndResultsArePublicOnceARoundIsClosed() throws Exception {
		mvc.perform(get("/api/competitions/" + competition() + "/rounds/" + round("八达岭镇基层初赛") + "/ranking"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(6)))
			.andExpect(jsonPath("$[0].title").value("我和我的祖国"))
			.andExpect(jsonPath("$[0].rank").value(1))
			.andExpect(jsonPath("$[0].score").value(94.167))
			.andExpect(jsonPath("$[0].judges").value(5))
			.andExpect(jsonPath("$[0].award").value("一等奖"));
		mvc.perform(get("/api/competitions/" + competition() + "/rounds/" + round("区级决赛") + "/ranking"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value("本轮尚未结束，成绩还未公布"));
		mvc.perform(get("/api/competitions/" + competition() + "/rounds/999999999/ranking")).andExpect(status().isNotFound());
		mvc.perform(get("/api/competitions/" + competition() + "/results"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.edition").value("第四十届"))
			.andExpect(jsonPath("$.rounds", hasSize(1)))
			.andExpect(jsonPath("$.rounds[0].round.name").value("八达岭镇基层初赛"))
			.andExpect(jsonPath("$.participation.units").value(3))
			.andExpect(jsonPath("$.participation.entries").value(6))
			.andExpect(jsonPath("$.participation.performers").value(155));
		// The organiser's view is not public.
		mvc.perform(get("/api/competitions/" + competition())).andExpect(status().isUnauthorized());
		mvc.perform(get("/api/competitions/" + competition()).with(httpBasic("chaoyang", "gonghui-demo"))).andExpect(status().isNotFound());
		mvc.perform(get("/api/competitions/" + competition()).with(httpBasic("yanqing", "gonghui-demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.rounds", hasSize(2)))
			.andExpect(jsonPath("$.entries", hasSize(6)));

		mvc.perform(get("/competitions/" + competition() + "/results"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("第四十届")))
			.andExpect(content().string(containsString("八达岭镇基层初赛")))
			.andExpect(content().string(containsString("去掉一个最高分和一个最低分")))
			.andExpect(content().string(not(containsString("区级决赛"))));
		mvc.perform(get("/competitions")).andExpect(status().isOk()).andExpect(content().string(containsString("第四十届")));
	}

	@Test
	@WithUserDetails("judge1")
	void aJudgeSeesTheirRoundsAndScoresOnThePage() throws Exception {
		long fin = round("区级决赛");
		long entry = entry("长城谣");
		mvc.perform(get("/judging"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("区级决赛")))
			.andExpect(content().string(containsString("八达岭镇基层初赛")));
		mvc.perform(get("/judging/" + competition() + "/rounds/" + fin))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("长城谣")))
			.andExpect(content().string(containsString("白衣天使之歌")))
			.andExpect(content().string(not(containsString("妫水之畔"))));
		mvc.perform(post("/judging/" + competition() + "/rounds/" + fin + "/scores").with(csrf()).param("entryId", String.valueOf(entry))
				.param("score", "88.5"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/judging/" + competition() + "/rounds/" + fin + "#entry-" + entry))
			.andExpect(flash().attribute("message", "competition.score.saved"));
		mvc.perform(get("/judging/" + competition() + "/rounds/" + fin))
			.andExpect(content().string(containsString("value=\"88.5\"")));
		mvc.perform(post("/judging/" + competition() + "/rounds/" + fin + "/scores").with(csrf()).param("entryId", String.valueOf(entry))
				.param("score", "九十"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("errorText", "分数应在 0 到 100 之间，最多一位小数"));
		mvc.perform(post("/judging/" + competition() + "/rounds/" + fin + "/scores").param("entryId", String.valueOf(entry)).param("score", "90"))
			.andExpect(status().isForbidden());
		// The closed round's sheet shows the judge's own scores, read only.
		mvc.perform(get("/judging/" + competition() + "/rounds/" + round("八达岭镇基层初赛")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("本轮已结束，分数已锁定。")))
			.andExpect(content().string(not(containsString("score-form"))));
	}

	@Test
	@WithUserDetails("worker")
	void aWorkerJudgesNothing() throws Exception {
		mvc.perform(get("/judging"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("您不是任何比赛轮次的评委。")));
		mvc.perform(get("/judging/" + competition() + "/rounds/" + round("区级决赛"))).andExpect(status().isNotFound());
		mvc.perform(post("/judging/" + competition() + "/rounds/" + round("区级决赛") + "/scores").with(csrf())
				.param("entryId", String.valueOf(entry("长城谣"))).param("score", "90"))
			.andExpect(status().isNotFound());
	}

	@Test
	@WithUserDetails("yanqing")
	void theOrganisersStaffSeeTheEntriesAndTheClosedSubmission() throws Exception {
		mvc.perform(get("/competitions/" + competition() + "/entries"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("报名轮次尚未设置或已结束")))
			.andExpect(content().string(containsString("白衣天使之歌")))
			.andExpect(content().string(not(containsString("id=\"entry-form\""))));
		mvc.perform(post("/competitions/" + competition() + "/entries").with(csrf()).param("title", "迟到的节目").param("form", "CHORUS")
				.param("unitId", String.valueOf(org.gonghui.TestOrganizations.id(jdbc, "八达岭长城旅游公司工会"))).param("performerCount", "10"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("errorText", "报名轮次尚未设置或已结束，不能再报送节目"));
	}

	@Test
	void pagesNeedASignInExceptTheResults() throws Exception {
		mvc.perform(get("/judging")).andExpect(status().is3xxRedirection());
		mvc.perform(get("/competitions/" + competition() + "/entries")).andExpect(status().is3xxRedirection());
	}
}
