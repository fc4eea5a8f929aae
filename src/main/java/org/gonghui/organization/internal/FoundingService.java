package org.gonghui.organization.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.gonghui.organization.FoundingStatus;
import org.gonghui.organization.OrganizationLevel;
import org.gonghui.organization.OrganizationSummary;
import org.gonghui.organization.OrganizationType;
import org.gonghui.platform.AccountRef;
import org.gonghui.platform.AuditLog;
import org.gonghui.platform.CurrentUser;
import org.gonghui.platform.DataScope;
import org.gonghui.platform.Role;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.InvalidInputException.FieldProblem;
import org.gonghui.shared.RecordNotFoundException;
import org.gonghui.shared.Text;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The union founding drive (建会): moves an employer through {@link FoundingStatus} and keeps its history.
 * The rules:
 * <ul>
 * <li>Forward steps are free and may skip statuses (a firm may found its union at the first visit);
 * {@code FOUNDED} needs the union that was founded: in the caller's scope, a grassroots union or a
 * joint union (联合工会, which covers small firms and gig workers of an area).</li>
 * <li>A step back before founding (preparations stalled, the contact left) needs a note saying why.</li>
 * <li>A founded employer is a registered fact: only an administrator changes it afterwards (back to an
 * earlier status, or to another union), and always with a note, because that is a correction or a
 * dissolution, not routine work.</li>
 * <li>Setting the status it already has is refused, so the history holds only real changes.</li>
 * </ul>
 * Everything is checked before anything is written; a change writes the employer, a history row and an
 * audit row in one transaction.
 */
@Service
public class FoundingService {

	static final int MAX_NOTE = 500;

	private final EmployerRepository employers;
	private final OrganizationRepository organizations;
	private final FoundingEventRepository events;
	private final CurrentUser currentUser;
	private final AuditLog audit;
	private final Clock clock;

	FoundingService(EmployerRepository employers, OrganizationRepository organizations, FoundingEventRepository events,
			CurrentUser currentUser, AuditLog audit, Clock clock) {
		this.employers = employers;
		this.organizations = organizations;
		this.events = events;
		this.currentUser = currentUser;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Moves the employer to a new founding status. {@code version}, when given, is the employer's version
	 * read before the form was shown: a concurrent change then answers 409 instead of applying the rules
	 * to a status the caller never saw.
	 */
	@Transactional
	public void change(long employerId, Integer version, FoundingCommand command) {
		requireWriter();
		DataScope scope = currentUser.scope();
		EmployerRepository.Row row = visibleEmployer(employerId, scope);
		List<FieldProblem> problems = new ArrayList<>();
		String note = checkNote(command.note(), problems);
		Organization union = check(row, command.status(), command.unionId(), note != null, scope, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		apply(row, version == null ? row.employer().version() : version, command.status(), union, note, null);
	}

	/** The employer's founding history, newest first. */
	@Transactional(readOnly = true)
	public List<FoundingEventView> history(long employerId) {
		visibleEmployer(employerId, currentUser.scope());
		return events.findByEmployer(employerId).stream().map(FoundingService::view).toList();
	}

	/** Unions the caller may name as founded: grassroots and joint unions in the caller's scope, by name. */
	@Transactional(readOnly = true)
	public List<OrganizationSummary> unionChoices() {
		return organizations.search(currentUser.scope(), null, 0, 2000).stream()
			.filter(FoundingService::mayBeFoundedUnion)
			.map(Organization::summary)
			.toList();
	}

	public boolean mayWrite() {
		return currentUser.account().map(a -> a.role() == Role.ADMIN || a.role() == Role.STAFF || a.role() == Role.UNION_CHAIR)
			.orElse(false);
	}

	/** Whether the caller may move an employer that has this status (a founded one only administrators may). */
	public boolean mayChange(FoundingStatus current) {
		return mayWrite() && (current != FoundingStatus.FOUNDED || currentUser.hasRole(Role.ADMIN));
	}

	/**
	 * Adds the problems of moving the employer to {@code to} (status, union and note rules, not the note
	 * text itself) and returns the union when {@code to} is FOUNDED and the union is acceptable.
	 */
	Organization check(EmployerRepository.Row row, FoundingStatus to, Long unionId, boolean hasNote, DataScope scope,
			List<FieldProblem> problems) {
		if (to == null) {
			problems.add(new FieldProblem("status", "validation.required"));
			return null;
		}
		Organization union = null;
		if (to == FoundingStatus.FOUNDED) {
			if (unionId == null) {
				problems.add(new FieldProblem("unionId", "employer.founding.unionRequired"));
			}
			else {
				union = organizations.findById(unionId).filter(o -> scope.includes(o.path())).orElse(null);
				if (union == null) {
					problems.add(new FieldProblem("unionId", "employer.founding.unionNotFound"));
				}
				else if (!mayBeFoundedUnion(union)) {
					problems.add(new FieldProblem("unionId", "employer.founding.unionNotGrassroots"));
					union = null;
				}
			}
		}
		else if (unionId != null) {
			problems.add(new FieldProblem("unionId", "employer.founding.unionOnlyWhenFounded"));
		}
		FieldProblem transition = transitionProblem(row.foundingStatus(), row.foundedUnionId(), to, unionId, currentUser.hasRole(Role.ADMIN),
				hasNote);
		if (transition != null) {
			problems.add(transition);
		}
		return union;
	}

	/** Writes a change that {@link #check} accepted: the employer, a history row and an audit row. */
	void apply(EmployerRepository.Row row, int version, FoundingStatus to, Organization union, String note, Long visitId) {
		Employer e = row.employer();
		Instant now = clock.instant();
		Long unionId = union == null ? null : union.id();
		if (!employers.updateFounding(e.id(), version, to, unionId, now)) {
			throw new OptimisticLockingFailureException("employer " + e.id() + " was changed meanwhile");
		}
		AccountRef actor = currentUser.account().orElseThrow(() -> new AccessDeniedException("No account"));
		events.insert(new FoundingEvent(null, e.id(), now, actor.username(), actor.displayName(), row.foundingStatus(), to, unionId, note,
				visitId));
		audit.record("employer.founding.update", "employer", e.id(),
				e.name() + ": " + row.foundingStatus() + " → " + to + (union == null ? "" : " (" + union.name() + ")"));
	}

	/**
	 * The status rule alone (see the class comment); null when the step is allowed. Pure, so the whole
	 * table of steps is tested without a database.
	 */
	static FieldProblem transitionProblem(FoundingStatus from, Long fromUnion, FoundingStatus to, Long toUnion, boolean admin,
			boolean hasNote) {
		if (from == to && (to != FoundingStatus.FOUNDED || Objects.equals(fromUnion, toUnion))) {
			return new FieldProblem("status", "employer.founding.unchanged");
		}
		if (from == FoundingStatus.FOUNDED && !admin) {
			return new FieldProblem("status", "employer.founding.foundedIsFinal");
		}
		if ((from == FoundingStatus.FOUNDED || from.isAfter(to)) && !hasNote) {
			return new FieldProblem("note", "employer.founding.noteRequired");
		}
		return null;
	}

	static boolean mayBeFoundedUnion(Organization o) {
		return o.level() == OrganizationLevel.GRASSROOTS || o.type() == OrganizationType.JOINT_UNION;
	}

	static String checkNote(String text, List<FieldProblem> problems) {
		String note = Text.clean(text);
		if (note != null && note.length() > MAX_NOTE) {
			problems.add(new FieldProblem("note", "validation.tooLong", MAX_NOTE));
		}
		else if (Text.hasControlCharacters(note)) {
			problems.add(new FieldProblem("note", "validation.controlCharacters"));
		}
		return note;
	}

	EmployerRepository.Row visibleEmployer(long id, DataScope scope) {
		return employers.findById(id).filter(r -> scope.includes(r.organizationPath()))
			.orElseThrow(() -> new RecordNotFoundException("employer", id));
	}

	private void requireWriter() {
		if (!mayWrite()) {
			throw new AccessDeniedException("Not allowed to change the founding status");
		}
	}

	private static FoundingEventView view(FoundingEventRepository.Row r) {
		FoundingEvent e = r.event();
		return new FoundingEventView(e.occurredAt(), e.actor(), e.actorName(), e.from(), e.to(), e.unionId(), r.unionName(), e.note(),
				e.visitId());
	}

	/** What the caller wants the employer's founding status to be; {@code unionId} only with FOUNDED. */
	public record FoundingCommand(FoundingStatus status, Long unionId, String note) {
	}

	public record FoundingEventView(Instant occurredAt, String actor, String actorName, FoundingStatus from, FoundingStatus to, Long unionId,
			String unionName, String note, Long visitId) {
	}
}
