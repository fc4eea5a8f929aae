package org.gonghui.platform.internal;

import org.gonghui.platform.Accounts;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
class AccountsAdapter implements Accounts {

	private final AccountRepository accounts;

	AccountsAdapter(AccountRepository accounts) {
		this.accounts = accounts;
	}

	@Override
	@Transactional(readOnly = true)
	public boolean exists(String username) {
		return username != null && !username.isBlank() && accounts.findByUsername(username.strip()).filter(Account::enabled).isPresent();
	}
}
