package org.gonghui.honor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.gonghui.TestUsers;
import org.gonghui.honor.internal.WorkingCalendar;
import org.gonghui.honor.internal.WorkingCalendar.DayKind;
import org.gonghui.honor.internal.WorkingCalendar.SpecialDay;
import org.gonghui.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.annotation.Transactional;

/**
 * Working days on the official calendar of 2025 and 2026 (as published by the State Council): notices
 * that start before 春节 and 国庆 end on the right day, 调休 Saturdays and Sundays count, a year without
 * data is refused, and an administrator can enter the next year. H2 and PostgreSQL.
 */
@SpringBootTest
@ActiveProfiles({ "demo", "test" })
@Transactional
abstract class WorkingCalendarContract {

	@Autowired
	WorkingCalendar calendar;

	@Autowired
	UserDetailsService users;

	private LocalDate fifth(String from) {
		return calendar.nthWorkingDay(LocalDate.parse(from), 5);
	}

	@Test
	void fiveWorkingDaysAroundTheHolidaysOf2025() {
		// 国庆+中秋 2025: 10.1–10.8 off; Sunday 9.28 and Saturday 10.11 worked.
		assertThat(fifth("2025-09-26")).isEqualTo("2025-10-09");
		assertThat(fifth("2025-10-09")).isEqualTo("2025-10-14");
		// 春节 2025: 1.28–2.4 off; Sunday 1.26 and Saturday 2.8 worked.
		assertThat(fifth("2025-01-24")).isEqualTo("2025-02-06");
		assertThat(calendar.nthWorkingDay(LocalDate.parse("2025-02-07"), 2)).isEqualTo("2025-02-08");
		// 劳动节 2025: 5.1–5.5 off, Sunday 4.27 worked.
		assertThat(fifth("2025-04-25")).isEqualTo("2025-04-30");
		assertThat(fifth("2025-04-29")).isEqualTo("2025-05-08");
	}

	@Test
	void fiveWorkingDaysAroundTheHolidaysOf2026() {
		// 春节 2026: 2.15–2.23 off; Saturdays 2.14 and 2.28 worked.
		assertThat(fifth("2026-02-12")).isEqualTo("2026-02-25");
		// 国庆 2026: 10.1–10.7 off; Sunday 9.20 and Saturday 10.10 worked; 中秋 9.25–9.27 off.
		assertThat(fifth("2026-09-30")).isEqualTo("2026-10-12");
		assertThat(fifth("2026-09-18")).isEqualTo("2026-09-23");
		// 元旦 2026: 1.1–1.3 off, Sunday 1.4 worked; a day that is itself a working day counts.
		assertThat(calendar.nthWorkingDay(LocalDate.parse("2026-01-04"), 1)).isEqualTo("2026-01-04");
		assertThat(calendar.nthWorkingDay(LocalDate.parse("2026-01-01"), 1)).isEqualTo("2026-01-04");
	}

	@Test
	void aYearWithoutDataIsRefusedUntilAnAdministratorEntersIt() {
		assertThatThrownBy(() -> fifth("2026-12-28")).isInstanceOf(InvalidInputException.class)
			.satisfies(e -> assertThat(((InvalidInputException) e).problems()).singleElement()
				.satisfies(p -> assertThat(p.code()).isEqualTo("calendar.yearMissing")));
		List<SpecialDay> y2027 = List.of(new SpecialDay(LocalDate.parse("2027-01-01"), DayKind.HOLIDAY, "元旦"));
		assertThatThrownBy(() -> TestUsers.runAs(users, "fengtai", () -> {
			calendar.replaceYear(2027, "通知", y2027);
			return null;
		})).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> TestUsers.runAs(users, "admin", () -> {
			calendar.replaceYear(2027, "通知", List.of(new SpecialDay(LocalDate.parse("2026-05-01"), DayKind.HOLIDAY, "错年")));
			return null;
		})).isInstanceOf(InvalidInputException.class);
		TestUsers.runAs(users, "admin", () -> {
			calendar.replaceYear(2027, "国务院办公厅关于2027年部分节假日安排的通知（测试）", y2027);
			return null;
		});
		// 12.28–12.31 (Mon–Thu), 2027-01-01 off, Monday 1.4 the fifth.
		assertThat(fifth("2026-12-28")).isEqualTo("2027-01-04");
		assertThatThrownBy(() -> calendar.nthWorkingDay(LocalDate.parse("2026-01-05"), 0)).isInstanceOf(InvalidInputException.class);
	}
}
