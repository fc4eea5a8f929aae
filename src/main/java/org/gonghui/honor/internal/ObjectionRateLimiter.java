package org.gonghui.honor.internal;

import java.time.Clock;
import java.time.Duration;

import org.gonghui.platform.RateLimiter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Slows down scripted objections to a public notice: a few per address and window, and fewer per phone
 * number (one person raising the same matter many times is one objection).
 */
@Component
class ObjectionRateLimiter {

	private final RateLimiter perAddress;
	private final RateLimiter perPhone;

	ObjectionRateLimiter(Clock clock, @Value("${gonghui.objection.address-limit:5}") int addressLimit,
			@Value("${gonghui.objection.phone-limit:3}") int phoneLimit, @Value("${gonghui.objection.window:PT1H}") Duration window) {
		this.perAddress = new RateLimiter(clock, addressLimit, window);
		this.perPhone = new RateLimiter(clock, phoneLimit, window);
	}

	boolean tryAddress(String address) {
		return perAddress.tryAcquire(address);
	}

	boolean tryPhone(String phoneHash) {
		return perPhone.tryAcquire(phoneHash);
	}
}
