package org.gonghui.honor.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.gonghui.honor.HonorKind;
import org.gonghui.honor.HonorLevel;
import org.gonghui.organization.Organizations;
import org.gonghui.platform.AuditLog;
import org.gonghui.platform.CurrentUser;
import org.gonghui.platform.PersonalDataCipher;
import org.gonghui.platform.Role;
import org.gonghui.shared.IdNumber;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.InvalidInputException.FieldProblem;
import org.gonghui.shared.OrgPath;
import org.gonghui.shared.RecordNotFoundException;
import org.gonghui.shared.Text;
import org.gonghui.shared.TextChecks;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records honorees and confers and revokes their honours. Staff write in their scope; every write is
 * audited, and a bad request stores nothing. The catalogue grows when staff record a title it does not
 * hold yet (with its level and conferring body).
 */
@Service
public class HonorService {

	static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
	private static final List<Role> WRITERS = List.of(Role.ADMIN, Role.STAFF, Role.UNION_CHAIR);

	private final HonorRepository honors;
	private final HonorQueries queries;
	private final Organizations organizations;
	private final org.gonghui.member.Members members;
	private final PersonalDataCipher cipher;
	private final CurrentUser currentUser;
	private final AuditLog audit;
	private final Clock clock;

	HonorService(HonorRepository honors, HonorQueries queries, Organizations organizations, org.gonghui.member.Members members,
			PersonalDataCipher cipher, CurrentUser currentUser, AuditLog audit, Clock clock) {
		this.honors = honors;
		this.queries = queries;
		this.organizations = organizations;
		this.members = members;
		this.cipher = cipher;
		this.currentUser = currentUser;
		this.audit = audit;
		this.clock = clock;
	}

	public record NewHonoree(String name, String idNumber, Long memberId, Long organizationId, String employer, String occupation, String summary,
			String deeds, boolean isPublic) {
	}

	public record NewHonor(String title, HonorLevel level, Integer year, String conferredBy, String certificateNumber, boolean allowance) {
	}

	public boolean mayWrite() {
		return currentUser.account().map(a -> WRITERS.contains(a.role())).orElse(false);
	}

	@Transactional
	public long create(NewHonoree c) {
		requireWriter();
		List<FieldProblem> problems = new ArrayList<>();
		String name = TextChecks.line(c.name(), "name", 50, problems);
		if (name != null && name.matches(".*[<>\"'&;=].*")) {
			// A person's name, shown on public pages: no markup characters (as for members).
			problems.add(new FieldProblem("name", "honor.name.invalid"));
		}
		String summary = TextChecks.text(c.summary(), "summary", 500, problems);
		String deeds = TextChecks.text(c.deeds(), "deeds", 2000, problems);
		String employer = TextChecks.line(c.employer(), "employer", 100, problems);
		String occupation = TextChecks.line(c.occupation(), "occupation", 50, problems);
		if (c.organizationId() == null || organizations.findVisible(c.organizationId()).isEmpty()) {
			problems.add(new FieldProblem("organizationId", c.organizationId() == null ? "validation.required" : "honor.organization.notFound"));
		}
		Long memberId = null;
		if (c.memberId() != null) {
			var member = members.find(c.memberId()).filter(m -> currentUser.scope().includes(new OrgPath(m.unionPath())));
			if (member.isEmpty()) {
				problems.add(new FieldProblem("memberId", "honor.member.notFound"));
			}
			else if (honors.memberTaken(c.memberId())) {
				problems.add(new FieldProblem("memberId", "honor.member.taken"));
			}
			else {
				memberId = c.memberId();
				name = name == null ? member.get().name() : name;
			}
		}
		if (name == null && !problems.stream().anyMatch(p -> p.field().equals("name"))) {
			problems.add(new FieldProblem("name", "validation.required"));
		}
		if (summary == null && !problems.stream().anyMatch(p -> p.field().equals("summary"))) {
			problems.add(new FieldProblem("summary", "validation.required"));
		}
		String idCipher = null;
		String idHash = null;
		String idMasked = null;
		String typedId = Text.clean(c.idNumber());
		if (typedId != null) {
			Optional<IdNumber> id = IdNumber.parse(typedId, clock);
			if (id.isEmpty()) {
				problems.add(new FieldProblem("idNumber", "honor.idNumber.invalid"));
			}
			else if (honors.idNumberTaken(cipher.lookupHash(id.get().value()))) {
				problems.add(new FieldProblem("idNumber", "honor.idNumber.taken"));
			}
			else {
				idCipher = cipher.encrypt(id.get().value());
				idHash = cipher.lookupHash(id.get().value());
				idMasked = id.get().masked();
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		long id = honors.insertHonoree(new HonorRepository.NewHonoree(c.organizationId(), memberId, name, idCipher, idHash, idMasked, employer,
				occupation, summary, deeds, c.isPublic()), clock.instant());
		audit.record("honoree.create", "honoree", id, name + (c.isPublic() ? ", public" : ""));
		return id;
	}

	/** Confers an honour on an honoree in scope; the same title in the same year is refused as a duplicate. */
	@Transactional
	public long confer(long honoreeId, NewHonor c) {
		requireWriter();
		var honoree = queries.visibleRow(honoreeId);
		List<FieldProblem> problems = new ArrayList<>();
		String titleName = TextChecks.line(c.title(), "title", 50, problems);
		String conferredBy = TextChecks.line(c.conferredBy(), "conferredBy", 100, problems);
		String certificate = TextChecks.line(c.certificateNumber(), "certificateNumber", 50, problems);
		int thisYear = LocalDate.now(clock.withZone(BEIJING)).getYear();
		if (c.year() == null) {
			problems.add(new FieldProblem("year", "validation.required"));
		}
		else if (c.year() < 1949 || c.year() > thisYear) {
			problems.add(new FieldProblem("year", "honor.year.range", thisYear));
		}
		HonorRepository.Title title = null;
		if (titleName == null) {
			if (problems.stream().noneMatch(p -> p.field().equals("title"))) {
				problems.add(new FieldProblem("title", "validation.required"));
			}
		}
		else {
			var known = honors.titleByName(titleName);
			if (known.isPresent()) {
				title = known.get();
				if (c.level() != null && c.level() != title.level()) {
					problems.add(new FieldProblem("level", "honor.title.levelMismatch", titleName));
				}
			}
			else if (c.level() == null || conferredBy == null) {
				problems.add(new FieldProblem(c.level() == null ? "level" : "conferredBy", "honor.title.newNeedsLevel"));
			}
		}
		if (title != null && c.year() != null && honors.honorExists(honoreeId, title.id(), c.year())) {
			problems.add(new FieldProblem("title", "honor.duplicate", title.name(), c.year()));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		long titleId;
		if (title == null) {
			titleId = honors.insertTitle(titleName, c.level(), kindOf(titleName), conferredBy, clock.instant());
			audit.record("honor.title.create", "honor_title", titleId, titleName + " (" + c.level() + ", " + conferredBy + ")");
		}
		else {
			titleId = title.id();
		}
		long id = honors.insertHonor(honoreeId, titleId, c.year(), certificate, c.allowance(), currentUser.username(), clock.instant());
		audit.record("honor.confer", "honor", id, honoree.name() + ": " + titleName + " " + c.year());
		return id;
	}

	/** Revokes an active honour with a reason; the allowance flag stops with it. */
	@Transactional
	public void revoke(long honorId, String reasonText, LocalDate on) {
		requireWriter();
		var honor = honors.findHonor(honorId).orElseThrow(() -> new RecordNotFoundException("honor", honorId));
		var honoree = queries.visibleRow(honor.honoreeId());
		List<FieldProblem> problems = new ArrayList<>();
		String reason = TextChecks.line(reasonText, "reason", 200, problems);
		if (reason == null && problems.isEmpty()) {
			problems.add(new FieldProblem("reason", "validation.required"));
		}
		LocalDate date = on == null ? LocalDate.now(clock.withZone(BEIJING)) : on;
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		if (!honors.revoke(honorId, date, reason, currentUser.username(), clock.instant())) {
			throw new org.gonghui.shared.StateConflictException("honor.alreadyRevoked");
		}
		audit.record("honor.revoke", "honor", honorId, honoree.name() + ": " + honor.title().name() + " " + honor.year() + ", " + reason);
	}

	/** The kind of a new title from its name: 工匠 titles are craftsmen, 劳模 / 先进工作者 / 劳动奖章 model workers. */
	static HonorKind kindOf(String title) {
		if (title.contains("工匠")) {
			return HonorKind.CRAFTSMAN;
		}
		if (title.contains("劳动模范") || title.contains("劳模") || title.contains("先进工作者") || title.contains("劳动奖章")) {
			return HonorKind.MODEL_WORKER;
		}
		return HonorKind.ADVANCED;
	}


	private void requireWriter() {
		if (!mayWrite()) {
			throw new AccessDeniedException("Not allowed to manage honours");
		}
	}
}
