package org.gonghui.honor;

/**
 * A campaign's ratio rules, checked as nominations arrive (e.g. 一线职工 ≥ 35 %, 非公经济 ≥ 35 %,
 * 企业负责人 ≤ 15 %), and the eligibility rule "already holds an honour at the level below".
 */
public enum RuleKind {
	FRONT_LINE_MIN, NON_PUBLIC_MIN, ENTERPRISE_HEAD_MAX, LOWER_HONOR_REQUIRED;

	public boolean isRatio() {
		return this != LOWER_HONOR_REQUIRED;
	}
}
