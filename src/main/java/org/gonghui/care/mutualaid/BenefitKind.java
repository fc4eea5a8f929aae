package org.gonghui.care.mutualaid;

/** How a benefit pays: a fixed sum per share, or a share of eligible expenses above a deductible, capped. */
public enum BenefitKind {
	FIXED, EXPENSES
}
