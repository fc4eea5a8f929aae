package org.gonghui.platform.internal;

import java.util.List;
import java.util.Optional;

import org.gonghui.platform.AccountRef;
import org.gonghui.platform.Accounts;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
class AccountsAdapter implements Accounts {

	private final AccountRepository accounts;
	private final AccountService service;

	AccountsAdapter(AccountRepository accounts, AccountService service) {
		this.accounts = accounts;
		this.service = service;
	}

	@Override
	@Transactional(readOnly = true)
	public boolean exists(String username) {
		return username != null && !username.isBlank() && accounts.findByUsername(AccountNames.normalise(username)).filter(Account::enabled).isPresent();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<AccountRef> find(String username) {
		return username == null || username.isBlank() ? Optional.empty() : accounts.findByUsername(AccountNames.normalise(username)).map(Account::toRef);
	}

	@Override
	public String normaliseUsername(String typed) {
		return AccountNames.normalise(typed);
	}

	@Override
	public void checkWorkerPassword(String password, List<String> personalWords) {
		List<org.gonghui.shared.InvalidInputException.FieldProblem> problems = new java.util.ArrayList<>();
		PasswordPolicy.check(password, PasswordPolicy.WORKER_MIN, personalWords, "password", problems);
		if (!problems.isEmpty()) {
			throw new org.gonghui.shared.InvalidInputException(problems);
		}
	}

	@Override
	@Transactional
	public AccountRef createWorker(String username, String displayName, String password, long organizationId, List<String> personalWords) {
		return service.createWorker(username, displayName, password, organizationId, personalWords);
	}

	@Override
	@Transactional
	public String issueOneTimePassword(String username) {
		return service.issueOneTimePassword(username);
	}
}
