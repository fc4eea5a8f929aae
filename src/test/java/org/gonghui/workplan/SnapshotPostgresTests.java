package org.gonghui.workplan;

import org.gonghui.PostgresTestDatabase;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link SnapshotContract} on PostgreSQL; runs whenever GONGHUI_TEST_POSTGRES_URL is set (CI sets it). */
@EnabledIfEnvironmentVariable(named = PostgresTestDatabase.URL_VARIABLE, matches = ".+")
class SnapshotPostgresTests extends SnapshotContract {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresTestDatabase.register(registry);
	}
}
