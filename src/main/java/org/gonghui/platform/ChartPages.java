package org.gonghui.platform;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Apache ECharts positions its SVG and tooltips with style attributes, which the strict page policy
 * ({@code style-src 'self'}) blocks. A page that shows a chart calls {@link #allowChartStyles} before
 * rendering: inline styles are allowed there, scripts stay restricted to this origin. Spring Security
 * keeps a Content-Security-Policy header the application has already set.
 */
public final class ChartPages {

	public static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
			+ "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	private ChartPages() {
	}

	public static void allowChartStyles(HttpServletResponse response) {
		response.setHeader("Content-Security-Policy", POLICY);
	}
}
