package org.gonghui.member.internal;

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
 * Slows down scripted use of the public join form: at most {@code limit} submissions per client
 * address in a sliding window. Kept in memory per instance, which is enough to stop a single script;
 * behind a proxy set {@code server.forward-headers-strategy} so the client address is the real one.
 */
@Component
class JoinRateLimiter {

	private static final int MAX_TRACKED_CLIENTS = 50_000;

	private final Map<String, Deque<Instant>> attempts = new ConcurrentHashMap<>();
	private final Clock clock;
	private final int limit;
	private final Duration window;

	JoinRateLimiter(Clock clock, @Value("${gonghui.join.rate-limit:10}") int limit,
			@Value("${gonghui.join.rate-window:PT10M}") Duration window) {
		this.clock = clock;
		this.limit = limit;
		this.window = window;
	}

	/** Counts one attempt; false when the client has used up its allowance. */
	boolean tryAcquire(String client) {
		Instant now = clock.instant();
		if (attempts.size() > MAX_TRACKED_CLIENTS) {
			attempts.entrySet().removeIf(e -> isStale(e.getValue(), now));
		}
		Deque<Instant> times = attempts.computeIfAbsent(client, k -> new ArrayDeque<>());
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
