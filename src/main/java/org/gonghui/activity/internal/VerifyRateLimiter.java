package org.gonghui.activity.internal;

import java.time.Clock;
import java.time.Duration;

import org.gonghui.platform.RateLimiter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Slows down walking the public certificate verify page: {@code gonghui.certificate.verify-rate-limit}
 * lookups per client address and window. The numbers are random, so this only keeps a script from
 * hammering the database.
 */
@Component
class VerifyRateLimiter {

	private final RateLimiter limiter;

	VerifyRateLimiter(Clock clock, @Value("${gonghui.certificate.verify-rate-limit:30}") int limit,
			@Value("${gonghui.certificate.verify-rate-window:PT1M}") Duration window) {
		this.limiter = new RateLimiter(clock, limit, window);
	}

	Duration window() {
		return limiter.window();
	}

	/** Counts one lookup; false when the client has used up its allowance. */
	boolean tryAcquire(String client) {
		return limiter.tryAcquire(client);
	}
}
