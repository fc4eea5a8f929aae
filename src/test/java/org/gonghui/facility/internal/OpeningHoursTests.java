package org.gonghui.facility.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.gonghui.facility.internal.OpeningHours.DayHours;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.InvalidInputException.FieldProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OpeningHoursTests {

	// 2024-01-01 is a Monday.
	private static LocalDateTime at(DayOfWeek day, int hour, int minute) {
		return LocalDateTime.of(2024, 1, day.getValue(), hour, minute);
	}

	@Test
	void alwaysOpen() {
		OpeningHours hours = OpeningHours.parse("24/7");
		assertThat(hours.alwaysOpen()).isTrue();
		assertThat(hours.neverOpen()).isFalse();
		assertThat(hours.text()).isEqualTo("24/7");
		for (int minute = 0; minute < 7 * 1440; minute += 7) {
			assertThat(hours.isOpenAtMinuteOfWeek(minute)).isTrue();
		}
		assertThat(hours.isOpenAtMinuteOfWeek(10079)).isTrue();
		assertThat(OpeningHours.parse("Mo-Su 00:00-24:00")).isEqualTo(hours);
		assertThat(OpeningHours.parse("00:00-24:00")).isEqualTo(hours);
		assertThat(OpeningHours.parse(" 24/7 ; ")).isEqualTo(hours);
		assertThat(OpeningHours.parse("Mo-Su 00:00-24:00").text()).isEqualTo("24/7");
		assertThat(hours.week()).allSatisfy(day -> assertThat(day.intervals()).containsExactly("00:00–24:00"));
	}

	@Test
	void weekdaysAndWeekend() {
		OpeningHours hours = OpeningHours.parse("Mo-Fr 08:00-18:00; Sa,Su 09:00-17:00");
		assertThat(hours.isOpenAt(at(DayOfWeek.MONDAY, 7, 59))).isFalse();
		assertThat(hours.isOpenAt(at(DayOfWeek.MONDAY, 8, 0))).isTrue();
		assertThat(hours.isOpenAt(at(DayOfWeek.FRIDAY, 17, 59))).isTrue();
		assertThat(hours.isOpenAt(at(DayOfWeek.FRIDAY, 18, 0))).isFalse();
		assertThat(hours.isOpenAt(at(DayOfWeek.SATURDAY, 8, 59))).isFalse();
		assertThat(hours.isOpenAt(at(DayOfWeek.SATURDAY, 9, 0))).isTrue();
		assertThat(hours.isOpenAt(at(DayOfWeek.SUNDAY, 16, 59))).isTrue();
		assertThat(hours.isOpenAt(at(DayOfWeek.SUNDAY, 17, 0))).isFalse();
		assertThat(hours.alwaysOpen()).isFalse();
		assertThat(hours.neverOpen()).isFalse();
		assertThat(hours.text()).isEqualTo("Mo-Fr 08:00-18:00; Sa,Su 09:00-17:00");
	}

	@Test
	void overnightEveryDay() {
		OpeningHours hours = OpeningHours.parse("Mo-Su 22:00-06:00");
		assertThat(hours.isOpenAt(at(DayOfWeek.MONDAY, 21, 59))).isFalse();
		assertThat(hours.isOpenAt(at(DayOfWeek.MONDAY, 22, 0))).isTrue();
		assertThat(hours.isOpenAt(at(DayOfWeek.MONDAY, 23, 0))).isTrue();
		assertThat(hours.isOpenAt(at(DayOfWeek.TUESDAY, 5, 59))).isTrue();
		assertThat(hours.isOpenAt(at(DayOfWeek.TUESDAY, 6, 0))).isFalse();
		assertThat(hours.isOpenAt(at(DayOfWeek.TUESDAY, 12, 0))).isFalse();
		// Sunday night runs into Monday morning, at the start of the week.
		assertThat(hours.isOpenAt(at(DayOfWeek.SUNDAY, 23, 30))).isTrue();
		assertThat(hours.isOpenAt(at(DayOfWeek.MONDAY, 0, 30))).isTrue();
		assertThat(hours.isOpenAtMinuteOfWeek(0)).isTrue();
		assertThat(hours.isOpenAtMinuteOfWeek(10079)).isTrue();
		assertThat(hours.text()).isEqualTo("Mo-Su 22:00-06:00");
		assertThat(hours.week()).allSatisfy(day -> assertThat(day.intervals()).containsExactly("22:00–06:00"));
	}

	@Test
	void overnightOnOneDaySpillsIntoTheNextOnly() {
		OpeningHours hours = OpeningHours.parse("Fr 22:00-02:00");
		assertThat(hours.isOpenAt(at(DayOfWeek.FRIDAY, 21, 59))).isFalse();
		assertThat(hours.isOpenAt(at(DayOfWeek.FRIDAY, 22, 0))).isTrue();
		assertThat(hours.isOpenAt(at(DayOfWeek.SATURDAY, 1, 0))).isTrue();
		assertThat(hours.isOpenAt(at(DayOfWeek.SATURDAY, 2, 0))).isFalse();
		assertThat(hours.isOpenAt(at(DayOfWeek.SUNDAY, 1, 0))).isFalse();
		assertThat(hours.isOpenAt(at(DayOfWeek.FRIDAY, 1, 0))).isFalse();
		assertThat(hours.text()).isEqualTo("Fr 22:00-02:00");
		// Sunday night wraps to Monday morning.
		OpeningHours sunday = OpeningHours.parse("Su 20:00-03:00");
		assertThat(sunday.isOpenAt(at(DayOfWeek.MONDAY, 2, 59))).isTrue();
		assertThat(sunday.isOpenAt(at(DayOfWeek.MONDAY, 3, 0))).isFalse();
		assertThat(sunday.isOpenAt(at(DayOfWeek.SUNDAY, 2, 0))).isFalse();
	}

	@Test
	void extendedHoursRunIntoTheNextDay() {
		assertThat(OpeningHours.parse("Fr 18:00-26:00")).isEqualTo(OpeningHours.parse("Fr 18:00-02:00"));
		assertThat(OpeningHours.parse("Fr 18:00-26:00").text()).isEqualTo("Fr 18:00-02:00");
		// Start equal to end is a full 24 hours, as in OSM.
		OpeningHours hours = OpeningHours.parse("Mo 06:00-06:00");
		assertThat(hours.isOpenAt(at(DayOfWeek.MONDAY, 5, 59))).isFalse();
		assertThat(hours.isOpenAt(at(DayOfWeek.MONDAY, 6, 0))).isTrue();
		assertThat(hours.isOpenAt(at(DayOfWeek.TUESDAY, 5, 59))).isTrue();
		assertThat(hours.isOpenAt(at(DayOfWeek.TUESDAY, 6, 0))).isFalse();
		assertThat(OpeningHours.parse(hours.text())).isEqualTo(hours);
	}

	@Test
	void endsAtMidnight() {
		OpeningHours hours = OpeningHours.parse("Mo 18:00-24:00");
		assertThat(hours.isOpenAt(at(DayOfWeek.MONDAY, 23, 59))).isTrue();
		assertThat(hours.isOpenAt(at(DayOfWeek.TUESDAY, 0, 0))).isFalse();
		assertThat(hours.text()).isEqualTo("Mo 18:00-24:00");
		// 22:00-00:00 ends at midnight too, not 24 hours later.
		assertThat(OpeningHours.parse("Mo 18:00-00:00")).isEqualTo(hours);
	}

	@Test
	void dayBoundaryIsExactlyMidnight() {
		OpeningHours hours = OpeningHours.parse("Tu 00:00-01:00");
		assertThat(hours.isOpenAt(at(DayOfWeek.MONDAY, 23, 59))).isFalse();
		assertThat(hours.isOpenAt(at(DayOfWeek.TUESDAY, 0, 0))).isTrue();
		assertThat(hours.isOpenAt(at(DayOfWeek.TUESDAY, 0, 59))).isTrue();
		assertThat(hours.isOpenAt(at(DayOfWeek.TUESDAY, 1, 0))).isFalse();
		assertThat(OpeningHours.minuteOfWeek(at(DayOfWeek.MONDAY, 0, 0))).isZero();
		assertThat(OpeningHours.minuteOfWeek(at(DayOfWeek.TUESDAY, 0, 0))).isEqualTo(1440);
		assertThat(OpeningHours.minuteOfWeek(at(DayOfWeek.SUNDAY, 23, 59))).isEqualTo(10079);
		assertThat(OpeningHours.minuteOfWeek(LocalDateTime.of(2024, 1, 1, 0, 0, 59, 999_999_999))).isZero();
		assertThatIllegalArgumentException().isThrownBy(() -> hours.isOpenAtMinuteOfWeek(-1));
		assertThatIllegalArgumentException().isThrownBy(() -> hours.isOpenAtMinuteOfWeek(10080));
	}

	@Test
	void laterRulesReplaceEarlierOnesForTheirDays() {
		OpeningHours hours = OpeningHours.parse("Mo-Su 08:00-18:00; Su off");
		assertThat(hours.isOpenAt(at(DayOfWeek.SATURDAY, 12, 0))).isTrue();
		assertThat(hours.isOpenAt(at(DayOfWeek.SUNDAY, 12, 0))).isFalse();
		assertThat(hours.text()).isEqualTo("Mo-Sa 08:00-18:00");
		assertThat(OpeningHours.parse("Mo-Su 08:00-18:00; Sa 10:00-12:00").isOpenAt(at(DayOfWeek.SATURDAY, 9, 0))).isFalse();
		assertThat(OpeningHours.parse("08:00-18:00; Mo closed")).isEqualTo(OpeningHours.parse("Tu-Su 08:00-18:00"));
		// An earlier rule does not replace a later one.
		assertThat(OpeningHours.parse("Su off; Mo-Su 08:00-18:00").isOpenAt(at(DayOfWeek.SUNDAY, 12, 0))).isTrue();
	}

	@Test
	void replacingTheNextDayKeepsTheNightBefore() {
		OpeningHours hours = OpeningHours.parse("Mo-Su 22:00-02:00; Tu 10:00-12:00");
		assertThat(hours.isOpenAt(at(DayOfWeek.TUESDAY, 1, 0))).isTrue();
		assertThat(hours.isOpenAt(at(DayOfWeek.TUESDAY, 11, 0))).isTrue();
		assertThat(hours.isOpenAt(at(DayOfWeek.TUESDAY, 23, 0))).isFalse();
		assertThat(hours.isOpenAt(at(DayOfWeek.WEDNESDAY, 1, 0))).isFalse();
		assertThat(hours.isOpenAt(at(DayOfWeek.WEDNESDAY, 23, 0))).isTrue();
		assertThat(hours.text()).isEqualTo("Mo,We-Su 22:00-02:00; Tu 10:00-12:00");
		assertThat(OpeningHours.parse(hours.text())).isEqualTo(hours);
	}

	@Test
	void additionalRulesAfterACommaAdd() {
		assertThat(OpeningHours.parse("Mo-Fr 08:00-12:00, Sa 09:00-12:00"))
			.isEqualTo(OpeningHours.parse("Mo-Fr 08:00-12:00; Sa 09:00-12:00"));
		assertThat(OpeningHours.parse("Mo 08:00-10:00, Mo 14:00-16:00")).isEqualTo(OpeningHours.parse("Mo 08:00-10:00,14:00-16:00"));
		assertThat(OpeningHours.parse("Mo 08:00-10:00; Mo 14:00-16:00")).isEqualTo(OpeningHours.parse("Mo 14:00-16:00"));
	}

	@Test
	void weekdaySelectors() {
		assertThat(OpeningHours.parse("Sa-Mo 10:00-12:00")).isEqualTo(OpeningHours.parse("Mo,Sa,Su 10:00-12:00"));
		assertThat(OpeningHours.parse("Sa-Mo 10:00-12:00").text()).isEqualTo("Mo,Sa,Su 10:00-12:00");
		assertThat(OpeningHours.parse("Mo-Fr,Su 10:00-12:00")).isEqualTo(OpeningHours.parse("Mo,Tu,We,Th,Fr,Su 10:00-12:00"));
		assertThat(OpeningHours.parse("Mo-Fr,Su 10:00-12:00").text()).isEqualTo("Mo-Fr,Su 10:00-12:00");
		assertThat(OpeningHours.parse("Su-Sa 10:00-12:00").text()).isEqualTo("Mo-Su 10:00-12:00");
		assertThat(OpeningHours.parse("We 10:00-12:00").text()).isEqualTo("We 10:00-12:00");
	}

	@ParameterizedTest
	@ValueSource(strings = { "Mo-Fr 08:00-18:00; Sa,Su 09:00-17:00", "mo-fr 08:00-18:00;sa,su 09:00-17:00",
			"MO-FR 8:00-18:00; SA,SU 9:00-17:00", "Mo-Fr 08：00-18：00；Sa，Su 09：00-17：00", "Mo-Fr 08:00～18:00; Sa、Su 09:00~17:00",
			"Mo至Fr 08:00至18:00；Sa，Su 09:00到17:00", "Mo–Fr 08:00–18:00; Sa,Su 09:00—17:00", "Ｍｏ－Ｆｒ　０８：００－１８：００；Ｓａ，Ｓｕ　０９：００－１７：００",
			"  Mo - Fr   08:00 - 18:00 ;  Sa , Su 09:00 - 17:00 ; ", "Mo-Fr: 08:00-18:00; Sa,Su: 09:00-17:00",
			"Mo-Fr\u00A008:00-18:00;\tSa,Su 09:00-17:00", "Mo,Tu,We,Th,Fr 08:00-12:00,12:00-18:00; Sa-Su 09:00-17:00" })
	void readsWhatChineseStaffType(String typed) {
		OpeningHours hours = OpeningHours.parse(typed);
		assertThat(hours).isEqualTo(OpeningHours.parse("Mo-Fr 08:00-18:00; Sa,Su 09:00-17:00"));
		assertThat(hours.text()).isEqualTo("Mo-Fr 08:00-18:00; Sa,Su 09:00-17:00");
	}

	@Test
	void evaluatesAnInstantInTheSitesZone() {
		OpeningHours hours = OpeningHours.parse("Mo 22:00-24:00");
		Instant instant = Instant.parse("2024-01-01T15:30:00Z");
		assertThat(LocalDateTime.ofInstant(instant, ZoneId.of("Asia/Shanghai"))).isEqualTo(at(DayOfWeek.MONDAY, 23, 30));
		assertThat(hours.isOpenAt(instant, ZoneId.of("Asia/Shanghai"))).isTrue();
		assertThat(hours.isOpenAt(instant, ZoneOffset.UTC)).isFalse();
	}

	@Test
	void equalSchedulesWrittenDifferentlyAreEqual() {
		List<String[]> pairs = List.of(new String[] { "Mo-Su 22:00-06:00", "00:00-06:00,22:00-24:00" },
				new String[] { "Mo-Fr 08:00-18:00", "Mo-Fr 08:00-12:00,12:00-18:00" },
				new String[] { "Mo-Fr 08:00-18:00", "Mo-Su 08:00-18:00; Sa,Su off" },
				new String[] { "Mo 22:00-24:00; Tu 00:00-02:00", "Mo 22:00-02:00" },
				new String[] { "Sa 23:00-24:00, Su 00:00-01:00", "Sa 23:00-01:00" },
				new String[] { "Mo-Fr 08:00-18:00; We 08:00-18:00", "Mo-Fr 08:00-18:00" },
				new String[] { "off", "Mo-Su off" });
		for (String[] pair : pairs) {
			OpeningHours a = OpeningHours.parse(pair[0]);
			OpeningHours b = OpeningHours.parse(pair[1]);
			assertThat(a).as("%s = %s", pair[0], pair[1]).isEqualTo(b);
			assertThat(a.hashCode()).isEqualTo(b.hashCode());
			assertThat(a.text()).isEqualTo(b.text());
		}
		assertThat(OpeningHours.parse("Mo-Fr 08:00-18:00")).isNotEqualTo(OpeningHours.parse("Mo-Fr 08:00-18:01"));
		assertThat(OpeningHours.parse("Mo-Fr 08:00-18:00")).isNotEqualTo("Mo-Fr 08:00-18:00");
	}

	@Test
	void neverOpen() {
		OpeningHours hours = OpeningHours.parse("off");
		assertThat(hours.neverOpen()).isTrue();
		assertThat(hours.alwaysOpen()).isFalse();
		assertThat(hours.text()).isEqualTo("off");
		assertThat(hours.week()).allSatisfy(day -> assertThat(day.intervals()).isEmpty());
	}

	@Test
	void showsTheWeekForASitePage() {
		List<DayHours> week = OpeningHours.parse("Mo-Fr 08:00-12:00,13:30-18:00; Sa 22:00-02:00").week();
		assertThat(week).extracting(DayHours::day).containsExactly(DayOfWeek.values());
		assertThat(week.get(0).intervals()).containsExactly("08:00–12:00", "13:30–18:00");
		assertThat(week.get(4).intervals()).containsExactly("08:00–12:00", "13:30–18:00");
		assertThat(week.get(5).intervals()).containsExactly("22:00–02:00");
		assertThat(week.get(6).intervals()).isEmpty();
	}

	// ---- rejections ----

	@ParameterizedTest
	@ValueSource(strings = { "", "   ", "\u3000", ";", " ; ；" })
	void refusesNothing(String text) {
		assertProblem(text, "site.hours.empty");
		assertProblem(null, "site.hours.empty");
	}

	@Test
	void refusesTooMuch() {
		String text = "Mo 08:00-09:00" + " ".repeat(186);
		assertThat(text).hasSize(200);
		assertThat(OpeningHours.parse(text).isOpenAt(at(DayOfWeek.MONDAY, 8, 0))).isTrue();
		assertProblem(text + " ", "validation.tooLong", 200);
		// What is stored must fit too: Monday night eats into Tuesday, so the canonical form writes out three
		// different days, longer than 200 characters.
		String shorter = "Mo-Su 01:00-02:00,03:00-04:00,05:00-06:00,07:00-08:00,09:00-10:00,11:00-12:00,13:00-14:00, "
				+ "Mo 23:00-01:30";
		assertThat(shorter.length()).isLessThanOrEqualTo(200);
		assertProblem(shorter, "validation.tooLong", 200);
	}

	@ParameterizedTest
	@CsvSource(delimiterString = "=>", quoteCharacter = '\'', textBlock = """
			PH off => PH off
			Mo-Fr 08:00-18:00; PH off => PH off
			Mo-Fr 08:00-18:00; Jan-Mar Sa 09:00-12:00 => Jan-Mar Sa 09:00-12:00
			Mo-Fr 08:00-18:00 "by appointment" => "by appointment"
			Mo-Fr 08:00-18:00 || Sa 10:00-12:00 => || Sa 10:00-12:00
			Mo-Fr => Mo-Fr
			Mo-Fr 08:00-18:00; Sa => Sa
			Mon-Fri 08:00-18:00 => Mon-Fri 08:00-18:00
			Mo-Fx 08:00-18:00 => Fx 08:00-18:00
			Mo-Fr 08:00 => 08:00
			Mo-Fr 08:00- => Mo-Fr 08:00-
			8-18 => 8-18
			Mo-Fr 0800-1800 => 0800-1800
			Mo-Fr 08:000-18:00 => 08:000-18:00
			sunrise-sunset => sunrise-sunset
			Mo 08:00-12:00,off => off
			Mo off 08:00-12:00 => 08:00-12:00
			Mo-Fr 08:00-18:00, => Mo-Fr 08:00-18:00,
			24/7 Su off => 24/7 Su off
			周一至周五 08:00-18:00 => 周一至周五 08:00-18:00
			Mo[1] 08:00-12:00 => [1] 08:00-12:00
			2024 Mo 08:00-12:00 => 2024 Mo 08:00-12:00
			""")
	void namesWhatItCannotRead(String text, String fragment) {
		assertProblem(text, "site.hours.syntax", fragment);
	}

	@Test
	void shortensLongFragments() {
		var e = problem("Mo 08:00-09:00 " + "x".repeat(60));
		assertThat((String) e.args()[0]).hasSize(41).endsWith("…");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			Mo 25:00-26:00     | 25:00
			Mo 08:60-09:00     | 08:60
			Mo 08:00-18:75     | 18:75
			Mo 24:00-02:00     | 24:00
			Mo 08:00-33:00     | 08:00-33:00
			Mo 08:00-49:00     | 49:00
			Mo 99:00-10:00     | 99:00
			Mo ２５：００-２６：００ | ２５：００
			""")
	void refusesTimesThatDoNotExist(String text, String time) {
		assertProblem(text, "site.hours.time", time);
	}

	// ---- canonical text ----

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			24/7                                              | 24/7
			off                                               | off
			08:00-18:00                                       | Mo-Su 08:00-18:00
			mo-fr 8:00-18:00;sa,su 09:00-17:00                | Mo-Fr 08:00-18:00; Sa,Su 09:00-17:00
			Mo,We,Fr 10:00-12:00                              | Mo,We,Fr 10:00-12:00
			Sa,Su 10:00-12:00; Mo-Fr 08:00-18:00              | Mo-Fr 08:00-18:00; Sa,Su 10:00-12:00
			Mo-Fr 08:00-12:00,14:00-18:00; Sa 09:00-12:00     | Mo-Fr 08:00-12:00,14:00-18:00; Sa 09:00-12:00
			Mo-Sa 00:00-24:00                                 | Mo-Sa 00:00-24:00
			Mo-Su 00:00-24:00; Mo 12:00-13:00                 | Mo 12:00-13:00; Tu-Su 00:00-24:00
			Mo-Fr 22:00-06:00                                 | Mo-Fr 22:00-06:00
			Mo 20:00-24:00; Tu 00:00-23:00                    | Mo 20:00-24:00; Tu 00:00-23:00
			""")
	void writesACanonicalForm(String typed, String canonical) {
		OpeningHours hours = OpeningHours.parse(typed);
		assertThat(hours.text()).isEqualTo(canonical);
		assertThat(hours.toString()).isEqualTo(canonical);
		assertThat(OpeningHours.parse(hours.text())).isEqualTo(hours);
		assertThat(OpeningHours.parse(hours.text()).text()).isEqualTo(canonical);
	}

	@Test
	void canonicalTextReadsBackToTheSameSchedule() {
		Random random = new Random(42);
		String[] selectors = { "", "Mo ", "Tu ", "Su ", "Mo-Fr ", "Sa,Su ", "Sa-Mo ", "Fr-Tu ", "Mo,We,Fr ", "Tu-Th,Su " };
		int tooLong = 0;
		for (int i = 0; i < 2000; i++) {
			List<String> rules = new ArrayList<>();
			int count = 1 + random.nextInt(4);
			for (int r = 0; r < count; r++) {
				String selector = selectors[random.nextInt(selectors.length)];
				if (random.nextInt(8) == 0) {
					rules.add(selector + "off");
					continue;
				}
				List<String> ranges = new ArrayList<>();
				int rangeCount = 1 + random.nextInt(3);
				for (int k = 0; k < rangeCount; k++) {
					int start = random.nextInt(24 * 60);
					int end = random.nextInt(24 * 60 + 1);
					ranges.add(time(start) + "-" + time(end));
				}
				rules.add(selector + String.join(",", ranges));
			}
			String typed = String.join("; ", rules);
			OpeningHours hours;
			try {
				hours = OpeningHours.parse(typed);
			}
			catch (InvalidInputException e) {
				assertThat(e.problems().get(0).code()).isEqualTo("validation.tooLong");
				tooLong++;
				continue;
			}
			OpeningHours again = OpeningHours.parse(hours.text());
			assertThat(again).as("%s -> %s", typed, hours.text()).isEqualTo(hours);
			assertThat(again.text()).isEqualTo(hours.text());
		}
		assertThat(tooLong).as("schedules whose canonical form is too long").isLessThan(200);
	}

	private static String time(int minutes) {
		return String.format("%02d:%02d", minutes / 60, minutes % 60);
	}

	private static FieldProblem problem(String text) {
		try {
			OpeningHours.parse(text);
		}
		catch (InvalidInputException e) {
			assertThat(e.problems()).hasSize(1);
			assertThat(e.problems().get(0).field()).isEqualTo("openingHours");
			return e.problems().get(0);
		}
		throw new AssertionError("Expected InvalidInputException for " + text);
	}

	private static void assertProblem(String text, String code, Object... args) {
		FieldProblem problem = problem(text);
		assertThat(problem.code()).as(text).isEqualTo(code);
		assertThat(problem.args()).as(text).containsExactly(args);
	}
}
