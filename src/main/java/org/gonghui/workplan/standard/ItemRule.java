package org.gonghui.workplan.standard;

/** How a checklist item is scored. */
public enum ItemRule {
	/** An assessor gives 0 to the item's points, and more than 0 only against evidence (a file or a note). */
	MANUAL,
	/** Computed: full points when the metric reaches the threshold for the union over the campaign's year. */
	AT_LEAST,
	/** Computed: full points when the metric is at least threshold % of the base metric (members of employees). */
	SHARE;

	public boolean computed() {
		return this != MANUAL;
	}
}
