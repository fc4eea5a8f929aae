package org.gonghui.honor;

/**
 * Where a nomination stands on its way up the tree: submitted by a grassroots union, vetted by the
 * federation above it, passed by the campaign's review panel, on public notice, approved when the notice
 * closes, conferred (the honour is in the registry). Rejected and withdrawn are final.
 */
public enum NominationStage {
	SUBMITTED, VETTED, PANEL_PASSED, IN_NOTICE, APPROVED, CONFERRED, REJECTED, WITHDRAWN;

	/** Still in the running: counts against quotas and ratios. */
	public boolean isActive() {
		return this != REJECTED && this != WITHDRAWN;
	}
}
