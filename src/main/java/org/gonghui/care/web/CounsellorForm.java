package org.gonghui.care.web;

import java.util.ArrayList;
import java.util.List;

import org.gonghui.care.internal.CounsellorService.CounsellorInput;
import org.gonghui.care.internal.CounsellorService.CounsellorView;
import org.gonghui.care.internal.CounsellorService.OrgName;

/**
 * The counsellor profile form. The organisations served are the ticked ones of the list plus one picked with the
 * organisation picker; those outside the caller's scope are not on the form (the service keeps them).
 */
public class CounsellorForm {

	private String username;
	private String name;
	private String credential;
	private String credentialBody;
	private String affiliation;
	private String languages;
	private String bio;
	private List<Long> organizationIds = new ArrayList<>();
	private Long addOrganizationId;
	private boolean active = true;

	static CounsellorForm of(CounsellorView c) {
		CounsellorForm f = new CounsellorForm();
		f.username = c.username();
		f.name = c.name();
		f.credential = c.credential();
		f.credentialBody = c.credentialBody();
		f.affiliation = c.affiliation();
		f.languages = c.languages();
		f.bio = c.bio();
		f.organizationIds = new ArrayList<>(c.organizations().stream().filter(OrgName::inScope).map(OrgName::id).toList());
		f.active = c.active();
		return f;
	}

	CounsellorInput command() {
		List<Long> ids = new ArrayList<>(organizationIds == null ? List.of() : organizationIds);
		if (addOrganizationId != null && !ids.contains(addOrganizationId)) {
			ids.add(addOrganizationId);
		}
		return new CounsellorInput(username, name, credential, credentialBody, affiliation, languages, bio, ids, active);
	}

	public String getUsername() {
		return username;
	}

	public void setUsername(String username) {
		this.username = username;
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getCredential() {
		return credential;
	}

	public void setCredential(String credential) {
		this.credential = credential;
	}

	public String getCredentialBody() {
		return credentialBody;
	}

	public void setCredentialBody(String credentialBody) {
		this.credentialBody = credentialBody;
	}

	public String getAffiliation() {
		return affiliation;
	}

	public void setAffiliation(String affiliation) {
		this.affiliation = affiliation;
	}

	public String getLanguages() {
		return languages;
	}

	public void setLanguages(String languages) {
		this.languages = languages;
	}

	public String getBio() {
		return bio;
	}

	public void setBio(String bio) {
		this.bio = bio;
	}

	public List<Long> getOrganizationIds() {
		return organizationIds;
	}

	public void setOrganizationIds(List<Long> organizationIds) {
		this.organizationIds = organizationIds;
	}

	public Long getAddOrganizationId() {
		return addOrganizationId;
	}

	public void setAddOrganizationId(Long addOrganizationId) {
		this.addOrganizationId = addOrganizationId;
	}

	public boolean isActive() {
		return active;
	}

	public void setActive(boolean active) {
		this.active = active;
	}
}
