package org.gonghui.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
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

import com.jayway.jsonpath.JsonPath;

/**
 * Session notes and consents over HTTP with the demo data (李静's note of 张伟's phone appointment nine days ago):
 * 404 for every reader but its author, 400 with nothing stored, 409 before the appointment took place, the pages of
 * the counsellor and of the worker, and no staff page or export that shows a note.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({ "demo", "test" })
@Transactional
class SessionNoteWebTests {

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

	private long doneBooking() {
		return jdbc.sql("select booking_id from care_session_note n join care_counsellor c on c.id = n.counsellor_id where c.name = '李静'")
			.query(Long.class).single();
	}

	private long upcomingBooking() {
		return jdbc.sql("select b.id from care_booking b join member m on m.id = b.member_id where m.name = '张伟' and b.status = 'BOOKED'")
			.query(Long.class).list().get(0);
	}

	private String storedCipher(long booking) {
		return jdbc.sql("select body_cipher from care_session_note where booking_id = :b").param("b", booking).query(String.class).single();
	}

	@Test
	void onlyTheAuthorReadsANoteEveryoneElseIsToldItDoesNotExist() throws Exception {
		long booking = doneBooking();
		mvc.perform(get("/api/bookings/" + booking + "/note").with(httpBasic("counsellor", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.text", containsString("放松呼吸")))
			.andExpect(jsonPath("$.editable").value(true));
		for (String other : new String[] { "counsellor2", "chaoyang", "longtan", "beijing", "admin", "worker" }) {
			mvc.perform(get("/api/bookings/" + booking + "/note").with(httpBasic(other, PASSWORD))).andExpect(status().isNotFound());
			mvc.perform(put("/api/bookings/" + booking + "/note").with(httpBasic(other, PASSWORD)).contentType(MediaType.APPLICATION_JSON)
				.content("{\"text\":\"改写\"}")).andExpect(status().isNotFound());
		}
		mvc.perform(get("/care/desk/bookings/" + booking + "/note").with(as("counsellor2"))).andExpect(status().isNotFound());
		mvc.perform(get("/care/desk/bookings/" + booking + "/note").with(as("chaoyang"))).andExpect(status().isForbidden());
		mvc.perform(get("/care/desk/bookings/" + booking + "/note").with(as("counsellor")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("放松呼吸")))
			.andExpect(content().string(containsString("id=\"note-form\"")));
		// The member's page for staff shows nothing of it.
		long member = jdbc.sql("select member_id from care_session_note where booking_id = :b").param("b", booking).query(Long.class).single();
		mvc.perform(get("/members/" + member).with(as("longtan"))).andExpect(content().string(not(containsString("放松呼吸"))));
		assertThat(jdbc.sql("select count(*) from audit_entry where action = 'care.note.read'").query(Long.class).single()).isEqualTo(2);
	}

	@Test
	void badNotesAreRefusedWithNothingStoredAndNoNoteBeforeTheSession() throws Exception {
		long booking = doneBooking();
		String before = storedCipher(booking);
		for (String body : new String[] { "{}", "{\"text\":\"   \"}", "{\"text\":\"" + "字".repeat(4001) + "\"}" }) {
			mvc.perform(put("/api/bookings/" + booking + "/note").with(httpBasic("counsellor", PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(body))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("text"));
		}
		mvc.perform(post("/care/desk/bookings/" + booking + "/note").with(as("counsellor")).with(csrf()).param("text", " "))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("role=\"alert\"")));
		assertThat(storedCipher(booking)).isEqualTo(before);
		long upcoming = upcomingBooking();
		mvc.perform(put("/api/bookings/" + upcoming + "/note").with(httpBasic("counsellor", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"text\":\"预先写好\"}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("care.note.notDone"));
		mvc.perform(get("/care/desk/bookings/" + upcoming + "/note").with(as("counsellor")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"note-not-yet\"")));
		assertThat(jdbc.sql("select count(*) from care_session_note where booking_id = :b").param("b", upcoming).query(Long.class).single()).isZero();
		// A good rewrite is stored, encrypted.
		mvc.perform(put("/api/bookings/" + booking + "/note").with(httpBasic("counsellor", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"text\":\"复诊：睡眠改善。\"}")).andExpect(status().isOk()).andExpect(jsonPath("$.text").value("复诊：睡眠改善。"));
		assertThat(storedCipher(booking)).isNotEqualTo(before).doesNotContain("睡眠");
	}

	@Test
	void theWorkerNamesASuccessorServingTheirUnionAndWithdraws() throws Exception {
		long wang = jdbc.sql("select id from care_counsellor where name = '王磊'").query(Long.class).single();
		long li = jdbc.sql("select id from care_counsellor where name = '李静'").query(Long.class).single();
		long before = jdbc.sql("select count(*) from care_note_consent").query(Long.class).single();
		// 王磊 serves 朝阳 only, not 张伟's union in 东城; nobody but a worker grants.
		for (String body : new String[] { "{}", "{\"counsellorId\":" + wang + "}", "{\"counsellorId\":\"x\"}" }) {
			mvc.perform(post("/api/care/consents").with(httpBasic("worker", PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(body))
				.andExpect(status().isBadRequest());
		}
		mvc.perform(post("/api/care/consents").with(httpBasic("longtan", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"counsellorId\":" + li + "}")).andExpect(status().isForbidden());
		assertThat(jdbc.sql("select count(*) from care_note_consent").query(Long.class).single()).isEqualTo(before);
		String created = mvc.perform(post("/api/care/consents").with(httpBasic("worker", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"counsellorId\":" + li + "}")).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		long consent = ((Number) JsonPath.read(created, "$.id")).longValue();
		mvc.perform(post("/api/care/consents").with(httpBasic("worker", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"counsellorId\":" + li + "}")).andExpect(status().isOk()).andExpect(jsonPath("$.id").value(consent));
		mvc.perform(get("/care/appointments/consents").with(as("worker")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"consent-" + consent + "\"")));
		mvc.perform(get("/api/care/referrals").with(httpBasic("counsellor", PASSWORD))).andExpect(jsonPath("$[0].consentId").value(consent));
		mvc.perform(get("/care/desk/referrals/" + consent).with(as("counsellor"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("放松呼吸")));
		mvc.perform(get("/api/care/referrals/" + consent).with(httpBasic("counsellor2", PASSWORD))).andExpect(status().isNotFound());
		String colleague = AppointmentFixtures.worker(jdbc, "龙潭街道总工会", null);
		mvc.perform(delete("/api/care/consents/" + consent).with(as(colleague)).with(csrf())).andExpect(status().isNotFound());
		mvc.perform(post("/care/appointments/consents/" + consent + "/revoke").with(as(colleague)).with(csrf())).andExpect(status().isNotFound());
		mvc.perform(delete("/api/care/consents/" + consent).with(httpBasic("worker", PASSWORD))).andExpect(status().isNoContent());
		mvc.perform(get("/api/care/referrals/" + consent).with(httpBasic("counsellor", PASSWORD))).andExpect(status().isNotFound());
	}
}
