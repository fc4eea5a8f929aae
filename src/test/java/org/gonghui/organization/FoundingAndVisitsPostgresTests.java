package org.gonghui.organization;

import org.gonghui.PostgresTestDatabase;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link FoundingAndVisitsContract} on PostgreSQL; runs whenever GONGHUI_TEST_POSTGRES_URL is set (CI sets it). */
@EnabledIfEnvironmentVariable(named = PostgresTestDatabase.URL_VARIABLE, matches = ".+")
class FoundingAndVisitsPostgresTests extends FoundingAndVisitsContract {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresTestDatabase.register(registry);
		// The demo data is seeded once per schema, with the clock of the first context that starts. This context
		// runs on a fixed clock and expects its visits at dates relative to it, so it gets a schema of its own
		// instead of the one the JVM's real-clock contexts share.
		String schema = PostgresTestDatabase.schema() + "_fixed_clock";
		String url = System.getenv(PostgresTestDatabase.URL_VARIABLE);
		String separator = url.contains("?") ? "&" : "?";
		registry.add("spring.datasource.url", () -> url + separator + "currentSchema=" + schema);
		registry.add("spring.flyway.schemas", () -> schema);
		registry.add("spring.flyway.default-schema", () -> schema);
	}
}
