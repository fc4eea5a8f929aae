package org.gonghui.platform.internal;

import java.time.Duration;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.session.FlushMode;
import org.springframework.session.SaveMode;
import org.springframework.session.config.annotation.web.http.EnableSpringHttpSession;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * HTTP sessions in the database (tables {@code spring_session*}, created by Flyway), shared by all
 * instances, configured here instead of by Spring Boot (which backs off once a session repository is
 * declared) for two savings on every request:
 *
 * <ul>
 * <li>the last-access write is throttled: see {@link TouchThrottlingSessionRepository}
 * ({@code gonghui.session.touch-interval}, default one minute; zero writes on every request as Spring
 * Session does);</li>
 * <li>reading a session is one {@code SELECT} without a transaction around it (Spring Session wraps every
 * call in a new transaction, which costs a commit round trip for a read); writes keep their
 * transaction.</li>
 * </ul>
 *
 * The Boot properties that still apply are read here: {@code server.servlet.session.timeout} and
 * {@code spring.session.jdbc.cleanup-cron}; the cookie ({@code server.servlet.session.cookie.*}) is still
 * Boot's.
 */
@Configuration(proxyBeanMethods = false)
@EnableSpringHttpSession
class SessionConfiguration implements BeanClassLoaderAware {

	private ClassLoader classLoader;

	@Override
	public void setBeanClassLoader(ClassLoader classLoader) {
		this.classLoader = classLoader;
	}

	@Bean
	SessionTransactions sessionTransactions(PlatformTransactionManager transactions) {
		TransactionTemplate template = new TransactionTemplate(transactions);
		// As Spring Session does: never join (and never roll back with) the caller's transaction.
		template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		return new SessionTransactions(template);
	}

	@Bean
	JdbcIndexedSessionRepository jdbcSessionRepository(DataSource dataSource, SessionTransactions transactions,
			@Value("${server.servlet.session.timeout:30m}") Duration timeout,
			@Value("${spring.session.jdbc.cleanup-cron:0 * * * * *}") String cleanupCron) {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		JdbcIndexedSessionRepository repository = new JdbcIndexedSessionRepository(jdbc, transactions);
		repository.setDefaultMaxInactiveInterval(timeout);
		repository.setCleanupCron(cleanupCron);
		repository.setFlushMode(FlushMode.ON_SAVE);
		// The throttling decorator relies on attribute changes going through setAttribute.
		repository.setSaveMode(SaveMode.ON_SET_ATTRIBUTE);
		// Session attributes are application classes (the signed-in account): deserialise with the application's loader.
		GenericConversionService conversion = new GenericConversionService();
		conversion.addConverter(Object.class, byte[].class, new SerializingConverter());
		conversion.addConverter(byte[].class, Object.class, new DeserializingConverter(classLoader));
		repository.setConversionService(conversion);
		return repository;
	}

	/** The repository the session filter and the account service use: the JDBC one, touched at most once per interval. */
	@Bean
	@Primary
	TouchThrottlingSessionRepository<?> sessionRepository(JdbcIndexedSessionRepository jdbc, SessionTransactions transactions,
			@Value("${gonghui.session.touch-interval:PT1M}") Duration touchInterval,
			@Value("${server.servlet.session.timeout:30m}") Duration timeout) {
		if (touchInterval.compareTo(timeout.dividedBy(2)) > 0) {
			// A session in use must never look idle for longer than the timeout.
			throw new IllegalStateException("gonghui.session.touch-interval (" + touchInterval + ") must be at most half the session timeout ("
					+ timeout + ")");
		}
		return new TouchThrottlingSessionRepository<>(jdbc, touchInterval, transactions::reading);
	}

	/**
	 * Spring Session's transactions, except while a session is being read: that is one {@code SELECT}
	 * (session and attributes joined), consistent on its own.
	 */
	static final class SessionTransactions implements TransactionOperations {

		private static final ThreadLocal<Boolean> READING = new ThreadLocal<>();

		private final TransactionOperations transactions;

		SessionTransactions(TransactionOperations transactions) {
			this.transactions = transactions;
		}

		@Override
		public <T> T execute(TransactionCallback<T> action) {
			if (Boolean.TRUE.equals(READING.get())) {
				return action.doInTransaction(new SimpleTransactionStatus(false));
			}
			return transactions.execute(action);
		}

		/** Runs a read of the repository without a transaction of its own. */
		<T> T reading(Supplier<T> read) {
			READING.set(Boolean.TRUE);
			try {
				return read.get();
			}
			finally {
				READING.remove();
			}
		}
	}
}
