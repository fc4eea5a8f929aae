package org.gonghui.platform.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Service;

/**
 * Replaces the signed-in principal with the account as it is now stored (after the holder changed their
 * password the must-change flag is gone), in this request and in the session.
 */
@Service
public class SignedInRefresh {

	private final AccountUserDetailsService users;
	private final HttpSessionSecurityContextRepository repository = new HttpSessionSecurityContextRepository();

	SignedInRefresh(AccountUserDetailsService users) {
		this.users = users;
	}

	public void refresh(HttpServletRequest request, HttpServletResponse response) {
		Authentication current = SecurityContextHolder.getContext().getAuthentication();
		if (current == null || !(current.getPrincipal() instanceof GonghuiUser user)) {
			return;
		}
		var fresh = users.loadUserByUsername(user.getUsername());
		var auth = UsernamePasswordAuthenticationToken.authenticated(fresh, null, fresh.getAuthorities());
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(auth);
		SecurityContextHolder.setContext(context);
		if (request.getSession(false) != null) {
			repository.saveContext(context, request, response);
		}
	}
}
