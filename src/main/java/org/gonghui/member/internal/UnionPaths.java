package org.gonghui.member.internal;

import org.gonghui.organization.OrganizationMoved;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the union path stored on member rows current when a subtree of the organisation tree moves.
 * A plain (synchronous) listener on purpose: it runs inside the move's transaction, so lists and
 * coverage show the members under their new federation the moment the move commits, and a failed
 * rewrite rolls the move back.
 */
@Component
class UnionPaths {

	private static final String[] TABLES = { "member", "join_application", "member_import" };

	private final JdbcClient jdbc;
	private final java.time.Clock clock;

	UnionPaths(JdbcClient jdbc, java.time.Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@EventListener
	void on(OrganizationMoved moved) {
		for (String table : TABLES) {
			// Table names are the constants above; the paths are bound parameters.
			jdbc.sql("update " + table + " set union_path = concat(:newPath, substring(union_path, :cut)) where union_path like :prefix")
				.param("newPath", moved.newPath())
				.param("cut", moved.oldPath().length() + 1)
				.param("prefix", moved.oldPath() + "%")
				.update();
		}
		// The search index polls members by updated_at: a moved member must leave the old parent's scope there too.
		jdbc.sql("update member set updated_at = :now where union_path like :prefix")
			.param("now", java.sql.Timestamp.from(clock.instant()))
			.param("prefix", moved.newPath() + "%")
			.update();
	}
}
