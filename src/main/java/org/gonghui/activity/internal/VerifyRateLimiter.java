package org.gonghui.activity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Slows down walking the public certificate verify page: at most {@code limit} lookups per client address
 * in a sliding window (the member module's join limiter, same approach). The numbers are random, so this
 * only keeps a script from hammering the database; kept in memory per instance. Behind a proxy set
 * {@code server.forward-headers-strategy} so the client address is the real one.
 */
@Component
class VerifyRateLimiter {

	private static final int MAX_TRACKED_CLIENTS = 50_000;

	private final Map<String, Deque<Instant>> attempts = new ConcurrentHashMap<>();
	private final Clock clock;
	private final int limit;
	private final Duration window;

	VerifyRateLimiter(Clock clock, @Value("${gonghui.certificate.verify-rate-limit:30}") int limit,
			@Value("${gonghui.certificate.verify-rate-window:PT1M}") Duration window) {
		this.clock = clock;
		this.limit = limit;
		this.window = window;
	}

	Duration window() {
		return window;
	}

	/** Counts one lookup; false when the client has used up its allowance. */
	boolean tryAcquire(String client) {
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
