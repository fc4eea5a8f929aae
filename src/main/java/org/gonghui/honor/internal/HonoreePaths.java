package org.gonghui.honor.internal;

import org.gonghui.organization.OrganizationMoved;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Keeps honorees' stored organisation paths current when a subtree moves, inside the move's transaction. */
@Component
class HonoreePaths {

	private final HonorRepository honors;

	HonoreePaths(HonorRepository honors) {
		this.honors = honors;
	}

	@EventListener
	void on(OrganizationMoved moved) {
		honors.rebase(moved.oldPath(), moved.newPath());
	}
}
