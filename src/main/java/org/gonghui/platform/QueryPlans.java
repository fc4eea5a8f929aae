package org.gonghui.platform;

import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Plans for the values, where a scope decides the plan. PostgreSQL gives a statement prepared on the server (the
 * driver does so after five runs) a generic plan when it looks no dearer than the custom ones, and a generic plan of
 * {@code path like $1} can neither use the bound prefix nor know that a district holds most rows: the dashboard's
 * activity count became a 462 ms nested loop instead of 27 ms, a one-character surname search walked the whole
 * name index. Planning every statement for its values everywhere costs the hot write paths instead (the sign-up
 * rush lost a third of its rate, docs/benchmarks.md), so the reads whose plans depend on a subtree's size ask for it
 * in their own transaction, and everything else keeps PostgreSQL's default.
 */
@Component
public class QueryPlans {

	private final JdbcClient jdbc;
	private volatile Boolean postgres;

	QueryPlans(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * On PostgreSQL, every statement of the current transaction is planned for its values; a no-op on H2. Must run
	 * inside a transaction (the setting is {@code set local}, gone at its end, so a pooled connection never keeps it).
	 */
	public void forValues() {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("Plans for the values are set for a transaction; none is active");
		}
		if (isPostgres()) {
			jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
		}
	}

	private boolean isPostgres() {
		Boolean pg = postgres;
		if (pg == null) {
			pg = jdbc.sql("select 1").query((rs, n) -> rs.getStatement().getConnection().getMetaData().getDatabaseProductName()).single()
				.toLowerCase(Locale.ROOT).contains("postgres");
			postgres = pg;
		}
		return pg;
	}
}
