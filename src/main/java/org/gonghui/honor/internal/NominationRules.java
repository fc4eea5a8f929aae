package org.gonghui.honor.internal;

import org.gonghui.honor.RuleKind;

import java.util.ArrayList;
import java.util.List;

/**
 * The ratio rules of a campaign, as pure arithmetic in basis points (35 % = 3500, so "exactly 35 %" is exact).
 *
 * <p>When the nominating sub-federation has places (名额), a rule is read against those places, the size its
 * list will have: with 20 places, "front-line ≥ 35 %" leaves room for at most 13 others and "heads ≤ 15 %"
 * for at most 3 heads, so a list filled in any order ends within the rule. Without places the rule is read
 * against the campaign's live list including the newcomer. A candidate that helps a rule never breaks it:
 * a front-line worker is never refused by the front-line minimum.
 */
final class NominationRules {

	private NominationRules() {
	}

	record Rule(RuleKind kind, int shareBp) {
	}

	record Candidate(boolean frontLine, boolean nonPublic, boolean enterpriseHead) {
	}

	/** The active nominations the rules are read over. */
	record Tally(int total, int frontLine, int nonPublic, int enterpriseHeads) {

		static final Tally EMPTY = new Tally(0, 0, 0, 0);

		Tally plus(Candidate c) {
			return new Tally(total + 1, frontLine + (c.frontLine() ? 1 : 0), nonPublic + (c.nonPublic() ? 1 : 0),
					enterpriseHeads + (c.enterpriseHead() ? 1 : 0));
		}

		int qualifying(RuleKind kind) {
			return switch (kind) {
				case FRONT_LINE_MIN -> frontLine;
				case NON_PUBLIC_MIN -> nonPublic;
				case ENTERPRISE_HEAD_MAX -> enterpriseHeads;
				case LOWER_HONOR_REQUIRED -> throw new IllegalArgumentException(kind.name());
			};
		}
	}

	/** The rules the candidate would break if added to {@code before}; {@code places} null means no quota. */
	static List<RuleKind> broken(List<Rule> rules, Tally before, Candidate c, Integer places) {
		Tally after = before.plus(c);
		List<RuleKind> broken = new ArrayList<>();
		for (Rule rule : rules) {
			if (!rule.kind().isRatio()) {
				continue;
			}
			boolean qualifies = switch (rule.kind()) {
				case FRONT_LINE_MIN -> c.frontLine();
				case NON_PUBLIC_MIN -> c.nonPublic();
				case ENTERPRISE_HEAD_MAX -> c.enterpriseHead();
				case LOWER_HONOR_REQUIRED -> false;
			};
			boolean isMax = rule.kind() == RuleKind.ENTERPRISE_HEAD_MAX;
			if (isMax != qualifies) {
				continue;
			}
			long q = after.qualifying(rule.kind());
			boolean ok;
			if (places != null) {
				long limit = isMax ? (long) rule.shareBp() * places / 10_000 : places - ceilDiv((long) rule.shareBp() * places, 10_000);
				ok = isMax ? q <= limit : after.total() - q <= limit;
			}
			else {
				ok = isMax ? q * 10_000 <= (long) rule.shareBp() * after.total() : q * 10_000 >= (long) rule.shareBp() * after.total();
			}
			if (!ok) {
				broken.add(rule.kind());
			}
		}
		return broken;
	}

	/** A share as typed: a fraction (0.35) or a percentage (35); answers basis points, or -1 when out of range. */
	static int basisPoints(java.math.BigDecimal share) {
		if (share == null || share.signum() <= 0) {
			return -1;
		}
		java.math.BigDecimal fraction = share.compareTo(java.math.BigDecimal.ONE) <= 0 ? share : share.movePointLeft(2);
		if (fraction.compareTo(java.math.BigDecimal.ONE) > 0) {
			return -1;
		}
		java.math.BigDecimal bp = fraction.movePointRight(4);
		if (bp.stripTrailingZeros().scale() > 0) {
			return -1;
		}
		return bp.intValueExact();
	}

	private static long ceilDiv(long a, long b) {
		return (a + b - 1) / b;
	}
}
