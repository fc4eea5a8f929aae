package org.gonghui.honor.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.gonghui.platform.StartupData;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The seed's booklet: 北京公交集团物业管理中心工会's 《职工风采录》 of its 19 honorees (after HonorBootstrap has
 * recorded them), in the order they were recorded. Their portraits are placeholders: no real person's photo.
 */
@Component
@Profile("demo")
@Order(480)
class BookletBootstrap implements StartupData {

	private final JdbcClient jdbc;
	private final BookletRepository booklets;
	private final Clock clock;

	BookletBootstrap(JdbcClient jdbc, BookletRepository booklets, Clock clock) {
		this.jdbc = jdbc;
		this.booklets = booklets;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void load() {
		if (jdbc.sql("select count(*) from booklet").query(Long.class).single() > 0) {
			return;
		}
		List<Long> union = jdbc.sql("select id from organization where name = '物业管理中心工会' order by id").query(Long.class).list();
		if (union.isEmpty()) {
			return;
		}
		List<Long> honorees = jdbc.sql("select id from honoree where organization_id = :org order by id").param("org", union.get(0))
			.query(Long.class).list();
		if (honorees.isEmpty()) {
			return;
		}
		int year = LocalDate.now(clock.withZone(HonorService.BEIJING)).getYear();
		booklets.insert("北京公交集团物业管理中心职工风采录", union.get(0), year, "A5", honorees, "system", clock.instant());
	}
}
