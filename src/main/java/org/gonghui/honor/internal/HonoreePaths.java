package org.gonghui.honor.internal;

import org.gonghui.organization.OrganizationMoved;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Keeps the stored organisation paths of honorees, campaigns and nominations current when a subtree moves, inside the move's transaction. */
@Component
class HonoreePaths {

	private final HonorRepository honors;
	private final SelectionCampaignRepository campaigns;

	HonoreePaths(HonorRepository honors, SelectionCampaignRepository campaigns) {
		this.honors = honors;
		this.campaigns = campaigns;
	}

	@EventListener
	void on(OrganizationMoved moved) {
		honors.rebase(moved.oldPath(), moved.newPath());
		campaigns.rebase(moved.oldPath(), moved.newPath());
	}
}
