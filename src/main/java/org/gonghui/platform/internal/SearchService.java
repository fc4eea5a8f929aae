package org.gonghui.platform.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.gonghui.platform.CurrentUser;
import org.gonghui.platform.DataScope;
import org.gonghui.platform.OrganizationDirectory;
import org.gonghui.platform.SearchDocument;
import org.gonghui.platform.SearchKind;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.OrgPath;
import org.gonghui.shared.RecordNotFoundException;
import org.springframework.stereotype.Service;

/**
 * The platform search: checks the query, puts the caller's scope into it (the staff search sees its organisation's
 * subtree, the public search public records only) and answers the best hits grouped by kind with highlights.
 */
@Service
public class SearchService {

	public static final int MAX_QUERY_LENGTH = 50;
	public static final int MAX_RESULTS = 100;

	private final SearchIndexMaintainer maintainer;
	private final CurrentUser currentUser;
	private final OrganizationDirectory organizations;

	SearchService(SearchIndexMaintainer maintainer, CurrentUser currentUser, OrganizationDirectory organizations) {
		this.maintainer = maintainer;
		this.currentUser = currentUser;
		this.organizations = organizations;
	}

	/** One result; {@code titleHtml} and {@code snippet} are HTML-escaped text with {@code <mark>} around the matches. */
	public record SearchResult(SearchKind kind, long id, String title, String titleHtml, String snippet, String link) {
	}

	/** How many results of a kind the caller may find (the same scope as the results). */
	public record KindCount(SearchKind kind, long count) {
	}

	public record SearchResults(String query, long total, List<KindCount> groups, List<SearchResult> results) {
	}

	/** Staff search within the caller's scope; {@code organizationId} narrows it to that organisation's subtree (404 outside the scope). */
	public SearchResults staffSearch(String q, String kind, Long organizationId, int size) {
		String text = checkedQuery(q);
		SearchKind k = checkedKind(kind);
		int limit = checkedSize(size);
		DataScope scope = currentUser.scope();
		List<Query> filters = new ArrayList<>();
		switch (scope.kind()) {
			case ALL -> filters.add(new MatchAllDocsQuery());
			case SUBTREE -> filters.add(SearchIndex.within(scope.root().value()));
			case NONE -> filters.add(SearchIndex.nothing());
		}
		if (organizationId != null) {
			OrgPath path = organizations.findById(organizationId).map(o -> o.path()).filter(scope::includes)
				.orElseThrow(() -> new RecordNotFoundException("organization", organizationId));
			filters.add(SearchIndex.within(path.value()));
		}
		return run(text, filters, k, limit, false);
	}

	/** Public records only, for everyone. */
	public SearchResults publicSearch(String q, String kind, int size) {
		String text = checkedQuery(q);
		SearchKind k = checkedKind(kind);
		if (k == SearchKind.MEMBER || k == SearchKind.EMPLOYER) {
			k = null;
		}
		Query visible = new TermQuery(new Term(SearchIndex.VISIBILITY, SearchDocument.Visibility.PUBLIC.name()));
		return run(text, List.of(visible), k, checkedSize(size), true);
	}

	private SearchResults run(String text, List<Query> filters, SearchKind kind, int limit, boolean publicLinks) {
		BooleanQuery.Builder filter = new BooleanQuery.Builder();
		filters.forEach(f -> filter.add(f, Occur.FILTER));
		SearchIndex.Found found = maintainer.index().search(text, filter.build(), kind, limit);
		List<KindCount> groups = found.counts().entrySet().stream().map(e -> new KindCount(e.getKey(), e.getValue())).toList();
		List<SearchResult> results = found.hits().stream()
			.map(h -> new SearchResult(h.kind(), h.id(), h.title(), h.titleHtml(), h.snippetHtml(), publicLinks ? h.publicLink() : h.staffLink()))
			.toList();
		return new SearchResults(text, found.total(), groups, results);
	}

	static String checkedQuery(String q) {
		String text = q == null ? "" : q.replaceAll("\\p{Cntrl}", " ").strip();
		if (text.isEmpty()) {
			throw InvalidInputException.of("q", "search.q.required");
		}
		if (text.codePointCount(0, text.length()) > MAX_QUERY_LENGTH) {
			throw InvalidInputException.of("q", "search.q.tooLong", MAX_QUERY_LENGTH);
		}
		return text;
	}

	private static SearchKind checkedKind(String kind) {
		if (kind == null || kind.isBlank()) {
			return null;
		}
		try {
			return SearchKind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw InvalidInputException.of("kind", "search.kind.unknown");
		}
	}

	private static int checkedSize(int size) {
		if (size < 1 || size > MAX_RESULTS) {
			throw InvalidInputException.of("size", "search.size.range", MAX_RESULTS);
		}
		return size;
	}
}
