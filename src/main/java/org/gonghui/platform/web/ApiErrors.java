package org.gonghui.platform.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.RecordNotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * RFC 9457 problem details for the JSON API. Validation problems carry {@code errors}: a list of
 * {@code field} and {@code message} in the caller's language.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class ApiErrors extends ResponseEntityExceptionHandler {

	private final MessageSource messages;

	ApiErrors(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(RecordNotFoundException.class)
	ProblemDetail notFound(RecordNotFoundException e) {
		return problem(HttpStatus.NOT_FOUND, msg("error.404.text"));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
		ProblemDetail p = problem(HttpStatus.BAD_REQUEST, msg("validation.failed"));
		p.setProperty("errors", List.of(new FieldMessage(e.getName(), msg("validation.typeMismatch"))));
		return p;
	}

	@ExceptionHandler(InvalidInputException.class)
	ProblemDetail invalid(InvalidInputException e) {
		ProblemDetail p = problem(HttpStatus.BAD_REQUEST, msg("validation.failed"));
		List<FieldMessage> errors = new ArrayList<>();
		for (var problem : e.problems()) {
			errors.add(new FieldMessage(problem.field(), messages.getMessage(problem.code(), problem.args(), problem.code(), locale())));
		}
		p.setProperty("errors", errors);
		return p;
	}

	// A unique key or check that a concurrent request hit first (two double-submits racing) is a conflict,
	// answered like a stale edit rather than a 500; validation catches everything a single request can get wrong.
	@ExceptionHandler({ OptimisticLockingFailureException.class, org.springframework.dao.DataIntegrityViolationException.class })
	ProblemDetail conflict(Exception e) {
		return problem(HttpStatus.CONFLICT, msg("error.409.text"));
	}

	@ExceptionHandler(org.gonghui.shared.StateConflictException.class)
	ProblemDetail stateConflict(org.gonghui.shared.StateConflictException e) {
		ProblemDetail p = problem(HttpStatus.CONFLICT, messages.getMessage(e.code(), e.args(), e.code(), locale()));
		p.setProperty("code", e.code());
		return p;
	}

	@ExceptionHandler(org.gonghui.shared.TooManyAttemptsException.class)
	ResponseEntity<ProblemDetail> tooMany(org.gonghui.shared.TooManyAttemptsException e) {
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, "3600")
			.body(problem(HttpStatus.TOO_MANY_REQUESTS, msg("error.429.text")));
	}

	@ExceptionHandler(AccessDeniedException.class)
	ProblemDetail forbidden(AccessDeniedException e) {
		if (e instanceof org.gonghui.platform.PasswordChangeRequiredException) {
			ProblemDetail p = problem(HttpStatus.FORBIDDEN, msg("account.password.changeRequired"));
			p.setProperty("code", "PASSWORD_CHANGE_REQUIRED");
			return p;
		}
		return problem(HttpStatus.FORBIDDEN, msg("error.403.text"));
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		ProblemDetail p = problem(HttpStatus.BAD_REQUEST, msg("validation.failed"));
		List<FieldMessage> errors = new ArrayList<>();
		ex.getBindingResult().getFieldErrors().forEach(fe -> errors.add(new FieldMessage(fe.getField(), messages.getMessage(fe, locale()))));
		ex.getBindingResult().getGlobalErrors().forEach(ge -> errors.add(new FieldMessage(null, messages.getMessage(ge, locale()))));
		p.setProperty("errors", errors);
		return ResponseEntity.badRequest().body(p);
	}

	/**
	 * A body that is not JSON, or a value of the wrong type ({@code "lat": "abc"}, an unknown enum code):
	 * the field it happened in, when Jackson knows it, and the usual message, instead of "Failed to read request".
	 */
	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(org.springframework.http.converter.HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail p = problem(HttpStatus.BAD_REQUEST, msg("validation.failed"));
		String field = null;
		for (Throwable t = ex; t != null && field == null; t = t.getCause()) {
			if (t instanceof tools.jackson.databind.DatabindException databind && !databind.getPath().isEmpty()) {
				field = databind.getPath().stream()
					.map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
					.reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
					.orElse(null);
			}
		}
		p.setProperty("errors", List.of(new FieldMessage(field, msg(field == null ? "validation.unreadableBody" : "validation.typeMismatch"))));
		return ResponseEntity.badRequest().body(p);
	}

	private ProblemDetail problem(HttpStatus status, String detail) {
		ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
		p.setTitle(msg("error." + status.value() + ".title"));
		return p;
	}

	private String msg(String code) {
		return messages.getMessage(code, null, code, locale());
	}

	private static Locale locale() {
		return LocaleContextHolder.getLocale();
	}

	record FieldMessage(String field, String message) {
	}
}
