package org.gonghui.platform;

import org.gonghui.shared.InvalidInputException;
import org.springframework.validation.BindingResult;

/** Puts the problems of an {@link InvalidInputException} onto a form, next to their fields. */
public final class FormErrors {

	private FormErrors() {
	}

	/**
	 * For forms that answer with a redirect: every problem, resolved with its arguments in the caller's
	 * language, as the flash attribute {@code errorText} that the layout shows.
	 */
	public static void flash(InvalidInputException e, org.springframework.web.servlet.mvc.support.RedirectAttributes redirect,
			org.springframework.context.MessageSource messages) {
		redirect.addFlashAttribute("errorText", text(e, messages));
	}

	/** Every problem, resolved with its arguments in the caller's language and joined: the layout's {@code errorText}. */
	public static String text(InvalidInputException e, org.springframework.context.MessageSource messages) {
		java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
		return e.problems().stream()
			.map(p -> messages.getMessage(p.code(), p.args(), p.code(), locale))
			.distinct()
			.collect(java.util.stream.Collectors.joining("；"));
	}

	/** A conflict, resolved with its arguments in the caller's language: the layout's {@code errorText}. */
	public static String text(org.gonghui.shared.StateConflictException e, org.springframework.context.MessageSource messages) {
		return messages.getMessage(e.code(), e.args(), e.code(), org.springframework.context.i18n.LocaleContextHolder.getLocale());
	}

	public static void apply(InvalidInputException e, BindingResult result) {
		for (var p : e.problems()) {
			// A field the form does not have (a service-side name) is shown above the form rather than failing the page.
			if (p.field() == null || !result.getModel().containsKey(result.getObjectName())
					|| result instanceof org.springframework.validation.AbstractPropertyBindingResult b
							&& !b.getPropertyAccessor().isReadableProperty(p.field())) {
				result.reject(p.code(), p.args(), p.code());
			}
			else {
				result.rejectValue(p.field(), p.code(), p.args(), p.code());
			}
		}
	}
}
