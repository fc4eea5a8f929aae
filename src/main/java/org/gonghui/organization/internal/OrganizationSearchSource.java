package org.gonghui.organization.internal;

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
 * Organisations and employers for the platform search. Union names and addresses are public (the join form lists
 * them; the public result opens the union's news); employers, with their credit code, are for staff in the scope of
 * the union they belong to.
 */
@Component
class OrganizationSearchSource implements SearchSource {

	private static final String ORGANIZATIONS = "select id, name, address, path from organization";
	private static final String EMPLOYERS = "select e.id, e.name, e.address, e.credit_code, o.name as organization_name, o.path"
			+ " from employer e join organization o on o.id = e.organization_id";

	private final JdbcClient jdbc;

	OrganizationSearchSource(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Set<SearchKind> kinds() {
		return Set.of(SearchKind.ORGANIZATION, SearchKind.EMPLOYER);
	}

	@Override
	public void forEachDocument(Consumer<SearchDocument> sink) {
		try (var rows = jdbc.sql(ORGANIZATIONS).query(OrganizationSearchSource::organization).stream()) {
			rows.forEach(sink);
		}
		try (var rows = jdbc.sql(EMPLOYERS).query(OrganizationSearchSource::employer).stream()) {
			rows.forEach(sink);
		}
	}

	@Override
	public void forEachChangedSince(Instant since, Consumer<SearchDocument> sink) {
		Timestamp at = Timestamp.from(since);
		try (var rows = jdbc.sql(ORGANIZATIONS + " where updated_at >= :since").param("since", at).query(OrganizationSearchSource::organization)
			.stream()) {
			rows.forEach(sink);
		}
		// The employer's own changes, and the employers of organisations renamed or moved (their path is the scope).
		for (String changed : new String[] { " where e.updated_at >= :since", " where o.updated_at >= :since" }) {
			try (var rows = jdbc.sql(EMPLOYERS + changed).param("since", at).query(OrganizationSearchSource::employer).stream()) {
				rows.forEach(sink);
			}
		}
	}

	private static SearchDocument organization(ResultSet rs, int row) throws SQLException {
		long id = rs.getLong("id");
		return new SearchDocument(SearchKind.ORGANIZATION, id, rs.getString("name"), rs.getString("address"), null, rs.getString("path"),
				Visibility.PUBLIC, "/organizations/" + id, "/news?organizationId=" + id);
	}

	private static SearchDocument employer(ResultSet rs, int row) throws SQLException {
		long id = rs.getLong("id");
		String body = String.join(" ", rs.getString("address") == null ? "" : rs.getString("address"), rs.getString("credit_code"),
				rs.getString("organization_name"));
		return new SearchDocument(SearchKind.EMPLOYER, id, rs.getString("name"), body, null, rs.getString("path"), Visibility.STAFF,
				"/employers/" + id, null);
	}
}
