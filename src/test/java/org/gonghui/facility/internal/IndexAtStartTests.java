package org.gonghui.facility.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.ActiveProfiles;

/**
 * On a fresh start (an empty database, so the demo sites are written during start-up) the nearest
 * index already holds the demo sites at the moment the web server opens: the finder never answers
 * "最近的 0 个站点" for the first seconds.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
class IndexAtStartTests {

	static final AtomicInteger indexedWhenTheServerOpened = new AtomicInteger(-1);

	@TestConfiguration
	static class WatchTheServer {

		@Bean
		ApplicationListener<WebServerInitializedEvent> countIndexedSites(NearestSites nearest) {
			return event -> indexedWhenTheServerOpened.compareAndSet(-1, nearest.indexedSites());
		}
	}

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Test
	void theDemoSitesAreIndexedBeforeTheFirstRequest() {
		long findable = jdbc.sql("select count(*) from site where status = 'OPEN' and is_public").query(Long.class).single();
		assertThat(findable).isPositive();
		assertThat(indexedWhenTheServerOpened.get()).isEqualTo((int) findable);
	}
}
