package org.gonghui.platform.web;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Links of the shared list fragments (pager, sortable head): the current page's address with one query
 * parameter changed, so every filter the user set stays as it was. Used from templates as
 * {@code ${@pageLinks.page(2)}}; each template no longer spells out its own parameter list.
 */
@Component("pageLinks")
public class PageLinks {

	/** The current address on page {@code page} (0-based). */
	public String page(int page) {
		return current().replaceQueryParam("page", page).build(true).toUriString();
	}

	/** The current address sorted by {@code key}, back on the first page. */
	public String sort(String key) {
		return current().replaceQueryParam("sort", key).replaceQueryParam("page").build(true).toUriString();
	}

	private static UriComponentsBuilder current() {
		HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
		// The URI and query as the browser sent them (still percent-encoded): nothing is decoded and re-encoded.
		return UriComponentsBuilder.fromPath(request.getRequestURI()).query(request.getQueryString());
	}
}
