package org.gonghui.platform.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.gonghui.platform.AccountRef;
import org.gonghui.platform.AuditLog;
import org.gonghui.platform.CurrentUser;
import org.gonghui.platform.DataScope;
import org.gonghui.platform.OrgRef;
import org.gonghui.platform.OrganizationDirectory;
import org.gonghui.platform.Role;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.InvalidInputException.FieldProblem;
import org.gonghui.shared.PageResult;
import org.gonghui.shared.RecordNotFoundException;
import org.gonghui.shared.Text;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Account management. Administrators manage every account; federation staff manage the accounts of
 * organisations in their subtree and may not hand out ADMIN. Accounts outside the caller's scope do
 * not exist for the caller (404).
 */
@Service
public class AccountService {

	static final Pattern USERNAME = Pattern.compile("^[a-z0-9][a-z0-9._-]{2,31}$");
	static final int MIN_PASSWORD = PasswordPolicy.STAFF_MIN;
	/** Letters and digits that cannot be misread when a code is read out over the phone (no 0/o, 1/l/i). */
	private static final char[] CODE_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz".toCharArray();
	private static final int CODE_LENGTH = 10;
	private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
	static final int MAX_NAME = 50;

	private final AccountRepository accounts;
	private final OrganizationDirectory organizations;
	private final CurrentUser currentUser;
	private final PasswordEncoder passwords;
	private final AuditLog audit;
	private final Clock clock;
	private final org.springframework.beans.factory.ObjectProvider<org.springframework.session.FindByIndexNameSessionRepository<? extends org.springframework.session.Session>> sessions;
	// Lazily: the member module's words source itself uses Accounts, which is built on this service.
	private final org.springframework.beans.factory.ObjectProvider<org.gonghui.platform.PersonalWords> personalWords;

	AccountService(AccountRepository accounts, OrganizationDirectory organizations, CurrentUser currentUser,
			PasswordEncoder passwords, AuditLog audit, Clock clock,
			org.springframework.beans.factory.ObjectProvider<org.springframework.session.FindByIndexNameSessionRepository<? extends org.springframework.session.Session>> sessions,
			org.springframework.beans.factory.ObjectProvider<org.gonghui.platform.PersonalWords> personalWords) {
		this.personalWords = personalWords;
		this.accounts = accounts;
		this.organizations = organizations;
		this.currentUser = currentUser;
		this.passwords = passwords;
		this.audit = audit;
		this.clock = clock;
		this.sessions = sessions;
	}

	/**
	 * Signs the account out everywhere: the role, organisation and enabled flag travel in the session,
	 * so a change must not wait for the session to expire.
	 */
	private void endSessions(String username) {
		var repository = sessions.getIfAvailable();
		if (repository != null) {
			repository.findByPrincipalName(username).keySet().forEach(repository::deleteById);
		}
	}

	@Transactional(readOnly = true)
	public PageResult<AccountView> list(String text, PageResult.Request page) {
		DataScope scope = requireManager();
		List<Account> candidates = accounts.findAll(Text.clean(text));
		Map<Long, OrgRef> orgs = organizations.findAllById(candidates.stream().map(Account::organizationId).distinct().toList());
		List<AccountView> visible = new ArrayList<>();
		for (Account a : candidates) {
			OrgRef org = orgs.get(a.organizationId());
			if (org != null && scope.includes(org.path())) {
				visible.add(view(a, org));
			}
		}
		visible.sort(Comparator.comparing(AccountView::username));
		int from = (int) Math.min(page.offset(), visible.size());
		int to = Math.min(from + page.size(), visible.size());
		return new PageResult<>(visible.subList(from, to), page.page(), page.size(), visible.size());
	}

	@Transactional(readOnly = true)
	public AccountView get(long id) {
		DataScope scope = requireManager();
		Account a = accounts.findById(id).orElseThrow(() -> new RecordNotFoundException("account", id));
		OrgRef org = organizations.findById(a.organizationId()).filter(o -> scope.includes(o.path()))
			.orElseThrow(() -> new RecordNotFoundException("account", id));
		return view(a, org);
	}

	@Transactional
	public long create(NewAccount command) {
		DataScope scope = requireManager();
		List<FieldProblem> problems = new ArrayList<>();
		String username = command.username() == null ? "" : command.username().strip().toLowerCase(Locale.ROOT);
		if (!USERNAME.matcher(username).matches()) {
			problems.add(new FieldProblem("username", "account.username.invalid"));
		}
		else if (accounts.findByUsername(username).isPresent()) {
			problems.add(new FieldProblem("username", "account.username.taken"));
		}
		checkPassword(command.password(), username, problems);
		String displayName = checkCommon(command.displayName(), command.role(), command.organizationId(), scope, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		try {
			long id = accounts.insert(new Account(null, username, displayName, passwords.encode(command.password()), command.role(),
					command.organizationId(), true, 0, null, clock.instant(), 0, false));
			audit.record("account.create", "account", id, AccountNames.shown(username) + " " + command.role() + " org " + command.organizationId());
			return id;
		}
		catch (DuplicateKeyException e) {
			throw InvalidInputException.of("username", "account.username.taken");
		}
	}

	@Transactional
	public void update(long id, AccountChange change) {
		DataScope scope = requireManager();
		AccountView current = get(id);
		List<FieldProblem> problems = new ArrayList<>();
		String displayName = checkCommon(change.displayName(), change.role(), change.organizationId(), scope, problems);
		if (current.id() == self().id() && (!change.enabled() || change.role() != current.role())) {
			problems.add(new FieldProblem(null, "account.self.change"));
		}
		if (current.role() == Role.ADMIN && self().role() != Role.ADMIN) {
			problems.add(new FieldProblem("role", "account.role.notAllowed"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		boolean updated = accounts.update(new Account(id, current.username(), displayName, null, change.role(), change.organizationId(),
				change.enabled(), 0, null, null, change.version(), false));
		if (!updated) {
			throw new OptimisticLockingFailureException("account " + id + " was changed by someone else");
		}
		audit.record("account.update", "account", id, AccountNames.shown(current.username()) + " role " + change.role() + " org " + change.organizationId()
				+ " enabled " + change.enabled());
		if (current.role() != change.role() || current.organizationId() != change.organizationId() || current.enabled() != change.enabled()) {
			endSessions(current.username());
		}
	}

	@Transactional
	public void resetPassword(long id, String newPassword) {
		AccountView current = get(id);
		List<FieldProblem> problems = new ArrayList<>();
		checkPassword(newPassword, current.username(), problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		accounts.updatePassword(id, passwords.encode(newPassword));
		audit.record("account.password.reset", "account", id, AccountNames.shown(current.username()));
		endSessions(current.username());
	}

	/** A worker's own account (the member module has checked who they are). See {@link org.gonghui.platform.Accounts#createWorker}. */
	@Transactional
	AccountRef createWorker(String username, String displayNameText, String password, long organizationId, List<String> words) {
		String normalised = AccountNames.normalise(username);
		List<FieldProblem> problems = new ArrayList<>();
		List<String> all = new ArrayList<>(words);
		all.add(normalised);
		PasswordPolicy.check(password, PasswordPolicy.WORKER_MIN, all, "password", problems);
		String displayName = Text.clean(displayNameText);
		if (!USERNAME.matcher(normalised).matches() || displayName == null || displayName.length() > MAX_NAME) {
			throw new IllegalArgumentException("A worker's username is their phone number and their name is given");
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		if (accounts.findByUsername(normalised).isPresent()) {
			throw new DuplicateKeyException("account " + normalised);
		}
		long id = accounts.insert(new Account(null, normalised, displayName, passwords.encode(password), Role.WORKER, organizationId, true, 0,
				null, clock.instant(), 0, false));
		audit.record("account.create", "account", id, AccountNames.shown(normalised) + " WORKER org " + organizationId + " (claimed by the member)");
		return accounts.findById(id).orElseThrow().toRef();
	}

	/** See {@link org.gonghui.platform.Accounts#issueOneTimePassword}. */
	@Transactional
	String issueOneTimePassword(String username) {
		Account a = accounts.findByUsername(AccountNames.normalise(username))
			.filter(x -> x.role() == Role.WORKER)
			.orElseThrow(() -> new RecordNotFoundException("account", username));
		StringBuilder code = new StringBuilder(CODE_LENGTH);
		for (int i = 0; i < CODE_LENGTH; i++) {
			code.append(CODE_ALPHABET[RANDOM.nextInt(CODE_ALPHABET.length)]);
		}
		accounts.setOneTimePassword(a.id(), passwords.encode(code.toString()));
		audit.record("account.password.oneTime", "account", a.id(), AccountNames.shown(a.username()));
		endSessions(a.username());
		return code.toString();
	}

	/**
	 * The signed-in holder replaces their own password (also the forced change after a one-time code): the
	 * current one must be right, the new one must meet the rules for the role and differ from the current.
	 */
	@Transactional
	public void changeOwnPassword(String currentPassword, String newPassword) {
		AccountRef me = self();
		Account a = accounts.findById(me.id()).orElseThrow(() -> new AccessDeniedException("Account gone"));
		List<FieldProblem> problems = new ArrayList<>();
		if (currentPassword == null || !passwords.matches(currentPassword, a.passwordHash())) {
			problems.add(new FieldProblem("currentPassword", "account.password.currentWrong"));
		}
		List<String> words = new ArrayList<>();
		words.add(a.username());
		personalWords.orderedStream().forEach(p -> words.addAll(p.of(a.username())));
		PasswordPolicy.check(newPassword, a.role() == Role.WORKER ? PasswordPolicy.WORKER_MIN : PasswordPolicy.STAFF_MIN, words, "newPassword",
				problems);
		if (problems.isEmpty() && passwords.matches(newPassword, a.passwordHash())) {
			problems.add(new FieldProblem("newPassword", "account.password.same"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		accounts.changeOwnPassword(a.id(), passwords.encode(newPassword));
		audit.record("account.password.changed", "account", a.id(), AccountNames.shown(a.username()));
	}

	@Transactional
	public void unlock(long id) {
		AccountView current = get(id);
		accounts.unlock(id);
		audit.record("account.unlock", "account", id, AccountNames.shown(current.username()));
	}

	/** Roles the caller may grant. */
	public List<Role> grantableRoles() {
		Role mine = self().role();
		return java.util.Arrays.stream(Role.values()).filter(mine::mayGrant).toList();
	}

	private String checkCommon(String displayNameText, Role role, Long organizationId, DataScope scope, List<FieldProblem> problems) {
		String displayName = Text.clean(displayNameText);
		if (displayName == null) {
			problems.add(new FieldProblem("displayName", "validation.required"));
		}
		else if (displayName.length() > MAX_NAME || Text.hasControlCharacters(displayName)) {
			problems.add(new FieldProblem("displayName", "validation.tooLong", MAX_NAME));
		}
		if (role == null) {
			problems.add(new FieldProblem("role", "validation.required"));
		}
		else if (!self().role().mayGrant(role)) {
			problems.add(new FieldProblem("role", "account.role.notAllowed"));
		}
		if (organizationId == null) {
			problems.add(new FieldProblem("organizationId", "validation.required"));
		}
		else if (organizations.findById(organizationId).filter(o -> scope.includes(o.path())).isEmpty()) {
			problems.add(new FieldProblem("organizationId", "account.organization.outOfScope"));
		}
		return displayName;
	}

	private static void checkPassword(String password, String username, List<FieldProblem> problems) {
		if (password != null && password.length() >= MIN_PASSWORD && password.length() <= PasswordPolicy.MAX && !username.isEmpty()
				&& password.toLowerCase(Locale.ROOT).contains(username)) {
			problems.add(new FieldProblem("password", "account.password.containsUsername"));
			return;
		}
		PasswordPolicy.check(password, MIN_PASSWORD, List.of(), "password", problems);
	}

	private AccountRef self() {
		return currentUser.account().orElseThrow(() -> new AccessDeniedException("Not signed in"));
	}

	private DataScope requireManager() {
		Role role = self().role();
		if (role != Role.ADMIN && role != Role.STAFF) {
			throw new AccessDeniedException("Only administrators and federation staff manage accounts");
		}
		return currentUser.scope();
	}

	private AccountView view(Account a, OrgRef org) {
		return new AccountView(a.id(), a.username(), a.displayName(), a.role(), a.organizationId(), org.name(), a.enabled(),
				a.isLockedAt(clock.instant()), a.version());
	}

	public record NewAccount(String username, String displayName, String password, Role role, Long organizationId) {
	}

	public record AccountChange(String displayName, Role role, Long organizationId, boolean enabled, int version) {
	}

	public record AccountView(long id, String username, String displayName, Role role, long organizationId, String organizationName,
			boolean enabled, boolean locked, int version) {
	}
}
