package org.gonghui.member.internal;

import java.time.Clock;
import java.time.Duration;

import org.gonghui.platform.RateLimiter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Slows down scripted use of the public join form: {@code gonghui.join.rate-limit} submissions per address and window. */
@Component
class JoinRateLimiter {

	private final RateLimiter limiter;

	JoinRateLimiter(Clock clock, @Value("${gonghui.join.rate-limit:10}") int limit, @Value("${gonghui.join.rate-window:PT10M}") Duration window) {
		this.limiter = new RateLimiter(clock, limit, window);
	}

	/** Counts one attempt; false when the client has used up its allowance. */
	boolean tryAcquire(String client) {
		return limiter.tryAcquire(client);
	}
}
