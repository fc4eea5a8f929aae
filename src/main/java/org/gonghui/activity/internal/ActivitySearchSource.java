package org.gonghui.activity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

import org.gonghui.platform.SearchDocument;
import org.gonghui.platform.SearchDocument.Visibility;
import org.gonghui.platform.SearchKind;
import org.gonghui.platform.SearchSource;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Activities and competitions (an activity with a competition row) for the platform search: a draft is for the
 * organiser's staff, a published, closed, ongoing or finished one is public (the worker's activity list and the
 * results pages show it), a cancelled one leaves the index. The kind's Chinese name is indexed with the title,
 * description and venue, so 大篷车 and 培训营 find theirs.
 */
@Component
class ActivitySearchSource implements SearchSource {

	private static final String SELECT = "select a.id, a.kind, a.title, a.description, a.venue, a.status, c.edition, o.name as organization_name,"
			+ " o.path as organization_path from activity a join organization o on o.id = a.organization_id"
			+ " left join competition c on c.activity_id = a.id";

	private final JdbcClient jdbc;
	private final MessageSource messages;

	ActivitySearchSource(JdbcClient jdbc, MessageSource messages) {
		this.jdbc = jdbc;
		this.messages = messages;
	}

	@Override
	public Set<SearchKind> kinds() {
		return Set.of(SearchKind.ACTIVITY, SearchKind.COMPETITION);
	}

	@Override
	public void forEachDocument(Consumer<SearchDocument> sink) {
		try (var rows = jdbc.sql(SELECT + " where a.status <> 'CANCELLED'").query(this::document).stream()) {
			rows.forEach(sink);
		}
	}

	@Override
	public void forEachChangedSince(Instant since, Consumer<SearchDocument> sink) {
		// The activity's own changes, and the activities of organisations renamed or moved (their path is the scope).
		for (String changed : new String[] { " where a.updated_at >= :since", " where o.updated_at >= :since" }) {
			try (var rows = jdbc.sql(SELECT + changed).param("since", Timestamp.from(since)).query(this::document).stream()) {
				rows.forEach(sink);
			}
		}
	}

	private SearchDocument document(ResultSet rs, int row) throws SQLException {
		long id = rs.getLong("id");
		String status = rs.getString("status");
		Visibility visibility = switch (status) {
			case "CANCELLED" -> Visibility.NONE;
			case "DRAFT" -> Visibility.STAFF;
			default -> Visibility.PUBLIC;
		};
		String edition = rs.getString("edition");
		boolean competition = edition != null;
		String kind = messages.getMessage("activity.kind." + rs.getString("kind"), null, "", Locale.SIMPLIFIED_CHINESE);
		String body = String.join(" ", kind, competition ? edition : "", text(rs.getString("description")), text(rs.getString("venue")),
				rs.getString("organization_name"));
		String publicLink = visibility != Visibility.PUBLIC ? null : competition ? "/competitions/" + id + "/results" : "/activities/" + id;
		return new SearchDocument(competition ? SearchKind.COMPETITION : SearchKind.ACTIVITY, id, rs.getString("title"), body, null,
				rs.getString("organization_path"), visibility, "/activities/manage/" + id, publicLink);
	}

	private static String text(String s) {
		return s == null ? "" : s;
	}
}
