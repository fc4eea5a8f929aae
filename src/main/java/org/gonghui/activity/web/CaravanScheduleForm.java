package org.gonghui.activity.web;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gonghui.activity.internal.ActivityService.ExpertInput;
import org.gonghui.activity.internal.CaravanQueries.CaravanView;
import org.gonghui.activity.internal.CaravanService.CaravanSession;
import org.gonghui.activity.internal.CaravanService.ScheduleInput;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.InvalidInputException.FieldProblem;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The schedule form on a request's page: a few session rows and expert rows, blank ones ignored. Times are
 * typed in Beijing time. The service numbers sessions and experts among the rows given, so its field names
 * are mapped back to the rows of the form before they are shown.
 */
public class CaravanScheduleForm {

	static final int SESSION_ROWS = 3;
	static final int EXPERT_ROWS = 5;
	private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
	private static final Pattern ROW_FIELD = Pattern.compile("(sessions|experts)\\[(\\d+)](.*)");
	/** Fields of this form; a problem with any other (the request's status, say) is shown for the whole form. */
	private static final Pattern FORM_FIELD = Pattern.compile(
			"title|venue|capacity|waitlistEnabled|sessions|experts|sessions\\[\\d+]\\.(title|startsAt|endsAt)|experts\\[\\d+]\\.(name|affiliation)");

	private String title;
	private String venue;
	private Integer capacity;
	private boolean waitlistEnabled = true;
	private List<SessionRow> sessions = new ArrayList<>();
	private List<ExpertRow> experts = new ArrayList<>();
	private final List<Integer> sessionRows = new ArrayList<>();
	private final List<Integer> expertRows = new ArrayList<>();

	public CaravanScheduleForm() {
		for (int i = 0; i < SESSION_ROWS; i++) {
			sessions.add(new SessionRow());
		}
		for (int i = 0; i < EXPERT_ROWS; i++) {
			experts.add(new ExpertRow());
		}
	}

	/** Suggestions for an accepted request: the union as venue, the expected participants as seats, a first session on the window's first day. */
	static CaravanScheduleForm defaults(CaravanView caravan, String sessionTitle) {
		var form = new CaravanScheduleForm();
		form.venue = caravan.unionName();
		form.capacity = caravan.expectedParticipants();
		SessionRow first = form.sessions.get(0);
		first.title = sessionTitle;
		first.startsAt = caravan.windowFrom().atTime(14, 0);
		first.endsAt = caravan.windowFrom().atTime(17, 0);
		return form;
	}

	ScheduleInput command() {
		sessionRows.clear();
		expertRows.clear();
		List<CaravanSession> given = new ArrayList<>();
		for (int i = 0; i < sessions.size(); i++) {
			SessionRow row = sessions.get(i);
			if (row != null && !row.blank()) {
				sessionRows.add(i);
				given.add(new CaravanSession(row.title, instant(row.startsAt), instant(row.endsAt)));
			}
		}
		List<ExpertInput> named = new ArrayList<>();
		for (int i = 0; i < experts.size(); i++) {
			ExpertRow row = experts.get(i);
			if (row != null && !row.blank()) {
				expertRows.add(i);
				named.add(new ExpertInput(row.name, row.affiliation));
			}
		}
		return new ScheduleInput(title, given, venue, capacity, waitlistEnabled, named);
	}

	/** The problems with their row numbers as on the form (the service counted only the filled rows). */
	InvalidInputException toFormFields(InvalidInputException e) {
		List<FieldProblem> mapped = new ArrayList<>();
		for (FieldProblem p : e.problems()) {
			Matcher m = p.field() == null ? null : ROW_FIELD.matcher(p.field());
			if (m != null && m.matches()) {
				List<Integer> rows = m.group(1).equals("sessions") ? sessionRows : expertRows;
				int index = Integer.parseInt(m.group(2));
				String field = index < rows.size() ? m.group(1) + "[" + rows.get(index) + "]" + m.group(3) : m.group(1);
				mapped.add(new FieldProblem(FORM_FIELD.matcher(field).matches() ? field : null, p.code(), p.args()));
			}
			else {
				mapped.add(new FieldProblem(p.field() != null && FORM_FIELD.matcher(p.field()).matches() ? p.field() : null, p.code(), p.args()));
			}
		}
		return new InvalidInputException(mapped);
	}

	private static java.time.Instant instant(LocalDateTime time) {
		return time == null ? null : time.atZone(BEIJING).toInstant();
	}

	public String getTitle() {
		return title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public String getVenue() {
		return venue;
	}

	public void setVenue(String venue) {
		this.venue = venue;
	}

	public Integer getCapacity() {
		return capacity;
	}

	public void setCapacity(Integer capacity) {
		this.capacity = capacity;
	}

	public boolean isWaitlistEnabled() {
		return waitlistEnabled;
	}

	public void setWaitlistEnabled(boolean waitlistEnabled) {
		this.waitlistEnabled = waitlistEnabled;
	}

	public List<SessionRow> getSessions() {
		return sessions;
	}

	public void setSessions(List<SessionRow> sessions) {
		this.sessions = sessions;
	}

	public List<ExpertRow> getExperts() {
		return experts;
	}

	public void setExperts(List<ExpertRow> experts) {
		this.experts = experts;
	}

	/** One session row; {@code datetime-local} inputs send minutes without seconds. */
	public static class SessionRow {

		private String title;
		@DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm")
		private LocalDateTime startsAt;
		@DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm")
		private LocalDateTime endsAt;

		boolean blank() {
			return (title == null || title.isBlank()) && startsAt == null && endsAt == null;
		}

		public String getTitle() {
			return title;
		}

		public void setTitle(String title) {
			this.title = title;
		}

		public LocalDateTime getStartsAt() {
			return startsAt;
		}

		public void setStartsAt(LocalDateTime startsAt) {
			this.startsAt = startsAt;
		}

		public LocalDateTime getEndsAt() {
			return endsAt;
		}

		public void setEndsAt(LocalDateTime endsAt) {
			this.endsAt = endsAt;
		}
	}

	public static class ExpertRow {

		private String name;
		private String affiliation;

		boolean blank() {
			return (name == null || name.isBlank()) && (affiliation == null || affiliation.isBlank());
		}

		public String getName() {
			return name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public String getAffiliation() {
			return affiliation;
		}

		public void setAffiliation(String affiliation) {
			this.affiliation = affiliation;
		}
	}
}
