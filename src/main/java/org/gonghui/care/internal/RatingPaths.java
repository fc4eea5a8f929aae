package org.gonghui.care.internal;

import org.gonghui.organization.OrganizationMoved;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Keeps the organisation paths stored on ratings current when a subtree moves, inside the move's transaction. */
@Component
class RatingPaths {

	private final RatingRepository ratings;

	RatingPaths(RatingRepository ratings) {
		this.ratings = ratings;
	}

	@EventListener
	void on(OrganizationMoved moved) {
		ratings.rebase(moved.oldPath(), moved.newPath());
	}
}
