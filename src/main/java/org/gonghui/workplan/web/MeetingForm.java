package org.gonghui.workplan.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.gonghui.workplan.internal.MeetingService.MeetingInput;
import org.gonghui.workplan.internal.MeetingService.Report;
import org.gonghui.workplan.internal.MeetingService.ResolutionInput;
import org.gonghui.workplan.internal.MeetingService.SpeechInput;
import org.springframework.format.annotation.DateTimeFormat;

/** The meeting form: a few rows of speeches and resolutions; blank rows are left out. */
public class MeetingForm {

	static final int SPEECH_ROWS = 5;
	static final int RESOLUTION_ROWS = 3;

	private Long organizationId;
	private String kind = "PLENARY";
	private Integer term;
	private Integer session;
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate date;
	private String place;
	private Integer membersTotal;
	private Integer membersPresent;
	private String reportTitle;
	private String reportReporter;
	private String reportDocument;
	private Long adoptsPlanId;
	/** Which resolution row puts the plan to the vote; none: the plan is adopted by a show of hands. */
	private Integer adoptingRow;
	private List<Speech> speeches = new ArrayList<>();
	private List<Resolution> resolutions = new ArrayList<>();

	public MeetingForm() {
		for (int i = 0; i < SPEECH_ROWS; i++) {
			speeches.add(new Speech());
		}
		for (int i = 0; i < RESOLUTION_ROWS; i++) {
			resolutions.add(new Resolution());
		}
	}

	public static class Speech {
		private String organization;
		private String speaker;
		private String title;

		public String getOrganization() {
			return organization;
		}

		public void setOrganization(String organization) {
			this.organization = organization;
		}

		public String getSpeaker() {
			return speaker;
		}

		public void setSpeaker(String speaker) {
			this.speaker = speaker;
		}

		public String getTitle() {
			return title;
		}

		public void setTitle(String title) {
			this.title = title;
		}

		boolean blank() {
			return isBlank(organization) && isBlank(speaker) && isBlank(title);
		}
	}

	public static class Resolution {
		private String title;
		private Integer votesFor;
		private Integer votesAgainst;
		private Integer votesAbstain;

		public String getTitle() {
			return title;
		}

		public void setTitle(String title) {
			this.title = title;
		}

		public Integer getVotesFor() {
			return votesFor;
		}

		public void setVotesFor(Integer votesFor) {
			this.votesFor = votesFor;
		}

		public Integer getVotesAgainst() {
			return votesAgainst;
		}

		public void setVotesAgainst(Integer votesAgainst) {
			this.votesAgainst = votesAgainst;
		}

		public Integer getVotesAbstain() {
			return votesAbstain;
		}

		public void setVotesAbstain(Integer votesAbstain) {
			this.votesAbstain = votesAbstain;
		}

		boolean blank() {
			return isBlank(title) && votesFor == null && votesAgainst == null && votesAbstain == null;
		}
	}

	static boolean isBlank(String s) {
		return s == null || s.isBlank();
	}

	MeetingInput input() {
		List<SpeechInput> speechInputs = speeches.stream().filter(s -> !s.blank()).map(s -> new SpeechInput(s.organization, null, s.speaker, s.title))
			.toList();
		List<ResolutionInput> resolutionInputs = new ArrayList<>();
		for (int i = 0; i < resolutions.size(); i++) {
			Resolution r = resolutions.get(i);
			if (!r.blank()) {
				resolutionInputs.add(new ResolutionInput(r.title, r.votesFor, r.votesAgainst, r.votesAbstain,
						adoptsPlanId != null && adoptingRow != null && adoptingRow == i));
			}
		}
		Report report = isBlank(reportTitle) && isBlank(reportReporter) && isBlank(reportDocument) ? null
				: new Report(reportTitle, reportReporter, reportDocument);
		return new MeetingInput(organizationId, kind, term, session, date, place, membersTotal, membersPresent, report, speechInputs, resolutionInputs,
				adoptsPlanId);
	}

	public Long getOrganizationId() {
		return organizationId;
	}

	public void setOrganizationId(Long organizationId) {
		this.organizationId = organizationId;
	}

	public String getKind() {
		return kind;
	}

	public void setKind(String kind) {
		this.kind = kind;
	}

	public Integer getTerm() {
		return term;
	}

	public void setTerm(Integer term) {
		this.term = term;
	}

	public Integer getSession() {
		return session;
	}

	public void setSession(Integer session) {
		this.session = session;
	}

	public LocalDate getDate() {
		return date;
	}

	public void setDate(LocalDate date) {
		this.date = date;
	}

	public String getPlace() {
		return place;
	}

	public void setPlace(String place) {
		this.place = place;
	}

	public Integer getMembersTotal() {
		return membersTotal;
	}

	public void setMembersTotal(Integer membersTotal) {
		this.membersTotal = membersTotal;
	}

	public Integer getMembersPresent() {
		return membersPresent;
	}

	public void setMembersPresent(Integer membersPresent) {
		this.membersPresent = membersPresent;
	}

	public String getReportTitle() {
		return reportTitle;
	}

	public void setReportTitle(String reportTitle) {
		this.reportTitle = reportTitle;
	}

	public String getReportReporter() {
		return reportReporter;
	}

	public void setReportReporter(String reportReporter) {
		this.reportReporter = reportReporter;
	}

	public String getReportDocument() {
		return reportDocument;
	}

	public void setReportDocument(String reportDocument) {
		this.reportDocument = reportDocument;
	}

	public Long getAdoptsPlanId() {
		return adoptsPlanId;
	}

	public void setAdoptsPlanId(Long adoptsPlanId) {
		this.adoptsPlanId = adoptsPlanId;
	}

	public Integer getAdoptingRow() {
		return adoptingRow;
	}

	public void setAdoptingRow(Integer adoptingRow) {
		this.adoptingRow = adoptingRow;
	}

	public List<Speech> getSpeeches() {
		return speeches;
	}

	public void setSpeeches(List<Speech> speeches) {
		this.speeches = speeches;
	}

	public List<Resolution> getResolutions() {
		return resolutions;
	}

	public void setResolutions(List<Resolution> resolutions) {
		this.resolutions = resolutions;
	}
}
