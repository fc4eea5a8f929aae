package org.gonghui.member.internal;

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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Members for the staff search, in the scope of their union's path: found by name, occupation and platform company.
 * The ID number and the phone are never indexed, not even masked (the digits left visible would make them
 * searchable); the masked copies the member table already holds are shown beside the name. A member who left or
 * transferred out leaves the index (the new union's row is its own record).
 */
@Component
class MemberSearchSource implements SearchSource {

	private static final String SELECT = "select id, name, occupation, platform_company, phone_masked, id_number_masked, union_path, status from member";

	private final JdbcClient jdbc;

	MemberSearchSource(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Set<SearchKind> kinds() {
		return Set.of(SearchKind.MEMBER);
	}

	@Override
	public void forEachDocument(Consumer<SearchDocument> sink) {
		try (var rows = jdbc.sql(SELECT + " where status = 'ACTIVE'").query(MemberSearchSource::document).stream()) {
			rows.forEach(sink);
		}
	}

	@Override
	public void forEachChangedSince(Instant since, Consumer<SearchDocument> sink) {
		try (var rows = jdbc.sql(SELECT + " where updated_at >= :since").param("since", Timestamp.from(since)).query(MemberSearchSource::document)
			.stream()) {
			rows.forEach(sink);
		}
	}

	private static SearchDocument document(ResultSet rs, int row) throws SQLException {
		long id = rs.getLong("id");
		Visibility visibility = "ACTIVE".equals(rs.getString("status")) ? Visibility.STAFF : Visibility.NONE;
		String body = String.join(" ", nonNull(rs.getString("occupation")), nonNull(rs.getString("platform_company"))).strip();
		String phone = rs.getString("phone_masked");
		String detail = phone == null ? rs.getString("id_number_masked") : phone + " · " + rs.getString("id_number_masked");
		return new SearchDocument(SearchKind.MEMBER, id, rs.getString("name"), body, detail, rs.getString("union_path"), visibility,
				"/members/" + id, null);
	}

	private static String nonNull(String s) {
		return s == null ? "" : s;
	}
}
