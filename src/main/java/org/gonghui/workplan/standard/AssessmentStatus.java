package org.gonghui.workplan.standard;

/** Where a union's assessment stands in its campaign. */
public enum AssessmentStatus {
	/** The union assesses itself (自评). */
	DRAFT,
	/** Self-assessment handed in; the street or district reviews it. */
	SUBMITTED,
	/** Reviewed; the union may appeal once or the reviewer makes it final. */
	REVIEWED,
	/** The union appealed with a reason; the reviewer reviews again. */
	APPEALED,
	/** Final score and stars; nothing changes after. */
	FINAL
}
