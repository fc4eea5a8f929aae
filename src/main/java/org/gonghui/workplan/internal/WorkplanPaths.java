package org.gonghui.workplan.internal;

import org.gonghui.organization.OrganizationMoved;
import org.gonghui.platform.StoredPaths;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the organisation paths stored on meetings, plans, snapshots and the standardisation assessment current when
 * a subtree moves, inside the move's transaction. A snapshot's figures stay frozen; only the path that decides who may
 * read it follows the organisation.
 */
@Component
class WorkplanPaths {

	private static final String[][] COLUMNS = { { "wp_meeting", "organization_path" }, { "wp_plan", "organization_path" },
			{ "wp_snapshot", "organization_path" }, { "std_template", "federation_path" }, { "std_campaign", "district_path" },
			{ "std_assessment", "union_path" } };

	private final JdbcClient jdbc;

	WorkplanPaths(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	void on(OrganizationMoved moved) {
		for (String[] c : COLUMNS) {
			StoredPaths.rebase(jdbc, c[0], c[1], moved.oldPath(), moved.newPath());
		}
	}
}
