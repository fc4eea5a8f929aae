package org.gonghui.platform.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import org.gonghui.platform.SearchDocument;
import org.gonghui.platform.SearchSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps this instance's search index equal to what the sources report, the way the nearest-site index is kept:
 * loaded in full before the web server opens; then a poll every second ({@code gonghui.search.refresh}) asks every
 * source for the records written since the last poll minus an overlap (transactions that committed a little after
 * the time they wrote, clocks a little apart) and applies them — adding, replacing, or removing what nobody may find
 * any more. Applying a record twice does nothing new, because a source always reports its current state. Writes on
 * this instance take the same way, one path for all writes (JdbcClient statements included) being easier to trust
 * than an event per write in every module; only sooner: {@link SearchWriteFilter} asks for the same poll at the end
 * of each write request ({@link #catchUp}), so whoever wrote finds it with the next search. A full rebuild now and
 * then ({@code gonghui.search.full-reload}) is the safety net for what a timestamp does not show (a changed
 * organisation name inside another record, say).
 */
@Component
class SearchIndexMaintainer implements SmartInitializingSingleton, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(SearchIndexMaintainer.class);
	static final Duration OVERLAP = Duration.ofSeconds(10);
	/** How long a write request waits for a poll or rebuild in progress before leaving its write to the next poll. */
	private static final long CATCH_UP_WAIT_MS = 200;

	private final List<SearchSource> sources;
	private final SearchIndex index;
	private final Clock clock;
	private final Duration fullReload;
	private volatile Instant lastPoll;
	private volatile Instant lastFullLoad;
	/** {@link System#nanoTime()} when the last poll began: every write committed before then is in the index. */
	private volatile long lastPollNanos;
	private final ReentrantLock lock = new ReentrantLock();

	SearchIndexMaintainer(List<SearchSource> sources, Clock clock, @Value("${gonghui.search.full-reload:PT30M}") Duration fullReload,
			@Value("${gonghui.search.directory:}") String directory) {
		this.sources = List.copyOf(sources);
		this.clock = clock;
		this.fullReload = fullReload;
		this.index = new SearchIndex(directory.isBlank() ? null : Path.of(directory));
	}

	SearchIndex index() {
		return index;
	}

	@Override
	public void afterSingletonsInstantiated() {
		loadAll();
	}

	void loadAll() {
		lock.lock();
		try {
			Instant started = clock.instant();
			long t0 = System.nanoTime();
			AtomicLong count = new AtomicLong();
			index.replaceAll(sink -> {
				for (SearchSource source : sources) {
					guarded(source, () -> source.forEachDocument(d -> {
						sink.accept(d);
						count.incrementAndGet();
					}));
				}
			});
			// A record written while the rows streamed in may be missing from them: take the recent changes again now.
			applyChangesSince(started.minus(OVERLAP));
			lastPoll = started;
			lastPollNanos = t0;
			lastFullLoad = started;
			log.info("Search index loaded: {} records from {} sources in {} ms", count.get(), sources.size(), (System.nanoTime() - t0) / 1_000_000);
		}
		finally {
			lock.unlock();
		}
	}

	@Scheduled(fixedDelayString = "${gonghui.search.refresh:PT1S}", initialDelayString = "${gonghui.search.refresh:PT1S}")
	void refresh() {
		lock.lock();
		try {
			if (lastPoll == null) {
				return;
			}
			if (clock.instant().isAfter(lastFullLoad.plus(fullReload))) {
				loadAll();
				return;
			}
			poll();
		}
		finally {
			lock.unlock();
		}
	}

	/**
	 * Takes in the writes committed before {@code writtenNanos} ({@link System#nanoTime()}) now, unless a poll that
	 * began after them already has. Several writers at once share one poll: those who waited find it done. A writer
	 * does not wait behind a rebuild (seconds at a million records); the next poll then brings its write.
	 */
	void catchUp(long writtenNanos) {
		if (lastPollNanos - writtenNanos > 0) {
			return;
		}
		try {
			if (!lock.tryLock(CATCH_UP_WAIT_MS, TimeUnit.MILLISECONDS)) {
				return;
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return;
		}
		try {
			if (lastPoll != null && lastPollNanos - writtenNanos <= 0) {
				poll();
			}
		}
		finally {
			lock.unlock();
		}
	}

	private void poll() {
		long startedNanos = System.nanoTime();
		Instant started = clock.instant();
		applyChangesSince(lastPoll.minus(OVERLAP));
		lastPoll = started;
		lastPollNanos = startedNanos;
	}

	private void applyChangesSince(Instant since) {
		AtomicLong applied = new AtomicLong();
		Consumer<SearchDocument> apply = d -> {
			index.apply(d);
			applied.incrementAndGet();
		};
		for (SearchSource source : sources) {
			guarded(source, () -> source.forEachChangedSince(since, apply));
		}
		if (applied.get() > 0) {
			index.refresh();
		}
	}

	/** One source that fails (a bad row, a database hiccup) must not keep the others out. */
	private static void guarded(SearchSource source, Runnable action) {
		try {
			action.run();
		}
		catch (RuntimeException e) {
			log.warn("Search source {} failed: {}", source.getClass().getSimpleName(), e.toString());
		}
	}

	@Override
	public void destroy() {
		index.close();
	}
}
