package org.gonghui.activity.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.gonghui.activity.ActivityKind;
import org.gonghui.activity.Audience;
import org.gonghui.activity.internal.ActivityQueries.ActivityView;
import org.gonghui.activity.internal.ActivityService.ActivityEdit;
import org.gonghui.activity.internal.ActivityService.CoOrganizerInput;
import org.gonghui.activity.internal.ActivityService.ExpertInput;
import org.gonghui.activity.internal.ActivityService.NewActivity;
import org.gonghui.activity.internal.ActivityService.NewSession;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The activity form as the staff pages bind it. Times are Beijing wall-clock times; lists that staff paste
 * from Excel (co-organisers, experts, employers, card numbers) are text areas, one entry per line.
 */
public class ActivityForm {

	static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
	static final int SESSION_ROWS = 6;

	private Long organizationId;
	private ActivityKind kind = ActivityKind.VISIT;
	private String title;
	private String description;
	private String venue;
	private Long siteId;
	private Integer capacity;
	private Integer minParticipants;
	private boolean waitlistEnabled = true;
	private boolean approvalRequired;
	private Audience audience = Audience.ORGANIZATION_SUBTREE;
	private String audienceEmployers;
	private String audienceMembers;
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
	private LocalDateTime registrationOpensAt;
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
	private LocalDateTime registrationClosesAt;
	private String coOrganizers;
	private String experts;
	private java.math.BigDecimal minAttendanceShare;
	private boolean finalAssessment;
	private String issuer;
	private List<SessionRow> sessions = new ArrayList<>();
	private Integer version;

	ActivityForm() {
		fillSessionRows();
	}

	static ActivityForm of(ActivityView v) {
		var f = new ActivityForm();
		f.organizationId = v.organizationId();
		f.kind = v.kind();
		f.title = v.title();
		f.description = v.description();
		f.venue = v.venue();
		f.siteId = v.site() == null ? null : v.site().id();
		f.capacity = v.capacity();
		f.minParticipants = v.minParticipants();
		f.waitlistEnabled = v.waitlistEnabled();
		f.approvalRequired = v.approvalRequired();
		f.audience = v.audience();
		f.registrationOpensAt = local(v.registrationOpensAt());
		f.registrationClosesAt = local(v.registrationClosesAt());
		f.coOrganizers = String.join("\n", v.coOrganizers().stream().map(CoOrganizerInput::name).toList());
		f.experts = String.join("\n", v.experts().stream().map(e -> e.affiliation() == null ? e.name() : e.name() + " " + e.affiliation()).toList());
		f.version = v.version();
		return f;
	}

	/** Fills up to the fixed number of session rows, so the form shows empty rows to type into (no script needed). */
	void fillSessionRows() {
		while (sessions.size() < SESSION_ROWS) {
			sessions.add(new SessionRow());
		}
	}

	NewActivity command(List<Long> employerIds, List<Long> memberIds) {
		List<NewSession> rows = new ArrayList<>();
		for (SessionRow r : sessions) {
			if (!r.isBlank()) {
				rows.add(new NewSession(r.title, r.type, r.startsAt(), r.endsAt(), r.counts, r.host, r.place));
			}
		}
		return new NewActivity(organizationId, kind, title, description, venue, capacity, waitlistEnabled, approvalRequired, audience,
				instant(registrationOpensAt), instant(registrationClosesAt), rows, siteId, employerIds, memberIds, coOrganizerList(), expertList(),
				kind == ActivityKind.TRAINING_CAMP ? new org.gonghui.activity.internal.ActivityService.CompletionRule(minAttendanceShare, finalAssessment)
						: null,
				kind == ActivityKind.TRAINING_CAMP ? issuer : null, minParticipants);
	}

	ActivityEdit edit() {
		return new ActivityEdit(version, title, description, venue, siteId, capacity, waitlistEnabled, instant(registrationOpensAt),
				instant(registrationClosesAt), coOrganizerList(), expertList(), minParticipants);
	}

	/**
	 * Problems named after the command's fields, renamed to this form's: the command's n-th session is the
	 * n-th row that is not blank, and its times come from a date and two times.
	 */
	org.gonghui.shared.InvalidInputException onForm(org.gonghui.shared.InvalidInputException e) {
		List<Integer> rows = new ArrayList<>();
		for (int i = 0; i < sessions.size(); i++) {
			if (!sessions.get(i).isBlank()) {
				rows.add(i);
			}
		}
		var renamed = e.problems().stream().map(p -> {
			String field = "completionRule.minAttendanceShare".equals(p.field()) ? "minAttendanceShare" : p.field();
			var m = field == null ? null : java.util.regex.Pattern.compile("sessions\\[(\\d+)]\\.(\\w+)").matcher(field);
			if (m != null && m.matches() && Integer.parseInt(m.group(1)) < rows.size()) {
				String property = switch (m.group(2)) {
					case "startsAt" -> "date";
					case "endsAt" -> "ends";
					default -> m.group(2);
				};
				field = "sessions[" + rows.get(Integer.parseInt(m.group(1))) + "]." + property;
			}
			return new org.gonghui.shared.InvalidInputException.FieldProblem(field, p.code(), p.args());
		}).toList();
		return new org.gonghui.shared.InvalidInputException(renamed);
	}

	List<String> employerLines() {
		return lines(audienceEmployers);
	}

	List<String> memberLines() {
		return lines(audienceMembers);
	}

	private List<CoOrganizerInput> coOrganizerList() {
		return lines(coOrganizers).stream().map(l -> new CoOrganizerInput(null, l)).toList();
	}

	/** "姓名 单位" per line: the first word is the name, the rest the affiliation. */
	private List<ExpertInput> expertList() {
		return lines(experts).stream().map(l -> {
			String[] parts = l.split("[\\s,，、]+", 2);
			return new ExpertInput(parts[0], parts.length > 1 ? parts[1] : null);
		}).toList();
	}

	static List<String> lines(String text) {
		if (text == null) {
			return List.of();
		}
		return Arrays.stream(text.split("\\R")).map(String::strip).filter(l -> !l.isEmpty()).toList();
	}

	static java.time.Instant instant(LocalDateTime local) {
		return local == null ? null : local.atZone(BEIJING).toInstant();
	}

	static LocalDateTime local(java.time.Instant instant) {
		return instant == null ? null : LocalDateTime.ofInstant(instant, BEIJING);
	}

	/** One session row: a date and two wall-clock times; a row with no title and no date is ignored. */
	public static class SessionRow {

		private String title;
		private String type = "OTHER";
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		private LocalDate date;
		@DateTimeFormat(pattern = "HH:mm")
		private LocalTime starts;
		@DateTimeFormat(pattern = "HH:mm")
		private LocalTime ends;
		private boolean counts = true;
		private String host;
		private String place;

		boolean isBlank() {
			return (title == null || title.isBlank()) && date == null && starts == null && ends == null && (host == null || host.isBlank())
					&& (place == null || place.isBlank());
		}

		java.time.Instant startsAt() {
			return date == null || starts == null ? null : date.atTime(starts).atZone(BEIJING).toInstant();
		}

		java.time.Instant endsAt() {
			return date == null || ends == null ? null : date.atTime(ends).atZone(BEIJING).toInstant();
		}

		public String getTitle() { return title; }
		public void setTitle(String title) { this.title = title; }
		public String getType() { return type; }
		public void setType(String type) { this.type = type; }
		public LocalDate getDate() { return date; }
		public void setDate(LocalDate date) { this.date = date; }
		public LocalTime getStarts() { return starts; }
		public void setStarts(LocalTime starts) { this.starts = starts; }
		public LocalTime getEnds() { return ends; }
		public void setEnds(LocalTime ends) { this.ends = ends; }
		public String getHost() { return host; }
		public void setHost(String host) { this.host = host; }
		public String getPlace() { return place; }
		public void setPlace(String place) { this.place = place; }
		public boolean isCounts() { return counts; }
		public void setCounts(boolean counts) { this.counts = counts; }
	}

	public Long getOrganizationId() { return organizationId; }
	public void setOrganizationId(Long organizationId) { this.organizationId = organizationId; }
	public ActivityKind getKind() { return kind; }
	public void setKind(ActivityKind kind) { this.kind = kind; }
	public String getTitle() { return title; }
	public void setTitle(String title) { this.title = title; }
	public String getDescription() { return description; }
	public void setDescription(String description) { this.description = description; }
	public String getVenue() { return venue; }
	public void setVenue(String venue) { this.venue = venue; }
	public Long getSiteId() { return siteId; }
	public void setSiteId(Long siteId) { this.siteId = siteId; }
	public Integer getCapacity() { return capacity; }
	public void setCapacity(Integer capacity) { this.capacity = capacity; }
	public Integer getMinParticipants() { return minParticipants; }
	public void setMinParticipants(Integer minParticipants) { this.minParticipants = minParticipants; }
	public boolean isWaitlistEnabled() { return waitlistEnabled; }
	public void setWaitlistEnabled(boolean waitlistEnabled) { this.waitlistEnabled = waitlistEnabled; }
	public boolean isApprovalRequired() { return approvalRequired; }
	public void setApprovalRequired(boolean approvalRequired) { this.approvalRequired = approvalRequired; }
	public Audience getAudience() { return audience; }
	public void setAudience(Audience audience) { this.audience = audience; }
	public String getAudienceEmployers() { return audienceEmployers; }
	public void setAudienceEmployers(String audienceEmployers) { this.audienceEmployers = audienceEmployers; }
	public String getAudienceMembers() { return audienceMembers; }
	public void setAudienceMembers(String audienceMembers) { this.audienceMembers = audienceMembers; }
	public LocalDateTime getRegistrationOpensAt() { return registrationOpensAt; }
	public void setRegistrationOpensAt(LocalDateTime registrationOpensAt) { this.registrationOpensAt = registrationOpensAt; }
	public LocalDateTime getRegistrationClosesAt() { return registrationClosesAt; }
	public void setRegistrationClosesAt(LocalDateTime registrationClosesAt) { this.registrationClosesAt = registrationClosesAt; }
	public String getCoOrganizers() { return coOrganizers; }
	public void setCoOrganizers(String coOrganizers) { this.coOrganizers = coOrganizers; }
	public String getExperts() { return experts; }
	public void setExperts(String experts) { this.experts = experts; }
	public List<SessionRow> getSessions() { return sessions; }
	public void setSessions(List<SessionRow> sessions) { this.sessions = sessions; }
	public java.math.BigDecimal getMinAttendanceShare() { return minAttendanceShare; }
	public void setMinAttendanceShare(java.math.BigDecimal minAttendanceShare) { this.minAttendanceShare = minAttendanceShare; }
	public boolean isFinalAssessment() { return finalAssessment; }
	public void setFinalAssessment(boolean finalAssessment) { this.finalAssessment = finalAssessment; }
	public String getIssuer() { return issuer; }
	public void setIssuer(String issuer) { this.issuer = issuer; }
	public Integer getVersion() { return version; }
	public void setVersion(Integer version) { this.version = version; }
}
