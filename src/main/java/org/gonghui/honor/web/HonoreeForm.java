package org.gonghui.honor.web;

import org.gonghui.honor.internal.HonorService.NewHonoree;

/** The honoree form as typed (strings where people type, so nothing typed is lost on an error). */
public class HonoreeForm {

	private String name;
	private String idNumber;
	private Long organizationId;
	private String employer;
	private String occupation;
	private String summary;
	private String deeds;
	private boolean publicProfile;

	NewHonoree command() {
		return new NewHonoree(name, idNumber, null, organizationId, employer, occupation, summary, deeds, publicProfile);
	}

	public String getName() { return name; }
	public void setName(String name) { this.name = name; }
	public String getIdNumber() { return idNumber; }
	public void setIdNumber(String idNumber) { this.idNumber = idNumber; }
	public Long getOrganizationId() { return organizationId; }
	public void setOrganizationId(Long organizationId) { this.organizationId = organizationId; }
	public String getEmployer() { return employer; }
	public void setEmployer(String employer) { this.employer = employer; }
	public String getOccupation() { return occupation; }
	public void setOccupation(String occupation) { this.occupation = occupation; }
	public String getSummary() { return summary; }
	public void setSummary(String summary) { this.summary = summary; }
	public String getDeeds() { return deeds; }
	public void setDeeds(String deeds) { this.deeds = deeds; }
	public boolean isPublicProfile() { return publicProfile; }
	public void setPublicProfile(boolean publicProfile) { this.publicProfile = publicProfile; }
}
