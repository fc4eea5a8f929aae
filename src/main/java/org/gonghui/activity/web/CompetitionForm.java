package org.gonghui.activity.web;

import java.util.ArrayList;
import java.util.List;

import org.gonghui.activity.PerformanceForm;
import org.gonghui.activity.internal.CompetitionService.NewCompetition;

/** The new-competition page as it binds: organiser, title, edition (第四十届), description and the forms it takes. */
public class CompetitionForm {

	private Long organizationId;
	private String title;
	private String edition;
	private String description;
	private List<PerformanceForm> forms = new ArrayList<>();

	NewCompetition command() {
		return new NewCompetition(organizationId, title, description, edition, forms);
	}

	public Long getOrganizationId() {
		return organizationId;
	}

	public void setOrganizationId(Long organizationId) {
		this.organizationId = organizationId;
	}

	public String getTitle() {
		return title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public String getEdition() {
		return edition;
	}

	public void setEdition(String edition) {
		this.edition = edition;
	}

	public String getDescription() {
		return description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public List<PerformanceForm> getForms() {
		return forms;
	}

	public void setForms(List<PerformanceForm> forms) {
		this.forms = forms == null ? new ArrayList<>() : forms;
	}
}
