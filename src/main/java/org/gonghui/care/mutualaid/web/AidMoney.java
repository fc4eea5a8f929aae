package org.gonghui.care.mutualaid.web;

import org.springframework.stereotype.Component;

/** Fen shown as yuan on the pages ({@code ${@aidMoney.yuan(x)}}): integer arithmetic, two decimals, thousands separated. */
@Component("aidMoney")
public class AidMoney {

	public String yuan(Long fen) {
		if (fen == null) {
			return "—";
		}
		long abs = Math.abs(fen);
		return (fen < 0 ? "-" : "") + String.format("%,d", abs / 100) + "." + String.format("%02d", abs % 100);
	}

	/** Basis points as a percentage with two decimals (loss ratio, share of expenses). */
	public String percent(Integer bp) {
		return bp == null ? "—" : bp / 100 + "." + String.format("%02d", bp % 100) + "%";
	}
}
