package org.gonghui.care.mutualaid.web;

import java.math.BigDecimal;

import org.gonghui.shared.InvalidInputException;

/** Yuan typed on a mutual-aid form, as fen. */
final class AidPages {

	private AidPages() {
	}

	/** "1234.5" 元 as 123450 fen, exactly; blank as null; more than two decimals or no number is a field error. */
	static Long fen(String yuan, String field) {
		if (yuan == null || yuan.isBlank()) {
			return null;
		}
		try {
			BigDecimal value = new BigDecimal(yuan.trim().replace(",", "").replace("，", ""));
			if (value.scale() > 2 || value.signum() < 0 || value.compareTo(BigDecimal.valueOf(1_000_000_000L)) > 0) {
				throw InvalidInputException.of(field, "aid.field.yuan");
			}
			return value.movePointRight(2).longValueExact();
		}
		catch (NumberFormatException | ArithmeticException e) {
			throw InvalidInputException.of(field, "aid.field.yuan");
		}
	}
}
