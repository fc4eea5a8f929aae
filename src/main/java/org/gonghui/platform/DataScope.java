package org.gonghui.platform;

import java.util.Optional;

import org.gonghui.shared.OrgPath;

/**
 * The data-scope rule (数据权限) as a typed criterion: which part of the organisation tree a caller
 * may see. Services filter lists with {@link #pathPattern()} (bound as a parameter of a fixed
 * {@code path LIKE :scope} clause, never spliced into SQL) and check single records with
 * {@link #includes(OrgPath)}; a record outside the scope is reported as not found.
 */
public record DataScope(Kind kind, OrgPath root) {

	public enum Kind {
		/** Everything (administrators). */
		ALL,
		/** One organisation and everything below it. */
		SUBTREE,
		/** No organisation records at all (workers, anonymous callers). */
		NONE
	}

	public DataScope {
		if ((kind == Kind.SUBTREE) != (root != null)) {
			throw new IllegalArgumentException("A subtree scope needs a root, other scopes none");
		}
	}

	public static DataScope all() {
		return new DataScope(Kind.ALL, null);
	}

	public static DataScope subtree(OrgPath root) {
		return new DataScope(Kind.SUBTREE, root);
	}

	public static DataScope none() {
		return new DataScope(Kind.NONE, null);
	}

	public boolean includes(OrgPath path) {
		return switch (kind) {
			case ALL -> true;
			case SUBTREE -> path.isWithin(root);
			case NONE -> false;
		};
	}

	/**
	 * A {@code LIKE} pattern over organisation paths: {@code /%} for all, the subtree's prefix, or the
	 * empty string, which no path matches.
	 */
	public String pathPattern() {
		return switch (kind) {
			case ALL -> "/%";
			case SUBTREE -> root.subtreePattern();
			case NONE -> "";
		};
	}

	public Optional<OrgPath> rootPath() {
		return Optional.ofNullable(root);
	}
}
