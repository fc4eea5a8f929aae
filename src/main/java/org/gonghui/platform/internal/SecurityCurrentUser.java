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
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Reads the caller from the security context. The scope root is looked up on each request (each call
 * outside a request), so a moved subtree takes effect at once for signed-in users.
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

	/**
	 * Looked up once per HTTP request (several services ask during one request: the record's check, the
	 * member's check, the audit row; see {@link ScopeMemoFilter}) and again on the next request, so a moved
	 * subtree still re-scopes at once. Outside a request (jobs, tests calling services) on every call.
	 */
	@Override
	public DataScope scope() {
		Optional<AccountRef> account = account();
		if (account.isEmpty()) {
			return DataScope.none();
		}
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		Object memo = request == null ? null : request.getAttribute(ScopeMemoFilter.ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
		if (!(memo instanceof ScopeMemoFilter.Memo scopes)) {
			return scopeOf(account.get());
		}
		return scopes.computeIfAbsent(account.get(), this::scopeOf);
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
