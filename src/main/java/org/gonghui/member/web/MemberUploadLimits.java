package org.gonghui.member.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.gonghui.member.internal.MemberImportService;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * An upload over {@code spring.servlet.multipart.max-file-size} that {@link MemberUploadSizeFilter}
 * could not catch by its Content-Length (a chunked request) fails while the request is parsed, before
 * any controller is chosen, so only an advice without selectors sees it. For the roster import it
 * answers what the size limit is: a 413 problem detail for the API, the form with a message for a page.
 * Other uploads get the default handling (the exception is passed on).
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class MemberUploadLimits {

	private final MemberImportService imports;
	private final MessageSource messages;

	MemberUploadLimits(MemberImportService imports, MessageSource messages) {
		this.imports = imports;
		this.messages = messages;
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ResponseEntity<?> tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) throws MaxUploadSizeExceededException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.startsWith("/api/members/import")) {
			Locale locale = LocaleContextHolder.getLocale();
			String message = messages.getMessage("member.import.file.tooLarge", new Object[] { imports.maxFileSize() >> 20 }, locale);
			ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, message);
			p.setTitle(messages.getMessage("validation.failed", null, "validation.failed", locale));
			p.setProperty("errors", List.of(Map.of("field", "file", "message", message)));
			return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(p);
		}
		if (path.startsWith("/members/import")) {
			return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(request.getContextPath() + "/members/import?tooLarge=1")).build();
		}
		throw e;
	}
}
