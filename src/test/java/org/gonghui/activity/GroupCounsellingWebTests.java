package org.gonghui.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gonghui.TestOrganizations.id;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

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

/**
 * Group counselling: the consent step at sign-up (a worker accepts the consent text; staff may only record a consent
 * signed on paper, one member at a time), nothing stored without it, other kinds unchanged; the least group size
 * (至少 8 人成团) on the form and the API, never above the capacity; the demo of 北京工商大学工会.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({ "demo", "test" })
@Transactional
class GroupCounsellingWebTests {

	private static final String CONSENT_REQUIRED = "报名团体心理辅导前，请先阅读知情同意书并勾选“我已阅读以上说明，同意并自愿参加”";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	private long integrity() {
		return jdbc.sql("select id from activity where title = '廉洁主题团体心理辅导'").query(Long.class).single();
	}

	private long teacher() {
		return jdbc.sql("select id from member where account_username = 'teacher'").query(Long.class).single();
	}

	private long registrations(long activity, long member) {
		return jdbc.sql("select count(*) from registration where activity_id = :a and member_id = :m").param("a", activity).param("m", member)
			.query(Long.class).single();
	}

	private int seatsTaken(long activity) {
		return jdbc.sql("select seats_taken from activity where id = :id").param("id", activity).query(Integer.class).single();
	}

	private Map<String, Object> consentOf(long activity, long member) {
		return jdbc.sql("select consent_at, consent_version, consent_offline from registration where activity_id = :a and member_id = :m")
			.param("a", activity).param("m", member).query().singleRow();
	}

	@Test
	void theDemoIsBtbusIntegrityCounsellingWithFourThemedSessionsAndSevenConsentedTeachers() throws Exception {
		long id = integrity();
		mvc.perform(get("/api/activities/" + id).with(httpBasic("teacher", "gonghui-demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.kind").value("GROUP_COUNSELLING"))
			.andExpect(jsonPath("$.organizationName").value("北京工商大学工会"))
			.andExpect(jsonPath("$.capacity").value(12))
			.andExpect(jsonPath("$.minParticipants").value(8))
			.andExpect(jsonPath("$.seatsTaken").value(7))
			.andExpect(jsonPath("$.status").value("PUBLISHED"))
			.andExpect(jsonPath("$.coOrganizers[0].name").value("党委教师工作部"))
			.andExpect(jsonPath("$.experts[0].affiliation").value(containsString("北京交通大学")))
			.andExpect(jsonPath("$.experts[0].affiliation").value(containsString("心理学教授")))
			.andExpect(jsonPath("$.sessions", hasSize(4)))
			.andExpect(jsonPath("$.sessions[0].title").value(containsString("清")))
			.andExpect(jsonPath("$.sessions[1].title").value(containsString("正")))
			.andExpect(jsonPath("$.sessions[2].title").value(containsString("廉")))
			.andExpect(jsonPath("$.sessions[3].title").value(containsString("洁")));
		// Every demo registration carries its consent (signed on paper, entered by the union).
		assertThat(jdbc.sql("select count(*) from registration where activity_id = :a and consent_at is not null and consent_offline")
			.param("a", id).query(Long.class).single()).isEqualTo(7);
		// The courier in 龙潭 is not in 北京工商大学's audience.
		mvc.perform(get("/api/activities/" + id).with(httpBasic("worker", "gonghui-demo"))).andExpect(status().isNotFound());
	}

	@Test
	void aWorkerWithoutConsentGets400AndNothingIsStoredWithItARegistrationAndItsConsentTime() throws Exception {
		long id = integrity();
		long me = teacher();
		for (String body : new String[] { null, "{}", "{\"consent\":false}" }) {
			var request = post("/api/activities/" + id + "/registrations").with(httpBasic("teacher", "gonghui-demo"));
			if (body != null) {
				request.contentType(MediaType.APPLICATION_JSON).content(body);
			}
			mvc.perform(request)
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("consent"))
				.andExpect(jsonPath("$.errors[0].message").value(CONSENT_REQUIRED));
			assertThat(registrations(id, me)).as(String.valueOf(body)).isZero();
			assertThat(seatsTaken(id)).isEqualTo(7);
		}

		String created = mvc.perform(post("/api/activities/" + id + "/registrations").with(httpBasic("teacher", "gonghui-demo"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"consent\":true}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("REGISTERED"))
			.andExpect(jsonPath("$.consentAt").value(notNullValue()))
			.andExpect(jsonPath("$.consentOffline").value(false))
			.andReturn().getResponse().getContentAsString();
		Map<String, Object> consent = consentOf(id, me);
		assertThat(consent.get("consent_at")).isNotNull();
		assertThat(consent.get("consent_version")).isEqualTo("2026-12-v1");
		assertThat(consent.get("consent_offline")).isEqualTo(false);
		// The consent time is the sign-up's own moment, as the answer says.
		java.sql.Timestamp at = jdbc.sql("select consent_at from registration where activity_id = :a and member_id = :m").param("a", id)
			.param("m", me).query(java.sql.Timestamp.class).single();
		assertThat(at.toInstant()).isEqualTo(java.time.Instant.parse(JsonPath.read(created, "$.consentAt")));
		assertThat(seatsTaken(id)).isEqualTo(8);

		// Consent comes first even for a repeat; with it, the same registration (200).
		mvc.perform(post("/api/activities/" + id + "/registrations").with(httpBasic("teacher", "gonghui-demo")))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("consent"));
		mvc.perform(post("/api/activities/" + id + "/registrations").with(httpBasic("teacher", "gonghui-demo"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"consent\":true}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value(((Number) JsonPath.read(created, "$.id")).longValue()));
		assertThat(registrations(id, me)).isEqualTo(1);
	}

	@Test
	void otherKindsRegisterWithoutConsentAsBefore() throws Exception {
		long visit = jdbc.sql("select id from activity where title = '新就业形态劳动者走进红色纪念馆'").query(Long.class).single();
		mvc.perform(post("/api/activities/" + visit + "/registrations").with(httpBasic("worker", "gonghui-demo")))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("REGISTERED"))
			.andExpect(jsonPath("$.consentAt").value(nullValue()));
		long worker = jdbc.sql("select id from member where account_username = 'worker'").query(Long.class).single();
		assertThat(consentOf(visit, worker).get("consent_at")).isNull();
	}

	@Test
	void staffRecordOnlyAPaperConsentAndOneMemberAtATime() throws Exception {
		long id = integrity();
		List<Long> people = ActivityFixtures.members(jdbc, "北京工商大学工会", "北京工商大学", "青年教师", 3);
		mvc.perform(post("/api/activities/" + id + "/registrations").with(httpBasic("beijing", "gonghui-demo"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"memberId\":" + people.get(0) + "}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("consent"))
			.andExpect(jsonPath("$.errors[0].message").value("代职工报名团体心理辅导，须先取得本人签署的知情同意书，并勾选确认"));
		assertThat(registrations(id, people.get(0))).isZero();
		mvc.perform(post("/api/activities/" + id + "/registrations").with(httpBasic("beijing", "gonghui-demo"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"memberId\":" + people.get(0) + ",\"consent\":true}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.consentOffline").value(true));
		assertThat(consentOf(id, people.get(0)).get("consent_offline")).isEqualTo(true);

		// A list of card numbers cannot carry each person's signature: one at a time, with the tick.
		String two = ActivityFixtures.card(jdbc, people.get(1)) + "\",\"" + ActivityFixtures.card(jdbc, people.get(2));
		mvc.perform(post("/api/activities/" + id + "/registrations/list").with(httpBasic("beijing", "gonghui-demo"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"entries\":[\"" + two + "\"],\"consent\":true}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("entries"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("逐人报名")));
		String one = "{\"entries\":[\"" + ActivityFixtures.card(jdbc, people.get(1)) + "\"]";
		mvc.perform(post("/api/activities/" + id + "/registrations/list").with(httpBasic("beijing", "gonghui-demo"))
				.contentType(MediaType.APPLICATION_JSON).content(one + "}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("consent"));
		assertThat(registrations(id, people.get(1)) + registrations(id, people.get(2))).isZero();
		mvc.perform(post("/api/activities/" + id + "/registrations/list").with(httpBasic("beijing", "gonghui-demo"))
				.contentType(MediaType.APPLICATION_JSON).content(one + ",\"consent\":true}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].created").value(true))
			.andExpect(jsonPath("$[0].status").value("REGISTERED"));
		assertThat(consentOf(id, people.get(1)).get("consent_offline")).isEqualTo(true);
		// Nine seat holders now: the group of at least 8 has formed.
		mvc.perform(get("/api/activities/" + id).with(httpBasic("beijing", "gonghui-demo")))
			.andExpect(jsonPath("$.seatsTaken").value(9)).andExpect(jsonPath("$.minParticipants").value(8));
	}

	@Test
	void theLeastGroupSizeMayNotExceedTheCapacity() throws Exception {
		long btbu = id(jdbc, "北京工商大学工会");
		long before = jdbc.sql("select count(*) from activity").query(Long.class).single();
		String body = """
				{"title":"压力管理团体辅导","kind":"GROUP_COUNSELLING","organizationId":%d,"capacity":%d,"minParticipants":%d,
				 "sessions":[{"title":"第一次","type":"COUNSELLING","startsAt":"2030-06-01T06:00:00Z","endsAt":"2030-06-01T08:00:00Z"}]}""";
		mvc.perform(post("/api/activities").with(httpBasic("beijing", "gonghui-demo")).contentType(MediaType.APPLICATION_JSON)
				.content(body.formatted(btbu, 8, 12)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("minParticipants"))
			.andExpect(jsonPath("$.errors[0].message").value("最少成团人数不能多于名额（8 人）"));
		mvc.perform(post("/api/activities").with(httpBasic("beijing", "gonghui-demo")).contentType(MediaType.APPLICATION_JSON)
				.content(body.formatted(btbu, 8, 0)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("minParticipants"));
		assertThat(jdbc.sql("select count(*) from activity").query(Long.class).single()).isEqualTo(before);

		String created = mvc.perform(post("/api/activities").with(httpBasic("beijing", "gonghui-demo")).contentType(MediaType.APPLICATION_JSON)
				.content(body.formatted(btbu, 12, 8)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.capacity").value(12))
			.andExpect(jsonPath("$.minParticipants").value(8))
			.andReturn().getResponse().getContentAsString();
		long id = ((Number) JsonPath.read(created, "$.id")).longValue();
		int version = JsonPath.read(created, "$.version");
		String edit = "{\"version\":%d,\"title\":\"压力管理团体辅导\",\"capacity\":%d,\"minParticipants\":%d,\"waitlistEnabled\":true}";
		mvc.perform(put("/api/activities/" + id).with(httpBasic("beijing", "gonghui-demo")).contentType(MediaType.APPLICATION_JSON)
				.content(edit.formatted(version, 12, 13)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("minParticipants"));
		// Lowering the capacity below the least size is the same refusal.
		mvc.perform(put("/api/activities/" + id).with(httpBasic("beijing", "gonghui-demo")).contentType(MediaType.APPLICATION_JSON)
				.content(edit.formatted(version, 6, 8)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("minParticipants"));
		mvc.perform(put("/api/activities/" + id).with(httpBasic("beijing", "gonghui-demo")).contentType(MediaType.APPLICATION_JSON)
				.content(edit.formatted(version, 10, 10)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.capacity").value(10))
			.andExpect(jsonPath("$.minParticipants").value(10));
	}

	@Test
	@WithUserDetails("beijing")
	void theFormRefusesALeastSizeAboveTheCapacityAndKeepsNothing() throws Exception {
		long before = jdbc.sql("select count(*) from activity").query(Long.class).single();
		mvc.perform(post("/activities/manage/new").with(csrf())
				.param("organizationId", String.valueOf(id(jdbc, "北京工商大学工会"))).param("kind", "GROUP_COUNSELLING").param("title", "压力管理团体辅导")
				.param("capacity", "10").param("minParticipants", "11").param("audience", "ORGANIZATION_SUBTREE"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("最少成团人数不能多于名额（10 人）")));
		assertThat(jdbc.sql("select count(*) from activity").query(Long.class).single()).isEqualTo(before);
		mvc.perform(post("/activities/manage/new").with(csrf())
				.param("organizationId", String.valueOf(id(jdbc, "北京工商大学工会"))).param("kind", "GROUP_COUNSELLING").param("title", "压力管理团体辅导")
				.param("capacity", "12").param("minParticipants", "8").param("audience", "ORGANIZATION_SUBTREE"))
			.andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("select min_participants from activity where title = '压力管理团体辅导'").query(Integer.class).single()).isEqualTo(8);
	}

	@Test
	@WithUserDetails("teacher")
	void thePhonePageShowsTheConsentAndTheGroupSizeAndRefusesWithoutTheTick() throws Exception {
		long id = integrity();
		mvc.perform(get("/activities/{id}", id))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("参加团体心理辅导知情同意书")))
			.andExpect(content().string(containsString("工会只看到您是否报名、是否签到")))
			.andExpect(content().string(containsString("随时")))
			.andExpect(content().string(containsString("至少 8 人成团")))
			.andExpect(content().string(containsString("还差 1 人")))
			.andExpect(content().string(containsString("name=\"consent\"")));
		mvc.perform(post("/activities/{id}/register", id).with(csrf()))
			.andExpect(redirectedUrl("/activities/" + id + "#register-form"))
			.andExpect(flash().attribute("consentError", CONSENT_REQUIRED));
		assertThat(registrations(id, teacher())).isZero();
		mvc.perform(post("/activities/{id}/register", id).with(csrf()).param("consent", "true"))
			.andExpect(redirectedUrl("/activities/" + id))
			.andExpect(flash().attribute("message", "activity.registered.REGISTERED"));
		assertThat(consentOf(id, teacher()).get("consent_at")).isNotNull();
		mvc.perform(get("/activities/{id}", id))
			.andExpect(content().string(containsString("已成团")))
			.andExpect(content().string(containsString("同意知情同意书")))
			.andExpect(content().string(not(containsString("name=\"consent\""))));
	}

	@Test
	@WithUserDetails("beijing")
	void theStaffPageShowsWhatIsStillNeededAndRegistersOnePaperConsent() throws Exception {
		long id = integrity();
		mvc.perform(get("/activities/manage/{id}", id))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("至少 8 人成团")))
			.andExpect(content().string(containsString("还差 1 人")))
			.andExpect(content().string(containsString("纸质，代登记")))
			.andExpect(content().string(containsString("已取得该职工本人签署的知情同意书")));
		long member = ActivityFixtures.members(jdbc, "北京工商大学工会", "北京工商大学", "青年教师", 1).get(0);
		String card = ActivityFixtures.card(jdbc, member);
		mvc.perform(post("/activities/manage/{id}/registrations", id).with(csrf()).param("entries", card))
			.andExpect(flash().attribute("errorText", containsString("本人签署的知情同意书")));
		assertThat(registrations(id, member)).isZero();
		mvc.perform(post("/activities/manage/{id}/registrations", id).with(csrf()).param("entries", card).param("consent", "true"))
			.andExpect(flash().attribute("listResults", hasSize(1)));
		assertThat(consentOf(id, member).get("consent_offline")).isEqualTo(true);
	}
}
