package org.gonghui.member.internal;

import org.gonghui.PostgresTestDatabase;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link MemberImportContract} on PostgreSQL; runs whenever GONGHUI_TEST_POSTGRES_URL is set (CI sets it). */
@EnabledIfEnvironmentVariable(named = PostgresTestDatabase.URL_VARIABLE, matches = ".+")
class MemberImportPostgresTests extends MemberImportContract {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresTestDatabase.register(registry);
	}
}
