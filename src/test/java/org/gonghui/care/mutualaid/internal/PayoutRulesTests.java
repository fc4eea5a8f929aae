package org.gonghui.care.mutualaid.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.gonghui.care.mutualaid.BenefitKind;
import org.gonghui.care.mutualaid.internal.PayoutRules.Claim;
import org.gonghui.care.mutualaid.internal.PayoutRules.Outcome;
import org.gonghui.care.mutualaid.internal.PayoutRules.Periods;
import org.gonghui.care.mutualaid.internal.PayoutRules.Rule;
import org.junit.jupiter.api.Test;

/** Payout vectors: the waiting period, the renewal waiver, deductible and caps, shares, the cross-plan offset, rounding. */
class PayoutRulesTests {

	private static final LocalDate FROM = LocalDate.of(2026, 1, 1);
	private static final LocalDate UNTIL = LocalDate.of(2027, 1, 1);
	/** 50 % of expenses above 1,000 元, at most 10,000 元 per claim and 30,000 元 per term, per share. */
	private static final Rule HOSPITAL = new Rule(BenefitKind.EXPENSES, null, 5000, 100_000, 1_000_000L, 3_000_000L);
	/** 3,000 元 per share. */
	private static final Rule FIXED = new Rule(BenefitKind.FIXED, 300_000L, null, 0, null, null);
	private static final Periods PERIODS = new Periods(30, 60, 50);

	private static Claim claim(Rule rule, int shares, boolean renewal, LocalDate event, long expenses, long offset, long paidInTerm) {
		return new Claim(rule, PERIODS, shares, FROM, UNTIL, renewal, event, expenses, offset, paidInTerm);
	}

	@Test
	void anEventInsideTheWaitingPeriodPaysNothing() {
		var r = PayoutRules.compute(claim(HOSPITAL, 1, false, FROM.plusDays(29), 1_000_000, 0, 0));
		assertThat(r.payoutFen()).isZero();
		assertThat(r.outcome()).isEqualTo(Outcome.WAITING_PERIOD);
		// The first day after 30 days is covered, in the reduced-liability period: half of 50 % of 9,000 元.
		var first = PayoutRules.compute(claim(HOSPITAL, 1, false, FROM.plusDays(30), 1_000_000, 0, 0));
		assertThat(first.outcome()).isEqualTo(Outcome.PAYABLE);
		assertThat(first.reduced()).isTrue();
		assertThat(first.payoutFen()).isEqualTo(225_000);
	}

	@Test
	void aRenewalWithinTheGraceWindowHasNeitherWaitingNorReducedPeriod() {
		var r = PayoutRules.compute(claim(HOSPITAL, 1, true, FROM.plusDays(3), 1_000_000, 0, 0));
		assertThat(r.outcome()).isEqualTo(Outcome.PAYABLE);
		assertThat(r.reduced()).isFalse();
		assertThat(r.payoutFen()).isEqualTo(450_000);
	}

	@Test
	void theDeductibleComesOffAndTheCapPerClaimHolds() {
		LocalDate later = FROM.plusDays(120);
		assertThat(PayoutRules.compute(claim(HOSPITAL, 1, false, later, 80_000, 0, 0)).payoutFen()).isZero();
		assertThat(PayoutRules.compute(claim(HOSPITAL, 1, false, later, 300_000, 0, 0)).payoutFen()).isEqualTo(100_000);
		var big = PayoutRules.compute(claim(HOSPITAL, 1, false, later, 5_000_000, 0, 0));
		assertThat(big.payoutFen()).isEqualTo(1_000_000);
		assertThat(big.trace()).endsWith("CAP=1000000");
	}

	@Test
	void theTermCapCountsWhatTheBenefitPaidAlready() {
		LocalDate later = FROM.plusDays(120);
		assertThat(PayoutRules.compute(claim(HOSPITAL, 1, false, later, 5_000_000, 0, 2_500_000)).payoutFen()).isEqualTo(500_000);
		assertThat(PayoutRules.compute(claim(HOSPITAL, 1, false, later, 5_000_000, 0, 3_000_000)).payoutFen()).isZero();
	}

	@Test
	void sharesMultiplyTheFixedSumAndTheCaps() {
		LocalDate later = FROM.plusDays(120);
		assertThat(PayoutRules.compute(claim(FIXED, 3, false, later, 0, 0, 0)).payoutFen()).isEqualTo(900_000);
		assertThat(PayoutRules.compute(claim(HOSPITAL, 2, false, later, 5_000_000, 0, 0)).payoutFen()).isEqualTo(2_000_000);
		// Below the cap, more shares do not pay more than the share of expenses.
		assertThat(PayoutRules.compute(claim(HOSPITAL, 3, false, later, 300_000, 0, 0)).payoutFen()).isEqualTo(100_000);
	}

	@Test
	void whatAnotherPlanPaidForTheSameEventComesOffFirst() {
		LocalDate later = FROM.plusDays(120);
		var r = PayoutRules.compute(claim(HOSPITAL, 1, false, later, 1_000_000, 400_000, 0));
		// (10,000 − 4,000 − 1,000) × 50 % = 2,500 元.
		assertThat(r.payoutFen()).isEqualTo(250_000);
		assertThat(r.trace()).contains("OFFSET=600000");
		assertThat(PayoutRules.compute(claim(HOSPITAL, 1, false, later, 1_000_000, 2_000_000, 0)).payoutFen()).isZero();
	}

	@Test
	void fenAreRoundedHalfUpAndNeverThroughFloatingPoint() {
		LocalDate later = FROM.plusDays(120);
		Rule third = new Rule(BenefitKind.EXPENSES, null, 3333, 0, null, null);
		// 12,345 × 33.33 % = 4,114.5885 → 4,115 fen.
		assertThat(PayoutRules.compute(claim(third, 1, false, later, 12_345, 0, 0)).payoutFen()).isEqualTo(4_115);
		// 1 fen × 50 % = 0.5 → 1 fen; in the reduced period 225,001 × 50 % = 112,500.5 → 112,501.
		Rule half = new Rule(BenefitKind.EXPENSES, null, 5000, 0, null, null);
		assertThat(PayoutRules.compute(claim(half, 1, false, later, 1, 0, 0)).payoutFen()).isEqualTo(1);
		assertThat(PayoutRules.compute(claim(half, 1, false, FROM.plusDays(40), 450_002, 0, 0)).payoutFen()).isEqualTo(112_501);
		assertThat(PayoutRules.compute(claim(half, 1, false, later, Long.MAX_VALUE / 20_000, 0, 0)).payoutFen())
			.isEqualTo((Long.MAX_VALUE / 20_000 + 1) / 2);
	}

	@Test
	void noCoverBeforeTheStartOrFromTheEndOfTheTerm() {
		assertThat(PayoutRules.compute(claim(FIXED, 1, true, FROM.minusDays(1), 0, 0, 0)).outcome()).isEqualTo(Outcome.NOT_COVERED);
		assertThat(PayoutRules.compute(claim(FIXED, 1, true, UNTIL, 0, 0, 0)).outcome()).isEqualTo(Outcome.NOT_COVERED);
		assertThat(PayoutRules.compute(claim(FIXED, 1, true, UNTIL.minusDays(1), 0, 0, 0)).payoutFen()).isEqualTo(300_000);
	}

	@Test
	void aJoinerPaysForTheDaysLeft() {
		// 365 days; joining with 73 days left pays a fifth.
		assertThat(PayoutRules.proRata(10_000, UNTIL.minusDays(73), FROM, UNTIL)).isEqualTo(2_000);
		assertThat(PayoutRules.proRata(10_000, FROM, FROM, UNTIL)).isEqualTo(10_000);
		assertThat(PayoutRules.proRata(100, UNTIL.minusDays(1), FROM, UNTIL)).isZero();
	}
}
