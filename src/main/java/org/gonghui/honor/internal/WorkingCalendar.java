package org.gonghui.honor.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gonghui.platform.AuditLog;
import org.gonghui.platform.CurrentUser;
import org.gonghui.platform.Role;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.InvalidInputException.FieldProblem;
import org.gonghui.shared.Text;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Working days on China's official calendar: Monday to Friday, except the national holidays, plus the
 * make-up working days (调休) on weekends, both as data per year. A public notice (公示) runs at least five
 * working days; counting into a year that has no data is refused, never guessed.
 */
@Service
public class WorkingCalendar {

	/** Counting more than this many working days is not a notice period any more. */
	static final int MAX_DAYS = 250;

	public enum DayKind {
		HOLIDAY, WORKDAY
	}

	public record SpecialDay(LocalDate day, DayKind kind, String note) {
	}

	/** A year the calendar knows, with where its data came from and who entered it. */
	public record YearInfo(int year, String source, java.time.Instant updatedAt, String updatedBy, int holidays, int workdays) {
	}

	private final JdbcClient jdbc;
	private final CurrentUser currentUser;
	private final AuditLog audit;
	private final Clock clock;

	WorkingCalendar(JdbcClient jdbc, CurrentUser currentUser, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.currentUser = currentUser;
		this.audit = audit;
		this.clock = clock;
	}

	/** The {@code days}-th working day on or after {@code from} ({@code from} itself counts when it is one). */
	@Transactional(readOnly = true)
	public LocalDate nthWorkingDay(LocalDate from, Integer days) {
		List<FieldProblem> problems = new ArrayList<>();
		if (from == null) {
			problems.add(new FieldProblem("from", "validation.required"));
		}
		if (days == null || days < 1 || days > MAX_DAYS) {
			problems.add(new FieldProblem("days", "calendar.days.range", MAX_DAYS));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Set<Integer> years = new HashSet<>(jdbc.sql("select calendar_year from calendar_year").query(Integer.class).list());
		Map<LocalDate, DayKind> special = new HashMap<>();
		LocalDate day = from;
		int counted = 0;
		int loadedYear = -1;
		while (true) {
			if (day.getYear() != loadedYear) {
				if (!years.contains(day.getYear())) {
					throw InvalidInputException.of("from", "calendar.yearMissing", String.valueOf(day.getYear()));
				}
				loadedYear = day.getYear();
				special.putAll(year(loadedYear));
			}
			if (isWorkingDay(day, special)) {
				counted++;
				if (counted == days) {
					return day;
				}
			}
			day = day.plusDays(1);
		}
	}

	static boolean isWorkingDay(LocalDate day, Map<LocalDate, DayKind> special) {
		DayKind kind = special.get(day);
		if (kind != null) {
			return kind == DayKind.WORKDAY;
		}
		return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
	}

	@Transactional(readOnly = true)
	public List<SpecialDay> days(int year) {
		return jdbc.sql("select calendar_date, kind, note from calendar_day where calendar_date >= :from and calendar_date < :to order by calendar_date")
			.param("from", Date.valueOf(LocalDate.of(year, 1, 1))).param("to", Date.valueOf(LocalDate.of(year + 1, 1, 1)))
			.query((rs, n) -> new SpecialDay(rs.getDate("calendar_date").toLocalDate(), DayKind.valueOf(rs.getString("kind")), rs.getString("note"))).list();
	}

	@Transactional(readOnly = true)
	public List<YearInfo> years() {
		return jdbc.sql("select y.calendar_year, y.source, y.updated_at, y.updated_by,"
				+ " (select count(*) from calendar_day d where d.kind = 'HOLIDAY' and d.calendar_date >= y.first_day and d.calendar_date < y.next_first_day) as holidays,"
				+ " (select count(*) from calendar_day d where d.kind = 'WORKDAY' and d.calendar_date >= y.first_day and d.calendar_date < y.next_first_day) as workdays"
				+ " from (select calendar_year, source, updated_at, updated_by, cast(concat(cast(calendar_year as varchar(4)), '-01-01') as date) as first_day,"
				+ " cast(concat(cast(calendar_year + 1 as varchar(4)), '-01-01') as date) as next_first_day from calendar_year) y order by y.calendar_year desc")
			.query((rs, n) -> new YearInfo(rs.getInt("calendar_year"), rs.getString("source"), rs.getTimestamp("updated_at").toInstant(),
					rs.getString("updated_by"), rs.getInt("holidays"), rs.getInt("workdays")))
			.list();
	}

	/**
	 * Replaces a year's holidays and make-up working days (administrators, as published by the State
	 * Council); every day must lie in that year, and a holiday on a weekday or a working day on a weekend is
	 * what the data is for. Audited.
	 */
	@Transactional
	public void replaceYear(int year, String source, List<SpecialDay> days) {
		if (!currentUser.hasRole(Role.ADMIN)) {
			throw new AccessDeniedException("Only administrators edit the calendar");
		}
		List<FieldProblem> problems = new ArrayList<>();
		String cleanSource = Text.clean(source);
		if (year < 2000 || year > 2100) {
			problems.add(new FieldProblem("year", "calendar.year.range"));
		}
		if (cleanSource == null || cleanSource.length() > 200) {
			problems.add(new FieldProblem("source", cleanSource == null ? "validation.required" : "validation.tooLong", 200));
		}
		Set<LocalDate> seen = new HashSet<>();
		for (int i = 0; days != null && i < days.size(); i++) {
			SpecialDay d = days.get(i);
			if (d == null || d.day() == null || d.kind() == null || d.day().getYear() != year || !seen.add(d.day())
					|| d.note() != null && d.note().length() > 50) {
				problems.add(new FieldProblem("days[" + i + "]", "calendar.day.invalid", String.valueOf(year)));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		jdbc.sql("delete from calendar_day where calendar_date >= :from and calendar_date < :to").param("from", Date.valueOf(LocalDate.of(year, 1, 1)))
			.param("to", Date.valueOf(LocalDate.of(year + 1, 1, 1))).update();
		for (SpecialDay d : days == null ? List.<SpecialDay>of() : days) {
			jdbc.sql("insert into calendar_day (calendar_date, kind, note) values (:d, :k, :n)").param("d", Date.valueOf(d.day())).param("k", d.kind().name())
				.param("n", Text.clean(d.note())).update();
		}
		Timestamp now = Timestamp.from(clock.instant());
		if (jdbc.sql("update calendar_year set source = :s, updated_at = :at, updated_by = :by where calendar_year = :y").param("s", cleanSource)
			.param("at", now).param("by", currentUser.username()).param("y", year).update() == 0) {
			jdbc.sql("insert into calendar_year (calendar_year, source, updated_at, updated_by) values (:y, :s, :at, :by)").param("y", year)
				.param("s", cleanSource).param("at", now).param("by", currentUser.username()).update();
		}
		audit.record("calendar.replace", "calendar_year", year, cleanSource + ", " + (days == null ? 0 : days.size()) + " days");
	}

	private Map<LocalDate, DayKind> year(int year) {
		Map<LocalDate, DayKind> map = new HashMap<>();
		for (SpecialDay d : days(year)) {
			map.put(d.day(), d.kind());
		}
		return map;
	}
}
