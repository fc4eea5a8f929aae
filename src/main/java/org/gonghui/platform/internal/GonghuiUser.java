package org.gonghui.platform.internal;

import java.util.List;

import org.gonghui.platform.AccountRef;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** The signed-in principal: Spring Security's user plus the account's id, name and organisation. */
class GonghuiUser extends User {

	private static final long serialVersionUID = 1L;

	private final AccountRef account;

	private final boolean mustChangePassword;

	GonghuiUser(Account account, boolean nonLocked) {
		super(account.username(), account.passwordHash(), account.enabled(), true, true, nonLocked,
				List.of(new SimpleGrantedAuthority("ROLE_" + account.role().name())));
		this.account = account.toRef();
		this.mustChangePassword = account.mustChangePassword();
	}

	/** Signed in with a one-time code: nothing but choosing a new password until then. */
	boolean mustChangePassword() {
		return mustChangePassword;
	}

	AccountRef account() {
		return account;
	}

	public String getDisplayName() {
		return account.displayName();
	}
}
