package org.gonghui.news.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Set;
import java.util.function.Consumer;

import org.gonghui.platform.SearchDocument;
import org.gonghui.platform.SearchDocument.Visibility;
import org.gonghui.platform.SearchKind;
import org.gonghui.platform.SearchSource;
import org.jsoup.Jsoup;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Articles for the platform search: published ones are public (the /news pages show them), drafts and those under
 * review are for staff of their organisation's scope, a withdrawn one leaves the index. The body is indexed as text
 * (the stored HTML is sanitised, but a search snippet is plain text and escaped).
 */
@Component
class ArticleSearchSource implements SearchSource {

	private static final String SELECT = "select a.id, a.kicker, a.headline, a.subheading, a.body, a.status, o.path as organization_path"
			+ " from news_article a join organization o on o.id = a.organization_id";

	private final JdbcClient jdbc;

	ArticleSearchSource(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Set<SearchKind> kinds() {
		return Set.of(SearchKind.ARTICLE);
	}

	@Override
	public void forEachDocument(Consumer<SearchDocument> sink) {
		try (var rows = jdbc.sql(SELECT + " where a.status <> 'WITHDRAWN'").query(ArticleSearchSource::document).stream()) {
			rows.forEach(sink);
		}
	}

	@Override
	public void forEachChangedSince(Instant since, Consumer<SearchDocument> sink) {
		// The article's own changes, and the articles of organisations renamed or moved (their path is the scope).
		for (String changed : new String[] { " where a.updated_at >= :since", " where o.updated_at >= :since" }) {
			try (var rows = jdbc.sql(SELECT + changed).param("since", Timestamp.from(since)).query(ArticleSearchSource::document).stream()) {
				rows.forEach(sink);
			}
		}
	}

	private static SearchDocument document(ResultSet rs, int row) throws SQLException {
		long id = rs.getLong("id");
		Visibility visibility = switch (rs.getString("status")) {
			case "WITHDRAWN" -> Visibility.NONE;
			case "PUBLISHED" -> Visibility.PUBLIC;
			default -> Visibility.STAFF;
		};
		String body = String.join(" ", text(rs.getString("kicker")), text(rs.getString("subheading")), Jsoup.parse(text(rs.getString("body"))).text());
		return new SearchDocument(SearchKind.ARTICLE, id, rs.getString("headline"), body, null, rs.getString("organization_path"), visibility,
				"/articles/" + id, visibility == Visibility.PUBLIC ? "/news/" + id : null);
	}

	private static String text(String s) {
		return s == null ? "" : s;
	}
}
