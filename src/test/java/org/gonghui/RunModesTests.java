package org.gonghui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * How the application starts: the embedded default keeps its data across restarts; outside the demo
 * profile it needs a real key and creates only the administrator it is told to, with no default password.
 */
class RunModesTests {

	private static final String REAL_KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789ABCDEF".getBytes());

	@Test
	void embeddedDefaultKeepsItsDataOnTheSecondStart(@TempDir Path dir) {
		String url = "jdbc:h2:file:" + dir.resolve("gonghui") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
		long organizations;
		long accounts;
		try (var first = start(url, List.of())) {
			JdbcClient jdbc = first.getBean(JdbcClient.class);
			organizations = jdbc.sql("select count(*) from organization").query(Long.class).single();
			accounts = jdbc.sql("select count(*) from account").query(Long.class).single();
			assertThat(organizations).isGreaterThanOrEqualTo(17);
			jdbc.sql("update organization set address = '第一次启动后修改' where name = '延庆区总工会'").update();
		}
		try (var second = start(url, List.of())) {
			JdbcClient jdbc = second.getBean(JdbcClient.class);
			assertThat(jdbc.sql("select count(*) from organization").query(Long.class).single()).isEqualTo(organizations);
			assertThat(jdbc.sql("select count(*) from account").query(Long.class).single()).isEqualTo(accounts);
			assertThat(jdbc.sql("select address from organization where name = '延庆区总工会'").query(String.class).single()).isEqualTo("第一次启动后修改");
		}
	}

	@Test
	void productionModeCreatesOnlyTheBootstrappedAdministrator() {
		try (var app = start("jdbc:h2:mem:prod-" + System.nanoTime() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
				List.of("production"), "gonghui.crypto.key=" + REAL_KEY, "gonghui.bootstrap.admin-password=first-admin-secret")) {
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			assertThat(jdbc.sql("select name from organization").query(String.class).list()).containsExactly("中华全国总工会");
			assertThat(jdbc.sql("select username from account").query(String.class).list()).containsExactly("admin");
			String hash = jdbc.sql("select password_hash from account where username = 'admin'").query(String.class).single();
			PasswordEncoder encoder = app.getBean(PasswordEncoder.class);
			assertThat(encoder.matches("first-admin-secret", hash)).isTrue();
			assertThat(encoder.matches("gonghui-demo", hash)).isFalse();
		}
	}

	@Test
	void productionModeWithoutABootstrapPasswordHasNoAccounts() {
		try (var app = start("jdbc:h2:mem:empty-" + System.nanoTime() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
				List.of("production"), "gonghui.crypto.key=" + REAL_KEY)) {
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			assertThat(jdbc.sql("select count(*) from account").query(Long.class).single()).isZero();
			assertThat(jdbc.sql("select count(*) from organization").query(Long.class).single()).isZero();
		}
	}

	@Test
	void productionModeRefusesAMissingOrPublishedKey() {
		String url = "jdbc:h2:mem:nokey-" + System.nanoTime() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
		assertThatThrownBy(() -> start(url, List.of("production"), "gonghui.crypto.key=").close()).hasStackTraceContaining("GONGHUI_CRYPTO_KEY");
		assertThatThrownBy(() -> start(url, List.of("production"), "gonghui.crypto.key=ZGV2ZWxvcG1lbnQta2V5LW5vdC1mb3ItcHJvZHVjdGk=").close())
			.hasStackTraceContaining("development key");
		assertThatThrownBy(() -> start(url, List.of("production"), "gonghui.crypto.key=" + REAL_KEY, "gonghui.bootstrap.admin-password=short").close())
			.hasStackTraceContaining("at least");
	}

	private static ConfigurableApplicationContext start(String url, List<String> profiles, String... properties) {
		var builder = new SpringApplicationBuilder(GonghuiApplication.class);
		if (!profiles.isEmpty()) {
			builder.profiles(profiles.toArray(String[]::new));
		}
		// Command-line arguments, as an operator would pass them; they win over application.yml.
		var args = new java.util.ArrayList<>(List.of("--server.port=0", "--spring.datasource.url=" + url, "--gonghui.security.bcrypt-strength=4",
				"--spring.main.banner-mode=off"));
		for (String p : properties) {
			args.add("--" + p);
		}
		return builder.run(args.toArray(String[]::new));
	}
}
