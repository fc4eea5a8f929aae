package org.gonghui.member.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.gonghui.member.internal.MemberImportService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Refuses a roster upload that announces (Content-Length) more than the import accepts, before anything
 * reads its body. Later the container would refuse it anyway, but while Spring Security looks for the
 * CSRF field inside the body, and Tomcat 11 then fails the request with its own bare 413 page. Here the
 * API gets a 413 problem detail and the page goes back to the form, which states the limit. Registered
 * ahead of the security filters, for the two import URLs only.
 */
@Configuration(proxyBeanMethods = false)
class MemberUploadSizeFilter {

	/** Room for the multipart framing and the other form fields around the file. */
	static final long SLACK = 16 * 1024;

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> memberUploadSize(MemberImportService imports, MessageSource messages, LocaleResolver locales) {
		var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {

			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				long limit = imports.maxFileSize();
				if (!"POST".equals(request.getMethod()) || request.getContentLengthLong() <= limit + SLACK) {
					chain.doFilter(request, response);
					return;
				}
				String path = request.getRequestURI().substring(request.getContextPath().length());
				if (path.startsWith("/api/")) {
					Locale locale = locales.resolveLocale(request);
					String message = messages.getMessage("member.import.file.tooLarge", new Object[] { limit >> 20 }, locale);
					String title = messages.getMessage("validation.failed", null, "validation.failed", locale);
					response.setStatus(413);
					response.setContentType("application/problem+json");
					response.setCharacterEncoding(StandardCharsets.UTF_8.name());
					response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + json(title) + "\",\"status\":413,\"detail\":\"" + json(message)
							+ "\",\"instance\":\"" + json(path) + "\",\"errors\":[{\"field\":\"file\",\"message\":\"" + json(message) + "\"}]}");
				}
				else {
					response.setStatus(HttpServletResponse.SC_SEE_OTHER);
					response.setHeader("Location", request.getContextPath() + "/members/import?tooLarge=1");
				}
			}
		});
		registration.addUrlPatterns("/members/import", "/api/members/import");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
		registration.setName("memberUploadSize");
		return registration;
	}

	static String json(String text) {
		StringBuilder sb = new StringBuilder(text.length() + 8);
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> sb.append("\\\"");
				case '\\' -> sb.append("\\\\");
				default -> {
					if (c < 0x20) {
						sb.append(String.format("\\u%04x", (int) c));
					}
					else {
						sb.append(c);
					}
				}
			}
		}
		return sb.toString();
	}
}
