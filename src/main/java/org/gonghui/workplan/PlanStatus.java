package org.gonghui.workplan;

/** A plan is a draft until a meeting's resolution adopts it. */
public enum PlanStatus {
	DRAFT, ADOPTED
}
