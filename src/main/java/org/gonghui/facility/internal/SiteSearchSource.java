package org.gonghui.facility.internal;

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
 * Sites for the platform search: an open or suspended public site is public (the worker's finder shows it too), a
 * site not public or not open yet is for staff, a closed one leaves the index. The type's Chinese name is indexed
 * with the name and address, so 驿站 and 户外劳动者服务站点 both find a station.
 */
@Component
class SiteSearchSource implements SearchSource {

	private static final String SELECT = "select s.id, s.type, s.name, s.address, s.description, s.status, s.is_public, o.name as organization_name,"
			+ " o.path as organization_path from site s join organization o on o.id = s.organization_id";

	private final JdbcClient jdbc;
	private final MessageSource messages;

	SiteSearchSource(JdbcClient jdbc, MessageSource messages) {
		this.jdbc = jdbc;
		this.messages = messages;
	}

	@Override
	public Set<SearchKind> kinds() {
		return Set.of(SearchKind.SITE);
	}

	@Override
	public void forEachDocument(Consumer<SearchDocument> sink) {
		try (var rows = jdbc.sql(SELECT + " where s.status <> 'CLOSED'").query(this::document).stream()) {
			rows.forEach(sink);
		}
	}

	@Override
	public void forEachChangedSince(Instant since, Consumer<SearchDocument> sink) {
		// The site's own changes, and the sites of organisations renamed or moved (their path is the site's scope).
		for (String changed : new String[] { " where s.updated_at >= :since", " where o.updated_at >= :since" }) {
			try (var rows = jdbc.sql(SELECT + changed).param("since", Timestamp.from(since)).query(this::document).stream()) {
				rows.forEach(sink);
			}
		}
	}

	private SearchDocument document(ResultSet rs, int row) throws SQLException {
		long id = rs.getLong("id");
		String status = rs.getString("status");
		boolean open = "OPEN".equals(status) || "SUSPENDED".equals(status);
		Visibility visibility = "CLOSED".equals(status) ? Visibility.NONE : open && rs.getBoolean("is_public") ? Visibility.PUBLIC : Visibility.STAFF;
		String type = messages.getMessage("site.type." + rs.getString("type"), null, rs.getString("type"), Locale.SIMPLIFIED_CHINESE);
		String body = String.join(" ", type, rs.getString("address"), rs.getString("organization_name"),
				rs.getString("description") == null ? "" : rs.getString("description"));
		return new SearchDocument(SearchKind.SITE, id, rs.getString("name"), body, null, rs.getString("organization_path"), visibility,
				"/sites/manage/" + id, visibility == Visibility.PUBLIC ? "/sites/" + id : null);
	}
}
