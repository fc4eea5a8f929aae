package org.gonghui.platform.web;

import jakarta.servlet.http.HttpServletResponse;

import org.gonghui.shared.RecordNotFoundException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Friendly pages for expected failures; they say what happened and nothing about the internals. */
@ControllerAdvice(annotations = Controller.class)
class PageErrors {

	@ExceptionHandler(RecordNotFoundException.class)
	String notFound(HttpServletResponse response) {
		response.setStatus(404);
		return "error/404";
	}

	/** {@code /organizations/abc} names no record (404); {@code ?from=abc} is a malformed request (400). */
	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	String typeMismatch(MethodArgumentTypeMismatchException e, HttpServletResponse response) {
		if (e.getParameter().hasParameterAnnotation(PathVariable.class)) {
			return notFound(response);
		}
		response.setStatus(400);
		return "error/400";
	}

	// A unique key or check that a concurrent request hit first (two double-submits racing): the same answer as a stale edit.
	@ExceptionHandler({ OptimisticLockingFailureException.class, org.springframework.dao.DataIntegrityViolationException.class })
	String conflict(HttpServletResponse response, Model model) {
		response.setStatus(409);
		return "error/409";
	}
}
