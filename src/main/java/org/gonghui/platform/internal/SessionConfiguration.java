package org.gonghui.platform.internal;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.session.FlushMode;
import org.springframework.session.SaveMode;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.config.annotation.web.http.EnableJdbcHttpSession;

/**
 * HTTP sessions in the database (tables {@code spring_session*}, created by Flyway), with the last-access
 * write throttled: see {@link TouchThrottlingSessionRepository}. Configured here rather than by Spring
 * Boot's auto-configuration (which backs off once a session repository is declared), so the two Boot
 * properties that matter are read here: {@code server.servlet.session.timeout} and
 * {@code spring.session.jdbc.cleanup-cron}. {@code gonghui.session.touch-interval} (default one minute;
 * zero writes on every request, as Spring Session does) sets how stale the stored last access may get.
 */
@Configuration(proxyBeanMethods = false)
@EnableJdbcHttpSession(flushMode = FlushMode.ON_SAVE, saveMode = SaveMode.ON_SET_ATTRIBUTE)
class SessionConfiguration {

	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionSettings(@Value("${server.servlet.session.timeout:30m}") Duration timeout,
			@Value("${spring.session.jdbc.cleanup-cron:0 * * * * *}") String cleanupCron) {
		return repository -> {
			repository.setDefaultMaxInactiveInterval(timeout);
			repository.setCleanupCron(cleanupCron);
			// Kept explicitly: the throttling decorator relies on attribute changes going through setAttribute.
			repository.setSaveMode(SaveMode.ON_SET_ATTRIBUTE);
		};
	}

	/** The repository the session filter and the account service use: the JDBC one, touched at most once per interval. */
	@Bean
	@Primary
	TouchThrottlingSessionRepository<?> touchThrottlingSessionRepository(JdbcIndexedSessionRepository jdbc,
			@Value("${gonghui.session.touch-interval:PT1M}") Duration touchInterval) {
		return new TouchThrottlingSessionRepository<>(jdbc, touchInterval);
	}
}
