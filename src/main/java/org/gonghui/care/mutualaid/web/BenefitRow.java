package org.gonghui.care.mutualaid.web;

import java.util.ArrayList;
import java.util.List;

import org.gonghui.care.mutualaid.DocumentKind;
import org.gonghui.care.mutualaid.internal.AidPlanService.BenefitInput;
import org.gonghui.shared.InvalidInputException;
import org.springframework.util.MultiValueMap;

/**
 * One benefit row of the plan form as typed (fields {@code b0_code}, {@code b0_fixedYuan} … {@code b0_documents}), kept
 * as text so the form comes back with what was typed when something is wrong. Public for the template only.
 */
public record BenefitRow(String code, String name, String fixedYuan, String sharePercent, String deductibleYuan, String capYuan, String termCapYuan,
		List<String> documents) {

	/** 住院, 特殊疾病, 身故: three rows cover the plans the unions run; the API takes more. */
	static final int ROWS = 3;

	static List<BenefitRow> blank() {
		List<BenefitRow> rows = new ArrayList<>();
		rows.add(new BenefitRow("HOSPITAL", null, null, null, null, null, null, List.of()));
		for (int i = 1; i < ROWS; i++) {
			rows.add(new BenefitRow(null, null, null, null, null, null, null, List.of()));
		}
		return rows;
	}

	static List<BenefitRow> from(MultiValueMap<String, String> form) {
		List<BenefitRow> rows = new ArrayList<>();
		for (int i = 0; i < ROWS; i++) {
			String p = "b" + i + "_";
			List<String> documents = form.get(p + "documents");
			rows.add(new BenefitRow(form.getFirst(p + "code"), form.getFirst(p + "name"), form.getFirst(p + "fixedYuan"), form.getFirst(p + "sharePercent"),
					form.getFirst(p + "deductibleYuan"), form.getFirst(p + "capYuan"), form.getFirst(p + "termCapYuan"),
					documents == null ? List.of() : List.copyOf(documents)));
		}
		return rows;
	}

	boolean isBlank() {
		return (code == null || code.isBlank()) && (name == null || name.isBlank());
	}

	public boolean requires(DocumentKind kind) {
		return documents.contains(kind.name());
	}

	/** The row as the service takes it; a number or a document kind that does not parse is a problem of that row's field. */
	BenefitInput input(int row) {
		String p = "b" + row + "_";
		List<DocumentKind> kinds = new ArrayList<>();
		for (String d : documents) {
			try {
				kinds.add(DocumentKind.valueOf(d));
			}
			catch (IllegalArgumentException e) {
				throw InvalidInputException.of(p + "documents", "aid.field.invalid");
			}
		}
		Integer percent = null;
		if (sharePercent != null && !sharePercent.isBlank()) {
			try {
				percent = Integer.valueOf(sharePercent.trim());
			}
			catch (NumberFormatException e) {
				throw InvalidInputException.of(p + "sharePercent", "aid.field.invalid");
			}
		}
		return new BenefitInput(code, name, AidPages.fen(fixedYuan, p + "fixedYuan"), percent == null ? null : percent * 100,
				AidPages.fen(deductibleYuan, p + "deductibleYuan"), AidPages.fen(capYuan, p + "capYuan"), AidPages.fen(termCapYuan, p + "termCapYuan"),
				kinds);
	}
}
