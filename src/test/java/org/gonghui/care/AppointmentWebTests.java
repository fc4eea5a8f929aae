package org.gonghui.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gonghui.TestOrganizations.id;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
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

import com.jayway.jsonpath.JsonPath;

/**
 * The counsellor, slot and booking API and pages over the demo data: status codes (201, 409, 404 across scope,
 * 403 by role), bad input on every endpoint answering 400 with nothing stored, and what each page shows whom.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({ "demo", "test" })
@Transactional
class AppointmentWebTests {

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

	private long li() {
		return jdbc.sql("select id from care_counsellor where name = '李静'").query(Long.class).single();
	}

	private long openSlotOfLi() {
		return jdbc.sql("select id from care_slot where counsellor_id = :c and status = 'OPEN' and mode = 'PHONE' order by starts_at")
			.param("c", li()).query(Long.class).list().get(0);
	}

	private long count(String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	private static LocalDate day(int ahead) {
		return LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(ahead);
	}

	@Test
	void aWorkerBooksASlotAndASecondAttemptOnItIsAConflict() throws Exception {
		long slot = openSlotOfLi();
		mvc.perform(get("/api/counsellors/for-me").with(as("worker")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].name", hasItem("李静")))
			.andExpect(jsonPath("$[*].name", not(hasItem("王磊"))));
		String created = mvc.perform(post("/api/slots/" + slot + "/bookings").with(httpBasic("worker", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
				.content("{\"discreet\":true}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("BOOKED"))
			.andReturn().getResponse().getContentAsString();
		long booking = ((Number) JsonPath.read(created, "$.id")).longValue();
		// The same worker again: the same booking. Another worker served by 李静: 409.
		mvc.perform(post("/api/slots/" + slot + "/bookings").with(as("worker")).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value(booking));
		String colleague = AppointmentFixtures.worker(jdbc, "龙潭街道总工会", null);
		mvc.perform(post("/api/slots/" + slot + "/bookings").with(as(colleague)).with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("care.slot.taken"));
		mvc.perform(get("/api/bookings").with(as("worker"))).andExpect(status().isOk()).andExpect(jsonPath("$[*].id", hasItem((int) booking)));
		mvc.perform(get("/api/bookings/" + booking).with(as(colleague))).andExpect(status().isNotFound());
		mvc.perform(post("/api/bookings/" + booking + "/cancel").with(as("worker")).with(csrf())).andExpect(status().isNoContent());
		mvc.perform(post("/api/bookings/" + booking + "/cancel").with(as("worker")).with(csrf())).andExpect(status().isConflict());
	}

	@Test
	void workersOfOtherUnionsAndStaffOfOtherDistrictsAreToldNothingExists() throws Exception {
		long slot = openSlotOfLi();
		long before = count("care_booking");
		String fengtaiWorker = AppointmentFixtures.worker(jdbc, "泛华集团工会", null);
		mvc.perform(get("/api/counsellors/for-me").with(as(fengtaiWorker))).andExpect(status().isOk()).andExpect(jsonPath("$[*].name", not(hasItem("李静"))));
		mvc.perform(post("/api/slots/" + slot + "/bookings").with(as(fengtaiWorker)).with(csrf())).andExpect(status().isNotFound());
		mvc.perform(get("/api/counsellors/" + li() + "/slots").with(as(fengtaiWorker))).andExpect(status().isNotFound());
		mvc.perform(get("/care/slots/" + slot).with(as(fengtaiWorker))).andExpect(status().isNotFound());
		// Staff of 丰台 see no 朝阳 counsellor; 朝阳's staff do, but no bookings.
		mvc.perform(get("/api/counsellors/" + li()).with(httpBasic("fengtai", PASSWORD))).andExpect(status().isNotFound());
		mvc.perform(get("/api/counsellors/" + li() + "/slots").with(httpBasic("fengtai", PASSWORD))).andExpect(status().isNotFound());
		mvc.perform(get("/api/counsellors").with(httpBasic("fengtai", PASSWORD))).andExpect(status().isOk())
			.andExpect(jsonPath("$.content[*].name", not(hasItem("李静"))));
		mvc.perform(get("/care/counsellors/manage/" + li()).with(as("fengtai"))).andExpect(status().isNotFound());
		mvc.perform(get("/api/counsellors").with(httpBasic("chaoyang", PASSWORD))).andExpect(status().isOk())
			.andExpect(jsonPath("$.content[*].name", hasItem("李静")));
		mvc.perform(get("/api/bookings").with(httpBasic("chaoyang", PASSWORD))).andExpect(status().isForbidden());
		// Roles: staff book nothing, workers manage nothing, the worker pages are the workers'.
		mvc.perform(post("/api/slots/" + slot + "/bookings").with(httpBasic("chaoyang", PASSWORD))).andExpect(status().isForbidden());
		mvc.perform(get("/api/counsellors").with(httpBasic("worker", PASSWORD))).andExpect(status().isForbidden());
		mvc.perform(get("/care/counsellors/manage").with(as("worker"))).andExpect(status().isForbidden());
		mvc.perform(get("/care/counsellors").with(as("chaoyang"))).andExpect(status().isForbidden());
		mvc.perform(get("/care/desk/slots").with(as("chaoyang"))).andExpect(status().isForbidden());
		mvc.perform(get("/api/counsellors/for-me")).andExpect(status().isUnauthorized());
		assertThat(count("care_booking")).isEqualTo(before);
	}

	@Test
	void badInputOnEveryEndpointIsA400AndStoresNothing() throws Exception {
		long slots = count("care_slot");
		long bookings = count("care_booking");
		long counsellors = count("care_counsellor");
		String url = "/api/counsellors/" + li() + "/slots";
		// Slots: malformed time, unknown mode, missing fields, end before start, not JSON, no body.
		mvc.perform(post(url).with(httpBasic("counsellor", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
				.content("{\"startsAt\":\"明天下午\",\"endsAt\":\"%sT15:00\",\"mode\":\"PHONE\",\"location\":\"010-62345678\"}".formatted(day(30))))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("startsAt"));
		mvc.perform(post(url).with(httpBasic("counsellor", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
				.content("{\"startsAt\":\"%1$sT14:00\",\"endsAt\":\"%1$sT15:00\",\"mode\":\"TELEPATHY\"}".formatted(day(30))))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("mode"));
		mvc.perform(post(url).with(httpBasic("counsellor", PASSWORD)).contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("startsAt"))).andExpect(jsonPath("$.errors[*].field", hasItem("mode")));
		mvc.perform(post(url).with(httpBasic("counsellor", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
				.content("{\"startsAt\":\"%1$sT15:00\",\"endsAt\":\"%1$sT14:00\",\"mode\":\"VIDEO\",\"link\":\"ftp://x\"}".formatted(day(30))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("endsAt"))).andExpect(jsonPath("$.errors[*].field", hasItem("link")))
			.andExpect(content().string(containsString("https://")));
		mvc.perform(post(url).with(httpBasic("counsellor", PASSWORD)).contentType(MediaType.APPLICATION_JSON).content("not json"))
			.andExpect(status().isBadRequest());
		mvc.perform(post(url).with(httpBasic("counsellor", PASSWORD)).contentType(MediaType.APPLICATION_JSON)).andExpect(status().isBadRequest());
		mvc.perform(post("/api/counsellors/abc/slots").with(httpBasic("counsellor", PASSWORD)).contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isBadRequest());
		// Bookings: a malformed id or body.
		mvc.perform(post("/api/slots/x/bookings").with(httpBasic("worker", PASSWORD))).andExpect(status().isBadRequest());
		mvc.perform(post("/api/slots/" + openSlotOfLi() + "/bookings").with(httpBasic("worker", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
				.content("{\"discreet\":\"vielleicht\"}"))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("discreet"));
		mvc.perform(post("/api/bookings/x/cancel").with(httpBasic("worker", PASSWORD))).andExpect(status().isBadRequest());
		mvc.perform(post("/api/bookings/x/confirm").with(httpBasic("counsellor", PASSWORD))).andExpect(status().isBadRequest());
		mvc.perform(post("/api/bookings/999999999/done").with(httpBasic("counsellor", PASSWORD))).andExpect(status().isNotFound());
		// Profiles: missing name and affiliation, no organisations, a non-counsellor account, a list of the wrong type.
		mvc.perform(post("/api/counsellors").with(httpBasic("chaoyang", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
				.content("{\"username\":\"chaoyang\",\"name\":\" \",\"organizationIds\":[]}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("username"))).andExpect(jsonPath("$.errors[*].field", hasItem("name")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("affiliation"))).andExpect(jsonPath("$.errors[*].field", hasItem("organizationIds")));
		mvc.perform(post("/api/counsellors").with(httpBasic("chaoyang", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
				.content("{\"organizationIds\":\"朝阳\"}"))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("organizationIds"));
		mvc.perform(put("/api/counsellors/" + li()).with(httpBasic("chaoyang", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"李静\",\"affiliation\":\"北京安定医院\",\"bio\":\"%s\",\"organizationIds\":[%d]}".formatted("长".repeat(501),
						id(jdbc, "朝阳区总工会"))))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("bio"));
		mvc.perform(put("/api/counsellors/" + li()).with(httpBasic("chaoyang", PASSWORD)).contentType(MediaType.APPLICATION_JSON)).andExpect(status().isBadRequest());
		assertThat(count("care_slot")).isEqualTo(slots);
		assertThat(count("care_booking")).isEqualTo(bookings);
		assertThat(count("care_counsellor")).isEqualTo(counsellors);
		assertThat(jdbc.sql("select bio from care_counsellor where id = :id").param("id", li()).query(String.class).single()).doesNotStartWith("长长");
	}

	@Test
	void staffCreateAProfileAndAddASlotOnThePages() throws Exception {
		String account = AppointmentFixtures.counsellorAccount(jdbc, "朝阳区总工会");
		long before = count("care_counsellor");
		mvc.perform(post("/care/counsellors/manage/new").with(as("chaoyang")).with(csrf()).param("username", account).param("name", " "))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("field-error")));
		assertThat(count("care_counsellor")).isEqualTo(before);
		String location = mvc.perform(post("/care/counsellors/manage/new").with(as("chaoyang")).with(csrf()).param("username", account)
				.param("name", "陈医生").param("affiliation", "北京安定医院").param("addOrganizationId", String.valueOf(id(jdbc, "陈经纶中学工会")))
				.param("active", "true"))
			.andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		mvc.perform(get(location).with(as("chaoyang"))).andExpect(status().isOk()).andExpect(content().string(containsString("陈经纶中学工会")));
		long room = jdbc.sql("select id from site where name = '朝阳区职工心理服务中心减压室'").query(Long.class).single();
		// A slot in the past, then a good one.
		mvc.perform(post(location + "/slots").with(as("chaoyang")).with(csrf()).param("day", day(-1).toString()).param("startTime", "10:00")
				.param("endTime", "10:50").param("mode", "SITE").param("siteId", String.valueOf(room)))
			.andExpect(status().isBadRequest()).andExpect(content().string(containsString("开始时间须晚于现在")));
		mvc.perform(post(location + "/slots").with(as("chaoyang")).with(csrf()).param("day", "明天").param("startTime", "10:00"))
			.andExpect(status().isBadRequest());
		assertThat(jdbc.sql("select count(*) from care_slot where counsellor_id = :c").param("c", id).query(Long.class).single()).isZero();
		mvc.perform(post(location + "/slots").with(as("chaoyang")).with(csrf()).param("day", day(30).toString()).param("startTime", "10:00")
				.param("endTime", "10:50").param("mode", "SITE").param("siteId", String.valueOf(room)))
			.andExpect(status().is3xxRedirection()).andExpect(redirectedUrl(location));
		assertThat(jdbc.sql("select starts_at from care_slot where counsellor_id = :c").param("c", id).query(java.sql.Timestamp.class).single()
			.toInstant()).isEqualTo(day(30).atTime(10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant());
		mvc.perform(get("/care/counsellors/manage").with(as("chaoyang"))).andExpect(status().isOk()).andExpect(content().string(containsString("陈医生")));
	}

	@Test
	void thePagesShowEachTheirOwn() throws Exception {
		mvc.perform(get("/care/counsellors").with(as("worker"))).andExpect(status().isOk()).andExpect(content().string(containsString("李静")));
		mvc.perform(get("/care/appointments").with(as("worker"))).andExpect(status().isOk()).andExpect(content().string(containsString("李静")));
		// The demo courier holds a phone appointment: 我的 reminds him.
		mvc.perform(get("/me").with(as("worker"))).andExpect(status().isOk()).andExpect(content().string(containsString("care-reminder")))
			.andExpect(content().string(containsString("010-62345678")));
		mvc.perform(get("/care/desk/slots").with(as("counsellor"))).andExpect(status().isOk()).andExpect(content().string(containsString("李静")));
		// The counsellor sees who booked; staff pages never do.
		mvc.perform(get("/care/desk/bookings").with(as("counsellor"))).andExpect(status().isOk()).andExpect(content().string(containsString("张伟")));
		mvc.perform(get("/care/counsellors/manage/" + li()).with(as("chaoyang"))).andExpect(status().isOk())
			.andExpect(content().string(not(containsString("张伟")))).andExpect(content().string(not(containsString("刘洋"))));
		// The counsellor adds a slot on the desk; a bad one shows the error and stores nothing.
		long before = count("care_slot");
		mvc.perform(post("/care/desk/slots").with(as("counsellor")).with(csrf()).param("day", day(40).toString()).param("startTime", "10:00")
				.param("endTime", "10:05").param("mode", "PHONE").param("location", "010-62345678"))
			.andExpect(status().isBadRequest()).andExpect(content().string(containsString("时长须在")));
		assertThat(count("care_slot")).isEqualTo(before);
		mvc.perform(post("/care/desk/slots").with(as("counsellor")).with(csrf()).param("day", day(40).toString()).param("startTime", "10:00")
				.param("endTime", "10:45").param("mode", "PHONE").param("location", "010-62345678"))
			.andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/care/desk/slots"));
		assertThat(count("care_slot")).isEqualTo(before + 1);
	}

	@Test
	void theWorkerBooksAndCancelsOnThePages() throws Exception {
		long slot = openSlotOfLi();
		mvc.perform(get("/care/slots/" + slot).with(as("worker"))).andExpect(status().isOk()).andExpect(content().string(containsString("确认预约")));
		mvc.perform(post("/care/slots/" + slot + "/book").with(as("worker")).with(csrf()).param("discreet", "true"))
			.andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/care/appointments"));
		long booking = jdbc.sql("select id from care_booking where active_slot_id = :s").param("s", slot).query(Long.class).single();
		assertThat(jdbc.sql("select discreet from care_booking where id = :id").param("id", booking).query(Boolean.class).single()).isTrue();
		// Taken now: the page sends the next worker back to the list with the reason.
		String colleague = AppointmentFixtures.worker(jdbc, "龙潭街道总工会", null);
		mvc.perform(get("/care/slots/" + slot).with(as(colleague))).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/care/counsellors"));
		mvc.perform(post("/care/appointments/" + booking + "/cancel").with(as(colleague)).with(csrf())).andExpect(status().isNotFound());
		mvc.perform(post("/care/appointments/" + booking + "/cancel").with(as("worker")).with(csrf()))
			.andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/care/appointments"));
		assertThat(jdbc.sql("select status from care_booking where id = :id").param("id", booking).query(String.class).single()).isEqualTo("CANCELLED");
	}
}
