package org.gonghui.honor.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.gonghui.honor.internal.WorkingCalendar;
import org.gonghui.honor.internal.WorkingCalendar.DayKind;
import org.gonghui.honor.internal.WorkingCalendar.SpecialDay;
import org.gonghui.platform.CurrentUser;
import org.gonghui.platform.FormErrors;
import org.gonghui.platform.Role;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.InvalidInputException.FieldProblem;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The working-day calendar as a page: staff read each year's holidays and make-up working days; an
 * administrator enters a year as the State Council publishes it, one day per line ("2027-02-06 上班 春节调休").
 */
@Controller
class CalendarController {

	private final WorkingCalendar calendar;
	private final CurrentUser currentUser;
	private final MessageSource messages;

	CalendarController(WorkingCalendar calendar, CurrentUser currentUser, MessageSource messages) {
		this.calendar = calendar;
		this.currentUser = currentUser;
		this.messages = messages;
	}

	@GetMapping("/calendar")
	String current() {
		return "redirect:/calendar/" + LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
	}

	@GetMapping("/calendar/{year:\\d{4}}")
	String year(@PathVariable int year, Model model) {
		List<SpecialDay> days = calendar.days(year);
		model.addAttribute("year", year);
		model.addAttribute("years", calendar.years());
		model.addAttribute("days", days);
		var info = calendar.years().stream().filter(y -> y.year() == year).findFirst();
		model.addAttribute("known", info.isPresent());
		model.addAttribute("source", info.map(WorkingCalendar.YearInfo::source).orElse(""));
		model.addAttribute("isAdmin", currentUser.hasRole(Role.ADMIN));
		if (!model.containsAttribute("lines")) {
			model.addAttribute("lines", days.stream().map(CalendarController::line).collect(Collectors.joining("\n")));
		}
		model.addAttribute("activeNav", "/campaigns");
		return "calendar/year";
	}

	private static String line(SpecialDay d) {
		return d.day() + " " + (d.kind() == DayKind.HOLIDAY ? "放假" : "上班") + (d.note() == null ? "" : " " + d.note());
	}

	@PostMapping("/calendar/{year:\\d{4}}")
	String replace(@PathVariable int year, @RequestParam(required = false) String source, @RequestParam(required = false) String lines,
			RedirectAttributes redirect) {
		try {
			calendar.replaceYear(year, source, parse(lines));
			redirect.addFlashAttribute("message", "calendar.saved");
		}
		catch (InvalidInputException e) {
			FormErrors.flash(e, redirect, messages);
			redirect.addFlashAttribute("lines", lines);
		}
		return "redirect:/calendar/" + year;
	}

	/** One day per line: the date, 放假 or 上班 (also HOLIDAY, WORKDAY, 调休), an optional note. */
	static List<SpecialDay> parse(String text) {
		List<SpecialDay> days = new ArrayList<>();
		List<FieldProblem> problems = new ArrayList<>();
		String[] rows = text == null ? new String[0] : text.split("\\R");
		for (int i = 0; i < rows.length; i++) {
			String row = rows[i].strip();
			if (row.isEmpty()) {
				continue;
			}
			String[] parts = row.split("[\\s,，]+", 3);
			try {
				LocalDate day = LocalDate.parse(parts[0]);
				DayKind kind = parts.length < 2 ? null : switch (parts[1]) {
					case "放假", "休", "HOLIDAY" -> DayKind.HOLIDAY;
					case "上班", "班", "调休", "WORKDAY" -> DayKind.WORKDAY;
					default -> null;
				};
				if (kind == null) {
					problems.add(new FieldProblem("lines", "calendar.line.invalid", i + 1));
					continue;
				}
				days.add(new SpecialDay(day, kind, parts.length > 2 ? parts[2] : null));
			}
			catch (java.time.format.DateTimeParseException e) {
				problems.add(new FieldProblem("lines", "calendar.line.invalid", i + 1));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return days;
	}
}
