package org.gonghui.member.internal;

import java.time.Clock;
import java.time.Duration;

import org.gonghui.platform.RateLimiter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Slows down guessing on the public account claim: {@code gonghui.account-claim.address-limit} attempts per
 * address and {@code member-limit} per 身份证号 (whoever sends them) in a window, so nobody who knows
 * someone's ID number can try card numbers until one fits.
 */
@Component
class ClaimRateLimiter {

	private final RateLimiter perAddress;
	private final RateLimiter perMember;

	ClaimRateLimiter(Clock clock, @Value("${gonghui.account-claim.address-limit:20}") int addressLimit,
			@Value("${gonghui.account-claim.member-limit:5}") int memberLimit,
			@Value("${gonghui.account-claim.window:PT1H}") Duration window) {
		this.perAddress = new RateLimiter(clock, addressLimit, window);
		this.perMember = new RateLimiter(clock, memberLimit, window);
	}

	boolean tryAddress(String client) {
		return perAddress.tryAcquire(client);
	}

	boolean tryMember(String idNumberHash) {
		return perMember.tryAcquire(idNumberHash);
	}
}
