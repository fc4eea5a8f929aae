package org.gonghui.platform;

import org.gonghui.PostgresTestDatabase;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link QueryPlansContract} on PostgreSQL; runs whenever GONGHUI_TEST_POSTGRES_URL is set (CI sets it). */
@EnabledIfEnvironmentVariable(named = PostgresTestDatabase.URL_VARIABLE, matches = ".+")
class QueryPlansPostgresTests extends QueryPlansContract {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresTestDatabase.register(registry);
	}

	@Override
	String setting() {
		return jdbc.sql("show plan_cache_mode").query(String.class).single();
	}
}
