package org.gonghui.workplan.standard.web;

import java.time.LocalDate;
import java.util.List;

import org.gonghui.workplan.standard.internal.StandardService.CampaignInput;
import org.springframework.format.annotation.DateTimeFormat;

/** The campaign form: every union below the chosen district is assessed (the service decides which those are). */
public class CampaignForm {

	private Long templateId;
	private Integer year;
	private Long districtId;
	private String name;
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate startsOn;
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate endsOn;
	/** Never bound from the request: only where the service's problem about the unions is shown. */
	private List<Long> unionIds;

	CampaignInput input(List<Long> unions) {
		return new CampaignInput(templateId, districtId, year, name, unions, startsOn, endsOn);
	}

	public Long getTemplateId() {
		return templateId;
	}

	public void setTemplateId(Long templateId) {
		this.templateId = templateId;
	}

	public Integer getYear() {
		return year;
	}

	public void setYear(Integer year) {
		this.year = year;
	}

	public Long getDistrictId() {
		return districtId;
	}

	public void setDistrictId(Long districtId) {
		this.districtId = districtId;
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public LocalDate getStartsOn() {
		return startsOn;
	}

	public void setStartsOn(LocalDate startsOn) {
		this.startsOn = startsOn;
	}

	public LocalDate getEndsOn() {
		return endsOn;
	}

	public void setEndsOn(LocalDate endsOn) {
		this.endsOn = endsOn;
	}

	public List<Long> getUnionIds() {
		return unionIds;
	}
}
