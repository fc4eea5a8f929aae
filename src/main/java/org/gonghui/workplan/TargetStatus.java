package org.gonghui.workplan;

/** How a target stands against what it should have reached by today. */
public enum TargetStatus {
	/** At or above the expected progress. */
	ON_TRACK,
	/** Below the expected progress. */
	BEHIND,
	/** The target figure is reached. */
	DONE
}
