package org.gonghui.platform;

import org.gonghui.shared.InvalidInputException;
import org.springframework.validation.BindingResult;

/** Puts the problems of an {@link InvalidInputException} onto a form, next to their fields. */
public final class FormErrors {

	private FormErrors() {
	}

	public static void apply(InvalidInputException e, BindingResult result) {
		for (var p : e.problems()) {
			if (p.field() == null || !result.getModel().containsKey(result.getObjectName())) {
				result.reject(p.code(), p.args(), p.code());
			}
			else {
				result.rejectValue(p.field(), p.code(), p.args(), p.code());
			}
		}
	}
}
