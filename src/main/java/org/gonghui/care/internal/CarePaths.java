package org.gonghui.care.internal;

import org.gonghui.organization.OrganizationMoved;
import org.gonghui.platform.StoredPaths;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the organisation paths stored on self-assessments, follow-ups and bookings current when a subtree moves,
 * inside the move's transaction: the figures of the new federation count them and the old one no longer does.
 */
@Component
class CarePaths {

	private static final String[][] COLUMNS = { { "care_assessment", "organization_path" }, { "care_follow_up", "organization_path" },
			{ "care_booking", "union_path" } };

	private final JdbcClient jdbc;

	CarePaths(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	void on(OrganizationMoved moved) {
		for (String[] c : COLUMNS) {
			StoredPaths.rebase(jdbc, c[0], c[1], moved.oldPath(), moved.newPath());
		}
	}
}
