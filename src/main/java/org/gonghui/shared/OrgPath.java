package org.gonghui.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Materialised path of an organisation in the union tree, e.g. {@code /1/3/17/}: the ids from the
 * root down to the organisation itself, each followed by a slash. A path is a prefix of the paths
 * of all its descendants, which is what the data-scope rule relies on.
 */
public record OrgPath(String value) {

	private static final Pattern FORMAT = Pattern.compile("^/(\\d+/)+$");

	public OrgPath {
		Objects.requireNonNull(value, "path");
		if (!FORMAT.matcher(value).matches()) {
			throw new IllegalArgumentException("Not an organisation path: " + value);
		}
	}

	public static OrgPath root(long id) {
		return new OrgPath("/" + id + "/");
	}

	public OrgPath child(long id) {
		return new OrgPath(value + id + "/");
	}

	/** True when this path equals {@code ancestor} or lies below it. */
	public boolean isWithin(OrgPath ancestor) {
		return value.startsWith(ancestor.value);
	}

	public List<Long> ids() {
		List<Long> ids = new ArrayList<>();
		for (String part : value.substring(1).split("/")) {
			ids.add(Long.parseLong(part));
		}
		return ids;
	}

	public long leafId() {
		List<Long> ids = ids();
		return ids.get(ids.size() - 1);
	}

	/** Number of organisations on the path; a root has depth 1. */
	public int depth() {
		return ids().size();
	}

	/** SQL {@code LIKE} pattern matching this path and all paths below it. Paths hold only digits and slashes, so nothing needs escaping. */
	public String subtreePattern() {
		return value + "%";
	}

	/** The path this one gets when the subtree rooted at {@code oldRoot} is moved to {@code newRoot}. */
	public OrgPath rebase(OrgPath oldRoot, OrgPath newRoot) {
		if (!isWithin(oldRoot)) {
			throw new IllegalArgumentException(value + " is not within " + oldRoot.value);
		}
		return new OrgPath(newRoot.value + value.substring(oldRoot.value.length()));
	}

	@Override
	public String toString() {
		return value;
	}
}
