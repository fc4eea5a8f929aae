package org.gonghui.news.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

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
 * (the stored HTML is sanitised, but a search snippet is plain text and escaped), with the bylines' names and the tags
 * after it, so a reporter's name (盛丽) or a tag (心理关爱) finds the article. Bylines and tags are read per batch of
 * articles, not per article, since a full reload streams every article.
 */
@Component
class ArticleSearchSource implements SearchSource {

	private static final String SELECT = "select a.id, a.kicker, a.headline, a.subheading, a.body, a.status, o.path as organization_path"
			+ " from news_article a join organization o on o.id = a.organization_id";

	static final int BATCH = 500;

	private final JdbcClient jdbc;

	ArticleSearchSource(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Row(long id, String kicker, String headline, String subheading, String body, String status, String organizationPath) {
	}

	@Override
	public Set<SearchKind> kinds() {
		return Set.of(SearchKind.ARTICLE);
	}

	@Override
	public void forEachDocument(Consumer<SearchDocument> sink) {
		try (var rows = jdbc.sql(SELECT + " where a.status <> 'WITHDRAWN'").query(ArticleSearchSource::row).stream()) {
			inBatches(rows, sink);
		}
	}

	@Override
	public void forEachChangedSince(Instant since, Consumer<SearchDocument> sink) {
		// The article's own changes (a rewrite of bylines or tags touches the article too), and the articles of
		// organisations renamed or moved (their path is the scope).
		for (String changed : new String[] { " where a.updated_at >= :since", " where o.updated_at >= :since" }) {
			try (var rows = jdbc.sql(SELECT + changed).param("since", Timestamp.from(since)).query(ArticleSearchSource::row).stream()) {
				inBatches(rows, sink);
			}
		}
	}

	private void inBatches(Stream<Row> rows, Consumer<SearchDocument> sink) {
		List<Row> batch = new ArrayList<>(BATCH);
		rows.forEach(r -> {
			batch.add(r);
			if (batch.size() == BATCH) {
				documents(batch, sink);
				batch.clear();
			}
		});
		documents(batch, sink);
	}

	private void documents(List<Row> batch, Consumer<SearchDocument> sink) {
		if (batch.isEmpty()) {
			return;
		}
		List<Long> ids = batch.stream().map(Row::id).toList();
		Map<Long, List<String>> words = new HashMap<>();
		jdbc.sql("select article_id, name from news_byline where article_id in (:ids) order by article_id, position").param("ids", ids)
			.query((rs, n) -> words.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2))).list();
		jdbc.sql("select article_id, tag from news_tag where article_id in (:ids) order by article_id, tag").param("ids", ids)
			.query((rs, n) -> words.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2))).list();
		for (Row r : batch) {
			sink.accept(document(r, words.getOrDefault(r.id(), List.of())));
		}
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		return new Row(rs.getLong("id"), rs.getString("kicker"), rs.getString("headline"), rs.getString("subheading"), rs.getString("body"),
				rs.getString("status"), rs.getString("organization_path"));
	}

	static SearchDocument document(Row r, List<String> bylinesAndTags) {
		Visibility visibility = switch (r.status()) {
			case "WITHDRAWN" -> Visibility.NONE;
			case "PUBLISHED" -> Visibility.PUBLIC;
			default -> Visibility.STAFF;
		};
		String body = String.join(" ", text(r.kicker()), text(r.subheading()), Jsoup.parse(text(r.body())).text(), String.join(" ", bylinesAndTags));
		return new SearchDocument(SearchKind.ARTICLE, r.id(), r.headline(), body, null, r.organizationPath(), visibility, "/articles/" + r.id(),
				visibility == Visibility.PUBLIC ? "/news/" + r.id() : null);
	}

	private static String text(String s) {
		return s == null ? "" : s;
	}
}
