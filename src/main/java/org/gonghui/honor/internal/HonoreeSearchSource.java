package org.gonghui.honor.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.gonghui.platform.SearchDocument;
import org.gonghui.platform.SearchDocument.Visibility;
import org.gonghui.platform.SearchKind;
import org.gonghui.platform.SearchSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Honorees for the platform search, with the titles they hold (大国工匠, 全国劳动模范…), their employer, occupation and
 * deeds: those marked public are public (the 风采 showcase shows them), the others are for staff in scope. The ID
 * number is never read here. Conferring or revoking an honour writes no honoree row, so every honour event since the
 * poll (conferred, revoked) brings its honoree along, with the titles it holds now.
 */
@Component
class HonoreeSearchSource implements SearchSource {

	private static final String SELECT = "select h.id, h.name, h.employer, h.occupation, h.summary, h.deeds, h.is_public, h.organization_path from honoree h";

	private final JdbcClient jdbc;

	HonoreeSearchSource(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Set<SearchKind> kinds() {
		return Set.of(SearchKind.HONOREE);
	}

	@Override
	public void forEachDocument(Consumer<SearchDocument> sink) {
		emit(SELECT, null, sink);
	}

	@Override
	public void forEachChangedSince(Instant since, Consumer<SearchDocument> sink) {
		emit(SELECT + " where h.updated_at >= :since", since, sink);
		emit(SELECT + " where h.id in (select r.honoree_id from honor r join honor_event e on e.honor_id = r.id where e.occurred_at >= :since)", since,
				sink);
	}

	private void emit(String sql, Instant since, Consumer<SearchDocument> sink) {
		Map<Long, List<String>> titles = titles();
		var statement = jdbc.sql(sql);
		if (since != null) {
			statement = statement.param("since", Timestamp.from(since));
		}
		try (var rows = statement.query((rs, n) -> document(rs, titles)).stream()) {
			rows.forEach(sink);
		}
	}

	/** Titles held (not revoked) per honoree; honours are few beside other records, so one query for all. */
	private Map<Long, List<String>> titles() {
		Map<Long, List<String>> titles = new HashMap<>();
		jdbc.sql("select ho.honoree_id, t.name from honor ho join honor_title t on t.id = ho.title_id where ho.status = 'ACTIVE'")
			.query(rs -> {
				titles.computeIfAbsent(rs.getLong(1), k -> new java.util.ArrayList<>()).add(rs.getString(2));
			});
		return titles;
	}

	private static SearchDocument document(ResultSet rs, Map<Long, List<String>> titles) throws SQLException {
		long id = rs.getLong("id");
		Visibility visibility = rs.getBoolean("is_public") ? Visibility.PUBLIC : Visibility.STAFF;
		String body = String.join(" ", String.join(" ", titles.getOrDefault(id, List.of())), text(rs.getString("employer")),
				text(rs.getString("occupation")), text(rs.getString("summary")), text(rs.getString("deeds")));
		return new SearchDocument(SearchKind.HONOREE, id, rs.getString("name"), body, null, rs.getString("organization_path"), visibility,
				"/honorees/" + id, visibility == Visibility.PUBLIC ? "/showcase/" + id : null);
	}

	private static String text(String s) {
		return s == null ? "" : s;
	}
}
