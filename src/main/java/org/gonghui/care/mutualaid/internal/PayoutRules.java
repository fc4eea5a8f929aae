package org.gonghui.care.mutualaid.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.gonghui.care.mutualaid.BenefitKind;

/**
 * The payout of one claim by the plan's rules, in integer fen, with no database and no clock: what the district
 * office computes when it reviews a claim. The order is fixed and documented because caps and reductions do not
 * commute:
 * <ol>
 * <li>no cover on the event date: 0; inside the waiting period (免责期, counted from the member's cover start): 0;</li>
 * <li>FIXED: the sum per share times the shares;</li>
 * <li>EXPENSES: the expenses less what other plans already paid for the same event (when the plan offsets them),
 * less the deductible, times the share of expenses (in basis points, rounded half up to the fen), capped per claim at
 * the cap times the shares;</li>
 * <li>inside the reduced-liability period (减责期) after the waiting period: the reduced percentage, rounded half up;</li>
 * <li>the term cap times the shares, less what this benefit already paid the member in the term.</li>
 * </ol>
 * A renewal within the plan's grace window is continuous cover: neither the waiting nor the reduced-liability
 * period applies again.
 */
final class PayoutRules {

	private PayoutRules() {
	}

	/** A benefit's rule. Amounts per share; {@code shareBp} is the share of expenses in basis points (5000 = 50 %). */
	record Rule(BenefitKind kind, Long fixedFen, Integer shareBp, long deductibleFen, Long capFen, Long termCapFen) {
	}

	/** The plan's periods: waiting days, reduced-liability days after them and the percentage paid there. */
	record Periods(int waitingDays, int reducedDays, int reducedPercent) {
	}

	/**
	 * One claim to compute. {@code coverUntil} is exclusive; {@code offsetFen} is what other plans paid for the same
	 * event (0 when the plan does not offset); {@code paidInTermFen} what this benefit already paid in the term.
	 */
	record Claim(Rule rule, Periods periods, int shares, LocalDate coverFrom, LocalDate coverUntil, boolean renewal, LocalDate eventDate,
			long expensesFen, long offsetFen, long paidInTermFen) {
	}

	enum Outcome {
		PAYABLE, NOT_COVERED, WAITING_PERIOD
	}

	/** One line of the computation, for the reviewer's page: a step code and the amount after it. */
	record Step(String code, long amountFen) {
	}

	record Result(long payoutFen, Outcome outcome, boolean reduced, List<Step> steps) {

		/** The steps as stored with the claim, e.g. {@code BASE=120000;DEDUCTIBLE=100000;SHARE=50000}. */
		String trace() {
			StringBuilder b = new StringBuilder();
			for (Step s : steps) {
				b.append(b.isEmpty() ? "" : ";").append(s.code()).append('=').append(s.amountFen());
			}
			return b.toString();
		}
	}

	/** The date the waiting period ends (the first day an event is covered). */
	static LocalDate waitingEnds(LocalDate coverFrom, boolean renewal, int waitingDays) {
		return renewal ? coverFrom : coverFrom.plusDays(waitingDays);
	}

	static Result compute(Claim c) {
		List<Step> steps = new ArrayList<>();
		if (c.eventDate().isBefore(c.coverFrom()) || !c.eventDate().isBefore(c.coverUntil())) {
			return new Result(0, Outcome.NOT_COVERED, false, List.of(new Step("NOT_COVERED", 0)));
		}
		LocalDate waitingEnds = waitingEnds(c.coverFrom(), c.renewal(), c.periods().waitingDays());
		if (c.eventDate().isBefore(waitingEnds)) {
			return new Result(0, Outcome.WAITING_PERIOD, false, List.of(new Step("WAITING_PERIOD", 0)));
		}
		Rule r = c.rule();
		int shares = c.shares();
		long amount;
		if (r.kind() == BenefitKind.FIXED) {
			amount = Math.multiplyExact(r.fixedFen(), (long) shares);
			steps.add(new Step("FIXED", amount));
		}
		else {
			long base = Math.max(0, c.expensesFen());
			steps.add(new Step("EXPENSES", base));
			if (c.offsetFen() > 0) {
				base = Math.max(0, base - c.offsetFen());
				steps.add(new Step("OFFSET", base));
			}
			base = Math.max(0, base - r.deductibleFen());
			steps.add(new Step("DEDUCTIBLE", base));
			amount = ratio(base, r.shareBp(), 10_000);
			steps.add(new Step("SHARE", amount));
			if (r.capFen() != null) {
				long cap = Math.multiplyExact(r.capFen(), (long) shares);
				if (amount > cap) {
					amount = cap;
					steps.add(new Step("CAP", amount));
				}
			}
		}
		boolean reduced = c.eventDate().isBefore(waitingEnds.plusDays(c.renewal() ? 0 : c.periods().reducedDays()))
				&& c.periods().reducedPercent() < 100;
		if (reduced) {
			amount = ratio(amount, c.periods().reducedPercent(), 100);
			steps.add(new Step("REDUCED", amount));
		}
		if (r.termCapFen() != null) {
			long remaining = Math.max(0, Math.multiplyExact(r.termCapFen(), (long) shares) - c.paidInTermFen());
			if (amount > remaining) {
				amount = remaining;
				steps.add(new Step("TERM_CAP", amount));
			}
		}
		return new Result(amount, Outcome.PAYABLE, reduced, List.copyOf(steps));
	}

	/** {@code amount × numerator / denominator}, rounded half up to the fen; amounts are never negative here. */
	static long ratio(long amount, long numerator, long denominator) {
		return (Math.multiplyExact(amount, numerator) + denominator / 2) / denominator;
	}

	/**
	 * The contribution of a member who joins during the term, pro rata by days left: {@code full × daysLeft / termDays},
	 * rounded half up to the fen.
	 */
	static long proRata(long fullFen, LocalDate from, LocalDate termStarts, LocalDate termEnds) {
		long termDays = java.time.temporal.ChronoUnit.DAYS.between(termStarts, termEnds);
		long left = Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(from, termEnds));
		return ratio(fullFen, left, termDays);
	}
}
