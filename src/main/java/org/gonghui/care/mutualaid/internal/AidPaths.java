package org.gonghui.care.mutualaid.internal;

import java.util.List;

import org.gonghui.organization.OrganizationMoved;
import org.gonghui.platform.StoredPaths;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the paths stored on plans, enrolments, covers and claims current when a subtree moves, inside the move's
 * transaction. A claim also stores the district whose office reviews it: when a union moves to another district, the
 * new district's office takes over its claims (the old one no longer sees them at all).
 */
@Component
class AidPaths {

	private static final String[][] COLUMNS = { { "aid_plan", "organization_path" }, { "aid_enrolment", "union_path" },
			{ "aid_cover", "union_path" }, { "aid_claim", "union_path" }, { "aid_claim", "district_path" } };

	private final JdbcClient jdbc;
	private final AidAccess access;

	AidPaths(JdbcClient jdbc, AidAccess access) {
		this.jdbc = jdbc;
		this.access = access;
	}

	@EventListener
	void on(OrganizationMoved moved) {
		for (String[] c : COLUMNS) {
			StoredPaths.rebase(jdbc, c[0], c[1], moved.oldPath(), moved.newPath());
		}
		List<String> unions = jdbc.sql("select distinct union_path from aid_claim where union_path like :prefix")
			.param("prefix", moved.newPath() + "%").query(String.class).list();
		for (String union : unions) {
			jdbc.sql("update aid_claim set district_path = :district where union_path = :union")
				.param("district", access.districtPath(lastId(union))).param("union", union).update();
		}
	}

	/** The organisation a path ends with: {@code /1/3/17/} → 17. */
	static long lastId(String path) {
		String trimmed = path.substring(0, path.length() - 1);
		return Long.parseLong(trimmed.substring(trimmed.lastIndexOf('/') + 1));
	}
}
