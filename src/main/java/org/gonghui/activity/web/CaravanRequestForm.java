package org.gonghui.activity.web;

import java.time.LocalDate;

import org.gonghui.activity.internal.CaravanService.NewCaravanRequest;
import org.springframework.format.annotation.DateTimeFormat;

/** The caravan request form as the page binds it. The workplace (employer) is derived from the union. */
public class CaravanRequestForm {

	private Long unionId;
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate windowFrom;
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate windowTo;
	private Integer expectedParticipants;
	private String needs;
	private String contactName;
	private String contactPhone;

	NewCaravanRequest command() {
		return new NewCaravanRequest(unionId, null, windowFrom, windowTo, expectedParticipants, needs, contactName, contactPhone);
	}

	public Long getUnionId() {
		return unionId;
	}

	public void setUnionId(Long unionId) {
		this.unionId = unionId;
	}

	public LocalDate getWindowFrom() {
		return windowFrom;
	}

	public void setWindowFrom(LocalDate windowFrom) {
		this.windowFrom = windowFrom;
	}

	public LocalDate getWindowTo() {
		return windowTo;
	}

	public void setWindowTo(LocalDate windowTo) {
		this.windowTo = windowTo;
	}

	public Integer getExpectedParticipants() {
		return expectedParticipants;
	}

	public void setExpectedParticipants(Integer expectedParticipants) {
		this.expectedParticipants = expectedParticipants;
	}

	public String getNeeds() {
		return needs;
	}

	public void setNeeds(String needs) {
		this.needs = needs;
	}

	public String getContactName() {
		return contactName;
	}

	public void setContactName(String contactName) {
		this.contactName = contactName;
	}

	public String getContactPhone() {
		return contactPhone;
	}

	public void setContactPhone(String contactPhone) {
		this.contactPhone = contactPhone;
	}
}
