package org.gonghui.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gonghui.TestOrganizations.id;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
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

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Pattern;

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

/** The caravan API and pages: status codes, field errors, scope (404) and roles (403), and what each page shows whom. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({ "demo", "test" })
@Transactional
class CaravanWebTests {

	private static final String PASSWORD = "gonghui-demo";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	private static LocalDate today() {
		return LocalDate.now(ZoneId.of("Asia/Shanghai"));
	}

	private RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	private String requestBody(LocalDate from, LocalDate to, int participants) {
		return """
				{"unionId":%d,"windowFrom":"%s","windowTo":"%s","expectedParticipants":%d,
				 "needs":"心理健康讲座和自愿测评","contactName":"周主席","contactPhone":"010-63800000"}"""
			.formatted(id(jdbc, "泛华集团工会"), from, to, participants);
	}

	private long apiRequest() throws Exception {
		String created = mvc.perform(post("/api/caravans").with(httpBasic("fanhua", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
				.content(requestBody(today().plusDays(10), today().plusDays(20), 60)))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", containsString("/api/caravans/")))
			.andExpect(jsonPath("$.id").value(notNullValue()))
			.andExpect(jsonPath("$.status").value("REQUESTED"))
			.andExpect(jsonPath("$.districtName").value("丰台区总工会"))
			.andReturn().getResponse().getContentAsString();
		return ((Number) JsonPath.read(created, "$.id")).longValue();
	}

	@Test
	void theApiTakesARequestThroughToAnActivity() throws Exception {
		long id = apiRequest();
		mvc.perform(get("/api/caravans?status=REQUESTED&page=0&size=50").with(httpBasic("fengtai", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.content[*].id", hasItem((int) id)))
			.andExpect(jsonPath("$.totalElements").value(notNullValue()));
		mvc.perform(get("/api/caravans?status=SCHEDULED").with(httpBasic("fengtai", PASSWORD)))
			.andExpect(status().isOk()).andExpect(jsonPath("$.content[*].id", not(hasItem((int) id))));

		// Outside the scope: 404; not the caller's role: 403; no account: 401.
		mvc.perform(get("/api/caravans/" + id).with(httpBasic("chaoyang", PASSWORD))).andExpect(status().isNotFound());
		mvc.perform(post("/api/caravans/" + id + "/accept").with(httpBasic("chaoyang", PASSWORD))).andExpect(status().isNotFound());
		mvc.perform(get("/api/caravans/" + id).with(httpBasic("worker", PASSWORD))).andExpect(status().isForbidden());
		mvc.perform(post("/api/caravans/" + id + "/accept").with(httpBasic("fanhua", PASSWORD))).andExpect(status().isForbidden());
		mvc.perform(get("/api/caravans/" + id)).andExpect(status().isUnauthorized());

		mvc.perform(post("/api/caravans/" + id + "/decline").with(httpBasic("fengtai", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\":\"\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("reason"))
			.andExpect(jsonPath("$.errors[0].message").value("请填写婉拒原因"));
		mvc.perform(post("/api/caravans/" + id + "/accept").with(httpBasic("fengtai", PASSWORD)))
			.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ACCEPTED"));
		mvc.perform(post("/api/caravans/" + id + "/accept").with(httpBasic("fengtai", PASSWORD)))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].message").value("只有待受理的申请可以受理"));

		LocalDate day = today().plusDays(14);
		String schedule = """
				{"sessions":[{"title":"心理健康讲座","startsAt":"%sT06:00:00Z","endsAt":"%sT09:00:00Z"}],"capacity":50,"waitlistEnabled":true,
				 "experts":[{"name":"李医生","affiliation":"北京安定医院"}]}""".formatted(day, day);
		mvc.perform(post("/api/caravans/" + id + "/schedule").with(httpBasic("fengtai", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
				.content(schedule.replace("\"experts\":[{\"name\":\"李医生\",\"affiliation\":\"北京安定医院\"}]", "\"experts\":[]")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("experts"))
			.andExpect(jsonPath("$.errors[0].message").value("请至少指派一位专家"));
		String scheduled = mvc.perform(post("/api/caravans/" + id + "/schedule").with(httpBasic("fengtai", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON).content(schedule))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("SCHEDULED"))
			.andExpect(jsonPath("$.activityId").value(notNullValue()))
			.andExpect(jsonPath("$.history.length()").value(3))
			.andExpect(jsonPath("$.history[1].to").value("ACCEPTED"))
			.andReturn().getResponse().getContentAsString();
		long activityId = ((Number) JsonPath.read(scheduled, "$.activityId")).longValue();
		mvc.perform(get("/api/activities/" + activityId).with(httpBasic("fengtai", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.kind").value("CARAVAN"))
			.andExpect(jsonPath("$.status").value("PUBLISHED"))
			.andExpect(jsonPath("$.capacity").value(50));
		mvc.perform(post("/api/caravans/" + id + "/withdraw").with(httpBasic("fanhua", PASSWORD)))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("status"));
	}

	@Test
	void badRequestsAreFieldErrors() throws Exception {
		mvc.perform(post("/api/caravans").with(httpBasic("fanhua", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
				.content(requestBody(today().plusDays(20), today().plusDays(10), 0)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("windowTo")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("expectedParticipants")))
			.andExpect(jsonPath("$.errors[*].message", hasItem("最晚日期不能早于最早日期")));
		mvc.perform(post("/api/caravans").with(httpBasic("fanhua", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
				.content("{\"windowFrom\":\"next week\"}"))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("windowFrom"));
		mvc.perform(get("/api/caravans?status=LOST").with(httpBasic("fanhua", PASSWORD))).andExpect(status().isBadRequest());
		mvc.perform(get("/api/caravans/999999").with(httpBasic("fengtai", PASSWORD))).andExpect(status().isNotFound());
	}

	@Test
	void staffAndChairPagesShowWhatEachMayDo() throws Exception {
		// The demo: 朝阳's scheduled caravan at the school; the list filters by status and says when it is empty.
		mvc.perform(get("/caravans").with(as("chaoyang")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("陈经纶中学工会")))
			.andExpect(content().string(containsString("已排期")))
			.andExpect(content().string(containsString("href=\"/caravans\" class=\"active\"")));
		mvc.perform(get("/caravans?status=WITHDRAWN").with(as("chaoyang")))
			.andExpect(status().isOk()).andExpect(content().string(containsString("暂无大篷车申请")));
		mvc.perform(get("/caravans").with(as("worker"))).andExpect(status().isForbidden());

		// The chair asks through the form; mistakes come back next to their fields, nothing stored.
		mvc.perform(get("/caravans/new").with(as("fanhua")))
			.andExpect(status().isOk()).andExpect(content().string(containsString("申请心理关爱大篷车")));
		long before = jdbc.sql("select count(*) from caravan_request").query(Long.class).single();
		String invalid = mvc.perform(post("/caravans/new").with(as("fanhua")).with(csrf())
				.param("unionId", String.valueOf(id(jdbc, "泛华集团工会"))).param("windowFrom", today().toString())
				.param("windowTo", today().plusDays(3).toString()).param("expectedParticipants", "0").param("needs", "讲座")
				.param("contactName", "周主席").param("contactPhone", "010-63800000"))
			.andExpect(status().isBadRequest())
			.andReturn().getResponse().getContentAsString();
		assertThat(invalid).contains("最早日期应在今天之后", "人数应为 1 到 10000 之间的整数");
		assertThat(fieldMarkedInvalid(invalid, "windowFrom")).isTrue();
		assertThat(jdbc.sql("select count(*) from caravan_request").query(Long.class).single()).isEqualTo(before);
		mvc.perform(post("/caravans/new").with(as("fanhua")).with(csrf()).param("windowFrom", "soon"))
			.andExpect(status().isBadRequest()).andExpect(content().string(containsString("格式不正确")));

		String location = mvc.perform(post("/caravans/new").with(as("fanhua")).with(csrf())
				.param("unionId", String.valueOf(id(jdbc, "泛华集团工会"))).param("windowFrom", today().plusDays(10).toString())
				.param("windowTo", today().plusDays(20).toString()).param("expectedParticipants", "60").param("needs", "讲座与团体辅导")
				.param("contactName", "周主席").param("contactPhone", "010-63800000"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("message", "caravan.requested"))
			.andReturn().getResponse().getRedirectedUrl();
		long id = Long.parseLong(location.substring("/caravans/".length()));

		// The chair may withdraw, not accept; district staff may accept or decline; another district sees nothing.
		mvc.perform(get("/caravans/" + id).with(as("fanhua")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"withdraw-form\"")))
			.andExpect(content().string(not(containsString("id=\"accept-form\""))));
		mvc.perform(get("/caravans/" + id).with(as("fengtai")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"accept-form\"")))
			.andExpect(content().string(containsString("id=\"decline-form\"")))
			.andExpect(content().string(not(containsString("id=\"schedule-form\""))));
		mvc.perform(get("/caravans/" + id).with(as("chaoyang"))).andExpect(status().isNotFound());

		mvc.perform(post("/caravans/" + id + "/decline").with(as("fengtai")).with(csrf()).param("reason", ""))
			.andExpect(redirectedUrl("/caravans/" + id)).andExpect(flash().attribute("errorText", "请填写婉拒原因"));
		mvc.perform(post("/caravans/" + id + "/accept").with(as("fengtai")).with(csrf()))
			.andExpect(redirectedUrl("/caravans/" + id)).andExpect(flash().attribute("message", "caravan.accepted"));
		mvc.perform(get("/caravans/" + id).with(as("fengtai")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"schedule-form\"")))
			.andExpect(content().string(containsString("value=\"泛华集团工会\"")))
			.andExpect(content().string(containsString("value=\"60\"")));

		// A bad schedule: the session of the form's second row lies outside the window, no expert. Errors sit next to the row.
		LocalDate outside = today().plusDays(25);
		String refused = mvc.perform(post("/caravans/" + id + "/schedule").with(as("fengtai")).with(csrf())
				.param("venue", "泛华集团会议室").param("capacity", "60").param("waitlistEnabled", "true")
				.param("sessions[1].title", "讲座").param("sessions[1].startsAt", outside + "T14:00").param("sessions[1].endsAt", outside + "T16:00"))
			.andExpect(status().isBadRequest())
			.andReturn().getResponse().getContentAsString();
		assertThat(refused).contains("场次应在服务时间", "请至少指派一位专家");
		assertThat(fieldMarkedInvalid(refused, "sessions[1].startsAt")).isTrue();
		assertThat(fieldMarkedInvalid(refused, "sessions[0].startsAt")).isFalse();

		LocalDate day = today().plusDays(14);
		mvc.perform(post("/caravans/" + id + "/schedule").with(as("fengtai")).with(csrf())
				.param("venue", "泛华集团会议室").param("capacity", "60").param("waitlistEnabled", "true")
				.param("sessions[0].title", "心理健康讲座").param("sessions[0].startsAt", day + "T14:00").param("sessions[0].endsAt", day + "T16:00")
				.param("experts[0].name", "李医生").param("experts[0].affiliation", "北京安定医院"))
			.andExpect(redirectedUrl("/caravans/" + id)).andExpect(flash().attribute("message", "caravan.scheduled"));
		Long activityId = jdbc.sql("select activity_id from caravan_request where id = :id").param("id", id).query(Long.class).single();
		mvc.perform(get("/caravans/" + id).with(as("fanhua")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"/activities/manage/" + activityId + "\"")))
			.andExpect(content().string(containsString("已排期")))
			.andExpect(content().string(not(containsString("id=\"withdraw-form\""))));
		// The chair's navigation offers caravans; the worker's does not.
		mvc.perform(get("/").with(as("fanhua"))).andExpect(content().string(containsString("href=\"/caravans\"")));
		mvc.perform(get("/me").with(as("worker"))).andExpect(content().string(not(containsString("href=\"/caravans\""))));
	}

	/** Whether the input named {@code name} carries the error class. */
	private static boolean fieldMarkedInvalid(String html, String name) {
		return Pattern.compile("<input[^>]*name=\"" + Pattern.quote(name) + "\"[^>]*class=\"invalid\"|<input[^>]*class=\"invalid\"[^>]*name=\""
				+ Pattern.quote(name) + "\"").matcher(html).find();
	}
}
