package org.gonghui.activity;

/**
 * How entries advance from a closed round to the next: the best N of each form (TOP_N), the best N of each
 * form within each unit (TOP_N_PER_UNIT), every entry at or above a score (THRESHOLD), or only by staff
 * decision with a reason (MANUAL, also possible alongside the others).
 */
public enum AdvanceRule {
	TOP_N, TOP_N_PER_UNIT, THRESHOLD, MANUAL
}
