package org.gonghui.platform.internal;

import java.util.Optional;

import org.gonghui.platform.AccountRef;
import org.gonghui.platform.CurrentUser;
import org.gonghui.platform.DataScope;
import org.gonghui.platform.OrganizationDirectory;
import org.gonghui.platform.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Reads the caller from the security context. The scope root is looked up on each call, so a moved
 * subtree takes effect at once for signed-in users.
 */
@Component
class SecurityCurrentUser implements CurrentUser {

	private final OrganizationDirectory organizations;

	SecurityCurrentUser(OrganizationDirectory organizations) {
		this.organizations = organizations;
	}

	@Override
	public Optional<AccountRef> account() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth != null && auth.isAuthenticated() && auth.getPrincipal() instanceof GonghuiUser user) {
			return Optional.of(user.account());
		}
		return Optional.empty();
	}

	@Override
	public DataScope scope() {
		return account().map(this::scopeOf).orElse(DataScope.none());
	}

	DataScope scopeOf(AccountRef account) {
		if (account.role() == Role.ADMIN) {
			return DataScope.all();
		}
		if (account.role() == Role.WORKER) {
			return DataScope.none();
		}
		return organizations.findById(account.organizationId())
			.map(org -> DataScope.subtree(org.path()))
			.orElse(DataScope.none());
	}
}
