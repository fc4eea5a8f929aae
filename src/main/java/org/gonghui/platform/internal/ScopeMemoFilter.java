package org.gonghui.platform.internal;

import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.gonghui.platform.AccountRef;
import org.gonghui.platform.DataScope;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives each HTTP request a memo for the caller's data scope, so {@link SecurityCurrentUser} looks up the
 * scope root (one query) once per request instead of at every check. The memo lives exactly as long as
 * the request; the next request looks again.
 */
@Component
class ScopeMemoFilter extends OncePerRequestFilter {

	static final String ATTRIBUTE = ScopeMemoFilter.class.getName() + ".memo";

	/** The scopes worked out during one request, by account (the account does not change within a request, but a login request signs one in). */
	static final class Memo extends ConcurrentHashMap<AccountRef, DataScope> {

		private static final long serialVersionUID = 1L;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		request.setAttribute(ATTRIBUTE, new Memo());
		try {
			chain.doFilter(request, response);
		}
		finally {
			request.removeAttribute(ATTRIBUTE);
		}
	}
}
