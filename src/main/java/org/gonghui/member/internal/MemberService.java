package org.gonghui.member.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gonghui.member.MemberJoined;
import org.gonghui.member.MemberStatus;
import org.gonghui.member.WorkForm;
import org.gonghui.organization.EmployerSummary;
import org.gonghui.organization.OrganizationSummary;
import org.gonghui.organization.Organizations;
import org.gonghui.platform.AuditLog;
import org.gonghui.platform.CurrentUser;
import org.gonghui.platform.QueryPlans;
import org.gonghui.platform.Role;
import org.gonghui.shared.IdNumber;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.InvalidInputException.FieldProblem;
import org.gonghui.shared.PageResult;
import org.gonghui.shared.PhoneNumber;
import org.gonghui.shared.RecordNotFoundException;
import org.gonghui.shared.Text;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The member registry. Members belong to a union; the caller sees the members of the unions in their
 * scope. Lists and exports carry masked identifiers only; the full 身份证号 or phone number is shown
 * by a deliberate, audited reveal.
 */
@Service
public class MemberService {

	static final int MAX_NAME = 50;
	static final int MAX_TEXT = 50;

	private final MemberRepository members;
	private final Organizations organizations;
	private final Sealer sealer;
	private final CardNumbers cards;
	private final CurrentUser currentUser;
	private final AuditLog audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	private final QueryPlans queryPlans;

	MemberService(MemberRepository members, Organizations organizations, Sealer sealer, CardNumbers cards, CurrentUser currentUser,
			AuditLog audit, ApplicationEventPublisher events, Clock clock, QueryPlans queryPlans) {
		this.members = members;
		this.queryPlans = queryPlans;
		this.organizations = organizations;
		this.sealer = sealer;
		this.cards = cards;
		this.currentUser = currentUser;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Members in scope. The text is tried as a 身份证号 (exact, by hash), then as a phone number
	 * (exact), else as the start of a name.
	 */
	@Transactional(readOnly = true)
	public PageResult<MemberView> search(String text, Long unionId, MemberStatus status, PageResult.Request page) {
		MemberRepository.Criteria criteria = criteria(text, unionId, status);
		if (criteria == null) {
			return new PageResult<>(List.of(), page.page(), page.size(), 0);
		}
		// A one-character surname is an index range only when planned for its value (QueryPlans).
		queryPlans.forValues();
		long total = members.count(criteria);
		List<MemberView> rows = views(members.search(criteria, page.offset(), page.size()));
		return new PageResult<>(rows, page.page(), page.size(), total);
	}

	/** Every member matching the filters, for an export; masked, and the export is audited. */
	@Transactional
	public List<MemberView> export(String text, Long unionId, MemberStatus status) {
		requireWriter();
		MemberRepository.Criteria criteria = criteria(text, unionId, status);
		queryPlans.forValues();
		List<MemberView> rows = criteria == null ? List.of() : views(members.search(criteria, 0, Integer.MAX_VALUE));
		audit.record("member.export", "member", unionId, rows.size() + " rows, filter q=" + (text == null ? "" : Text.clean(text) == null ? "" : "***"));
		return rows;
	}

	@Transactional(readOnly = true)
	public MemberDetail detail(long id) {
		Member m = visible(id);
		List<MemberEvent> history = members.events(id).stream()
			.map(e -> new MemberEvent(java.time.LocalDateTime.ofInstant(e.occurredAt(), clock.getZone()), e.kind(), unionName(e.fromUnionId()), unionName(e.toUnionId()), e.detail(), e.actor()))
			.toList();
		return new MemberDetail(views(List.of(m)).get(0), history, mayWrite());
	}

	/** The full 身份证号, for authorised staff; every reveal is audited. */
	@Transactional
	public String revealIdNumber(long id) {
		requireWriter();
		Member m = visible(id);
		audit.record("member.reveal.idNumber", "member", id, m.idNumberMasked());
		return sealer.open(m.idNumberCipher());
	}

	@Transactional
	public String revealPhone(long id) {
		requireWriter();
		Member m = visible(id);
		if (m.phoneCipher() == null) {
			return "";
		}
		audit.record("member.reveal.phone", "member", id, m.phoneMasked());
		return sealer.open(m.phoneCipher());
	}

	/**
	 * Registers a member (an approved join application). A person who left earlier rejoins: the same
	 * record becomes active in the new union, with the history kept. An active member cannot join twice.
	 */
	@Transactional
	public long register(NewMember n) {
		Optional<Member> existing = members.findByIdNumberHash(n.idNumberHash());
		if (existing.isPresent() && existing.get().status() == MemberStatus.ACTIVE) {
			throw InvalidInputException.of("idNumber", "member.idNumber.alreadyMember");
		}
		Instant now = clock.instant();
		if (existing.isPresent()) {
			Member old = existing.get();
			Member again = new Member(old.id(), n.name(), n.gender(), old.idNumberCipher(), old.idNumberHash(), old.idNumberMasked(), n.phoneCipher(),
					n.phoneHash(), n.phoneMasked(), n.unionId(), n.employerId(), n.workForm(), n.occupation(), n.platformCompany(), n.joinDate(),
					MemberStatus.ACTIVE, old.cardNumber(), old.createdAt(), now, old.version());
			return rejoin(old, again, n.source());
		}
		Member m = new Member(null, n.name(), n.gender(), n.idNumberCipher(), n.idNumberHash(), n.idNumberMasked(), n.phoneCipher(),
				n.phoneHash(), n.phoneMasked(), n.unionId(), n.employerId(), n.workForm(), n.occupation(), n.platformCompany(), n.joinDate(),
				MemberStatus.ACTIVE, null, now, now, 0);
		long id;
		try {
			id = members.insert(m, cards);
		}
		catch (DuplicateKeyException e) {
			throw InvalidInputException.of("idNumber", "member.idNumber.alreadyMember");
		}
		members.addEvent(id, now, "JOINED", null, n.unionId(), n.source(), currentUser.username());
		audit.record("member.create", "member", id, n.source());
		events.publishEvent(new MemberJoined(id, n.unionId(), n.workForm(), n.joinDate()));
		return id;
	}

	/** A member who left (or was transferred out) becomes active again; history, audit and MemberJoined as for a new member. */
	private long rejoin(Member old, Member again, String source) {
		if (!members.update(again)) {
			throw new OptimisticLockingFailureException("member " + old.id() + " changed meanwhile");
		}
		members.addEvent(old.id(), again.updatedAt(), "REJOINED", old.unionId(), again.unionId(), source, currentUser.username());
		audit.record("member.rejoin", "member", old.id(), old.unionId() + " → " + again.unionId() + ", " + source);
		events.publishEvent(new MemberJoined(old.id(), again.unionId(), again.workForm(), again.joinDate()));
		return old.id();
	}

	/**
	 * Creates, updates or leaves unchanged the member a roster row describes, in the caller's
	 * transaction (each row is its own unit of work for the importer). The union must be in scope.
	 */
	@Transactional
	public RosterOutcome applyRosterRow(long unionId, RosterRow row) {
		OrganizationSummary union = organizations.findVisible(unionId).orElseThrow(() -> new RecordNotFoundException("organization", unionId));
		requireWriter();
		if (!organizations.acceptsMembers(union.id())) {
			throw InvalidInputException.of("unionId", "member.union.notAccepting");
		}
		Instant now = clock.instant();
		var id = sealer.seal(row.idNumber());
		var phone = sealer.seal(row.phone());
		Optional<Member> existing = members.findByIdNumberHash(id.hash());
		if (existing.isEmpty()) {
			Member m = new Member(null, row.name(), row.gender(), id.cipher(), id.hash(), id.masked(), phone.cipher(), phone.hash(),
					phone.masked(), union.id(), row.employerId(), row.workForm(), row.occupation(), row.platformCompany(), row.joinDate(),
					MemberStatus.ACTIVE, null, now, now, 0);
			long memberId = members.insert(m, cards);
			members.addEvent(memberId, now, "JOINED", null, union.id(), "roster import", currentUser.username());
			events.publishEvent(new MemberJoined(memberId, union.id(), row.workForm(), row.joinDate()));
			return new RosterOutcome(RosterOutcome.Kind.CREATED, memberId);
		}
		Member current = existing.get();
		if (current.unionId() != union.id() && current.status() == MemberStatus.ACTIVE) {
			throw InvalidInputException.of("idNumber", "member.idNumber.otherUnion");
		}
		if (current.status() != MemberStatus.ACTIVE) {
			Member again = new Member(current.id(), row.name(), row.gender(), current.idNumberCipher(), current.idNumberHash(),
					current.idNumberMasked(), phone.cipher(), phone.hash(), phone.masked(), union.id(), row.employerId(), row.workForm(),
					row.occupation(), row.platformCompany(), row.joinDate(), MemberStatus.ACTIVE, current.cardNumber(), current.createdAt(), now,
					current.version());
			return new RosterOutcome(RosterOutcome.Kind.CREATED, rejoin(current, again, "roster import"));
		}
		// The phone ciphertext changes with every encryption, so compare by hash and keep the old ciphertext when equal.
		boolean samePhone = java.util.Objects.equals(current.phoneHash(), phone.hash());
		Member updated = new Member(current.id(), row.name(), row.gender(), current.idNumberCipher(), current.idNumberHash(),
				current.idNumberMasked(), samePhone ? current.phoneCipher() : phone.cipher(), phone.hash(),
				samePhone ? current.phoneMasked() : phone.masked(), union.id(), row.employerId(), row.workForm(), row.occupation(),
				row.platformCompany(), row.joinDate(), MemberStatus.ACTIVE, current.cardNumber(), current.createdAt(), now, current.version());
		if (updated.fingerprint().equals(current.fingerprint())) {
			return new RosterOutcome(RosterOutcome.Kind.UNCHANGED, current.id());
		}
		if (!members.update(updated)) {
			throw new OptimisticLockingFailureException("member " + current.id() + " changed during the import");
		}
		members.addEvent(current.id(), now, "UPDATED", null, null, "roster import", currentUser.username());
		return new RosterOutcome(RosterOutcome.Kind.UPDATED, current.id());
	}

	/** 转会: moves the member to another union in scope; the history keeps both. */
	@Transactional
	public void transfer(long id, Long toUnionId, String note) {
		requireWriter();
		Member m = visible(id);
		if (toUnionId == null) {
			throw InvalidInputException.of("toUnionId", "validation.required");
		}
		OrganizationSummary target = organizations.findVisible(toUnionId).filter(u -> organizations.acceptsMembers(u.id()))
			.orElseThrow(() -> InvalidInputException.of("toUnionId", "member.transfer.targetInvalid"));
		if (m.status() != MemberStatus.ACTIVE) {
			throw InvalidInputException.of(null, "member.notActive");
		}
		if (target.id() == m.unionId()) {
			throw InvalidInputException.of("toUnionId", "member.transfer.sameUnion");
		}
		List<FieldProblem> problems = new ArrayList<>();
		String cleanNote = checkText(note, "note", 200, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Instant now = clock.instant();
		Member moved = new Member(m.id(), m.name(), m.gender(), m.idNumberCipher(), m.idNumberHash(), m.idNumberMasked(), m.phoneCipher(),
				m.phoneHash(), m.phoneMasked(), target.id(), null, m.workForm(), m.occupation(), m.platformCompany(), m.joinDate(), m.status(),
				m.cardNumber(), m.createdAt(), now, m.version());
		if (!members.update(moved)) {
			throw new OptimisticLockingFailureException("member " + id);
		}
		members.addEvent(id, now, "TRANSFERRED", m.unionId(), target.id(), cleanNote, currentUser.username());
		audit.record("member.transfer", "member", id, m.unionId() + " → " + target.id());
	}

	/** 退会: the record stays, with status LEFT and the reason in the history. */
	@Transactional
	public void leave(long id, String reason) {
		requireWriter();
		Member m = visible(id);
		List<FieldProblem> problems = new ArrayList<>();
		String cleanReason = checkText(reason, "reason", 200, problems);
		if (cleanReason == null) {
			problems.add(new FieldProblem("reason", "validation.required"));
		}
		if (m.status() != MemberStatus.ACTIVE) {
			problems.add(new FieldProblem(null, "member.notActive"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Instant now = clock.instant();
		Member left = new Member(m.id(), m.name(), m.gender(), m.idNumberCipher(), m.idNumberHash(), m.idNumberMasked(), m.phoneCipher(),
				m.phoneHash(), m.phoneMasked(), m.unionId(), m.employerId(), m.workForm(), m.occupation(), m.platformCompany(), m.joinDate(),
				MemberStatus.LEFT, m.cardNumber(), m.createdAt(), now, m.version());
		if (!members.update(left)) {
			throw new OptimisticLockingFailureException("member " + id);
		}
		members.addEvent(id, now, "LEFT", m.unionId(), null, cleanReason, currentUser.username());
		audit.record("member.leave", "member", id, cleanReason);
	}

	/** A scanned card: the member behind it if the signature is genuine and the member is in scope. */
	@Transactional(readOnly = true)
	public Optional<MemberView> checkCard(String payload) {
		return cards.verify(payload).flatMap(members::findByCardNumber).filter(this::inScope).map(m -> views(List.of(m)).get(0));
	}

	/** The active member with this ID hash, whatever their union; for the join flow only (never shown across scopes). */
	Optional<Member> activeMember(String idNumberHash) {
		return members.findByIdNumberHash(idNumberHash).filter(m -> m.status() == MemberStatus.ACTIVE);
	}

	/** A member's own card, for the worker's private status page (no scope: the token is the authority). */
	@Transactional(readOnly = true)
	Optional<MemberView> card(long memberId) {
		return members.findById(memberId).map(m -> views(List.of(m)).get(0));
	}

	public String cardQrPayload(String cardNumber) {
		return cards.qrPayload(cardNumber);
	}

	public boolean mayWrite() {
		return currentUser.account().map(a -> a.role() == Role.ADMIN || a.role() == Role.STAFF || a.role() == Role.UNION_CHAIR).orElse(false);
	}

	Member visible(long id) {
		return members.findById(id).filter(this::inScope).orElseThrow(() -> new RecordNotFoundException("member", id));
	}

	private boolean inScope(Member m) {
		return organizations.findVisible(m.unionId()).isPresent();
	}

	/** Null when the caller can see no member at all. */
	private MemberRepository.Criteria criteria(String text, Long unionId, MemberStatus status) {
		org.gonghui.platform.DataScope scope = currentUser.scope();
		if (scope.kind() == org.gonghui.platform.DataScope.Kind.NONE) {
			return null;
		}
		if (unionId != null && organizations.findVisible(unionId).isEmpty()) {
			throw new RecordNotFoundException("organization", unionId);
		}
		String q = Text.clean(text);
		String idHash = null;
		String phoneHash = null;
		String namePrefix = null;
		if (q != null) {
			Optional<IdNumber> id = IdNumber.parse(q, clock);
			Optional<PhoneNumber> phone = id.isPresent() ? Optional.empty() : PhoneNumber.parse(q);
			if (id.isPresent()) {
				idHash = sealer.idHash(id.get());
			}
			else if (phone.isPresent()) {
				phoneHash = sealer.phoneHash(phone.get());
			}
			else {
				namePrefix = org.gonghui.shared.Text.escapeLike(q) + "%";
			}
		}
		// The scope as a pattern over the path kept on each member row: one bound parameter however many
		// organisations the subtree holds (none at all for administrators).
		String pattern = scope.kind() == org.gonghui.platform.DataScope.Kind.ALL ? null : scope.pathPattern();
		return new MemberRepository.Criteria(pattern, unionId, status, namePrefix, idHash, phoneHash);
	}

	private String unionName(Long id) {
		return id == null ? null : organizations.find(id).map(OrganizationSummary::name).orElse("—");
	}

	private List<MemberView> views(List<Member> list) {
		Map<Long, String> unionNames = new HashMap<>();
		Map<Long, String> employerNames = new HashMap<>();
		List<MemberView> views = new ArrayList<>(list.size());
		for (Member m : list) {
			String union = unionNames.computeIfAbsent(m.unionId(), id -> organizations.find(id).map(OrganizationSummary::name).orElse("—"));
			String employer = m.employerId() == null ? null
					: employerNames.computeIfAbsent(m.employerId(), id -> organizations.findEmployer(id).map(EmployerSummary::name).orElse("—"));
			views.add(new MemberView(m.id(), m.name(), m.gender(), m.idNumberMasked(), m.phoneMasked(), m.unionId(), union, m.employerId(), employer,
					m.workForm(), m.occupation(), m.platformCompany(), m.joinDate(), m.status(), m.cardNumber()));
		}
		return views;
	}

	private void requireWriter() {
		if (!mayWrite()) {
			throw new AccessDeniedException("Not allowed to manage members");
		}
	}

	static String checkText(String text, String field, int max, List<FieldProblem> problems) {
		String clean = Text.clean(text);
		if (clean != null && clean.length() > max) {
			problems.add(new FieldProblem(field, "validation.tooLong", max));
		}
		else if (Text.hasControlCharacters(clean)) {
			problems.add(new FieldProblem(field, "validation.controlCharacters"));
		}
		return clean;
	}

	/** A member as pages, the API and exports show it: identifiers masked. */
	public record MemberView(long id, String name, IdNumber.Gender gender, String idNumber, String phone, long unionId, String unionName,
			Long employerId, String employerName, WorkForm workForm, String occupation, String platformCompany, LocalDate joinDate,
			MemberStatus status, String cardNumber) {
	}

	public record MemberDetail(MemberView member, List<MemberEvent> events, boolean mayWrite) {
	}

	/** One line of a member's history (JOINED, UPDATED, TRANSFERRED, LEFT). */
	public record MemberEvent(java.time.LocalDateTime occurredAt, String kind, String fromUnion, String toUnion, String detail, String actor) {
	}

	/** A person to register, identifiers already sealed (they come from a join application). */
	public record NewMember(String name, IdNumber.Gender gender, String idNumberCipher, String idNumberHash, String idNumberMasked,
			String phoneCipher, String phoneHash, String phoneMasked, long unionId, Long employerId, WorkForm workForm, String occupation,
			String platformCompany, LocalDate joinDate, String source) {
	}

	/** A validated roster row: the importer has parsed and normalised every cell. */
	public record RosterRow(String name, IdNumber.Gender gender, IdNumber idNumber, PhoneNumber phone, Long employerId, WorkForm workForm,
			String occupation, String platformCompany, LocalDate joinDate) {
	}

	public record RosterOutcome(Kind kind, long memberId) {
		public enum Kind {
			CREATED, UPDATED, UNCHANGED
		}
	}
}
