package org.gonghui.platform.internal;

import org.gonghui.platform.StartupData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the {@link StartupData} beans in a lifecycle phase before the web server's (which starts at
 * {@code Integer.MAX_VALUE - 2048}): Spring Boot's ApplicationRunners would run only after the server
 * already answers. Scheduled jobs start later still (on the refreshed event), so none races the load.
 */
@Component
class StartupDataLoader implements SmartLifecycle {

	/** Before the web server (MAX - 2048) and its graceful-shutdown partner (MAX - 1024). */
	static final int PHASE = Integer.MAX_VALUE - 4096;

	private static final Logger log = LoggerFactory.getLogger(StartupDataLoader.class);

	private final ObjectProvider<StartupData> data;
	private volatile boolean running;
	private boolean loaded;

	StartupDataLoader(ObjectProvider<StartupData> data) {
		this.data = data;
	}

	@Override
	public synchronized void start() {
		if (!loaded) {
			long t0 = System.nanoTime();
			data.orderedStream().forEach(StartupData::load);
			loaded = true;
			log.info("Start-up data loaded in {} ms", (System.nanoTime() - t0) / 1_000_000);
		}
		running = true;
	}

	@Override
	public void stop() {
		running = false;
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}
}
