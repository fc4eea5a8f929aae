package org.gonghui.platform;

import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rewrites organisation paths that a module stores on its own rows (for scope checks in the query itself) when a
 * subtree of the tree moves: {@code /1/3/17/…} under the old path becomes {@code /1/9/17/…} under the new one. Modules
 * call it from a plain listener of the organisation module's move event, so the rewrite runs inside the move's
 * transaction and a failure rolls the move back.
 */
public final class StoredPaths {

	private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]*");

	private StoredPaths() {
	}

	/**
	 * {@code table} and {@code column} are the caller's constants (checked to be plain identifiers, as they cannot be
	 * bound); the paths are bound parameters. Answers the rows rewritten.
	 */
	public static int rebase(JdbcClient jdbc, String table, String column, String oldPath, String newPath) {
		if (!IDENTIFIER.matcher(table).matches() || !IDENTIFIER.matcher(column).matches()) {
			throw new IllegalArgumentException("Not a plain identifier: " + table + "." + column);
		}
		return jdbc.sql("update " + table + " set " + column + " = concat(:newPath, substring(" + column + ", :cut)) where " + column + " like :prefix")
			.param("newPath", newPath)
			.param("cut", oldPath.length() + 1)
			.param("prefix", oldPath + "%")
			.update();
	}
}
