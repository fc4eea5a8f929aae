package org.gonghui;

import java.util.Locale;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Points a Spring test context at the PostgreSQL database named by {@code GONGHUI_TEST_POSTGRES_URL}
 * (user {@code GONGHUI_TEST_POSTGRES_USER}, default {@code postgres}; password
 * {@code GONGHUI_TEST_POSTGRES_PASSWORD}). Each test JVM gets its own schema, so runs never see each
 * other's rows. Test classes using it are enabled only when the variable is set; when it is set and
 * the database is unreachable, the context fails to start and the tests fail.
 */
public final class PostgresTestDatabase {

	public static final String URL_VARIABLE = "GONGHUI_TEST_POSTGRES_URL";

	private static final String SCHEMA = ("gh_test_" + ProcessHandle.current().pid() + "_" + System.currentTimeMillis()).toLowerCase(Locale.ROOT);

	private PostgresTestDatabase() {
	}

	public static void register(DynamicPropertyRegistry registry) {
		String url = System.getenv(URL_VARIABLE);
		if (url == null || url.isBlank()) {
			throw new IllegalStateException(URL_VARIABLE + " is not set");
		}
		String separator = url.contains("?") ? "&" : "?";
		registry.add("spring.datasource.url", () -> url + separator + "currentSchema=" + SCHEMA);
		registry.add("spring.datasource.username", () -> env("GONGHUI_TEST_POSTGRES_USER", "postgres"));
		registry.add("spring.datasource.password", () -> env("GONGHUI_TEST_POSTGRES_PASSWORD", ""));
		registry.add("spring.flyway.schemas", () -> SCHEMA);
		registry.add("spring.flyway.default-schema", () -> SCHEMA);
		// Fail fast instead of waiting 30 s for a pool connection when the database is down.
		registry.add("spring.datasource.hikari.connection-timeout", () -> "5000");
		// Spring keeps every test context (one per PostgreSQL contract and configuration) open with its pool;
		// a dozen contexts at Hikari's default of ten idle connections each exceed PostgreSQL's 100 clients.
		registry.add("spring.datasource.hikari.maximum-pool-size", () -> "6");
		registry.add("spring.datasource.hikari.minimum-idle", () -> "0");
		registry.add("spring.datasource.hikari.idle-timeout", () -> "10000");
	}

	public static String schema() {
		return SCHEMA;
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return value == null ? fallback : value;
	}
}
