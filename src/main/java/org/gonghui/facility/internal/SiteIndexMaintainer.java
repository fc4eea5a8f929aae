package org.gonghui.facility.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps the nearest index equal to the open public sites in the database. Writes on this instance reach
 * it right after their commit; writes on other instances are picked up by a poll every few seconds
 * ({@code gonghui.facility.index.refresh}), which re-reads every site written in the last ten seconds — the
 * overlap covers transactions that committed a little late and clocks a little apart, and applying a change twice
 * does nothing because the index keeps the newest revision of each site. A full reload now and then
 * ({@code gonghui.facility.index.full-reload}) is the safety net for anything else.
 */
@Component
class SiteIndexMaintainer implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(SiteIndexMaintainer.class);
	/**
	 * How far back each poll looks again: covers transactions that committed a little after the time they
	 * wrote, and clocks a little apart. Anything later still arrives with the full reload.
	 */
	static final Duration OVERLAP = Duration.ofSeconds(10);

	private final SiteRepository sites;
	private final SiteIndex index;
	private final Clock clock;
	private final Duration fullReload;
	private static final int MAX_SCHEDULES = 10_000;
	private final java.util.Map<String, OpeningHours> schedules = new java.util.concurrent.ConcurrentHashMap<>();
	private volatile Instant lastPoll;
	private volatile Instant lastFullLoad;

	SiteIndexMaintainer(SiteRepository sites, SiteIndex index, Clock clock,
			@Value("${gonghui.facility.index.full-reload:PT10M}") Duration fullReload) {
		this.sites = sites;
		this.index = index;
		this.clock = clock;
		this.fullReload = fullReload;
	}

	/**
	 * Loads before the web server opens (all singletons exist, Flyway has run), so no request ever meets an
	 * empty index; sites the start-up data adds later arrive as ordinary changes.
	 */
	@Override
	public void afterSingletonsInstantiated() {
		loadAll();
	}

	void loadAll() {
		Instant started = clock.instant();
		long t0 = System.nanoTime();
		List<SiteIndex.Entry> entries = new ArrayList<>();
		sites.forEachFindable(site -> {
			try {
				entries.add(entry(site));
			}
			catch (RuntimeException e) {
				log.warn("Site {} left out of the nearest index: {}", site.id(), e.getMessage());
			}
		});
		index.replaceAll(entries);
		// A site written on this instance while the rows streamed in may be missing from them, and replaceAll
		// dropped it from the overlay: take the recent changes again at once rather than at the next poll.
		sites.forEachChangedSince(started.minus(OVERLAP), this::apply);
		lastPoll = started;
		lastFullLoad = started;
		log.info("Nearest index loaded: {} open public sites in {} ms", entries.size(), (System.nanoTime() - t0) / 1_000_000);
	}

	/** This instance's own writes, once committed (a rolled-back write never reaches the index). */
	@TransactionalEventListener
	void on(SiteChanged changed) {
		apply(changed.site());
	}

	@Scheduled(fixedDelayString = "${gonghui.facility.index.refresh:PT2S}", initialDelayString = "${gonghui.facility.index.refresh:PT2S}")
	void refresh() {
		if (lastPoll == null) {
			return; // not loaded yet
		}
		Instant started = clock.instant();
		if (lastFullLoad != null && started.isAfter(lastFullLoad.plus(fullReload))) {
			loadAll();
			return;
		}
		sites.forEachChangedSince(lastPoll.minus(OVERLAP), this::apply);
		lastPoll = started;
	}

	private void apply(Site site) {
		try {
			if (site.findable()) {
				index.upsert(entry(site));
			}
			else {
				index.remove(site.id(), site.revision());
			}
		}
		catch (RuntimeException e) {
			// One site this build cannot read (its opening hours, say) must not stop the others.
			log.warn("Site {} left out of the nearest index: {}", site.id(), e.getMessage());
		}
	}

	/**
	 * Sites share a handful of schedules ("24/7", office hours…), and a parsed schedule is a 1.3 KB bit set:
	 * one instance per distinct text keeps 400,000 sites from holding 400,000 copies.
	 */
	private SiteIndex.Entry entry(Site site) {
		OpeningHours hours = schedules.computeIfAbsent(site.openingHours(), OpeningHours::parse);
		if (schedules.size() > MAX_SCHEDULES) {
			schedules.clear();
		}
		return new SiteIndex.Entry(site.id(), site.name(), site.type(), site.lat(), site.lon(), site.amenities(), hours, site.revision());
	}
}
