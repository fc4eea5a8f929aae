package org.gonghui.activity;

import static org.gonghui.TestOrganizations.id;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
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
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import com.jayway.jsonpath.JsonPath;

/** The staff activity pages and the management API: forms with their errors, status moves, lists, export, scope. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({ "demo", "test" })
@Transactional
class ActivityManageWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	private long demoVisit() {
		return jdbc.sql("select id from activity where title = '新就业形态劳动者走进红色纪念馆'").query(Long.class).single();
	}

	private long activities() {
		return jdbc.sql("select count(*) from activity").query(Long.class).single();
	}

	@Test
	@WithUserDetails("longtan")
	void theListAndTheActivityPageShowTheDemoVisit() throws Exception {
		mvc.perform(get("/activities/manage"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("新就业形态劳动者走进红色纪念馆")))
			.andExpect(content().string(not(containsString("青年教师团体心理辅导"))));
		mvc.perform(get("/activities/manage/{id}", demoVisit()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("京东快递（龙潭站）")))
			.andExpect(content().string(containsString("报名名单")))
			.andExpect(content().string(containsString("停止报名")));
		mvc.perform(get("/activities/manage").param("q", "没有这样的活动")).andExpect(status().isOk())
			.andExpect(content().string(containsString("暂无记录")));
	}

	@Test
	@WithUserDetails("fengtai")
	void creatingThroughTheFormStoresEverythingOrNothing() throws Exception {
		long before = activities();
		mvc.perform(post("/activities/manage/new").with(csrf())
				.param("organizationId", String.valueOf(id(jdbc, "丰台区总工会"))).param("kind", "TRAINING_CAMP").param("title", " ")
				.param("capacity", "0").param("audience", "NAMED_LIST").param("audienceMembers", "NO-SUCH-CARD")
				.param("sessions[0].title", "开班仪式").param("sessions[0].date", "2030-07-01").param("sessions[0].starts", "10:00")
				.param("sessions[0].ends", "09:00"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("找不到这个会员证号")));
		mvc.perform(post("/activities/manage/new").with(csrf())
				.param("organizationId", String.valueOf(id(jdbc, "丰台区总工会"))).param("kind", "TRAINING_CAMP").param("title", " ")
				.param("capacity", "0").param("audience", "ORGANIZATION_SUBTREE")
				.param("sessions[2].title", "开班仪式").param("sessions[2].date", "2030-07-01").param("sessions[2].starts", "10:00")
				.param("sessions[2].ends", "09:00"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("结束时间应晚于开始时间")))
			.andExpect(content().string(containsString("名额应为")));
		assertCount(before);

		mvc.perform(post("/activities/manage/new").with(csrf())
				.param("organizationId", String.valueOf(id(jdbc, "丰台区总工会"))).param("kind", "TRAINING_CAMP").param("title", "劳模创新培训营")
				.param("capacity", "109").param("waitlistEnabled", "true").param("audience", "ORGANIZATION_SUBTREE")
				.param("coOrganizers", "清华大学继续教育学院\n").param("experts", "李教授 清华大学")
				.param("sessions[0].title", "开班仪式").param("sessions[0].type", "CEREMONY").param("sessions[0].date", "2030-07-01")
				.param("sessions[0].starts", "09:00").param("sessions[0].ends", "10:00").param("sessions[0].counts", "true")
				.param("sessions[0].host", "全国总工会领导").param("sessions[0].place", "清华大学主楼报告厅"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/activities/manage/*"));
		assertCount(before + 1);
		long id = jdbc.sql("select max(id) from activity").query(Long.class).single();
		mvc.perform(get("/activities/manage/{id}", id)).andExpect(content().string(containsString("清华大学继续教育学院")))
			.andExpect(content().string(containsString("李教授（清华大学）")))
			.andExpect(content().string(containsString("2030-07-01 09:00")))
			.andExpect(content().string(containsString("全国总工会领导")))
			.andExpect(content().string(containsString("清华大学主楼报告厅")));
		mvc.perform(post("/activities/manage/{id}/status", id).with(csrf()).param("to", "PUBLISHED"))
			.andExpect(flash().attribute("message", "activity.status.changed"));
		mvc.perform(post("/activities/manage/{id}/status", id).with(csrf()).param("to", "CANCELLED"))
			.andExpect(flash().attribute("errorText", containsString("请填写取消原因")));
		mvc.perform(get("/activities/manage/{id}/edit", id)).andExpect(status().isOk());
		mvc.perform(post("/activities/manage/{id}/edit", id).with(csrf()).param("version", "0").param("title", "劳模创新培训营").param("capacity", "109"))
			.andExpect(status().isConflict());
	}

	@Test
	@WithUserDetails("longtan")
	void aListRegistrationShowsAResultPerPersonAndTheListExports() throws Exception {
		long visit = demoVisit();
		String card = jdbc.sql("select card_number from member where name = '刘洋'").query(String.class).single();
		mvc.perform(post("/activities/manage/{id}/registrations", visit).with(csrf()).param("entries", card + "\nNO-SUCH\n"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("listResults", org.hamcrest.Matchers.hasSize(2)));
		mvc.perform(get("/activities/manage/{id}/participants.xlsx", visit))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString("attachment")))
			.andExpect(content().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
	}

	@Test
	void theApiListsEditsMovesAndRegistersLists() throws Exception {
		long visit = demoVisit();
		mvc.perform(get("/api/activities").param("status", "PUBLISHED").with(httpBasic("longtan", "gonghui-demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.content[?(@.id == " + visit + ")]").exists());
		String view = mvc.perform(get("/api/activities/{id}", visit).with(httpBasic("longtan", "gonghui-demo"))).andReturn().getResponse()
			.getContentAsString();
		int version = JsonPath.read(view, "$.version");
		mvc.perform(put("/api/activities/{id}", visit).with(httpBasic("longtan", "gonghui-demo")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"version\":%d,\"title\":\"参观\",\"capacity\":0}".formatted(version)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("capacity"));
		mvc.perform(post("/api/activities/{id}/status", visit).with(httpBasic("longtan", "gonghui-demo")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"status\":\"FINISHED\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("status"));
		mvc.perform(post("/api/activities/{id}/registrations/list", visit).with(httpBasic("longtan", "gonghui-demo"))
				.header("Accept-Language", "zh-CN").contentType(MediaType.APPLICATION_JSON).content("{\"entries\":[\"NO-SUCH\"]}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].problem").value(containsString("会员不存在")));
		// Outside the scope it does not exist; a worker cannot manage it.
		mvc.perform(post("/api/activities/{id}/status", visit).with(httpBasic("chaoyang", "gonghui-demo")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"status\":\"CLOSED\"}"))
			.andExpect(status().isNotFound());
		mvc.perform(post("/api/activities/{id}/finish", visit).with(httpBasic("worker", "gonghui-demo"))).andExpect(status().isForbidden());
		mvc.perform(get("/api/activities").with(httpBasic("worker", "gonghui-demo"))).andExpect(status().isForbidden());
	}

	@Test
	@WithUserDetails("chaoyang")
	void pagesOutsideTheScopeDoNotExist() throws Exception {
		long visit = demoVisit();
		mvc.perform(get("/activities/manage/{id}", visit)).andExpect(status().isNotFound());
		mvc.perform(get("/activities/manage/{id}/participants.xlsx", visit)).andExpect(status().isNotFound());
		mvc.perform(post("/activities/manage/{id}/status", visit).with(csrf()).param("to", "CLOSED")).andExpect(status().isNotFound());
	}

	@Test
	@WithUserDetails("worker")
	void workersCannotOpenTheStaffPages() throws Exception {
		mvc.perform(get("/activities/manage")).andExpect(status().isForbidden());
		mvc.perform(get("/activities/manage/{id}", demoVisit())).andExpect(status().isForbidden());
	}

	@Autowired
	org.gonghui.activity.internal.ActivityService activityService;

	@Autowired
	org.gonghui.activity.internal.ActivityLifecycle lifecycle;

	@Autowired
	org.gonghui.activity.internal.RegistrationService registrationService;

	@Test
	@WithUserDetails("fengtai")
	void aFinishedCampShowsItsCompletionAndTakesOverrides() throws Exception {
		var start = java.time.Instant.now().plus(java.time.Duration.ofDays(3));
		long camp = activityService.create(new org.gonghui.activity.internal.ActivityService.NewActivity(id(jdbc, "丰台区总工会"),
				ActivityKind.TRAINING_CAMP, "创新培训营", null, null, 10, false, false, null, null, null,
				java.util.List.of(new org.gonghui.activity.internal.ActivityService.NewSession("讲座", "LECTURE", start, start.plusSeconds(3600), true)),
				null, null, null, null, null, new org.gonghui.activity.internal.ActivityService.CompletionRule(new java.math.BigDecimal("0.66"), false),
				"清华大学继续教育学院"));
		lifecycle.publish(camp);
		long member = ActivityFixtures.members(jdbc, "泛华集团工会", null, "学员", 1).get(0);
		registrationService.register(camp, member);
		lifecycle.move(camp, ActivityStatus.ONGOING, null);
		lifecycle.move(camp, ActivityStatus.FINISHED, null);
		mvc.perform(get("/activities/manage/{id}", camp))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("未结业")))
			.andExpect(content().string(containsString("清华大学继续教育学院")));
		mvc.perform(post("/activities/manage/{id}/completions/{m}", camp, member).with(csrf()).param("completed", "true"))
			.andExpect(flash().attribute("errorText", containsString("原因")));
		mvc.perform(post("/activities/manage/{id}/completions/{m}", camp, member).with(csrf()).param("completed", "true").param("reason", "补考通过"))
			.andExpect(flash().attribute("message", "activity.camp.overridden"));
		mvc.perform(get("/activities/manage/{id}", camp)).andExpect(content().string(containsString("人工调整：补考通过")));
	}

	private long demoCompetition() {
		return jdbc.sql("select activity_id from competition where edition = '第四十届'").query(Long.class).single();
	}

	@Test
	@WithUserDetails("yanqing")
	void aCompetitionIsManagedFromItsActivityPage() throws Exception {
		long id = demoCompetition();
		long fin = jdbc.sql("select id from competition_round where activity_id = :a and level = 'FINAL'").param("a", id).query(Long.class).single();
		mvc.perform(get("/activities/manage/{id}", id))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("八达岭镇基层初赛")))
			.andExpect(content().string(containsString("按规则晋级")))
			.andExpect(content().string(containsString("结束本轮并公布排名")));
		mvc.perform(get("/competitions/{id}/entries", id)).andExpect(status().isOk()).andExpect(content().string(containsString("长城谣")))
			.andExpect(content().string(containsString("不能再报送")));
		mvc.perform(post("/competitions/{id}/rounds/{r}/close", id, fin).with(csrf()))
			.andExpect(flash().attribute("message", "competition.round.closedNow"));
		mvc.perform(post("/competitions/{id}/rounds/{r}/close", id, fin).with(csrf()))
			.andExpect(flash().attribute("errorText", containsString("已结束")));
	}

	@Test
	void competitionsAndResultsArePublic() throws Exception {
		long id = demoCompetition();
		mvc.perform(get("/competitions")).andExpect(status().isOk()).andExpect(content().string(containsString("第四十届")))
			.andExpect(content().string(not(containsString("报送节目"))));
		mvc.perform(get("/competitions/{id}/results", id)).andExpect(status().isOk())
			.andExpect(content().string(containsString("长城谣")))
			.andExpect(content().string(containsString("一等奖")))
			.andExpect(content().string(containsString("去掉一个最高分")));
	}

	private void assertCount(long expected) {
		org.assertj.core.api.Assertions.assertThat(activities()).isEqualTo(expected);
	}
}
