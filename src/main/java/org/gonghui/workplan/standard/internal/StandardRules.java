package org.gonghui.workplan.standard.internal;

import java.util.List;

import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.StateConflictException;
import org.gonghui.workplan.standard.AssessmentStatus;
import org.gonghui.workplan.standard.ItemRule;

/** The scoring and move rules of an assessment as pure functions, so they are tested without a database. */
final class StandardRules {

	private StandardRules() {
	}

	/** A computed item's points: all or nothing. SHARE compares in whole numbers (value × 100 ≥ threshold × base). */
	static int computedPoints(ItemRule rule, int points, long threshold, long value, long base) {
		return switch (rule) {
			case AT_LEAST -> value >= threshold ? points : 0;
			case SHARE -> base > 0 && value * 100 >= threshold * base ? points : 0;
			case MANUAL -> throw new IllegalArgumentException("A manual item is not computed");
		};
	}

	/**
	 * Checks a manual score: within 0 to the item's points, and above 0 only with evidence on the item (a file or a
	 * note), because a score nobody can check is not a score.
	 */
	static void checkManual(String field, int points, int max, boolean hasEvidence) {
		if (points < 0 || points > max) {
			throw InvalidInputException.of(field, "standard.points.range", max);
		}
		if (points > 0 && !hasEvidence) {
			throw InvalidInputException.of(field, "standard.evidence.required");
		}
	}

	/** The statuses a move starts from; anything else is a conflict with what the record says now. */
	static void requireStatus(AssessmentStatus status, List<AssessmentStatus> from) {
		if (!from.contains(status)) {
			throw new StateConflictException("standard.status.conflict");
		}
	}

	/** An appeal is once, from a review, with a reason. */
	static void checkAppeal(AssessmentStatus status, int appeals, String reason) {
		if (appeals > 0) {
			throw new StateConflictException("standard.appeal.once");
		}
		requireStatus(status, List.of(AssessmentStatus.REVIEWED));
		if (reason == null || reason.isBlank()) {
			throw InvalidInputException.of("reason", "validation.required");
		}
	}
}
