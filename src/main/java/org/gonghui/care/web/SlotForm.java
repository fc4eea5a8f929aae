package org.gonghui.care.web;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.gonghui.care.SlotMode;
import org.gonghui.care.internal.SlotService.NewSlot;
import org.gonghui.shared.InvalidInputException;
import org.springframework.format.annotation.DateTimeFormat;

/** The add-a-slot form: a day and two times in Beijing time, how and where. */
public class SlotForm {

	private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate day;
	@DateTimeFormat(pattern = "HH:mm")
	private LocalTime startTime;
	@DateTimeFormat(pattern = "HH:mm")
	private LocalTime endTime;
	private SlotMode mode = SlotMode.SITE;
	private Long siteId;
	private String location;
	private String link;

	NewSlot command() {
		return new NewSlot(day == null || startTime == null ? null : day.atTime(startTime).atZone(BEIJING).toInstant(),
				day == null || endTime == null ? null : day.atTime(endTime).atZone(BEIJING).toInstant(), mode, siteId, location, link);
	}

	/** The service names the instants; the form has a day and two times. */
	static InvalidInputException onForm(InvalidInputException e) {
		return new InvalidInputException(e.problems().stream()
			.map(p -> new InvalidInputException.FieldProblem(field(p.field()), p.code(), p.args()))
			.toList());
	}

	private static String field(String service) {
		if ("startsAt".equals(service)) {
			return "startTime";
		}
		return "endsAt".equals(service) ? "endTime" : service;
	}

	static List<SlotMode> modes() {
		return List.of(SlotMode.values());
	}

	public LocalDate getDay() {
		return day;
	}

	public void setDay(LocalDate day) {
		this.day = day;
	}

	public LocalTime getStartTime() {
		return startTime;
	}

	public void setStartTime(LocalTime startTime) {
		this.startTime = startTime;
	}

	public LocalTime getEndTime() {
		return endTime;
	}

	public void setEndTime(LocalTime endTime) {
		this.endTime = endTime;
	}

	public SlotMode getMode() {
		return mode;
	}

	public void setMode(SlotMode mode) {
		this.mode = mode;
	}

	public Long getSiteId() {
		return siteId;
	}

	public void setSiteId(Long siteId) {
		this.siteId = siteId;
	}

	public String getLocation() {
		return location;
	}

	public void setLocation(String location) {
		this.location = location;
	}

	public String getLink() {
		return link;
	}

	public void setLink(String link) {
		this.link = link;
	}
}
