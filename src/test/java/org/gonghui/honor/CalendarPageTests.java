package org.gonghui.honor;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;

import org.gonghui.honor.internal.WorkingCalendar;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

/** The calendar page: staff read a year; an administrator enters one line per day; bad lines are named and nothing is saved. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({ "demo", "test" })
@Transactional
class CalendarPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	WorkingCalendar calendar;

	@Test
	void staffReadAYearAndAnAdministratorEntersTheNextOne() throws Exception {
		mvc.perform(get("/calendar/2026").with(user(users.loadUserByUsername("fengtai")))).andExpect(status().isOk())
			.andExpect(content().string(containsString("2026-10-10"))).andExpect(content().string(not(containsString("calendar-form"))));
		mvc.perform(get("/calendar/2099").with(user(users.loadUserByUsername("fengtai")))).andExpect(status().isOk())
			.andExpect(content().string(containsString("尚未录入")));
		mvc.perform(post("/calendar/2099").with(user(users.loadUserByUsername("admin"))).with(csrf()).param("source", "测试通知")
			.param("lines", "2099-01-01 放假 元旦\n2099-01-03 上班\n明天 放假"))
			.andExpect(status().is3xxRedirection()).andExpect(flash().attribute("errorText", containsString("第 3 行")));
		org.assertj.core.api.Assertions.assertThat(calendar.years()).noneMatch(y -> y.year() == 2099);
		mvc.perform(post("/calendar/2099").with(user(users.loadUserByUsername("admin"))).with(csrf()).param("source", "测试通知")
			.param("lines", "2099-01-01 放假 元旦\n\n2099-01-03 上班 元旦调休"))
			.andExpect(status().is3xxRedirection()).andExpect(flash().attribute("message", "calendar.saved"));
		org.assertj.core.api.Assertions.assertThat(calendar.days(2099)).extracting(WorkingCalendar.SpecialDay::day)
			.containsExactly(LocalDate.of(2099, 1, 1), LocalDate.of(2099, 1, 3));
		// 2099-01-01 is a Thursday holiday, the 3rd a Saturday make-up day: from the 1st, the 2nd working day is the 3rd.
		org.assertj.core.api.Assertions.assertThat(calendar.nthWorkingDay(LocalDate.of(2099, 1, 1), 2)).isEqualTo(LocalDate.of(2099, 1, 3));
		mvc.perform(post("/calendar/2099").with(user(users.loadUserByUsername("fengtai"))).with(csrf()).param("source", "x").param("lines", ""))
			.andExpect(status().isForbidden());
		org.assertj.core.api.Assertions.assertThat(List.of(calendar.days(2099).size())).containsExactly(2);
	}
}
