package org.gonghui.platform.internal;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Spring MVC's handler mapping, trying a mapping's path first. A URL with a path variable
 * ({@code /api/activities/7/registrations}) has no direct match, so Spring tries every one of the ~180
 * mappings, and for each it checks method, params, headers, consumes and produces before the path: each
 * check asks the request (five wrappers deep: session, security, firewall) for its method and headers.
 * The profile of the sign-up rush put 29 % of the application's CPU there. Checking the path first
 * rejects almost all of them at the first literal segment; the full check still runs for those that match
 * the path, so the outcome is the same (all conditions must hold, in any order), and 405/415 answers are
 * still worked out by Spring from all mappings.
 */
final class PatternFirstHandlerMapping extends RequestMappingHandlerMapping {

	@Override
	protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
		PathPatternsRequestCondition patterns = info.getPathPatternsCondition();
		if (patterns != null && patterns.getMatchingCondition(request) == null) {
			return null;
		}
		return super.getMatchingMapping(info, request);
	}
}
