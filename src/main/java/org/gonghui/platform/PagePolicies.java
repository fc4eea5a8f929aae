package org.gonghui.platform;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Narrow, per-page widenings of the strict page policy. A map page loads tile images from the configured
 * tile server; scripts and styles stay restricted to this origin. Spring Security keeps a
 * Content-Security-Policy header the application has already set.
 */
public final class PagePolicies {

	private PagePolicies() {
	}

	/** The strict policy with one more image origin (e.g. {@code https://tile.openstreetmap.org}). */
	public static void allowImagesFrom(HttpServletResponse response, String origin) {
		if (!origin.matches("https?://[A-Za-z0-9*.\\-]+(:[0-9]+)?")) {
			throw new IllegalArgumentException("Not an origin: " + origin);
		}
		response.setHeader("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: " + origin
				+ "; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'");
	}
}
