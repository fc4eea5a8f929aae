package org.gonghui.member.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.gonghui.member.WorkForm;
import org.gonghui.member.internal.JoinApplicationRepository.JoinApplication;
import org.gonghui.member.internal.MemberService.NewMember;
import org.gonghui.organization.OrganizationSummary;
import org.gonghui.organization.Organizations;
import org.gonghui.platform.AuditLog;
import org.gonghui.platform.CurrentUser;
import org.gonghui.platform.PersonalDataCipher;
import org.gonghui.shared.IdNumber;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.InvalidInputException.FieldProblem;
import org.gonghui.shared.PhoneNumber;
import org.gonghui.shared.RecordNotFoundException;
import org.gonghui.shared.Text;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Joining online (入会申请): a worker applies on a public page, a union chair or staff member in scope
 * approves or rejects with a reason, and the worker follows the outcome with a private link. Approval
 * registers the member, which issues the card and grants the welcome package.
 */
@Service
public class JoinService {

	/** Version of the privacy notice shown on the form; recorded with each consent. */
	public static final String PRIVACY_NOTICE_VERSION = "2026-11-v1";

	private final JoinApplicationRepository applications;
	private final MemberService members;
	private final Organizations organizations;
	private final Sealer sealer;
	private final PersonalDataCipher cipher;
	private final CurrentUser currentUser;
	private final AuditLog audit;
	private final Clock clock;
	private final SecureRandom random = new SecureRandom();
	private final JoinRateLimiter rateLimiter;

	JoinService(JoinApplicationRepository applications, MemberService members, Organizations organizations, Sealer sealer,
			PersonalDataCipher cipher, CurrentUser currentUser, AuditLog audit, Clock clock, JoinRateLimiter rateLimiter) {
		this.rateLimiter = rateLimiter;
		this.applications = applications;
		this.members = members;
		this.organizations = organizations;
		this.sealer = sealer;
		this.cipher = cipher;
		this.currentUser = currentUser;
		this.audit = audit;
		this.clock = clock;
	}

	/** Counts one submission from the client address; false when it has used up its allowance. */
	public boolean allowSubmission(String clientAddress) {
		return rateLimiter.tryAcquire(clientAddress);
	}

	/** Validates and stores an application; the receipt's token is the worker's only key to it. */
	@Transactional
	public JoinReceipt apply(JoinRequest r) {
		List<FieldProblem> problems = new ArrayList<>();
		String name = Text.clean(r.name());
		if (name == null) {
			problems.add(new FieldProblem("name", "validation.required"));
		}
		else if (name.length() > MemberService.MAX_NAME || Text.hasControlCharacters(name) || name.matches(".*[<>\"'&;=].*")) {
			problems.add(new FieldProblem("name", "member.name.invalid"));
		}
		IdNumber id = null;
		if (r.idNumber() == null || r.idNumber().isBlank()) {
			problems.add(new FieldProblem("idNumber", "validation.required"));
		}
		else {
			Optional<IdNumber.Problem> problem = IdNumber.problem(r.idNumber(), clock);
			if (problem.isPresent()) {
				problems.add(new FieldProblem("idNumber", "member.idNumber." + problem.get().name()));
			}
			else {
				id = IdNumber.of(r.idNumber(), clock);
			}
		}
		PhoneNumber phone = null;
		if (r.phone() == null || r.phone().isBlank()) {
			problems.add(new FieldProblem("phone", "validation.required"));
		}
		else {
			phone = PhoneNumber.parse(r.phone()).orElse(null);
			if (phone == null) {
				problems.add(new FieldProblem("phone", "member.phone.invalid"));
			}
		}
		if (r.workForm() == null) {
			problems.add(new FieldProblem("workForm", "validation.required"));
		}
		String platform = MemberService.checkText(r.platform(), "platform", MemberService.MAX_TEXT, problems);
		if (r.workForm() == WorkForm.PLATFORM && platform == null) {
			problems.add(new FieldProblem("platform", "member.platform.required"));
		}
		String occupation = MemberService.checkText(r.occupation(), "occupation", MemberService.MAX_TEXT, problems);
		OrganizationSummary union = null;
		if (r.unionId() == null) {
			problems.add(new FieldProblem("unionId", "validation.required"));
		}
		else {
			union = organizations.find(r.unionId()).filter(u -> organizations.acceptsMembers(u.id())).orElse(null);
			if (union == null) {
				problems.add(new FieldProblem("unionId", "join.union.invalid"));
			}
		}
		if (r.employerId() != null && (union == null || organizations.employersOf(union.id()).stream().noneMatch(e -> e.id() == r.employerId()))) {
			problems.add(new FieldProblem("employerId", "join.employer.invalid"));
		}
		if (!Boolean.TRUE.equals(r.consent())) {
			problems.add(new FieldProblem("consent", "join.consent.required"));
		}
		if (id != null && phone != null) {
			// A clear answer only to someone who also knows the member's phone number: an ID number alone
			// (they circulate widely) must not tell a stranger whether its holder is a union member. Other
			// duplicates are accepted and flagged to the reviewer.
			String hash = sealer.idHash(id);
			String phoneHash = sealer.phoneHash(phone);
			if (members.activeMember(hash).filter(m -> phoneHash.equals(m.phoneHash())).isPresent()) {
				problems.add(new FieldProblem("idNumber", "member.idNumber.alreadyMember"));
			}
			else if (applications.hasPending(hash, phoneHash)) {
				problems.add(new FieldProblem("idNumber", "join.pending"));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		String token = newToken();
		var sealedId = sealer.seal(id);
		var sealedPhone = sealer.seal(phone);
		Instant now = clock.instant();
		long appId = applications.insert(new JoinApplication(null, tokenHash(token), name, id.gender(), sealedId.cipher(), sealedId.hash(),
				sealedId.masked(), sealedPhone.cipher(), sealedPhone.hash(), sealedPhone.masked(), union.id(), r.employerId(), r.workForm(), occupation, platform,
				PRIVACY_NOTICE_VERSION, now, "PENDING", null, null, null, null, now));
		audit.record("join.apply", "join_application", appId, "union " + union.id() + ", consent " + PRIVACY_NOTICE_VERSION);
		return new JoinReceipt(appId, "PENDING", token);
	}

	/** What the worker sees through their private link. */
	@Transactional(readOnly = true)
	public Optional<JoinStatus> status(String token) {
		if (token == null || token.length() > 64) {
			return Optional.empty();
		}
		return applications.findByTokenHash(tokenHash(token)).map(a -> new JoinStatus(a.id(), a.name(), a.idNumberMasked(),
				organizations.find(a.unionId()).map(OrganizationSummary::name).orElse("—"), a.status(), a.decisionReason(), a.memberId(),
				a.createdAt()));
	}

	/** The member card of an approved application, for its private link. */
	@Transactional(readOnly = true)
	public Optional<MemberService.MemberView> card(String token) {
		if (token == null || token.length() > 64) {
			return Optional.empty();
		}
		return applications.findByTokenHash(tokenHash(token)).filter(a -> a.memberId() != null).flatMap(a -> members.card(a.memberId()));
	}

	/** The member an approved application became, for opening an account from its private link. */
	Optional<Long> approvedMemberId(String token) {
		if (token == null || token.length() > 64) {
			return Optional.empty();
		}
		return applications.findByTokenHash(tokenHash(token)).map(JoinApplicationRepository.JoinApplication::memberId);
	}

	@Transactional(readOnly = true)
	public List<ApplicationView> list(String status, int limit) {
		requireReviewer();
		return applications.findInScope(currentUser.scope().pathPattern(), status, limit).stream().map(this::view).toList();
	}

	@Transactional(readOnly = true)
	public ApplicationView get(long id) {
		requireReviewer();
		return view(visible(id));
	}

	/**
	 * Claims the application first (so two reviewers cannot both approve), then registers the member; a
	 * failure rolls both back. The sealed identifiers are copied, never decrypted.
	 */
	@Transactional
	public long approve(long id) {
		requireReviewer();
		JoinApplication a = visible(id);
		if (!"PENDING".equals(a.status())) {
			throw InvalidInputException.of(null, "join.alreadyDecided");
		}
		if (!applications.decide(id, "APPROVED", null, currentUser.username(), clock.instant(), null)) {
			throw new OptimisticLockingFailureException("join application " + id + " was decided meanwhile");
		}
		long memberId = members.register(new NewMember(a.name(), a.gender(), a.idNumberCipher(), a.idNumberHash(), a.idNumberMasked(),
				a.phoneCipher(), a.phoneHash(), a.phoneMasked(), a.unionId(), a.employerId(), a.workForm(), a.occupation(), a.platformCompany(),
				LocalDate.now(clock), "join application " + id));
		applications.linkMember(id, memberId);
		audit.record("join.approve", "join_application", id, "member " + memberId);
		return memberId;
	}

	@Transactional
	public void reject(long id, String reason) {
		requireReviewer();
		JoinApplication a = visible(id);
		List<FieldProblem> problems = new ArrayList<>();
		String clean = MemberService.checkText(reason, "reason", 200, problems);
		if (clean == null) {
			problems.add(new FieldProblem("reason", "validation.required"));
		}
		if (!"PENDING".equals(a.status())) {
			problems.add(new FieldProblem(null, "join.alreadyDecided"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		if (!applications.decide(id, "REJECTED", clean, currentUser.username(), clock.instant(), null)) {
			throw new OptimisticLockingFailureException("join application " + id + " was decided meanwhile");
		}
		audit.record("join.reject", "join_application", id, clean);
	}

	private JoinApplication visible(long id) {
		return applications.findById(id).filter(a -> organizations.findVisible(a.unionId()).isPresent())
			.orElseThrow(() -> new RecordNotFoundException("join_application", id));
	}

	private ApplicationView view(JoinApplication a) {
		return new ApplicationView(a.id(), a.name(), a.gender(), a.idNumberMasked(), a.phoneMasked(), a.unionId(),
				organizations.find(a.unionId()).map(OrganizationSummary::name).orElse("—"), a.employerId() == null ? null
						: organizations.findEmployer(a.employerId()).map(org.gonghui.organization.EmployerSummary::name).orElse("—"),
				a.workForm(), a.occupation(), a.platformCompany(), a.status(), a.decisionReason(), a.decidedBy(), a.memberId(),
				java.time.LocalDateTime.ofInstant(a.createdAt(), clock.getZone()),
				"PENDING".equals(a.status()) && members.activeMember(a.idNumberHash()).isPresent());
	}

	private void requireReviewer() {
		if (!members.mayWrite()) {
			throw new AccessDeniedException("Only union chairs and staff review applications");
		}
	}

	private String newToken() {
		byte[] bytes = new byte[24];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private String tokenHash(String token) {
		return cipher.lookupHash("join-token:" + token);
	}

	/** What a worker submits. {@code consent} must be true: the privacy notice was read and accepted. */
	public record JoinRequest(String name, String idNumber, String phone, WorkForm workForm, String platform, String occupation, Long unionId,
			Long employerId, Boolean consent) {
	}

	public record JoinReceipt(long id, String status, String token) {
	}

	public record JoinStatus(long id, String name, String idNumberMasked, String unionName, String status, String reason, Long memberId,
			Instant submittedAt) {
	}

	public record ApplicationView(long id, String name, IdNumber.Gender gender, String idNumber, String phone, long unionId, String unionName,
			String employerName, WorkForm workForm, String occupation, String platformCompany, String status, String reason, String decidedBy,
			Long memberId, java.time.LocalDateTime submittedAt, boolean alreadyMember) {
	}
}
