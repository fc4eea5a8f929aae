package org.gonghui.activity.internal;

import java.math.BigDecimal;

/**
 * The completion rule of a training camp, free of the database: the counting sessions attended reach the
 * least share of all counting sessions (exactly at the threshold counts; no share means every one), and
 * the final assessment was passed when the rule asks for one. A camp without counting sessions needs one
 * check-in. {@link CampCompletion} applies it.
 */
final class CampCompletionRules {

	private CampCompletionRules() {
	}

	static boolean completes(int attended, int counting, BigDecimal minShare, boolean needsAssessment, Boolean passed) {
		BigDecimal share = minShare == null ? BigDecimal.ONE : minShare;
		// attended / counting >= share, compared without division so 2 of 3 against 0.66 is exact.
		boolean attendedEnough = counting == 0 ? attended > 0
				: BigDecimal.valueOf(attended).compareTo(share.multiply(BigDecimal.valueOf(counting))) >= 0;
		return attendedEnough && (!needsAssessment || Boolean.TRUE.equals(passed));
	}
}
