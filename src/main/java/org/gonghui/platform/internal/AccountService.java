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
	static final int MIN_PASSWORD = 10;
	static final int MAX_NAME = 50;

	private final AccountRepository accounts;
	private final OrganizationDirectory organizations;
	private final CurrentUser currentUser;
	private final PasswordEncoder passwords;
	private final AuditLog audit;
	private final Clock clock;
	private final org.springframework.beans.factory.ObjectProvider<org.springframework.session.FindByIndexNameSessionRepository<? extends org.springframework.session.Session>> sessions;

	AccountService(AccountRepository accounts, OrganizationDirectory organizations, CurrentUser currentUser,
			PasswordEncoder passwords, AuditLog audit, Clock clock,
			org.springframework.beans.factory.ObjectProvider<org.springframework.session.FindByIndexNameSessionRepository<? extends org.springframework.session.Session>> sessions) {
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
					command.organizationId(), true, 0, null, clock.instant(), 0));
			audit.record("account.create", "account", id, username + " " + command.role() + " org " + command.organizationId());
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
				change.enabled(), 0, null, null, change.version()));
		if (!updated) {
			throw new OptimisticLockingFailureException("account " + id + " was changed by someone else");
		}
		audit.record("account.update", "account", id, current.username() + " role " + change.role() + " org " + change.organizationId()
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
		audit.record("account.password.reset", "account", id, current.username());
		endSessions(current.username());
	}

	@Transactional
	public void unlock(long id) {
		AccountView current = get(id);
		accounts.unlock(id);
		audit.record("account.unlock", "account", id, current.username());
	}

	/** Organisations the caller may put accounts in, for the form's picker. */
	@Transactional(readOnly = true)
	public List<OrgRef> assignableOrganizations(String text) {
		return organizations.search(requireManager(), text, 500);
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
		if (password == null || password.length() < MIN_PASSWORD || password.length() > 72) {
			problems.add(new FieldProblem("password", "account.password.length", MIN_PASSWORD));
		}
		else if (password.toLowerCase(Locale.ROOT).contains(username) && !username.isEmpty()) {
			problems.add(new FieldProblem("password", "account.password.containsUsername"));
		}
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
