package org.gonghui.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code limit} attempts per client (an address) in a sliding window, for public forms and pages
 * that a script could hammer (the join form, the certificate check). Kept in memory per instance, which is
 * enough to stop a single script; behind a proxy set {@code server.forward-headers-strategy} so the client
 * address is the real one. Clients idle for a whole window are forgotten once many are tracked.
 */
public final class RateLimiter {

	private static final int MAX_TRACKED_CLIENTS = 50_000;

	private final Map<String, Deque<Instant>> attempts = new ConcurrentHashMap<>();
	private final Clock clock;
	private final int limit;
	private final Duration window;

	public RateLimiter(Clock clock, int limit, Duration window) {
		this.clock = clock;
		this.limit = limit;
		this.window = window;
	}

	public Duration window() {
		return window;
	}

	/** Counts one attempt; false when the client has used up its allowance. */
	public boolean tryAcquire(String client) {
		Instant now = clock.instant();
		if (attempts.size() > MAX_TRACKED_CLIENTS) {
			attempts.entrySet().removeIf(e -> isStale(e.getValue(), now));
		}
		Deque<Instant> times = attempts.computeIfAbsent(client == null ? "" : client, k -> new ArrayDeque<>());
		synchronized (times) {
			while (!times.isEmpty() && times.peekFirst().isBefore(now.minus(window))) {
				times.pollFirst();
			}
			if (times.size() >= limit) {
				return false;
			}
			times.addLast(now);
			return true;
		}
	}

	private boolean isStale(Deque<Instant> times, Instant now) {
		synchronized (times) {
			return times.isEmpty() || times.peekLast().isBefore(now.minus(window));
		}
	}
}
