package org.gonghui.honor.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.gonghui.honor.internal.NominationService.MeetingKind;
import org.gonghui.honor.internal.NominationService.NewNomination;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.InvalidInputException.FieldProblem;

/** The nomination form as typed by a union chair: the candidate, the unit's democratic step and notice, the deeds. */
public class NominationForm {

	private Long organizationId;
	private String name;
	private String idNumber;
	private String employer;
	private String occupation;
	private boolean frontLine;
	private boolean enterpriseHead;
	private MeetingKind meetingKind = MeetingKind.WORKERS_CONGRESS;
	private String meetingOn;
	private Integer meetingVotesFor;
	private Integer meetingAttendance;
	private String unitNoticeStartsOn;
	private String unitNoticeEndsOn;
	private String summary;
	private String deeds;
	private String overrideReason;

	NewNomination command() {
		List<FieldProblem> problems = new ArrayList<>();
		LocalDate meeting = SelectionCampaignForm.date(meetingOn, "meetingOn", problems);
		LocalDate noticeStart = SelectionCampaignForm.date(unitNoticeStartsOn, "unitNoticeStartsOn", problems);
		LocalDate noticeEnd = SelectionCampaignForm.date(unitNoticeEndsOn, "unitNoticeEndsOn", problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return new NewNomination(organizationId, null, null, name, idNumber, employer, occupation, frontLine, null, enterpriseHead, meetingKind, meeting,
				meetingVotesFor, meetingAttendance, noticeStart, noticeEnd, summary, deeds, overrideReason);
	}

	public Long getOrganizationId() { return organizationId; }
	public void setOrganizationId(Long organizationId) { this.organizationId = organizationId; }
	public String getName() { return name; }
	public void setName(String name) { this.name = name; }
	public String getIdNumber() { return idNumber; }
	public void setIdNumber(String idNumber) { this.idNumber = idNumber; }
	public String getEmployer() { return employer; }
	public void setEmployer(String employer) { this.employer = employer; }
	public String getOccupation() { return occupation; }
	public void setOccupation(String occupation) { this.occupation = occupation; }
	public boolean isFrontLine() { return frontLine; }
	public void setFrontLine(boolean frontLine) { this.frontLine = frontLine; }
	public boolean isEnterpriseHead() { return enterpriseHead; }
	public void setEnterpriseHead(boolean enterpriseHead) { this.enterpriseHead = enterpriseHead; }
	public MeetingKind getMeetingKind() { return meetingKind; }
	public void setMeetingKind(MeetingKind meetingKind) { this.meetingKind = meetingKind; }
	public String getMeetingOn() { return meetingOn; }
	public void setMeetingOn(String meetingOn) { this.meetingOn = meetingOn; }
	public Integer getMeetingVotesFor() { return meetingVotesFor; }
	public void setMeetingVotesFor(Integer meetingVotesFor) { this.meetingVotesFor = meetingVotesFor; }
	public Integer getMeetingAttendance() { return meetingAttendance; }
	public void setMeetingAttendance(Integer meetingAttendance) { this.meetingAttendance = meetingAttendance; }
	public String getUnitNoticeStartsOn() { return unitNoticeStartsOn; }
	public void setUnitNoticeStartsOn(String unitNoticeStartsOn) { this.unitNoticeStartsOn = unitNoticeStartsOn; }
	public String getUnitNoticeEndsOn() { return unitNoticeEndsOn; }
	public void setUnitNoticeEndsOn(String unitNoticeEndsOn) { this.unitNoticeEndsOn = unitNoticeEndsOn; }
	public String getSummary() { return summary; }
	public void setSummary(String summary) { this.summary = summary; }
	public String getDeeds() { return deeds; }
	public void setDeeds(String deeds) { this.deeds = deeds; }
	public String getOverrideReason() { return overrideReason; }
	public void setOverrideReason(String overrideReason) { this.overrideReason = overrideReason; }
}
