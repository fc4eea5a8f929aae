package org.gonghui.care.mutualaid;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a claim stands. SUBMITTED waits for the unit union's check of the documents, UNIT_CHECKED for the district's
 * review (which computes the payout), FEDERATION_REVIEW for the federation above when the payout is over the
 * configured amount; WAITING_DOCUMENTS until the member or union sends what was asked; APPROVED until the payout is
 * recorded (PAID); REJECTED with a reason.
 */
public enum ClaimStatus {
	SUBMITTED, UNIT_CHECKED, FEDERATION_REVIEW, WAITING_DOCUMENTS, APPROVED, PAID, REJECTED;

	/** Statuses in which a reviewer has something to decide. */
	public boolean underReview() {
		return this == SUBMITTED || this == UNIT_CHECKED || this == FEDERATION_REVIEW;
	}

	/** Statuses that still run an SLA clock (somebody owes the next step). */
	public boolean open() {
		return this != PAID && this != REJECTED;
	}

	/** The only moves there are; anything else is a conflict. */
	public Set<ClaimStatus> next() {
		return switch (this) {
			case SUBMITTED -> EnumSet.of(UNIT_CHECKED, FEDERATION_REVIEW, APPROVED, WAITING_DOCUMENTS, REJECTED);
			case UNIT_CHECKED -> EnumSet.of(FEDERATION_REVIEW, APPROVED, WAITING_DOCUMENTS, REJECTED);
			case FEDERATION_REVIEW -> EnumSet.of(APPROVED, WAITING_DOCUMENTS, REJECTED);
			case WAITING_DOCUMENTS -> EnumSet.of(SUBMITTED);
			case APPROVED -> EnumSet.of(PAID);
			case PAID, REJECTED -> EnumSet.noneOf(ClaimStatus.class);
		};
	}

	public boolean mayMoveTo(ClaimStatus to) {
		return next().contains(to);
	}
}
