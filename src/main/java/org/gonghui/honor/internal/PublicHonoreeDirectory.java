package org.gonghui.honor.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gonghui.honor.PublicHonorees;
import org.gonghui.shared.Text;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** {@link PublicHonorees} over the registry: public honorees only, a name that is not unique among them gives no link. */
@Component
class PublicHonoreeDirectory implements PublicHonorees {

	private final JdbcClient jdbc;

	PublicHonoreeDirectory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(readOnly = true)
	public Map<String, Long> byName(Collection<String> names) {
		List<String> clean = names.stream().map(Text::clean).filter(n -> n != null && n.length() <= 50).distinct().limit(100).toList();
		if (clean.isEmpty()) {
			return Map.of();
		}
		Map<String, Long> ids = new HashMap<>();
		jdbc.sql("select name, min(id) as id from honoree where is_public = true and name in (:names) group by name having count(*) = 1")
			.param("names", clean).query((rs, n) -> Map.entry(rs.getString("name"), rs.getLong("id"))).list()
			.forEach(e -> ids.put(e.getKey(), e.getValue()));
		return ids;
	}
}
