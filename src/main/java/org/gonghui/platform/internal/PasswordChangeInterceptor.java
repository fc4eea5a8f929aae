package org.gonghui.platform.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.gonghui.platform.PasswordChangeRequiredException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Someone signed in with a one-time code (staff read it out to a worker) may do nothing but choose a
 * new password: pages redirect to the change form, the API answers 403 naming the reason.
 */
class PasswordChangeInterceptor implements HandlerInterceptor {

	static final String CHANGE_PAGE = "/account/password";
	static final String CHANGE_API = "/api/me/password";

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null || !(auth.getPrincipal() instanceof GonghuiUser user) || !user.mustChangePassword()) {
			return true;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.equals(CHANGE_PAGE) || path.equals(CHANGE_API) || path.equals("/logout") || path.startsWith("/css/") || path.startsWith("/js/")
				|| path.startsWith("/webjars/") || path.startsWith("/images/") || path.startsWith("/favicon") || path.equals("/error")) {
			return true;
		}
		if (SecurityConfiguration.isApi(request)) {
			throw new PasswordChangeRequiredException();
		}
		response.sendRedirect(request.getContextPath() + CHANGE_PAGE + "?required");
		return false;
	}
}
