package org.gonghui.organization.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.gonghui.organization.FoundingStatus;
import org.gonghui.platform.AccountRef;
import org.gonghui.platform.AuditLog;
import org.gonghui.platform.CurrentUser;
import org.gonghui.platform.DataScope;
import org.gonghui.platform.Role;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.InvalidInputException.FieldProblem;
import org.gonghui.shared.PageResult;
import org.gonghui.shared.RecordNotFoundException;
import org.gonghui.shared.TextChecks;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Outreach visits (走访/上门服务) to employers in the caller's scope, and their follow-ups. Recording a
 * visit may also move the employer's founding status, under the same rules as {@link FoundingService},
 * in the same transaction: either the visit and the change are both stored, or neither.
 */
@Service
public class OutreachVisitService {

	/**
	 * The federations work on Beijing time: "today" and "overdue" follow the Chinese calendar day whatever
	 * zone the server (or the injected clock) runs in.
	 */
	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	static final int MAX_COMPANIONS = 100;
	static final int MAX_PURPOSE = 200;
	static final int MAX_RESULT = 2000;

	/** Founding-form fields and their counterparts on the visit form. */
	private static final Map<String, String> VISIT_FIELDS = Map.of("status", "foundingStatus", "note", "purpose");

	private final OutreachVisitRepository visits;
	private final FoundingService founding;
	private final CurrentUser currentUser;
	private final AuditLog audit;
	private final Clock clock;

	OutreachVisitService(OutreachVisitRepository visits, FoundingService founding, CurrentUser currentUser, AuditLog audit, Clock clock) {
		this.visits = visits;
		this.founding = founding;
		this.currentUser = currentUser;
		this.audit = audit;
		this.clock = clock;
	}

	/** Visits in the caller's scope, newest first; an employer filter outside the scope answers not found. */
	@Transactional(readOnly = true)
	public PageResult<VisitView> search(VisitQuery query, PageResult.Request page) {
		DataScope scope = currentUser.scope();
		if (query.employerId() != null) {
			founding.visibleEmployer(query.employerId(), scope);
		}
		long total = visits.count(scope, query.employerId(), query.from(), query.to());
		LocalDate today = today();
		List<VisitView> rows = visits.search(scope, query.employerId(), query.from(), query.to(), page.offset(), page.size()).stream()
			.map(r -> view(r, today))
			.toList();
		return new PageResult<>(rows, page.page(), page.size(), total);
	}

	/** Open follow-ups dated before today (Beijing time) in the caller's scope, the longest overdue first. */
	@Transactional(readOnly = true)
	public PageResult<VisitView> overdue(PageResult.Request page) {
		DataScope scope = currentUser.scope();
		LocalDate today = today();
		long total = visits.countOverdue(scope, today);
		List<VisitView> rows = visits.findOverdue(scope, today, page.offset(), page.size()).stream().map(r -> view(r, today)).toList();
		return new PageResult<>(rows, page.page(), page.size(), total);
	}

	@Transactional(readOnly = true)
	public VisitView get(long id) {
		return view(visible(id, currentUser.scope()), today());
	}

	/**
	 * Records a visit by the calling account. With {@code foundingStatus} set to a status other than the
	 * employer's current one, the employer moves there too; the visit's purpose is the history note.
	 */
	@Transactional
	public long create(VisitCommand c) {
		requireWriter();
		DataScope scope = currentUser.scope();
		List<FieldProblem> problems = new ArrayList<>();
		EmployerRepository.Row employer = null;
		if (c.employerId() == null) {
			problems.add(new FieldProblem("employerId", "validation.required"));
		}
		else {
			try {
				employer = founding.visibleEmployer(c.employerId(), scope);
			}
			catch (RecordNotFoundException e) {
				// A form field, not the page's record: the form shows the problem next to the field.
				problems.add(new FieldProblem("employerId", "employer.notFound"));
			}
		}
		LocalDate today = today();
		if (c.visitDate() == null) {
			problems.add(new FieldProblem("visitDate", "validation.required"));
		}
		else if (c.visitDate().isAfter(today)) {
			problems.add(new FieldProblem("visitDate", "validation.dateInFuture"));
		}
		String companions = checkLine(c.companions(), "companions", MAX_COMPANIONS, problems);
		String purpose = checkLine(c.purpose(), "purpose", MAX_PURPOSE, problems);
		if (purpose == null) {
			problems.add(new FieldProblem("purpose", "validation.required"));
		}
		String result = checkText(c.result(), "result", MAX_RESULT, problems);
		if (c.followUpDate() != null && c.visitDate() != null && c.followUpDate().isBefore(c.visitDate())) {
			problems.add(new FieldProblem("followUpDate", "validation.followUpBeforeVisit"));
		}
		Organization union = null;
		boolean statusChange = employer != null && changesFounding(employer, c.foundingStatus(), c.unionId());
		if (statusChange) {
			List<FieldProblem> foundingProblems = new ArrayList<>();
			union = founding.check(employer, c.foundingStatus(), c.unionId(), purpose != null, scope, foundingProblems);
			// The founding rules speak of the founding form's fields; here the status is "foundingStatus" and the
			// purpose serves as the note.
			foundingProblems.forEach(p -> problems.add(new FieldProblem(VISIT_FIELDS.getOrDefault(p.field(), p.field()), p.code(), p.args())));
		}
		else if (c.unionId() != null && c.foundingStatus() != FoundingStatus.FOUNDED) {
			problems.add(new FieldProblem("unionId", "employer.founding.unionOnlyWhenFounded"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		AccountRef staff = currentUser.account().orElseThrow(() -> new AccessDeniedException("No account"));
		Instant now = clock.instant();
		long id = visits.insert(new OutreachVisit(null, employer.employer().id(), c.visitDate(), staff.username(), staff.displayName(),
				companions, purpose, result, c.followUpDate(), false, null, null, now, now, 0));
		audit.record("visit.create", "outreach_visit", id, employer.employer().name() + " " + c.visitDate());
		if (statusChange) {
			founding.apply(employer, employer.employer().version(), c.foundingStatus(), union, purpose, id);
		}
		return id;
	}

	/** Marks the visit's follow-up as done; doing it twice changes nothing. */
	@Transactional
	public void completeFollowUp(long id) {
		requireWriter();
		OutreachVisitRepository.Row row = visible(id, currentUser.scope());
		if (row.visit().followUpDate() == null) {
			throw InvalidInputException.of("followUpDate", "visit.followUp.noDate");
		}
		if (visits.completeFollowUp(id, currentUser.username(), clock.instant())) {
			audit.record("visit.update", "outreach_visit", id, row.employerName() + ": follow-up " + row.visit().followUpDate() + " done");
		}
	}

	/** Today in Beijing, by the injected clock. */
	public LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), ZONE);
	}

	public boolean mayWrite() {
		return currentUser.account().map(a -> a.role() == Role.ADMIN || a.role() == Role.STAFF || a.role() == Role.UNION_CHAIR)
			.orElse(false);
	}

	/**
	 * True when the visit asks for a founding status other than the employer's: a form that leaves the
	 * status as it is (or repeats it) records the visit only.
	 */
	private static boolean changesFounding(EmployerRepository.Row employer, FoundingStatus to, Long unionId) {
		if (to == null) {
			return false;
		}
		if (to != employer.foundingStatus()) {
			return true;
		}
		return to == FoundingStatus.FOUNDED && unionId != null && !Objects.equals(unionId, employer.foundedUnionId());
	}

	private OutreachVisitRepository.Row visible(long id, DataScope scope) {
		return visits.findById(id).filter(r -> scope.includes(r.organizationPath()))
			.orElseThrow(() -> new RecordNotFoundException("outreach_visit", id));
	}

	private void requireWriter() {
		if (!mayWrite()) {
			throw new AccessDeniedException("Not allowed to record visits");
		}
	}

	private static String checkLine(String text, String field, int max, List<FieldProblem> problems) {
		return TextChecks.line(text, field, max, problems);
	}

	private static String checkText(String text, String field, int max, List<FieldProblem> problems) {
		return TextChecks.text(text, field, max, problems);
	}

	private static VisitView view(OutreachVisitRepository.Row r, LocalDate today) {
		OutreachVisit v = r.visit();
		FollowUp followUp;
		long daysOverdue = 0;
		if (v.followUpDate() == null) {
			followUp = FollowUp.NONE;
		}
		else if (v.followUpDone()) {
			followUp = FollowUp.DONE;
		}
		else if (v.followUpDate().isBefore(today)) {
			followUp = FollowUp.OVERDUE;
			daysOverdue = ChronoUnit.DAYS.between(v.followUpDate(), today);
		}
		else {
			followUp = FollowUp.OPEN;
		}
		return new VisitView(v.id(), v.employerId(), r.employerName(), v.visitDate(), v.staffUsername(), v.staffName(), v.companions(),
				v.purpose(), v.result(), v.followUpDate(), followUp, daysOverdue, v.followUpDoneBy(), v.followUpDoneAt());
	}

	/** Filters of the visit list; each may be null. */
	public record VisitQuery(Long employerId, LocalDate from, LocalDate to) {
	}

	/**
	 * A visit as the caller records it. The staff member is the caller. {@code foundingStatus} (optional)
	 * moves the employer; {@code unionId} goes with FOUNDED.
	 */
	public record VisitCommand(Long employerId, LocalDate visitDate, String companions, String purpose, String result,
			LocalDate followUpDate, FoundingStatus foundingStatus, Long unionId) {
	}

	/** Where a visit's follow-up stands, as of today in Beijing. */
	public enum FollowUp {
		NONE, OPEN, OVERDUE, DONE
	}

	public record VisitView(long id, long employerId, String employerName, LocalDate visitDate, String staffUsername, String staffName,
			String companions, String purpose, String result, LocalDate followUpDate, FollowUp followUp, long daysOverdue,
			String followUpDoneBy, Instant followUpDoneAt) {
	}
}
