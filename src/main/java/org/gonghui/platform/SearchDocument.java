package org.gonghui.platform;

import java.util.Objects;

/**
 * One record as the platform search sees it, handed over by the module that owns the record (a {@link SearchSource}).
 * {@code title} and {@code body} are indexed and highlighted; {@code detail} is shown as it is and never indexed (a
 * member's masked phone and ID number: shown to the staff who find the member by name, never searchable themselves).
 * {@code organizationPath} is the path of the organisation the record belongs to, which the staff search filters by;
 * {@code staffLink} and {@code publicLink} are the pages that open it (the public one may be null).
 */
public record SearchDocument(SearchKind kind, long id, String title, String body, String detail, String organizationPath,
		Visibility visibility, String staffLink, String publicLink) {

	/** Who may find a record. */
	public enum Visibility {
		/** Everyone: the public search and staff whose scope covers its organisation. */
		PUBLIC,
		/** Staff whose scope covers its organisation. */
		STAFF,
		/** Nobody: withdrawn, closed, left… The record leaves the index. */
		NONE
	}

	public SearchDocument {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(visibility, "visibility");
		title = title == null ? "" : title;
		body = body == null ? "" : body;
		detail = detail == null ? "" : detail;
		organizationPath = organizationPath == null ? "" : organizationPath;
	}

	/** A record nobody may find any more. */
	public static SearchDocument gone(SearchKind kind, long id) {
		return new SearchDocument(kind, id, null, null, null, null, Visibility.NONE, null, null);
	}

	public String key() {
		return kind.name() + ":" + id;
	}
}
