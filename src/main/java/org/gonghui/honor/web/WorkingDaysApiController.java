package org.gonghui.honor.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.gonghui.honor.internal.WorkingCalendar;
import org.gonghui.honor.internal.WorkingCalendar.SpecialDay;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

/** The official working-day calendar: counting working days, and the administrator's yearly data. */
@RestController
class WorkingDaysApiController {

	private final WorkingCalendar calendar;

	WorkingDaysApiController(WorkingCalendar calendar) {
		this.calendar = calendar;
	}

	@GetMapping("/api/working-days")
	@Operation(summary = "The Nth working day on or after a date, on China's official calendar (holidays and 调休 as data)")
	Map<String, String> nth(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) Integer days) {
		return Map.of("date", calendar.nthWorkingDay(from, days).toString());
	}

	@GetMapping("/api/calendar/{year}")
	@Operation(summary = "A year's holidays and make-up working days")
	List<SpecialDay> year(@PathVariable int year) {
		return calendar.days(year);
	}

	record YearRequest(String source, List<SpecialDay> days) {
	}

	@PutMapping("/api/calendar/{year}")
	@Operation(summary = "Replace a year's holidays and make-up working days (administrators)")
	ResponseEntity<Void> replace(@PathVariable int year, @RequestBody YearRequest request) {
		calendar.replaceYear(year, request.source(), request.days());
		return ResponseEntity.noContent().build();
	}
}
