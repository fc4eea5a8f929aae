package org.gonghui.honor.web;

import java.util.ArrayList;
import java.util.List;

import org.gonghui.honor.internal.BookletService.NewBooklet;

/** The booklet form: the honorees ticked in the chooser, the title, the union on the cover, year and paper. */
public class BookletForm {

	private String title;
	private Long organizationId;
	private Integer year;
	private String paper = "A5";
	private List<Long> honoreeIds = new ArrayList<>();

	NewBooklet command() {
		return new NewBooklet(title, honoreeIds, organizationId, paper, year);
	}

	public String getTitle() { return title; }
	public void setTitle(String title) { this.title = title; }
	public Long getOrganizationId() { return organizationId; }
	public void setOrganizationId(Long organizationId) { this.organizationId = organizationId; }
	public Integer getYear() { return year; }
	public void setYear(Integer year) { this.year = year; }
	public String getPaper() { return paper; }
	public void setPaper(String paper) { this.paper = paper; }
	public List<Long> getHonoreeIds() { return honoreeIds; }
	public void setHonoreeIds(List<Long> honoreeIds) { this.honoreeIds = honoreeIds; }
}
