package org.gonghui.member.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.gonghui.member.MemberStatus;
import org.gonghui.platform.AccountRef;
import org.gonghui.platform.Accounts;
import org.gonghui.platform.AuditLog;
import org.gonghui.platform.PersonalWords;
import org.gonghui.platform.Role;
import org.gonghui.shared.IdNumber;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.PhoneNumber;
import org.gonghui.shared.RecordNotFoundException;
import org.gonghui.shared.StateConflictException;
import org.gonghui.shared.TooManyAttemptsException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Workers' own accounts (职工账号). A member opens one on the phone by proving who they are with three
 * facts only they hold together (身份证号, phone number, member card number) or with the private link of
 * their approved join application; staff in scope link, unlink and reset it. The username is the phone
 * number. A member has at most one account and an account at most one member.
 */
@Service
public class MemberAccountService implements PersonalWords {

	private final MemberRepository members;
	private final AccountLinkRepository links;
	private final MemberService memberService;
	private final JoinService joins;
	private final Sealer sealer;
	private final Accounts accounts;
	private final ClaimRateLimiter limiter;
	private final AuditLog audit;

	MemberAccountService(MemberRepository members, AccountLinkRepository links, MemberService memberService, JoinService joins, Sealer sealer,
			Accounts accounts, ClaimRateLimiter limiter, AuditLog audit) {
		this.members = members;
		this.links = links;
		this.memberService = memberService;
		this.joins = joins;
		this.sealer = sealer;
		this.accounts = accounts;
		this.limiter = limiter;
		this.audit = audit;
	}

	/**
	 * Opens the worker's account. Every way the three facts can fail (a typo, another member's phone, a
	 * member who left) gets the same answer, so the form cannot be used to find out who is a member.
	 * The password is judged first, on the typed facts alone, for the same reason.
	 */
	@Transactional
	public AccountRef claim(Claim claim, String client) {
		if (!limiter.tryAddress(client)) {
			throw new TooManyAttemptsException("account claim from " + client);
		}
		Optional<IdNumber> id = IdNumber.parse(claim.idNumber());
		Optional<PhoneNumber> phone = PhoneNumber.parse(claim.phone());
		accounts.checkWorkerPassword(claim.password(), personalWords(claim.idNumber(), claim.phone(), id.orElse(null), phone.orElse(null)));
		String card = claim.cardNumber() == null ? "" : claim.cardNumber().strip().toUpperCase(Locale.ROOT);
		if (id.isEmpty()) {
			throw noMatch();
		}
		String idHash = sealer.idHash(id.get());
		if (!limiter.tryMember(idHash)) {
			throw new TooManyAttemptsException("account claim for one ID number");
		}
		Member m = members.findByIdNumberHash(idHash)
			.filter(x -> x.status() == MemberStatus.ACTIVE)
			.filter(x -> phone.isPresent() && x.phoneHash() != null && x.phoneHash().equals(sealer.phoneHash(phone.get())))
			.filter(x -> x.cardNumber().equals(card))
			.orElseThrow(MemberAccountService::noMatch);
		return open(m, phone.get(), claim.password(), "claim");
	}

	/** The same from the private link of an approved join application: the link proves who they are. */
	@Transactional
	public AccountRef claimFromApplication(String token, String password) {
		long memberId = joins.approvedMemberId(token).orElseThrow(() -> new RecordNotFoundException("join_application", "token"));
		Member m = members.findById(memberId).filter(x -> x.status() == MemberStatus.ACTIVE)
			.orElseThrow(() -> new StateConflictException("account.claim.notActive"));
		if (m.phoneCipher() == null) {
			throw new StateConflictException("account.claim.noPhone");
		}
		PhoneNumber phone = new PhoneNumber(sealer.open(m.phoneCipher()));
		IdNumber id = new IdNumber(sealer.open(m.idNumberCipher()));
		accounts.checkWorkerPassword(password, personalWords(null, null, id, phone));
		return open(m, phone, password, "claim from join application");
	}

	/** Whether the member of an approved application's private link has opened their account. */
	@Transactional(readOnly = true)
	public boolean hasAccount(String token) {
		return joins.approvedMemberId(token).flatMap(links::accountOf).isPresent();
	}

	private AccountRef open(Member m, PhoneNumber phone, String password, String how) {
		if (links.accountOf(m.id()).isPresent()) {
			throw new StateConflictException("account.claim.exists");
		}
		IdNumber id = new IdNumber(sealer.open(m.idNumberCipher()));
		AccountRef account;
		try {
			account = accounts.createWorker(phone.value(), m.name(), password, m.unionId(), personalWords(null, null, id, phone));
		}
		catch (DuplicateKeyException e) {
			throw new StateConflictException("account.claim.phoneTaken");
		}
		if (!links.link(m.id(), account.username())) {
			// Another claim for the same member won meanwhile; this transaction (and the account it made) rolls back.
			throw new StateConflictException("account.claim.exists");
		}
		audit.record("member.account.open", "member", m.id(), how + ", account " + mask(account.username()));
		return account;
	}

	/** Whether the member in scope has an account, and its username (a phone number, shown masked). */
	@Transactional(readOnly = true)
	public Optional<LinkedAccount> accountOf(long memberId) {
		memberService.visible(memberId);
		return links.accountOf(memberId).map(u -> new LinkedAccount(u, mask(u)));
	}

	/** Staff link an existing WORKER account to a member in scope who has none. */
	@Transactional
	public void link(long memberId, String username) {
		requireWriter();
		Member m = memberService.visible(memberId);
		AccountRef account = accounts.find(username).filter(a -> a.role() == Role.WORKER)
			.orElseThrow(() -> InvalidInputException.of("username", "account.link.noWorker"));
		if (links.accountOf(m.id()).isPresent()) {
			throw new StateConflictException("account.link.memberHasOne");
		}
		if (links.memberOf(account.username()).isPresent()) {
			throw new StateConflictException("account.link.accountTaken");
		}
		try {
			if (!links.link(m.id(), account.username())) {
				throw new StateConflictException("account.link.memberHasOne");
			}
		}
		catch (DuplicateKeyException e) {
			throw new StateConflictException("account.link.accountTaken");
		}
		audit.record("member.account.link", "member", m.id(), "account " + mask(account.username()));
	}

	/** Staff unlink the member's account; the account stays (it can be linked again), the member keeps their records. */
	@Transactional
	public void unlink(long memberId) {
		requireWriter();
		Member m = memberService.visible(memberId);
		String username = links.accountOf(m.id()).orElseThrow(() -> new StateConflictException("account.link.none"));
		links.unlink(m.id(), username);
		audit.record("member.account.unlink", "member", m.id(), "account " + mask(username));
	}

	/** Staff reset the member's password to a one-time code, shown once; the worker must change it at sign-in. */
	@Transactional
	public String resetPassword(long memberId) {
		requireWriter();
		Member m = memberService.visible(memberId);
		String username = links.accountOf(m.id()).orElseThrow(() -> new StateConflictException("account.link.none"));
		String code = accounts.issueOneTimePassword(username);
		audit.record("member.account.reset", "member", m.id(), "one-time password for " + mask(username));
		return code;
	}

	/** A worker's phone, 身份证号 and birth date may not be part of their password. */
	@Override
	@Transactional(readOnly = true)
	public List<String> of(String username) {
		return links.memberOf(username).flatMap(members::findById)
			.map(m -> personalWords(null, null, new IdNumber(sealer.open(m.idNumberCipher())),
					m.phoneCipher() == null ? null : new PhoneNumber(sealer.open(m.phoneCipher()))))
			.orElse(List.of());
	}

	private void requireWriter() {
		if (!memberService.mayWrite()) {
			throw new org.springframework.security.access.AccessDeniedException("Read-only role");
		}
	}

	private static List<String> personalWords(String idText, String phoneText, IdNumber id, PhoneNumber phone) {
		List<String> words = new ArrayList<>();
		if (id != null) {
			words.add(id.value());
			words.add(id.birthDate().format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE));
		}
		else if (idText != null && idText.strip().length() >= 6) {
			words.add(idText.strip());
		}
		if (phone != null) {
			words.add(phone.value());
		}
		else if (phoneText != null && phoneText.strip().length() >= 6) {
			words.add(phoneText.strip());
		}
		return words;
	}

	private static String mask(String username) {
		return PhoneNumber.parse(username).map(PhoneNumber::masked).orElse(username);
	}

	private static InvalidInputException noMatch() {
		return InvalidInputException.of(null, "account.claim.noMatch");
	}

	/** What the worker types to open their account. */
	public record Claim(String idNumber, String phone, String cardNumber, String password) {
	}

	public record LinkedAccount(String username, String masked) {
	}
}
