package org.gonghui.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gonghui.TestOrganizations.id;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
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

/**
 * The satisfaction API and pages over the demo data: 201 once and 409 after, 400 with nothing stored for a score of
 * 0, 6 or none, a comment too long or a service not taken part in; 403 by role and 404 across the data scope (the
 * same answer as for nothing at all); moderation; the figures with the caravan first and appointment forms
 * suppressed; and what each page shows whom — never a worker's name next to a comment.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({ "demo", "test" })
@Transactional
class SatisfactionWebTests {

	private static final String PASSWORD = "gonghui-demo";
	private static final String LONGTAN_CARAVAN = "心理关爱大篷车走进京东快递龙潭站";
	private static final String RIDERS_CARAVAN = "心理关爱大篷车走进美团外卖丰台站点";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	private RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	private long activity(String title) {
		return jdbc.sql("select id from activity where title = :t").param("t", title).query(Long.class).single();
	}

	private long ratings() {
		return jdbc.sql("select count(*) from care_rating").query(Long.class).single();
	}

	private long pendingComment(String text) {
		return jdbc.sql("select id from care_rating where comment = :c").param("c", text).query(Long.class).single();
	}

	private static String body(long serviceId, Object score, String comment) {
		return "{\"serviceType\":\"ACTIVITY\",\"serviceId\":" + serviceId + (score == null ? "" : ",\"score\":" + score)
				+ (comment == null ? "" : ",\"comment\":\"" + comment + "\"") + "}";
	}

	@Test
	void aWorkerRatesTheirCaravanOnceAndASecondRatingIsAConflict() throws Exception {
		long caravan = activity(LONGTAN_CARAVAN);
		mvc.perform(get("/api/ratings/mine").with(httpBasic("worker", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.serviceId == " + caravan + ")].form").value(hasItem("CARAVAN")))
			.andExpect(jsonPath("$[?(@.serviceId == " + caravan + ")].rating").value(hasItem(nullValue())));
		mvc.perform(post("/api/ratings").with(httpBasic("worker", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
				.content(body(caravan, 5, "医生讲得很清楚")))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", "/api/ratings/mine"))
			.andExpect(jsonPath("$.form").value("CARAVAN"))
			.andExpect(jsonPath("$.score").value(5))
			.andExpect(jsonPath("$.commentStatus").value("PENDING"));
		long after = ratings();
		mvc.perform(post("/api/ratings").with(as("worker")).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body(caravan, 1, null)))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("care.rating.already"));
		assertThat(ratings()).isEqualTo(after);
		mvc.perform(get("/api/ratings/mine").with(as("worker")))
			.andExpect(jsonPath("$[?(@.serviceId == " + caravan + ")].rating.score").value(hasItem(5)))
			.andExpect(jsonPath("$[?(@.serviceId == " + caravan + ")].rating.commentStatus").value(hasItem("PENDING")));
	}

	@Test
	void badScoresCommentsAndServicesNotTakenPartInAre400WithNothingStored() throws Exception {
		long caravan = activity(LONGTAN_CARAVAN);
		long before = ratings();
		for (String bad : new String[] { "0", "6", "-1" }) {
			mvc.perform(post("/api/ratings").with(httpBasic("worker", PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(body(caravan, bad, null)))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[*].field").value(hasItem("score")))
				.andExpect(jsonPath("$.errors[0].message").value("请选择 1 到 5 颗星"));
		}
		mvc.perform(post("/api/ratings").with(httpBasic("worker", PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(body(caravan, null, "很好")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("score")));
		mvc.perform(post("/api/ratings").with(httpBasic("worker", PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(body(caravan, "\"五\"", null)))
			.andExpect(status().isBadRequest());
		mvc.perform(post("/api/ratings").with(httpBasic("worker", PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(body(caravan, 4, "好".repeat(501))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("comment")));
		mvc.perform(post("/api/ratings").with(httpBasic("worker", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
				.content("{\"serviceType\":\"CONCERT\",\"serviceId\":" + caravan + ",\"score\":5}"))
			.andExpect(status().isBadRequest());
		mvc.perform(post("/api/ratings").with(httpBasic("worker", PASSWORD)).contentType(MediaType.APPLICATION_JSON).content("{\"score\":5}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("serviceId")));
		// 丰台's caravan: 张伟 was not there. A service that does not exist answers the same.
		String notThere = mvc.perform(post("/api/ratings").with(httpBasic("worker", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
				.content(body(activity(RIDERS_CARAVAN), 5, null)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("serviceId"))
			.andReturn().getResponse().getContentAsString();
		String nothing = mvc.perform(post("/api/ratings").with(httpBasic("worker", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
				.content(body(99_999_999L, 5, null)))
			.andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
		assertThat(notThere).isEqualTo(nothing);
		// The 陈经纶中学 caravan has not happened yet (it is published, two weeks ahead).
		long ahead = activity("心理关爱大篷车走进北京市陈经纶中学");
		mvc.perform(post("/api/ratings").with(httpBasic("worker", PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(body(ahead, 5, null)))
			.andExpect(status().isBadRequest());
		assertThat(ratings()).isEqualTo(before);
	}

	@Test
	void onlyWorkersRateAndOnlyStaffReadFiguresAcrossTheirScopeOnly() throws Exception {
		long caravan = activity(LONGTAN_CARAVAN);
		mvc.perform(post("/api/ratings").with(httpBasic("longtan", PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(body(caravan, 5, null)))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/ratings").with(httpBasic("counsellor", PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(body(caravan, 5, null)))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/ratings/mine")).andExpect(status().isUnauthorized());
		mvc.perform(get("/api/care/satisfaction").with(httpBasic("worker", PASSWORD))).andExpect(status().isForbidden());
		mvc.perform(get("/api/care/satisfaction").with(httpBasic("counsellor", PASSWORD))).andExpect(status().isForbidden());
		mvc.perform(get("/api/care/satisfaction/comments").with(httpBasic("worker", PASSWORD))).andExpect(status().isForbidden());
		mvc.perform(get("/care/satisfaction").with(as("worker"))).andExpect(status().isForbidden());
		mvc.perform(get("/care/ratings").with(as("fengtai"))).andExpect(status().isForbidden());
		mvc.perform(get("/care/desk/ratings").with(as("worker"))).andExpect(status().isForbidden());
		// Another district's organisation answers exactly like one that does not exist.
		long dongcheng = id(jdbc, "东城区总工会");
		String outside = mvc.perform(get("/api/care/satisfaction").param("organizationId", String.valueOf(dongcheng)).with(httpBasic("fengtai", PASSWORD)))
			.andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
		String missing = mvc.perform(get("/api/care/satisfaction").param("organizationId", "99999999").with(httpBasic("fengtai", PASSWORD)))
			.andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
		assertThat(outside).isEqualTo(missing);
		mvc.perform(get("/api/care/satisfaction/comments").param("organizationId", String.valueOf(dongcheng)).with(httpBasic("fengtai", PASSWORD)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/care/satisfaction").param("organizationId", String.valueOf(dongcheng)).with(as("fengtai"))).andExpect(status().isNotFound());
		mvc.perform(get("/api/care/satisfaction").param("from", "2026-12-31").param("to", "2026-01-01").with(httpBasic("beijing", PASSWORD)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("to"));
		mvc.perform(get("/api/care/satisfaction").param("from", "yesterday").with(httpBasic("beijing", PASSWORD))).andExpect(status().isBadRequest());
	}

	@Test
	void theFiguresRankTheCaravanFirstAndNameNobody() throws Exception {
		String json = mvc.perform(get("/api/care/satisfaction").with(httpBasic("beijing", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.organizationName").value("北京市总工会"))
			.andExpect(jsonPath("$.forms[0].form").value("CARAVAN"))
			.andExpect(jsonPath("$.forms[0].label").value("心理关爱大篷车"))
			.andExpect(jsonPath("$.forms[0].rank").value(1))
			.andExpect(jsonPath("$.forms[0].average").value(4.8))
			.andExpect(jsonPath("$.forms[0].count").value(5))
			.andExpect(jsonPath("$.forms[?(@.form == 'APPOINTMENT_SITE')].suppressed").value(hasItem(true)))
			.andExpect(jsonPath("$.forms[?(@.form == 'APPOINTMENT_SITE')].count").value(hasItem(nullValue())))
			.andExpect(jsonPath("$.forms[?(@.form == 'APPOINTMENT_VIDEO')].average").value(hasItem(nullValue())))
			.andExpect(jsonPath("$.services[*].title").value(hasItem(LONGTAN_CARAVAN)))
			.andExpect(jsonPath("$.services[*].form").value(everyItem(not(containsString("APPOINTMENT")))))
			.andReturn().getResponse().getContentAsString();
		for (String name : new String[] { "张伟", "刘洋", "陈静", "王强", "李娜", "赵磊", "孙丽", "周杰", "memberId", "老师听得很认真" }) {
			assertThat(json).doesNotContain(name);
		}
		mvc.perform(get("/care/satisfaction").with(as("beijing")))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Security-Policy", containsString("style-src 'self' 'unsafe-inline'")))
			.andExpect(content().string(containsString("最受欢迎的服务形式")))
			.andExpect(content().string(containsString("id=\"satisfaction-chart\"")))
			.andExpect(content().string(containsString("/dist/echarts.min.js")))
			.andExpect(content().string(containsString("/js/satisfaction.js")))
			.andExpect(content().string(containsString("id=\"form-CARAVAN\"")))
			.andExpect(content().string(containsString("&lt;10")));
	}

	@Test
	void commentsAreModeratedInScopeAndOthersSeeApprovedOnesWithoutNames() throws Exception {
		long caravan = activity(LONGTAN_CARAVAN);
		long pending = pendingComment("希望以后多来几次，最好安排在下午不忙的时候。");
		mvc.perform(get("/api/care/satisfaction/comments").param("status", "PENDING").with(httpBasic("longtan", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].id").value(hasItem((int) pending)))
			.andExpect(jsonPath("$[*].status").value(everyItem(containsString("PENDING"))));
		// The workers see the approved comment only, and the author of none.
		String seen = mvc.perform(get("/api/ratings/activities/" + caravan + "/comments").with(httpBasic("worker", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].status").value(everyItem(containsString("APPROVED"))))
			.andExpect(jsonPath("$[*].id").value(not(hasItem((int) pending))))
			.andReturn().getResponse().getContentAsString();
		assertThat(seen).doesNotContain("刘洋").doesNotContain("陈静").doesNotContain("member");
		mvc.perform(get("/api/ratings/activities/" + caravan + "/comments").with(httpBasic("longtan", PASSWORD)))
			.andExpect(jsonPath("$[*].id").value(hasItem((int) pending)));
		// 丰台 cannot moderate 龙潭's comment (it does not exist for them), a worker may not, 龙潭 decides once.
		mvc.perform(post("/api/care/satisfaction/comments/" + pending + "/approve").with(httpBasic("fengtai", PASSWORD))).andExpect(status().isNotFound());
		mvc.perform(post("/api/care/satisfaction/comments/99999999/approve").with(httpBasic("fengtai", PASSWORD))).andExpect(status().isNotFound());
		mvc.perform(post("/api/care/satisfaction/comments/" + pending + "/approve").with(httpBasic("worker", PASSWORD))).andExpect(status().isForbidden());
		mvc.perform(post("/api/care/satisfaction/comments/" + pending + "/approve").with(httpBasic("longtan", PASSWORD))).andExpect(status().isNoContent());
		mvc.perform(post("/api/care/satisfaction/comments/" + pending + "/reject").with(httpBasic("longtan", PASSWORD)))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("care.comment.decided"));
		mvc.perform(get("/api/ratings/activities/" + caravan + "/comments").with(httpBasic("worker", PASSWORD)))
			.andExpect(jsonPath("$[*].id").value(hasItem((int) pending)));
		// An appointment's comment is nowhere for staff: not in the queue, not among any activity's.
		mvc.perform(get("/api/care/satisfaction/comments").param("status", "PRIVATE").with(httpBasic("beijing", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(content().json("[]"));
		mvc.perform(get("/api/care/satisfaction/comments").with(httpBasic("admin", PASSWORD)))
			.andExpect(content().string(not(containsString("老师听得很认真"))));
	}

	@Test
	void theModerationPageApprovesAndRejects() throws Exception {
		long pending = pendingComment("讲座有点长，一对一咨询很有用。");
		mvc.perform(get("/care/satisfaction/comments").with(as("fengtai")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"approve-" + pending + "\"")))
			.andExpect(content().string(not(containsString("赵磊"))));
		mvc.perform(get("/care/satisfaction/comments").with(as("longtan")))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"approve-" + pending + "\""))));
		mvc.perform(post("/care/satisfaction/comments/" + pending + "/reject").param("back", "/care/satisfaction/comments?status=PENDING")
				.with(as("fengtai")).with(csrf()))
			.andExpect(redirectedUrl("/care/satisfaction/comments?status=PENDING"))
			.andExpect(flash().attribute("message", "care.comment.rejected"));
		assertThat(jdbc.sql("select comment_status from care_rating where id = :id").param("id", pending).query(String.class).single()).isEqualTo("REJECTED");
		// A "back" address that leads elsewhere is not followed.
		long other = pendingComment("时间安排在下班后有点晚，建议放在午休。");
		mvc.perform(post("/care/satisfaction/comments/" + other + "/approve").param("back", "//evil.example/care/satisfaction/comments")
				.with(as("fengtai")).with(csrf()))
			.andExpect(redirectedUrl("/care/satisfaction/comments"));
		mvc.perform(post("/care/satisfaction/comments/" + other + "/approve").with(as("longtan")).with(csrf())).andExpect(status().isNotFound());
	}

	@Test
	void theWorkerPagesListRateAndShowTheRating() throws Exception {
		long caravan = activity(LONGTAN_CARAVAN);
		mvc.perform(get("/me").with(as("worker")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"care-ratings\"")))
			.andExpect(content().string(containsString("项服务待评价")))
			.andExpect(content().string(containsString("href=\"/care/ratings\"")));
		mvc.perform(get("/care/ratings").with(as("worker")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"to-rate-activity-" + caravan + "\"")))
			.andExpect(content().string(containsString("快递员团体心理辅导：情绪与压力")))
			.andExpect(content().string(containsString("心理咨询 · 李静")));
		mvc.perform(get("/care/ratings/activity/" + caravan).with(as("worker")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("type=\"radio\" name=\"score\" value=\"5\" id=\"score-5\"")))
			.andExpect(content().string(containsString("maxlength=\"500\"")));
		// A score of 0 keeps what was typed and stores nothing.
		long before = ratings();
		mvc.perform(post("/care/ratings/activity/" + caravan).param("score", "0").param("comment", "讲得真好").with(as("worker")).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("请选择 1 到 5 颗星")))
			.andExpect(content().string(containsString("讲得真好")));
		mvc.perform(post("/care/ratings/activity/" + caravan).param("comment", "讲得真好").with(as("worker")).with(csrf()))
			.andExpect(status().isBadRequest());
		assertThat(ratings()).isEqualTo(before);
		mvc.perform(post("/care/ratings/activity/" + caravan).param("score", "5").param("comment", "讲得真好").with(as("worker")).with(csrf()))
			.andExpect(redirectedUrl("/care/ratings/activity/" + caravan))
			.andExpect(flash().attribute("message", "care.rating.thanks"));
		mvc.perform(get("/care/ratings/activity/" + caravan).with(as("worker")))
			.andExpect(content().string(containsString("id=\"rated-tag\"")))
			.andExpect(content().string(containsString("★★★★★")))
			.andExpect(content().string(containsString("留言正在等待工会工作人员审核")))
			.andExpect(content().string(not(containsString("id=\"rating-form\""))))
			// 刘洋's approved comment, without his name.
			.andExpect(content().string(containsString("医生讲得很实在")))
			.andExpect(content().string(not(containsString("刘洋"))));
		mvc.perform(post("/care/ratings/activity/" + caravan).param("score", "3").with(as("worker")).with(csrf()))
			.andExpect(redirectedUrl("/care/ratings/activity/" + caravan))
			.andExpect(flash().attribute("errorText", "您已经评价过这项服务，每项服务只能评价一次"));
		// A service the worker did not take part in has no page for them.
		mvc.perform(get("/care/ratings/activity/" + activity(RIDERS_CARAVAN)).with(as("worker"))).andExpect(status().isNotFound());
		mvc.perform(post("/care/ratings/activity/" + activity(RIDERS_CARAVAN)).param("score", "5").with(as("worker")).with(csrf()))
			.andExpect(status().isNotFound());
	}

	@Test
	void theCounsellorSeesAnAggregateOnlyFromTen() throws Exception {
		mvc.perform(get("/care/desk/ratings").with(as("counsellor")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"comments-held\"")))
			.andExpect(content().string(not(containsString("老师听得很认真"))));
		mvc.perform(get("/api/care/desk/ratings").with(httpBasic("counsellor", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.suppressed").value(true))
			.andExpect(jsonPath("$.count").value(nullValue()))
			.andExpect(jsonPath("$.comments").isEmpty());
		mvc.perform(get("/api/care/desk/ratings").with(httpBasic("chaoyang", PASSWORD))).andExpect(status().isForbidden());
	}
}
