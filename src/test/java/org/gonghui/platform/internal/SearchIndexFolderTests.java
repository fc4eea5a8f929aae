package org.gonghui.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The search index in a local folder ({@code gonghui.search.directory}): the application starts, and a rebuild swaps
 * a new folder in while searches keep running on the old one, which is closed and deleted only once nobody reads it.
 */
@SpringBootTest
@ActiveProfiles({ "demo", "test" })
class SearchIndexFolderTests {

	private static final Path FOLDER = temporaryFolder();

	@DynamicPropertySource
	static void folder(DynamicPropertyRegistry registry) {
		registry.add("gonghui.search.directory", FOLDER::toString);
	}

	private static Path temporaryFolder() {
		try {
			return Files.createTempDirectory("gonghui-search-test");
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Autowired
	SearchIndexMaintainer maintainer;

	@Autowired
	SearchService search;

	@Test
	void startsAndRebuildsWhileSearchesRun() throws Exception {
		await().atMost(Duration.ofSeconds(15)).until(() -> search.publicSearch("驿站", null, 10).total() > 0);
		long expected = search.publicSearch("驿站", null, 10).total();

		AtomicBoolean running = new AtomicBoolean(true);
		AtomicInteger searches = new AtomicInteger();
		List<Throwable> failures = new CopyOnWriteArrayList<>();
		Thread reader = new Thread(() -> {
			while (running.get()) {
				try {
					assertThat(search.publicSearch("驿站", null, 10).total()).isEqualTo(expected);
					searches.incrementAndGet();
				}
				catch (Throwable e) {
					failures.add(e);
					return;
				}
			}
		});
		reader.start();
		try {
			for (int i = 0; i < 3; i++) {
				maintainer.loadAll();
			}
			await().atMost(Duration.ofSeconds(5)).until(() -> searches.get() > 10);
		}
		finally {
			running.set(false);
			reader.join();
		}
		assertThat(failures).isEmpty();
		assertThat(search.publicSearch("驿站", null, 10).total()).isEqualTo(expected);
		// The replaced generations are gone from the disk; only the live one is left.
		try (Stream<Path> generations = Files.list(FOLDER)) {
			assertThat(generations.toList()).hasSize(1);
		}
	}
}
